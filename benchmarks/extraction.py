"""Extraction accuracy: graphbuild and a subject-verb-object baseline side by side on gold sets.

The baseline is textacy's ``subject_verb_object_triples`` on the same spaCy pipeline, verbs mapped to PLOVER
types by the ontology's verb triggers (no nominal events, no coreference, no modality, no passives without
an agent). Scores follow the rules of graphbuild.evaluate (the same as the shared reference scorer).
Prints figures; it is not a timed test.

usage: python benchmarks/extraction.py [GOLD.jsonl ...] [--misses] [--no-baseline]
(default: the three dev sets under ../shared/eval when they are there)
needs the optional extra for the baseline: pip install -e ".[bench]"
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from graphbuild.evaluate import gold_documents, read_gold, report, score
from graphbuild.nlp import load_pipeline
from graphbuild.ontology import load_ontology
from graphbuild.pipeline import process

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
DEV_SETS = {
    "seed article": EVAL / "seed" / "baghdad_embassy_attack.gold.jsonl",
    "WikiEvents dev": EVAL / "wikievents_dev.gold.jsonl",
    "MUC-4 dev": EVAL / "muc4_dev.gold.jsonl",
}


def baseline_events(nlp, gold, onto) -> list[dict]:
    """textacy SVO triples, verb lemma -> PLOVER type; one event per triple."""
    from textacy.extract import subject_verb_object_triples

    triggers = onto.lexicon.verb_triggers
    out = []
    docs = list(gold_documents(gold))
    for doc, sdoc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        for subj, verb, obj in subject_verb_object_triples(sdoc):
            lemma = verb[-1].lemma_.lower()
            if lemma not in triggers:
                continue
            sent = verb[-1].sent.text.strip()
            out.append({"doc_id": doc.id, "sentence": sent, "event_type": triggers[lemma],
                        "actor": {"mention": " ".join(t.text for t in subj)},
                        "target": {"mention": " ".join(t.text for t in obj)}})
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("gold", nargs="*", help="gold files (default: the shared dev sets)")
    p.add_argument("--misses", action="store_true", help="print graphbuild's misses per document")
    p.add_argument("--no-baseline", action="store_true", help="skip the textacy baseline")
    args = p.parse_args(argv)
    sets = {Path(g).name: Path(g) for g in args.gold} or {k: v for k, v in DEV_SETS.items() if v.is_file()}
    if not sets:
        print(f"no gold files given and none under {EVAL}", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore", message=r".*\[W036\]")
    onto = load_ontology()
    nlp = load_pipeline(None, onto)
    baseline_ok = not args.no_baseline
    if baseline_ok:
        try:
            import textacy  # noqa: F401
        except ImportError:
            print("textacy is not installed (pip install -e '.[bench]'); baseline skipped", file=sys.stderr)
            baseline_ok = False
    print(f"{'set':<16} {'system':<11} {'P':>6} {'R':>6} {'F1':>6}  recalled  correct/judged  sec")
    for name, path in sets.items():
        gold = read_gold(path)
        t = time.time()
        events = [e for _d, evs, _a in process(gold_documents(gold), onto, nlp) for e in evs]
        ours = score(gold, events)
        _row(name, "graphbuild", ours, time.time() - t)
        if baseline_ok:
            t = time.time()
            _row(name, "baseline", score(gold, baseline_events(nlp, gold, onto)), time.time() - t)
        if args.misses:
            print(report(ours, misses=True, wrong=True))
    return 0


def _row(name, system, s, secs) -> None:
    rec = f"{s.recalled}/{s.required}"
    cor = f"{s.correct}/{s.judged}"
    print(f"{name:<16} {system:<11} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}  {rec:>8}  {cor:>14}  "
          f"{secs:>4.0f}")


if __name__ == "__main__":
    sys.exit(main())
