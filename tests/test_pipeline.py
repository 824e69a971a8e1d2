"""The pipeline around the extractor: huge documents in pieces, a time budget per document, a build that
touches its output folder only once everything is written."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild import pipeline
from graphbuild.errors import GraphbuildError, InputError, ModelError, OutputError
from graphbuild.nlp import split_text
from graphbuild.pipeline import budget, build, process
from graphbuild.records import Document

# Paragraphs of our own, each telling its story with named sides, so a paragraph parses the same alone.
PARAGRAPHS = [
    "Rebels attacked an army post near Goma on Monday, officials said. Two soldiers were killed.",
    "Gunmen killed three police officers in Kano on Friday, the police said.",
    "Israel struck a Hamas training camp in Gaza on Sunday, the Israeli military said.",
    "Russia launched a drone attack on Kyiv overnight, Ukrainian officials said.",
    "The United States accused Iran of arming the Houthis, a State Department spokesman said.",
    "Protesters marched on the parliament in Nairobi on Tuesday to demand lower taxes.",
]


def corpus_text(n: int) -> str:
    """n paragraphs (blank line between), each a little different so sentences do not repeat."""
    return "\n\n".join(f"{PARAGRAPHS[i % len(PARAGRAPHS)]} The report was number {i}." for i in range(n))


# --------------------------------------------------------------------------- split_text

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n!?\t"), max_size=400), st.integers(1, 60))
def test_pieces_cover_the_text_within_the_size(text, size):
    pieces = split_text(text, size)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= size for _, p in pieces)
    assert all(text[off:off + len(p)] == p for off, p in pieces)
    assert all(p for _, p in pieces) or text == ""


def test_pieces_end_at_paragraphs_then_sentences():
    text = corpus_text(40)
    pieces = split_text(text, 500)
    assert len(pieces) > 5
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])  # every cut at a paragraph break
    one_paragraph = "First sentence here. Second sentence here. Third one."
    assert [p for _, p in split_text(one_paragraph, 30)] == ["First sentence here. ", "Second sentence here. ",
                                                             "Third one."]


# --------------------------------------------------------------------------- huge documents

def test_split_document_gives_the_events_of_the_unsplit_one(nlp, ontology):
    doc = Document("long", corpus_text(24))
    whole = [ev for _d, evs, _a in process([doc], ontology, nlp) for ev in evs]
    split = [ev for _d, evs, _a in process([doc], ontology, nlp, chunk_size=400) for ev in evs]
    assert len(split_text(doc.text, 400)) > 5
    assert len(whole) >= 24
    assert [(e.id, e.sentence, e.span) for e in split] == [(e.id, e.sentence, e.span) for e in whole]
    for e in split:  # the span is the trigger's place in its sentence, the sentence is the document's
        assert e.sentence in doc.text and e.sentence[e.span[0]:e.span[1]].strip()


class Recorder:
    """A pipeline component that notes the characters of each batch the parser would get."""

    batches: list[list[int]] = []

    def __call__(self, doc):
        self.batches.append([len(doc.text)])
        return doc

    def pipe(self, docs, batch_size=None):
        docs = list(docs)
        self.batches.append([len(d.text) for d in docs])
        yield from docs


def test_multi_megabyte_document_goes_through_in_bounded_batches(ontology):
    """Beyond spaCy's max_length (1,000,000 characters): parsed in pieces, never E088, and never more than
    BATCH_CHARS characters at once, since the parser's memory grows with them. A blank pipeline keeps this
    fast; what it is handed is what the real parser would be handed."""
    import spacy
    from spacy.language import Language

    if "test_recorder" not in Language.factories:
        Language.factory("test_recorder", func=lambda nlp, name: Recorder())
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.add_pipe("test_recorder")
    Recorder.batches.clear()
    text = corpus_text(30_000)
    assert len(text) > 2_500_000 > blank.max_length
    docs = [Document("small", PARAGRAPHS[0]), Document("huge", text), Document("small2", PARAGRAPHS[1])]
    done = list(process(docs, ontology, blank, doc_timeout=None))
    assert [d.id for d, _e, _a in done] == ["small", "huge", "small2"]
    assert all(events == [] for _d, events, _a in done)  # no parse, no events: this checks the plumbing
    pieces = [n for batch in Recorder.batches for n in batch]
    assert sum(pieces) == len(text) + len(PARAGRAPHS[0]) + len(PARAGRAPHS[1]) and len(pieces) >= 27
    assert max(pieces) <= pipeline.CHUNK_SIZE
    assert max(sum(batch) for batch in Recorder.batches) <= pipeline.BATCH_CHARS


# --------------------------------------------------------------------------- time budget

def test_budget_scales_with_length():
    assert budget("x" * 50_000, 10) == 10
    assert budget("x" * 300_000, 10) == 30
    assert budget("x", None) is None and budget("x", 0) is None


def slow_on(marker: str, monkeypatch):
    """The real extractor, made to hang on documents whose text holds ``marker``."""
    real = pipeline.extract_events

    def extract(sdoc, doc, ontology):
        if marker in doc.text:
            time.sleep(120)
        return real(sdoc, doc, ontology)

    monkeypatch.setattr(pipeline, "extract_events", extract)


def test_a_document_over_its_budget_is_named_and_the_rest_go_on(nlp, ontology, monkeypatch):
    import signal

    slow_on("SLOW", monkeypatch)
    docs = [Document("a", PARAGRAPHS[0]), Document("b", "SLOW " + PARAGRAPHS[1], origin="notes.jsonl:17"),
            Document("c", PARAGRAPHS[2])]
    warned = []
    before = signal.getsignal(signal.SIGALRM)
    t0 = time.perf_counter()
    done = list(process(docs, ontology, nlp, doc_timeout=0.5, warn=warned.append))
    assert time.perf_counter() - t0 < 60
    assert [d.id for d, _e, _a in done] == ["a", "c"] and all(evs for _d, evs, _a in done)
    assert [str(w) for w in warned] == ["notes.jsonl:17: gave up after 0.5 s"] and warned[0].skipped
    assert signal.getsignal(signal.SIGALRM) is before  # the handler is put back
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_the_time_budget_raises_by_default(nlp, ontology, monkeypatch):
    slow_on("SLOW", monkeypatch)
    with pytest.raises(InputError, match="gave up after 0.2 s"):
        list(process([Document("b", "SLOW words.", origin="b.txt")], ontology, nlp, doc_timeout=0.2))


def test_an_extractor_failure_costs_one_document(nlp, ontology, monkeypatch):
    real = pipeline.extract_events

    def broken(sdoc, doc, onto):
        if "BROKEN" in doc.text:
            raise IndexError("list index out of range")
        return real(sdoc, doc, onto)

    monkeypatch.setattr(pipeline, "extract_events", broken)
    warned = []
    docs = [Document("x", "BROKEN text.", origin="x.txt"), Document("y", PARAGRAPHS[1])]
    done = list(process(docs, ontology, nlp, warn=warned.append))
    assert [d.id for d, _e, _a in done] == ["y"]
    assert "x.txt: skipped: the extractor failed (IndexError: list index out of range)" in str(warned[0])
    assert warned[0].skipped
    with pytest.raises(IndexError):
        list(process(docs, ontology, nlp, warn=warned.append, debug=True))


# --------------------------------------------------------------------------- the output folder

@pytest.fixture
def fast_build(nlp, ontology, monkeypatch):
    """build() with the session's pipeline and ontology (loading them is the slow part)."""
    monkeypatch.setattr(pipeline, "load_ontology", lambda files=(): ontology)
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None, onto=None: nlp)
    return build


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def previous(tmp_path, fast_build):
    src = tmp_path / "a.txt"
    src.write_text(PARAGRAPHS[1])
    out = tmp_path / "out"
    fast_build([src], out)
    return out, snapshot(out)


def test_force_replaces_the_output_in_one_swap(tmp_path, previous, fast_build):
    out, before = previous
    src = tmp_path / "b.txt"
    src.write_text(PARAGRAPHS[2])
    result = fast_build([src], out, force=True)
    after = snapshot(out)
    assert after != before and set(after) >= {p for p in before if p.parts[0] != "store"}
    assert result.paths["events.jsonl"] == out / "events.jsonl"
    assert '"doc_id": "b"' in (out / "events.jsonl").read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_a_failing_build_leaves_the_previous_output_as_it_was(tmp_path, previous, fast_build, monkeypatch):
    out, before = previous
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    with pytest.raises(InputError, match="no input could be used"):
        fast_build([bad], out, force=True, warn=lambda e: None)
    assert snapshot(out) == before

    def no_model(model=None, onto=None):
        raise ModelError("cannot load spaCy pipeline 'no_such_pipeline'")

    monkeypatch.setattr(pipeline, "load_pipeline", no_model)
    with pytest.raises(ModelError):
        fast_build([tmp_path / "a.txt"], out, force=True)
    assert snapshot(out) == before

    def full_disk(*args, **kw):
        raise OutputError("cannot write (No space left on device)", path=out / "graph.ttl")

    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None, onto=None: None)
    monkeypatch.setattr(pipeline, "process", lambda *a, **kw: iter([(pipeline.Document("a", "x"), [], [])]))
    monkeypatch.setattr(pipeline, "write_outputs", full_disk)
    with pytest.raises(OutputError):
        fast_build([tmp_path / "a.txt"], out, force=True)
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_writer_failing_beside_the_others_fails_the_build_and_leaves_the_output(tmp_path, previous, fast_build,
                                                                                monkeypatch):
    # the page and the tables are written in a forked process beside the RDF (on Linux): its error is the build's
    out, before = previous

    def no_room(*args, **kw):
        raise OutputError("cannot write (No space left on device)", path="graph.gexf")

    from graphbuild.export import tables

    monkeypatch.setattr(tables, "write_gexf", no_room)
    with pytest.raises(OutputError, match=r"graph.gexf: cannot write \(No space left on device\)"):
        fast_build([tmp_path / "a.txt"], out, force=True)
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_side_by_side_runs_both_and_raises_the_childs_error(tmp_path):
    from graphbuild.pipeline import side_by_side

    side_by_side(lambda: (tmp_path / "a").write_text("a"), lambda: (tmp_path / "b").write_text("b"))
    assert (tmp_path / "a").read_text() + (tmp_path / "b").read_text() == "ab"

    class Odd(Exception):  # a local class does not pickle: its message makes the trip
        pass

    def odd():
        raise Odd("half way")

    with pytest.raises((Odd, GraphbuildError), match="half way"):  # Odd itself where nothing forks
        side_by_side(lambda: None, odd)


def test_force_refuses_an_output_folder_holding_the_input(tmp_path, previous, fast_build):
    out, before = previous
    inside = out / "new.txt"
    inside.write_text(PARAGRAPHS[0])
    with pytest.raises(OutputError, match="holds the input"):
        fast_build([inside], out, force=True)
    assert inside.exists()


def test_the_current_folder_is_never_the_output(tmp_path, fast_build, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="current folder"):
        fast_build(["a.txt"], ".", force=True)
    with pytest.raises(OutputError, match="current folder"):
        fast_build(["a.txt"], tmp_path.parent, force=True)
