"""Scale: a whole build against a bare spaCy parse of the same texts, as whole processes. Prints figures; not a
timed test. The machine may be shared: run it twice, trust the lower times.

Rows (issue 9): wall time build / bare ``nlp.pipe`` parse over the dev corpus and over one article; peak
memory (RSS, from ``/usr/bin/time -f %M``) of a build at 1x, 4x and 8x the corpus; the speed-up of
``--n-process 2`` (worker processes that parse and extract); a Dask build (``--engine dask --workers 2``)
against the local one, with a check that their event ids are equal; tokens/s and documents/s of the build.
The parallel rows also give user+sys CPU time (the workers' included) and the load average, since on a shared
machine a speed-up is only as good as the idle cores. The dev corpus is the texts of the wikievents and muc4
dev sets (86 documents); copies beyond 1x get new ids, so they are parsed and merged like new articles.

usage: python benchmarks/scale.py [--multiples 1,4,8] [--rows one,dev,memory,n-process,dask]
"""

from __future__ import annotations

import argparse
import json
import os
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


ROWS = ("one", "dev", "memory", "n-process", "dask")


def timed_build(path: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Wall seconds and user+sys CPU seconds of a whole build, its worker processes included (they are its
    children: spawned processes, or the nannies' workers of a local Dask cluster)."""
    with tempfile.NamedTemporaryFile("r") as stats:
        t0 = time.perf_counter()
        done = subprocess.run([TIME, "-o", stats.name, "-f", "%U %S", sys.executable, "-m", "graphbuild", "build",
                               str(path), "--out", str(out), "--force", *extra], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if done.returncode not in (0, 2):
            sys.exit(f"failed ({done.returncode}): build {' '.join(extra)}\n{done.stderr[-2000:]}")
        user, system = (float(x) for x in stats.read().split()[-2:])
    return wall, user + system


def event_ids(out: Path) -> list[str]:
    with open(out / "events.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["id"] for line in fh if line.strip()]


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def parallel_rows(dev: Path, tmp: Path, rows: list[str], copies: int = 1) -> None:
    """--n-process 2 and Dask with 2 workers against the local build of the dev corpus (``copies`` times over:
    the workers' start-up and the outputs, written by one process, weigh less on a larger corpus)."""
    local, local_cpu = timed_build(dev, tmp / "par-local")
    print(f"local build   {local:6.1f} s   CPU {local_cpu:6.1f} s   {copies}x the dev corpus   ({load()})")
    if "n-process" in rows:
        wall, cpu = timed_build(dev, tmp / "par-np2", "--n-process", "2")
        same = (tmp / "par-np2" / "events.jsonl").read_bytes() == (tmp / "par-local" / "events.jsonl").read_bytes()
        print(f"--n-process 2 {wall:6.1f} s   CPU {cpu:6.1f} s   speed-up {local / wall:.2f}x   "
              f"events.jsonl {'identical' if same else 'DIFFERENT'}   ({load()})")
    if "dask" in rows:
        wall, cpu = timed_build(dev, tmp / "par-dask", "--engine", "dask", "--workers", "2")
        same = event_ids(tmp / "par-dask") == event_ids(tmp / "par-local")
        print(f"Dask 2 workers {wall:5.1f} s   CPU {cpu:6.1f} s   vs local {wall / local:.2f}x wall   "
              f"event ids {'equal' if same else 'DIFFERENT'} ({len(event_ids(tmp / 'par-dask'))})   ({load()})")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--multiples", default="1,4,8", help="corpus sizes for peak memory (default 1,4,8)")
    ap.add_argument("--rows", default=",".join(ROWS), help=f"the rows to run (default all: {','.join(ROWS)})")
    ap.add_argument("--skip-n-process", action="store_true", help="leave out the --n-process 2 run")
    ap.add_argument("--parallel-copies", type=int, default=1, metavar="K",
                    help="the n-process and dask rows on K times the dev corpus (default 1)")
    opts = ap.parse_args(argv)
    multiples = [int(x) for x in opts.multiples.split(",")]
    rows = [r for r in opts.rows.split(",") if r and not (opts.skip_n_process and r == "n-process")]
    if unknown := set(rows) - set(ROWS):
        ap.error(f"unknown rows: {', '.join(sorted(unknown))} (known: {', '.join(ROWS)})")
    docs = corpus()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = write_corpus(docs[:1], 1, tmp / "one.jsonl")
        dev = write_corpus(docs, 1, tmp / "dev.jsonl")
        build(one, tmp / "warm")  # fills the start-up cache, so no run below pays for it
        print(f"dev corpus: {len(docs)} documents, {sum(len(d['text']) for d in docs) / 1000:.0f} K characters")

        if "one" in rows:
            p1, _, _ = parse(one)
            b1, _ = build(one, tmp / "out-one")
            print(f"one article   build {b1:6.1f} s   bare parse {p1:6.1f} s   ratio {b1 / p1:.2f}x")

        if "dev" in rows or "memory" in rows:
            pd, prss, tokens = parse(dev)
            bd, brss = build(dev, tmp / "out-dev")
            print(f"dev corpus    build {bd:6.1f} s   bare parse {pd:6.1f} s   ratio {bd / pd:.2f}x")
            print(f"              build {tokens / bd:,.0f} tokens/s, {len(docs) / bd:.1f} docs/s; "
                  f"bare parse {tokens / pd:,.0f} tokens/s ({tokens:,} tokens)")
            print(f"              peak RSS build {brss:.0f} MB, bare parse {prss:.0f} MB")

        if "memory" in rows:
            rss = {1: brss}
            for k in multiples:
                if k == 1:
                    continue
                wall, rss[k] = build(write_corpus(docs, k, tmp / f"dev{k}.jsonl"), tmp / f"out-{k}")
                print(f"{k}x corpus     build {wall:6.1f} s   {k * len(docs) / wall:.1f} docs/s   "
                      f"{k * tokens / wall:,.0f} tokens/s   peak RSS {rss[k]:.0f} MB ({rss[k] / brss:.2f}x of 1x)")

        if "n-process" in rows or "dask" in rows:
            parallel = dev if opts.parallel_copies == 1 else \
                write_corpus(docs, opts.parallel_copies, tmp / f"par{opts.parallel_copies}.jsonl")
            parallel_rows(parallel, tmp, rows, opts.parallel_copies)


if __name__ == "__main__":
    main(sys.argv[1:])
