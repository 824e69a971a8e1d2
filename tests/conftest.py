from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def mini_ontology():
    """A tiny ontology in the shape of the bundled one: rule tests do not depend on the curated data."""
    from graphbuild.ontology import load_ontology

    return load_ontology(base=DATA / "mini_ontology")


@pytest.fixture(scope="session")
def ontology():
    from graphbuild.ontology import load_ontology

    return load_ontology()


@pytest.fixture(scope="session")
def nlp(ontology):
    from graphbuild.nlp import load_pipeline

    return load_pipeline(ontology=ontology)


@pytest.fixture(scope="session")
def extract(nlp, ontology):
    """Run the extractor on a text: extract("Text.", published=date(...)) -> list[Event]."""
    from graphbuild.extract import extract_events
    from graphbuild.records import Document

    def run(text: str, published=None, doc_id: str = "t"):
        doc = Document(doc_id, text, published=published)
        return list(extract_events(nlp(text), doc, ontology))

    return run


SEED = ROOT.parent / "shared" / "eval" / "seed" / "baghdad_embassy_attack.txt"


@pytest.fixture(scope="session")
def examples_out(tmp_path_factory):
    """examples/ built once per session (every output: RDF, store, html, csv, graphml)."""
    from graphbuild.pipeline import build

    out = tmp_path_factory.mktemp("examples") / "out"
    build([EXAMPLES], out)
    return out


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory):
    """The seed article (../shared/eval/seed, input only) built once per session."""
    if not SEED.is_file():
        pytest.skip(f"the seed article is not here ({SEED}); ../shared is absent")
    from graphbuild.pipeline import build

    out = tmp_path_factory.mktemp("seed") / "out"
    build([SEED], out)
    return out
