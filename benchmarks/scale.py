"""Scale: a whole build against a bare spaCy parse of the same texts, as whole processes. Prints figures; not a
timed test. The machine may be shared: run it twice, trust the lower times.

Rows (issue 9): wall time build / bare ``nlp.pipe`` parse over the dev corpus and over one article; peak
memory (RSS, from ``/usr/bin/time -f %M``) of a build at 1x, 4x and 8x the corpus; the speed-up of
``--n-process 2``; tokens/s and documents/s of the build. The dev corpus is the texts of the wikievents and
muc4 dev sets (86 documents); copies beyond 1x get new ids, so they are parsed and merged like new articles.

usage: python benchmarks/scale.py [--multiples 1,4,8] [--skip-n-process]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
CORPUS = ("wikievents_dev.gold.jsonl", "muc4_dev.gold.jsonl")
TIME = "/usr/bin/time"

PARSE = """\
import sys
from graphbuild.cache import load_ontology
from graphbuild.documents import read_documents
from graphbuild.nlp import load_pipeline
nlp = load_pipeline(ontology=load_ontology())
texts = [d.text for d in read_documents([sys.argv[1]])]
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=32)))
"""


def corpus() -> list[dict]:
    docs = []
    for name in CORPUS:
        with open(EVAL / name, encoding="utf-8") as fh:
            docs += [{"id": r["doc_id"], "text": r["text"]} for r in (json.loads(x) for x in fh if x.strip())]
    return docs


def write_corpus(docs: list[dict], copies: int, path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(copies):
            for d in docs:
                fh.write(json.dumps({"id": d["id"] + (f"-copy{k}" if k else ""), "text": d["text"]}) + "\n")
    return path


def run(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds (perf_counter around the whole process), peak RSS in MB, stdout."""
    with tempfile.NamedTemporaryFile("r") as stats:
        t0 = time.perf_counter()
        done = subprocess.run([TIME, "-o", stats.name, "-f", "%M", *args], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if done.returncode not in (0, 2):
            sys.exit(f"failed ({done.returncode}): {' '.join(args)}\n{done.stderr[-2000:]}")
        rss = int(stats.read().split()[-1]) / 1024
    return wall, rss, done.stdout


def parse(path: Path) -> tuple[float, float, int]:
    wall, rss, out = run([sys.executable, "-c", PARSE, str(path)])
    return wall, rss, int(out.split()[-1])


def build(path: Path, out: Path, *extra: str) -> tuple[float, float]:
    wall, rss, _ = run([sys.executable, "-m", "graphbuild", "build", str(path), "--out", str(out), "--force",
                        *extra])
    return wall, rss


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--multiples", default="1,4,8", help="corpus sizes for peak memory (default 1,4,8)")
    ap.add_argument("--skip-n-process", action="store_true", help="leave out the --n-process 2 run")
    opts = ap.parse_args(argv)
    multiples = [int(x) for x in opts.multiples.split(",")]
    docs = corpus()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = write_corpus(docs[:1], 1, tmp / "one.jsonl")
        dev = write_corpus(docs, 1, tmp / "dev.jsonl")
        build(one, tmp / "warm")  # fills the start-up cache, so no run below pays for it
        print(f"dev corpus: {len(docs)} documents, {sum(len(d['text']) for d in docs) / 1000:.0f} K characters")

        p1, _, _ = parse(one)
        b1, _ = build(one, tmp / "out-one")
        print(f"one article   build {b1:6.1f} s   bare parse {p1:6.1f} s   ratio {b1 / p1:.2f}x")

        pd, prss, tokens = parse(dev)
        bd, brss = build(dev, tmp / "out-dev")
        print(f"dev corpus    build {bd:6.1f} s   bare parse {pd:6.1f} s   ratio {bd / pd:.2f}x")
        print(f"              build {tokens / bd:,.0f} tokens/s, {len(docs) / bd:.1f} docs/s; "
              f"bare parse {tokens / pd:,.0f} tokens/s ({tokens:,} tokens)")
        print(f"              peak RSS build {brss:.0f} MB, bare parse {prss:.0f} MB")

        rss = {1: brss}
        for k in multiples:
            if k == 1:
                continue
            wall, rss[k] = build(write_corpus(docs, k, tmp / f"dev{k}.jsonl"), tmp / f"out-{k}")
            print(f"{k}x corpus     build {wall:6.1f} s   {k * len(docs) / wall:.1f} docs/s   "
                  f"{k * tokens / wall:,.0f} tokens/s   peak RSS {rss[k]:.0f} MB ({rss[k] / brss:.2f}x of 1x)")

        if not opts.skip_n_process:
            b2, rss2 = build(dev, tmp / "out-np2", "--n-process", "2")
            print(f"--n-process 2 build {b2:6.1f} s   speed-up {bd / b2:.2f}x   peak RSS {rss2:.0f} MB "
                  "(the main process; workers not counted)")


if __name__ == "__main__":
    main(sys.argv[1:])
