"""The ``graphbuild`` command: a thin layer over the library. Errors print one line, never a traceback."""

from __future__ import annotations

import argparse
import atexit
import gc
import json
import sys
from collections.abc import Sequence

from . import __version__
from .engines import DASK_HINT
from .errors import GraphbuildError

# what `graphbuild --help` says: the command, for its users (the module docstring is for developers)
DESCRIPTION = ("Conflict-event knowledge graphs from news: read articles, extract who did what to whom, where and "
               "when, with the evidence for every edge, and write the graph as JSON lines, CSV (ACLED-like), "
               "RDF, a SPARQL store, GraphML/GEXF and an interactive page; then query, serve, validate it.")
EXIT_ERROR = 2
EXIT_INPUT_PROBLEMS = 1
# build: 0 every input used, 2 some skipped (named on stderr), 1 nothing usable or a failure (nothing written)
EXIT_BUILD_SKIPPED = 2
EXIT_BUILD_FAILED = 1


def _warn(err: GraphbuildError) -> None:
    print(f"graphbuild: warning: {err}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    result = build(args.inputs, args.out, model=args.model, ontology_files=args.ontology or (),
                   force=args.force, base=args.base, warn=_warn, progress=True, n_process=args.n_process,
                   doc_timeout=args.doc_timeout or None, debug=getattr(args, "debug", False),
                   append=args.append, engine=args.engine, scheduler=args.scheduler, workers=args.workers)
    print(result.summary())
    return EXIT_BUILD_SKIPPED if result.skipped else 0


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


def cmd_query(args: argparse.Namespace) -> int:
    from .store import format_results, open_store, query, read_query

    text = sys.stdin.read() if args.query == "-" else read_query(args.query)
    result = query(open_store(args.out), text, base=args.base)
    out = format_results(result, args.format, base=args.base)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    serve(args.out, args.host, args.port, allow_update=args.allow_update, timeout=args.timeout, base=args.base,
          verbose=args.verbose)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    result = validate(args.out, shapes=args.shapes)
    if result.conforms:
        print("graphbuild: the graph conforms to the SHACL shapes.")
        return 0
    print(result.report, end="" if result.report.endswith("\n") else "\n")
    print(f"graphbuild: {result.violations} SHACL violations.", file=sys.stderr)
    return EXIT_INPUT_PROBLEMS


def cmd_resolve(args: argparse.Namespace) -> int:
    from .ontology import load_ontology

    onto = load_ontology(args.ontology or ())
    for mention in args.mentions:
        a = onto.resolve(mention)
        row = {"mention": mention, "id": a.id, "label": a.label, "kind": a.kind, "country": a.country,
               "resolved": a.resolved}
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            flag = "" if a.resolved else "  (provisional)"
            print(f"{mention}\t{a.id}\t{a.label}\t{a.kind}\t{a.country or '-'}{flag}")
    return 0


def actor_table(out: str, unresolved_only: bool = False) -> list[dict]:
    """Actors of a built graph by number of event mentions, with the mentions as written."""
    from collections import Counter, defaultdict
    from pathlib import Path

    from .errors import InputError
    from .export import read_events

    path = Path(out) / "events.jsonl"
    if not path.is_file():
        raise InputError("no events.jsonl here; run graphbuild build first", path=out)
    counts: Counter[str] = Counter()
    info: dict[str, dict] = {}
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    for ev in read_events(path):
        for side in (ev.actor, ev.target):
            if side is None or (unresolved_only and side.resolved):
                continue
            counts[side.id] += 1
            info.setdefault(side.id, {"id": side.id, "label": side.label, "kind": side.kind,
                                      "country": side.country, "resolved": side.resolved})
            mentions[side.id][side.mention] += 1
    return [{**info[a], "events": n, "mentions": [m for m, _ in mentions[a].most_common(5)]}
            for a, n in counts.most_common()]


def cmd_actors(args: argparse.Namespace) -> int:
    rows = actor_table(args.out, args.unresolved)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    print(f"{'events':>6}  {'id':<28} {'kind':<12} {'country':<7} label  [as written]")
    for r in rows:
        flag = "" if r["resolved"] else " (provisional)"
        print(f"{r['events']:>6}  {r['id'][:28]:<28} {r['kind']:<12} {r['country'] or '-':<7} "
              f"{r['label']}{flag}  [{'; '.join(r['mentions'])}]")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import extract_gold, read_event_dicts, read_gold, report, score

    gold = read_gold(args.gold)
    events = list(read_event_dicts(args.events)) if args.events else \
        extract_gold(gold, model=args.model, ontology_files=args.ontology or ())
    result = score(gold, events)
    if args.json:
        print(json.dumps({"precision": round(result.precision, 3), "recall": round(result.recall, 3),
                          "f1": round(result.f1, 3), "boilerplate_fp": result.boilerplate_fp,
                          "per_doc": {d.doc_id: {"recalled": d.recalled, "required": d.required,
                                                 "correct": d.correct, "judged": d.judged,
                                                 "missed": [g.id for g in d.missed]} for d in result.docs}},
                         indent=1))
    else:
        print(report(result, misses=not args.quiet, wrong=args.wrong))
    return 0


def _pipeline_options(p: argparse.ArgumentParser, model: bool = True) -> None:
    if model:
        p.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_sm)")
    p.add_argument("--ontology", action="append", metavar="FILE.ttl",
                   help="extra Turtle file of actors (repeatable; adds and overrides)")


def parser() -> argparse.ArgumentParser:
    from .namespaces import DEFAULT_BASE

    p = argparse.ArgumentParser(prog="graphbuild", description=DESCRIPTION,
                                epilog="`graphbuild COMMAND --help` describes a command.")
    p.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the knowledge graph of articles",
                       description="Read articles (.txt, .html, .jsonl, folders, - for stdin) and write "
                                   "events.jsonl, events.csv, graph.ttl/.nt/.jsonld, store/ (SPARQL), "
                                   "graph.html, nodes.csv, edges.csv, graph.graphml and graph.gexf into OUT.")
    b.add_argument("inputs", nargs="+", metavar="INPUT")
    b.add_argument("--out", "-o", required=True, help="output folder")
    mode = b.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="replace the contents of a non-empty output folder")
    mode.add_argument("--append", action="store_true",
                      help="add the inputs to the build in --out (documents already there are skipped)")
    _pipeline_options(b)
    b.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of the graph (default {DEFAULT_BASE})")
    b.add_argument("--n-process", type=int, default=1, metavar="N",
                   help="worker processes that parse and extract whole documents (default 1: this process)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local (default) or dask: parse and extract on a dask.distributed cluster "
                        f"(needs {DASK_HINT})")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler, e.g. tcp://host:8786 (default: a local cluster)")
    b.add_argument("--workers", type=int, metavar="N",
                   help="with --engine dask and no --scheduler: local worker processes (default: one per core)")
    b.add_argument("--doc-timeout", type=_seconds, default=60.0, metavar="SECONDS",
                   help="give up a document after SECONDS per 100,000 characters and go on (default 60; "
                        "0: no limit)")
    b.set_defaults(func=cmd_build)

    i = sub.add_parser("info", help="versions, spaCy pipeline and ontology files",
                       description="Print versions, the spaCy pipeline in use and the ontology files loaded.")
    i.add_argument("--json", action="store_true", help="print JSON")
    i.set_defaults(func=cmd_info)

    r = sub.add_parser("resolve", help="resolve actor mentions against the ontology",
                       description="Print one line per mention: id, label, kind, country (ISO alpha-3) and "
                                   "whether it resolved to a known actor.")
    r.add_argument("mentions", nargs="+", metavar="MENTION")
    r.add_argument("--json", action="store_true", help="one JSON object a line")
    _pipeline_options(r, model=False)
    r.set_defaults(func=cmd_resolve)

    a = sub.add_parser("actors", help="list the actors of a built graph by frequency",
                       description="List the actors of OUT/events.jsonl by number of event mentions, so an "
                                   "analyst sees which names to add to the ontology.")
    a.add_argument("out", metavar="OUT")
    a.add_argument("--unresolved", action="store_true", help="only provisional (unknown) actors")
    a.add_argument("--json", action="store_true", help="one JSON object a line")
    a.set_defaults(func=cmd_actors)

    q = sub.add_parser("query", help="run a SPARQL query on a built graph",
                       description="Run a SPARQL query on the store of OUT (or its graph.nt). QUERY is the "
                                   "query text, a .rq file, the name of a saved query in queries/, or - "
                                   "for stdin. The graph's prefixes (cekg:, actor:, plover:, ...) need no "
                                   "PREFIX lines.")
    q.add_argument("out", metavar="OUT", help="output folder of `graphbuild build`")
    q.add_argument("query", metavar="QUERY", help="SPARQL text, FILE.rq, a saved query name, or -")
    q.add_argument("--format", "-f", default="table", choices=("table", "csv", "tsv", "json", "xml"),
                   help="table (default), csv, tsv, json (SPARQL 1.1 Query Results JSON) or xml")
    q.add_argument("--base", default=DEFAULT_BASE, help="base IRI the graph was built with")
    q.set_defaults(func=cmd_query)

    s = sub.add_parser("serve", help="serve a SPARQL 1.1 endpoint, a query page and graph.html over HTTP",
                       description="Run the Oxigraph server over the store of OUT: a SPARQL 1.1 Protocol "
                                   "endpoint at /sparql (GET and POST; JSON, CSV, TSV or XML results by Accept "
                                   "header), its YASGUI query page at /, and graph.html at /graph.html. "
                                   "Read-only unless --allow-update.")
    s.add_argument("out", metavar="OUT", help="output folder of `graphbuild build`")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    s.add_argument("--allow-update", action="store_true", help="accept SPARQL updates (changes the store)")
    s.add_argument("--timeout", type=float, default=30.0, help="query time limit in seconds (default 30)")
    s.add_argument("--base", default=DEFAULT_BASE, help="base IRI the graph was built with")
    s.add_argument("--verbose", "-v", action="store_true", help="log each request on stderr")
    s.set_defaults(func=cmd_serve)

    e = sub.add_parser("evaluate", help="score extracted events against gold annotations",
                       description="Score events against a gold JSONL file (one document a line: doc_id, "
                                   "text or text_file, events with actor, type, target, optional). Without "
                                   "--events the articles of the gold file are extracted first. Prints "
                                   "precision, recall and F1, then the gold events missed per document.")
    e.add_argument("gold", metavar="GOLD.jsonl")
    e.add_argument("--events", metavar="EVENTS.jsonl", help="events.jsonl of a build (default: extract now)")
    _pipeline_options(e)
    e.add_argument("--wrong", action="store_true", help="also list the system events judged wrong")
    e.add_argument("--quiet", "-q", action="store_true", help="only the scores, no misses")
    e.add_argument("--json", action="store_true", help="print JSON")
    e.set_defaults(func=cmd_evaluate)

    v = sub.add_parser("validate", help="check a built graph against the SHACL shapes",
                       description="Validate OUT/graph.ttl (or an RDF file) against ontology/shapes.ttl with "
                                   "pyshacl. Exits 0 when it conforms, 1 with the report when it does not.")
    v.add_argument("out", metavar="OUT", help="output folder of `graphbuild build`, or an RDF file")
    v.add_argument("--shapes", metavar="FILE.ttl", help="other SHACL shapes (default: the bundled ones)")
    v.set_defaults(func=cmd_validate)

    p.add_argument("--debug", action="store_true", help="show the traceback of an error (for bug reports)")
    for command in sub.choices.values():  # also after the command: graphbuild build ... --debug
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show the traceback of an error (for bug reports)")
    return p


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; every error is one line on stderr (``--debug``: the traceback)."""
    # At exit, Python's last garbage collections walk every object a build loaded (spaCy, the ontology,
    # the gazetteer): 0.7 s of CPU for memory the system takes back anyway. Frozen objects are skipped.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    args = parser().parse_args(argv)
    failed = EXIT_BUILD_FAILED if args.command == "build" else EXIT_ERROR
    if args.debug:
        return args.func(args)
    try:
        return args.func(args)
    except GraphbuildError as e:
        print(f"graphbuild: {e}", file=sys.stderr)
        return failed
    except KeyboardInterrupt:
        print("graphbuild: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("graphbuild: out of memory", file=sys.stderr)
        return failed
    except OSError as e:  # the system's own words, with the file it names
        where = f"{e.filename}: " if e.filename else ""
        print(f"graphbuild: {where}{e.strerror or e}", file=sys.stderr)
        return failed
    except Exception as e:  # a bug: one line, and how to see more
        what = str(e).splitlines()[0][:200] if str(e) else ""
        print(f"graphbuild: internal error ({type(e).__name__}{': ' + what if what else ''}); "
              "run again with --debug to see where", file=sys.stderr)
        return failed


if __name__ == "__main__":
    sys.exit(main())
