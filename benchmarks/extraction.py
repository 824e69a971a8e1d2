"""Extraction accuracy: graphbuild and a subject-verb-object baseline side by side on gold sets.

The baseline is textacy's ``subject_verb_object_triples`` on the same spaCy pipeline, verbs mapped to PLOVER
types by the ontology's verb triggers (no nominal events, no coreference, no modality, no passives without
an agent). Scores follow the rules of graphbuild.evaluate (the same as the shared reference scorer).
Prints figures; it is not a timed test.

usage: python benchmarks/extraction.py [GOLD.jsonl ...] [--misses] [--no-baseline] [--cache DIR]
(default: the dev and tuning sets under ../shared/eval when they are there)
``--cache DIR`` keeps each set's parse (spaCy DocBin, keyed by the texts, the model and the entity ruler's
names) so a rerun after a rule change only re-runs the extractor: seconds instead of minutes.
needs the optional extra for the baseline: pip install -e ".[bench]"
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import warnings
from pathlib import Path

from graphbuild.evaluate import gold_documents, read_gold, report, score
from graphbuild.extract import extract_events
from graphbuild.nlp import load_pipeline, ruler_patterns
from graphbuild.ontology import load_ontology

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
DEV_SETS = {
    "seed article": EVAL / "seed" / "baghdad_embassy_attack.gold.jsonl",
    "WikiEvents dev": EVAL / "wikievents_dev.gold.jsonl",
    "MUC-4 dev": EVAL / "muc4_dev.gold.jsonl",
    "MUC-4 train": EVAL / "muc4_train.gold.jsonl",
    "RAMS dev": EVAL / "rams_dev.gold.jsonl",
}


def baseline_events(docs: list, sdocs: list, onto) -> list[dict]:
    """textacy SVO triples over the same parses, verb lemma -> PLOVER type; one event per triple."""
    from textacy.extract import subject_verb_object_triples

    triggers = onto.lexicon.verb_triggers
    out = []
    for doc, sdoc in zip(docs, sdocs, strict=True):
        for subj, verb, obj in subject_verb_object_triples(sdoc):
            lemma = verb[-1].lemma_.lower()
            if lemma not in triggers:
                continue
            sent = verb[-1].sent.text.strip()
            out.append({"doc_id": doc.id, "sentence": sent, "event_type": triggers[lemma],
                        "actor": {"mention": " ".join(t.text for t in subj)},
                        "target": {"mention": " ".join(t.text for t in obj)}})
    return out


def parsed(nlp, onto, docs: list, cache: Path | None) -> list:
    """The spaCy Docs of ``docs``, from ``cache`` when this pipeline parsed these texts before."""
    if cache is None:
        return list(nlp.pipe(d.text for d in docs))
    from spacy.tokens import DocBin

    key = hashlib.sha1(json.dumps([nlp.meta.get("name"), nlp.meta.get("version"), nlp.pipe_names,
                                   ruler_patterns(onto), [d.text for d in docs]]).encode()).hexdigest()[:16]
    path = cache / f"parse-{key}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    sdocs = list(nlp.pipe(d.text for d in docs))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=sdocs).to_disk(path)
    return sdocs


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("gold", nargs="*", help="gold files (default: the shared dev sets)")
    p.add_argument("--misses", action="store_true", help="print graphbuild's misses per document")
    p.add_argument("--no-baseline", action="store_true", help="skip the textacy baseline")
    p.add_argument("--cache", type=Path, help="folder for cached parses (outside the repository)")
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
        t = time.perf_counter()
        docs = list(gold_documents(gold))
        sdocs = parsed(nlp, onto, docs, args.cache)
        events = [e for d, sd in zip(docs, sdocs, strict=True) for e in extract_events(sd, d, onto)]
        ours = score(gold, events)
        _row(name, "graphbuild", ours, time.perf_counter() - t)
        if baseline_ok:
            t = time.perf_counter()
            _row(name, "baseline", score(gold, baseline_events(docs, sdocs, onto)), time.perf_counter() - t)
        if args.misses:
            print(report(ours, misses=True, wrong=True))
    return 0


def _row(name, system, s, secs) -> None:
    rec = f"{s.recalled}/{s.required}"
    cor = f"{s.correct}/{s.judged}"
    p, f = (f"{s.precision:>6.3f}", f"{s.f1:>6.3f}") if s.judged else (f"{'-':>6}", f"{'-':>6}")  # recall only
    print(f"{name:<16} {system:<11} {p} {s.recall:>6.3f} {f}  {rec:>8}  {cor:>14}  "
          f"{secs:>4.0f}")


if __name__ == "__main__":
    sys.exit(main())
