"""graphbuild evaluate: the gold format, the matching rules, agreement with the shared reference scorer,
and one-line errors for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.evaluate import names_match, norm, read_gold, score

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

GOLD = [
    {"doc_id": "a", "source": "test article", "text": "Latest stories from the region\n"
                                                "Rebels shelled the base at dawn, officials said.\n",
     "boilerplate_lines": [1],
     "events": [{"id": "a1", "actor": ["rebels"], "type": ["ASSAULT"], "target": ["the base", "US base"],
                 "optional": False},
                {"id": "a2", "actor": None, "type": ["ASSAULT"], "target": ["US Embassy"], "optional": False},
                {"id": "a3", "actor": "*", "type": ["THREATEN"], "target": ["US Embassy"], "optional": True}]},
    {"doc_id": "m", "source": "MUC-4 TEST", "text": "GUERRILLAS KILLED A MAJOR GENERAL.",
     "events": [{"id": "m1", "actor": ["GUERRILLAS"], "type": ["ASSAULT"], "target": ["GENERAL"],
                 "optional": False}]},
]


def ev(doc, actor, etype, target, sentence="x"):
    def side(s):
        return None if s is None else {"label": s, "mention": s}

    return {"doc_id": doc, "actor": side(actor), "event_type": etype, "target": side(target), "sentence": sentence}


EVENTS = [
    ev("a", "the rebels", "ASSAULT", "base"),              # "the base" normalizes to "base": equal
    ev("a", None, "ASSAULT", "the US Embassy in Baghdad"),  # two-word gold name inside the system name
    ev("a", "missile", "ASSAULT", "US Embassy"),            # gold says unidentified: wrong
    ev("a", "Iran", "THREATEN", "US Embassy"),               # optional gold: judged correct
    ev("a", "Iran", "COERCE", "rebels"),                     # full annotation: judged, wrong
    ev("a", "Iran", "ASSAULT", "the base", sentence="Latest stories from the region"),  # furniture
    ev("m", "the guerrillas", "ASSAULT", "a major general"),  # head-word gold matches inside
    ev("m", "army", "PROTEST", "guerrillas"),                 # type the document does not annotate: not judged
]


@pytest.fixture
def files(tmp_path):
    g = tmp_path / "gold.jsonl"
    g.write_text("".join(json.dumps(d) + "\n" for d in GOLD))
    e = tmp_path / "events.jsonl"
    e.write_text("".join(json.dumps(x) + "\n" for x in EVENTS))
    return g, e


def test_norm_and_matching_rules():
    assert norm("The U.S.’s base") == "us base"
    assert names_match(["Kataib Hezbollah fighters"], ["Kataib Hezbollah"], False)
    assert not names_match(["fighters"], ["Kataib Hezbollah"], False)
    assert names_match(["anything"], "*", False)


def test_score_counts(files):
    result = score(read_gold(files[0]), json.loads("[" + ",".join(files[1].read_text().split("\n")[:-1]) + "]"))
    assert (result.recalled, result.required) == (3, 3)
    assert (result.correct, result.judged, result.boilerplate_fp) == (4, 7, 1)


@pytest.mark.skipif(not SCORER.is_file(), reason="the shared reference scorer is not here")
def test_agrees_with_the_reference_scorer(files, capsys):
    ref = json.loads(subprocess.run([sys.executable, str(SCORER), str(files[0]), str(files[1]), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    assert main(["evaluate", str(files[0]), "--events", str(files[1]), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    assert (ours["precision"], ours["recall"], ours["f1"]) == (ref["precision"], ref["recall"], ref["f1"])
    assert {d: v["missed"] for d, v in ours["per_doc"].items()} == {d: v["missed"] for d, v in ref["per_doc"].items()}


def test_report_lists_the_misses(files, capsys):
    events = files[1]
    events.write_text(json.dumps(EVENTS[0]) + "\n")
    assert main(["evaluate", str(files[0]), "--events", str(events)]) == 0
    out = capsys.readouterr().out
    assert "missed a2: ASSAULT (unidentified) -> US Embassy" in out and "missed m1" in out


@pytest.mark.parametrize("gold,events,message", [
    ('{"doc_id": "a"}\n', None, "gold.jsonl:1: a gold document needs 'doc_id' and a list of 'events'"),
    ("{oops\n", None, "gold.jsonl:1: not valid JSON"),
    ('{"doc_id": "a", "events": [], "text_file": "missing.txt"}\n', None, "text_file 'missing.txt' cannot be read"),
    ('{"doc_id": "a", "text": "x", "events": []}\n', "[1]\n", "events.jsonl:1: an event must be a JSON object"),
])
def test_bad_input_is_one_line(tmp_path, capsys, gold, events, message):
    g = tmp_path / "gold.jsonl"
    g.write_text(gold)
    args = ["evaluate", str(g)]
    if events is not None:
        (tmp_path / "events.jsonl").write_text(events)
        args += ["--events", str(tmp_path / "events.jsonl")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_missing_gold_file(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope.jsonl")]) == 2
    assert "no such gold file" in capsys.readouterr().err


FLAGGED = [  # the document-level fields override the defaults of the source
    {"doc_id": "p", "source": "MUC-4 TEST", "partial": False, "head_match": False, "text": "x",
     "events": [{"id": "p1", "actor": ["GUERRILLAS"], "type": ["ASSAULT"], "target": ["GENERAL"],
                 "optional": False}]},
    {"doc_id": "q", "source": "test notes", "partial": True, "head_match": True, "text": "x",
     "events": [{"id": "q1", "actor": ["rebels"], "type": ["ASSAULT"], "target": ["convoy"], "optional": False}]},
]
FLAGGED_EVENTS = [
    ev("p", "the guerrillas", "ASSAULT", "a major general"),  # head words off: the target does not match
    ev("p", "army", "PROTEST", "guerrillas"),                 # fully annotated: judged, wrong
    ev("q", "the rebels", "ASSAULT", "an army convoy"),       # head words on: matches
    ev("q", "army", "PROTEST", "rebels"),                     # partial: not judged
]


def test_partial_and_head_match_fields(tmp_path, capsys):
    g, e = tmp_path / "gold.jsonl", tmp_path / "events.jsonl"
    g.write_text("".join(json.dumps(d) + "\n" for d in FLAGGED))
    e.write_text("".join(json.dumps(x) + "\n" for x in FLAGGED_EVENTS))
    gold = read_gold(g)
    assert [(d.partial, d.head_match) for d in gold] == [(False, False), (True, True)]
    result = score(gold, FLAGGED_EVENTS)
    assert (result.recalled, result.required, result.correct, result.judged) == (1, 2, 1, 3)
    if SCORER.is_file():
        ref = json.loads(subprocess.run([sys.executable, str(SCORER), str(g), str(e), "--json"],
                                        capture_output=True, text=True, check=True).stdout)
        assert main(["evaluate", str(g), "--events", str(e), "--json"]) == 0
        ours = json.loads(capsys.readouterr().out)
        assert (ours["precision"], ours["recall"]) == (ref["precision"], ref["recall"])


def test_a_flag_must_be_boolean(tmp_path, capsys):
    g = tmp_path / "gold.jsonl"
    g.write_text('{"doc_id": "a", "text": "x", "events": [], "partial": "yes"}\n')
    assert main(["evaluate", str(g)]) == 2
    assert "gold.jsonl:1: 'partial' must be true or false" in capsys.readouterr().err
