"""Huge documents: parse + extraction of one generated document of N megabytes, in pieces, with the wall
time, throughput and the peak memory (max RSS) of the process. Peak memory should not grow with N (the parser
sees at most a batch of pieces at a time). Each size runs in a fresh process, so peaks do not mix.
Prints figures; it is not a timed test.

usage: python benchmarks/huge_documents.py [MEGABYTES ...]      (default: 1 3 6)
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

# Sentences of our own, varied so that no two paragraphs are the same.
SENTENCES = [
    "Rebels attacked an army post near the border on {day}, officials said.",
    "Gunmen killed {n} police officers in an ambush on a highway, the police said.",
    "The government accused the militia of shelling a village, and the militia denied it.",
    "A drone struck a fuel depot outside the city overnight, the defence ministry said.",
    "Protesters marched on the parliament on {day} to demand the release of detainees.",
    "The United Nations called for a ceasefire after {n} civilians were wounded in the fighting.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generate(megabytes: float) -> str:
    paragraphs, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        p = " ".join(s.format(day=DAYS[(i + k) % 7], n=(i + k) % 40 + 2) for k, s in enumerate(SENTENCES[i % 3:]))
        paragraphs.append(p)
        size += len(p) + 2
        i += 1
    return "\n\n".join(paragraphs)


def run_one(megabytes: float) -> dict:
    from graphbuild.nlp import load_pipeline
    from graphbuild.ontology import load_ontology
    from graphbuild.pipeline import process
    from graphbuild.records import Document

    onto = load_ontology()
    nlp = load_pipeline(ontology=onto)
    text = generate(megabytes)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    [(_doc, events, _affs)] = list(process([Document("huge", text)], onto, nlp, doc_timeout=None))
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"megabytes": round(len(text) / 1e6, 2), "seconds": round(seconds, 1),
            "chars_per_s": round(len(text) / seconds), "events": len(events),
            "rss_before_mb": rss_before // 1024, "peak_rss_mb": peak // 1024}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(float(argv[1]))))
        return
    sizes = [float(x) for x in argv] or [1, 3, 6]
    print(f"{'MB':>5} {'seconds':>8} {'chars/s':>9} {'events':>7} {'RSS loaded':>11} {'peak RSS':>9}")
    for mb in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(mb)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.splitlines()[-1])
        print(f"{r['megabytes']:>5} {r['seconds']:>8} {r['chars_per_s']:>9} {r['events']:>7} "
              f"{r['rss_before_mb']:>8} MB {r['peak_rss_mb']:>6} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
