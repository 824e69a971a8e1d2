"""Fixtures for the doctests under graphbuild/ (tests/conftest.py serves tests/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def built_out(tmp_path_factory):
    """A build folder written from one hand-made event, without spaCy: what ``graphbuild.load`` reads."""
    from graphbuild.graph import merge_events
    from graphbuild.ontology import load_ontology
    from graphbuild.pipeline import OUTPUTS, write_outputs
    from graphbuild.records import Actor, Document, Event, Place

    text = "The Northern Hawks shelled Kessa on Monday."
    hawks = Actor("x-northern-hawks", "Northern Hawks", "armed_group", mention="The Northern Hawks", resolved=False)
    kessa = Actor("x-kessa", "Kessa", "unknown", mention="Kessa", resolved=False)
    event = Event("hawks", text, (19, 26), hawks, kessa, "shelled", "shell", "ASSAULT", mode="artillery",
                  cameo="19", place=Place("Kessa"), date="2025-03-03", confidence=0.7)
    documents = {"hawks": Document("hawks", "", title="Hawks shell Kessa", url="https://example.org/hawks",
                                   published=date(2025, 3, 4), source="Example Wire")}
    out = tmp_path_factory.mktemp("doctest") / "out"
    out.mkdir()
    ontology = load_ontology(base=Path(__file__).parent / "tests" / "data" / "mini_ontology")
    write_outputs(merge_events([event]), {name: out / name for name in OUTPUTS}, ontology, documents, [])
    return out
