"""The ``graphbuild`` command: a thin layer over the library. Errors print one line, never a traceback."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .errors import GraphbuildError

EXIT_ERROR = 2
EXIT_INPUT_PROBLEMS = 1


def _warn(err: GraphbuildError) -> None:
    print(f"graphbuild: warning: {err}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    result = build(args.inputs, args.out, model=args.model, ontology_files=args.ontology or (),
                   force=args.force, base=args.base, warn=_warn, progress=True, n_process=args.n_process)
    print(result.summary())
    return EXIT_INPUT_PROBLEMS if result.problems else 0


def info() -> dict:
    """Versions, the spaCy pipeline in use and the ontology files loaded."""
    import networkx
    import pyvis
    import rdflib
    import spacy

    from .nlp import default_model
    from .ontology import load_ontology

    onto = load_ontology()
    model = default_model()
    model_version = None
    if model:
        try:
            from importlib.metadata import version

            model_version = version(model.replace("_", "-"))
        except Exception:  # the distribution name may differ from the import name
            model_version = None
    return {
        "graphbuild": __version__, "python": sys.version.split()[0], "spacy": spacy.__version__,
        "model": model, "model_version": model_version, "rdflib": rdflib.__version__,
        "networkx": networkx.__version__, "pyvis": getattr(pyvis, "__version__", "0.3.2"),
        "ontology": [str(f) for f in onto.files], "actors": len(onto.actors), "triples": len(onto.graph),
    }


def cmd_info(args: argparse.Namespace) -> int:
    data = info()
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        for k, v in data.items():
            if isinstance(v, list):
                print(f"{k}:")
                for x in v:
                    print(f"  {x}")
            else:
                print(f"{k}: {v}")
    return 0


def parser() -> argparse.ArgumentParser:
    from .namespaces import DEFAULT_BASE

    p = argparse.ArgumentParser(prog="graphbuild", description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the knowledge graph of articles",
                       description="Read articles (.txt, .html, .jsonl, folders, - for stdin) and write "
                                   "events.jsonl, graph.ttl and graph.html into OUT.")
    b.add_argument("inputs", nargs="+", metavar="INPUT")
    b.add_argument("--out", "-o", required=True, help="output folder")
    b.add_argument("--force", action="store_true", help="replace the contents of a non-empty output folder")
    b.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_sm)")
    b.add_argument("--ontology", action="append", metavar="FILE.ttl",
                   help="extra Turtle file of actors (repeatable; adds and overrides)")
    b.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of the graph (default {DEFAULT_BASE})")
    b.add_argument("--n-process", type=int, default=1, help="spaCy worker processes (default 1)")
    b.set_defaults(func=cmd_build)

    i = sub.add_parser("info", help="versions, spaCy pipeline and ontology files",
                       description="Print versions, the spaCy pipeline in use and the ontology files loaded.")
    i.add_argument("--json", action="store_true", help="print JSON")
    i.set_defaults(func=cmd_info)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except GraphbuildError as e:
        print(f"graphbuild: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("graphbuild: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
