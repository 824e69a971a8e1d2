"""Parallel engines: worker processes (--n-process) and Dask (--engine dask) give the events of the serial run,
in its order, and report a bad document or a dead worker instead of hanging."""

from __future__ import annotations

import json

import pytest

from graphbuild import pipeline
from graphbuild.cli import main
from graphbuild.engines import Dask, Processes, batches, start_method
from graphbuild.errors import EngineError
from graphbuild.records import Document

from .faulty import FaultyLoader

ARTICLES = [  # enough documents for several batches, so workers finish out of order
    "Rebels attacked an army post near Goma on Monday, killing three soldiers, the army said.",
    "Police arrested twenty protesters in Nairobi on Tuesday after a march against taxes, witnesses said.",
    "The government of Sudan accused the RSF of shelling a market in El Fasher on Wednesday.",
    "Israel struck Hezbollah positions in southern Lebanon on Saturday, the military said.\n\n"
    "Hezbollah said it fired rockets at an Israeli base in response. Lebanese officials said Israel struck "
    "a village again on Sunday.",
    "Gunmen kidnapped ten villagers in Zamfara state on Thursday, a local official said.",
    "Russia launched drones at Kharkiv overnight, and Ukraine said it shot down most of them.",
    "Turkey struck Kurdish militant positions in northern Iraq on Wednesday, the ministry said.",
    "Protesters clashed with police in Dhaka on Friday; the police fired tear gas at the crowd.",
    "Al-Shabaab militants attacked a military base in Somalia on Monday, officials said.",
    "The United States imposed sanctions on Iran's oil ministry on Tuesday, the Treasury said.",
] * 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("engines") / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{k}", "text": t, "published": "2025-03-04"}) + "\n"
                            for k, t in enumerate(ARTICLES)))
    return path


@pytest.fixture(scope="module")
def serial(corpus, nlp, ontology):
    """events.jsonl of the serial build (in this process, with the session's pipeline)."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pipeline, "load_ontology", lambda files=(): ontology)
        m.setattr(pipeline, "load_pipeline", lambda model=None, onto=None: nlp)
        pipeline.build([corpus], corpus.parent / "serial")
    return (corpus.parent / "serial" / "events.jsonl").read_bytes()


def test_batches_keep_every_document_once_in_order():
    docs = [Document(str(k), "x" * (k * 997 % 9000)) for k in range(50)]
    got = [i for b in batches(docs) for i, _d in b]
    assert got == list(range(50))


def test_two_worker_processes_give_the_events_of_the_serial_build(tmp_path, corpus, serial, capsys):
    assert main(["build", str(corpus), "--out", str(tmp_path / "np2"), "--n-process", "2"]) == 0
    assert "20 documents" in capsys.readouterr().out
    got = (tmp_path / "np2" / "events.jsonl").read_bytes()
    assert got == serial and got.count(b"\n") > 10


@pytest.mark.skipif(start_method() != "fork", reason="workers are forked only where fork is safe (Linux)")
def test_forked_workers_use_the_pipeline_shared_with_them_and_load_nothing(nlp, ontology):
    # FaultyLoader breaks the extractor of the process that calls it: a shared pipeline means no call in a worker
    docs = [Document("a", ARTICLES[0]), Document("b", "BROKEN " + ARTICLES[4], origin="b.txt")]
    warned = []
    done = list(pipeline.process(docs, None, None, warn=warned.append,
                                 engine=Processes(2, FaultyLoader()).sharing(nlp, ontology)))
    assert [d.id for d, _e, _a in done] == ["a", "b"] and all(events for _d, events, _a in done)
    assert warned == []
    # and nothing shared: the workers load for themselves (the fault is there)
    done = list(pipeline.process(docs, None, None, warn=warned.append, engine=Processes(2, FaultyLoader())))
    assert [d.id for d, _e, _a in done] == ["a"] and [w.path for w in warned] == ["b.txt"]


def test_spawned_workers_give_the_events_of_the_serial_run(nlp, ontology):
    # the start where fork is unsafe (macOS) or missing (Windows): workers load the pipeline themselves
    docs = [Document(f"s{k}", text) for k, text in enumerate(ARTICLES[:6])]
    here = [(d.id, e) for d, e, _a in pipeline.process(docs, ontology, nlp)]
    there = [(d.id, e) for d, e, _a in pipeline.process(docs, None, None, engine=Processes(2, method="spawn"))]
    assert there == here and sum(len(e) for _d, e in here) > 3


def test_a_bad_document_in_a_worker_is_named_and_the_rest_go_on():
    docs = [Document(f"d{k}", text, origin=f"in.jsonl:{k + 1}") for k, text in enumerate(ARTICLES[:10])]
    docs[2] = Document("d2", "BROKEN " + ARTICLES[2], origin="in.jsonl:3")
    docs[7] = Document("d7", "SLOW " + ARTICLES[7], origin="in.jsonl:8")
    warned = []
    done = list(pipeline.process(docs, None, None, doc_timeout=1.0, warn=warned.append,
                                 engine=Processes(2, FaultyLoader())))
    assert [d.id for d, _e, _a in done] == [f"d{k}" for k in range(10) if k not in (2, 7)]
    assert all(events for _d, events, _a in done)
    # the hanging document was given up in its worker (its sleep would have kept it): the timer works there
    assert [str(w) for w in warned] == [
        "in.jsonl:3: skipped: the extractor failed (IndexError: list index out of range); please report this "
        "(--debug shows where)",
        "in.jsonl:8: gave up after 1 s"]
    assert all(w.skipped for w in warned)


def test_a_dead_worker_is_a_clear_error_not_a_hang():
    docs = [Document("a", ARTICLES[0]), Document("b", "VANISH " + ARTICLES[1], origin="b.txt")]
    with pytest.raises(EngineError, match="a worker process stopped .* while parsing a, b.txt; nothing written"):
        list(pipeline.process(docs, None, None, engine=Processes(1, FaultyLoader())))


def test_bad_engine_options_are_one_line(tmp_path, corpus, capsys):
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--n-process", "0"]) == 1
    assert capsys.readouterr().err == "graphbuild: --n-process must be at least 1, not 0\n"
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--workers", "2"]) == 1
    assert capsys.readouterr().err == "graphbuild: --scheduler and --workers go with --engine dask\n"
    assert not (tmp_path / "o").exists()


# --------------------------------------------------------------------------- Dask

def test_dask_with_two_workers_gives_the_events_of_the_local_build(tmp_path, corpus, serial, capsys):
    pytest.importorskip("distributed", reason="the dask extra (make install brings it)")
    assert main(["build", str(corpus), "--out", str(tmp_path / "dask"), "--engine", "dask", "--workers", "2"]) == 0
    assert (tmp_path / "dask" / "events.jsonl").read_bytes() == serial


def test_a_bad_or_stuck_document_on_dask_is_named_and_the_rest_go_on():
    pytest.importorskip("distributed", reason="the dask extra (make install brings it)")
    docs = [Document("a", ARTICLES[0]), Document("b", "BROKEN " + ARTICLES[1], origin="b.txt"),
            Document("c", ARTICLES[2]), Document("d", "SPIN " + ARTICLES[3], origin="d.txt")]
    warned = []
    done = list(pipeline.process(docs, None, None, doc_timeout=1.0, warn=warned.append,
                                 engine=Dask(FaultyLoader(), workers=1)))
    assert [d.id for d, _e, _a in done] == ["a", "c"]
    assert [w.path for w in warned] == ["b.txt", "d.txt"] and "the extractor failed (IndexError" in str(warned[0])
    assert str(warned[1]) == "d.txt: gave up after 1 s"  # Dask runs tasks in a thread: no SIGALRM there


def test_the_time_budget_holds_in_a_thread_too(nlp, ontology, monkeypatch):
    import threading

    real = pipeline.extract_events

    def spin(sdoc, doc, onto):
        while "SPIN" in doc.text:
            pass
        return real(sdoc, doc, onto)

    monkeypatch.setattr(pipeline, "extract_events", spin)
    docs = [Document("a", ARTICLES[0]), Document("b", "SPIN " + ARTICLES[1], origin="b.txt")]
    warned, done = [], []
    worker = threading.Thread(daemon=True, target=lambda: done.extend(
        pipeline.process(docs, ontology, nlp, doc_timeout=0.3, warn=warned.append)))
    worker.start()
    worker.join(60)
    assert not worker.is_alive()
    assert [d.id for d, _e, _a in done] == ["a"] and [str(w) for w in warned] == ["b.txt: gave up after 0.3 s"]


def test_an_unreachable_scheduler_is_one_line(tmp_path, corpus, capsys, monkeypatch):
    pytest.importorskip("distributed", reason="the dask extra (make install brings it)")
    monkeypatch.setattr(Dask, "timeout", "2s")
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("graphbuild: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert err.count("\n") == 1 and "Traceback" not in err and not (tmp_path / "o").exists()


def test_dask_missing_is_one_line_with_the_install_command(tmp_path, corpus, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask"]) == 1
    assert capsys.readouterr().err == ("graphbuild: --engine dask needs dask.distributed; install it with: "
                                       "pip install 'graphbuild[dask]'\n")
