"""`graphbuild serve` under load: CLIENTS concurrent clients send QUERIES queries (the saved queries in turn,
by GET and POST) to a running server over a build folder, and the answers are counted and timed.

    python benchmarks/serve_load.py OUT [--clients 20] [--queries 200]
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from graphbuild.store import saved_queries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", str(args.out), "--port", "0"],
                            stdout=subprocess.PIPE, text=True)
    m = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", proc.stdout.readline())
    if not m:
        proc.kill()
        sys.exit("the server did not start")
    url = m[1] + "/sparql"
    texts = [p.read_text() for _, p in sorted(saved_queries().items())]

    def one(i: int):
        text, t = texts[i % len(texts)], time.perf_counter()
        if i % 2:
            req = urllib.request.Request(url, urllib.parse.urlencode({"query": text}).encode(),
                                         {"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "text/csv"})
        else:
            req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": text}),
                                         headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        return status, time.perf_counter() - t

    try:
        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            answers = list(pool.map(one, range(args.queries)))
        wall = time.perf_counter() - t0
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    ok = sum(1 for s, _ in answers if s == 200)
    times = sorted(t for _, t in answers)
    print(f"{args.clients} clients, {args.queries} queries: {ok} answered 200, {args.queries - ok} not")
    p95 = times[int(0.95 * len(times)) - 1]
    print(f"wall {wall:.1f} s, {args.queries / wall:.1f} queries/s; per query median "
          f"{statistics.median(times) * 1000:.0f} ms, 95th percentile {p95 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
