"""Scale: a whole build against a bare spaCy parse of the same texts, as whole processes. Prints figures; not a
timed test. The machine may be shared: run it twice, trust the lower times.

Rows (issue 9), each chosen with ``--rows``:

- ``ratio``: wall time build / bare ``nlp.pipe`` parse over the dev corpus and over one article;
- ``memory``: peak memory (RSS, from ``/usr/bin/time -f %M``) of a build at 1x, 4x, 8x and 16x the corpus
  (``--multiples``), with tokens/s and documents/s at each;
- ``n-process``: the speed-up of ``--n-process 2`` (worker processes that parse and extract), with the most
  Amdahl's law allows given the part no worker shares (a one-article build's time), beside the same for a
  bare parse (spaCy's own ``nlp.pipe(n_process=2)``, and the bound its start-up sets), and ``dask``: a
  build with ``--engine dask --workers 2`` against the local one, with a check that their event ids are equal;
  both give user+sys CPU time (the workers' included) and the load average, since on a shared machine a
  speed-up is only as good as the idle cores (``--parallel-copies K`` runs them on K times the corpus);
- ``sparql``: a generated graph of about 1M triples (``--triples``; synthetic events through
  ``export.rdf.triples``) bulk-loaded into the store and parsed into an in-memory rdflib Graph, and three
  analyst queries on each: load and query seconds side by side.

The dev corpus is the texts of the wikievents and muc4 dev sets (86 documents); copies beyond 1x get new ids,
so they are parsed and merged like new articles (repeated texts add no new words to spaCy's vocabulary).
Everything takes about 15 minutes on an idle 2-core laptop; ``--rows ratio,sparql --multiples 1,4,8`` less.

usage: python benchmarks/scale.py [--rows ratio,memory,n-process,dask,sparql] [--multiples 1,4,8,16]
                                  [--triples 1000000] [--parallel-copies K]
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
ROWS = ("ratio", "memory", "n-process", "dask", "sparql")

PARSE = """\
import sys
from graphbuild.cache import load_ontology
from graphbuild.documents import read_documents
from graphbuild.nlp import load_pipeline
nlp = load_pipeline(ontology=load_ontology())
texts = [d.text for d in read_documents([sys.argv[1]])]
n_process = int(sys.argv[2]) if len(sys.argv) > 2 else 1
# spaCy's workers take whole batches in turn: 86 texts in batches of 32 would share out unevenly
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=32 if n_process == 1 else 4, n_process=n_process)))
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


def run(args: list[str]) -> tuple[float, float, str, float]:
    """Wall seconds (perf_counter around the whole process), peak RSS in MB, stdout, user+sys CPU seconds (on
    a shared machine the CPU time is the steadier figure)."""
    with tempfile.NamedTemporaryFile("r") as stats:
        t0 = time.perf_counter()
        done = subprocess.run([TIME, "-o", stats.name, "-f", "%M %U %S", *args], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if done.returncode not in (0, 2):
            sys.exit(f"failed ({done.returncode}): {' '.join(args)}\n{done.stderr[-2000:]}")
        rss, user, system = stats.read().split()[-3:]
    return wall, int(rss) / 1024, done.stdout, float(user) + float(system)


CPU: dict[Path, float] = {}  # the CPU seconds of the last parse or build of each input


def parse(path: Path, n_process: int = 1) -> tuple[float, float, int]:
    """A bare ``nlp.pipe`` over the texts of ``path`` as a whole process (with ``n_process``, spaCy's own
    worker processes, which send each Doc back to the main process)."""
    wall, rss, out, CPU[path] = run([sys.executable, "-c", PARSE, str(path), str(n_process)])
    return wall, rss, int(out.split()[-1])


def build(path: Path, out: Path, *extra: str) -> tuple[float, float]:
    wall, rss, _, CPU[out] = run([sys.executable, "-m", "graphbuild", "build", str(path), "--out", str(out),
                                  "--force", *extra])
    return wall, rss


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


def parallel_rows(dev: Path, tmp: Path, rows: list[str], copies: int = 1, one: Path | None = None) -> None:
    """--n-process 2 and Dask with 2 workers against the local build of the dev corpus (``copies`` times over:
    the workers' start-up and the outputs, written by one process, weigh less on a larger corpus). With ``one``
    (a one-article corpus), also the part no worker can share, taken as the wall time of a build of ``one``
    (start-up and writing), and the speed-up Amdahl's law then allows two processes."""
    local, local_cpu = timed_build(dev, tmp / "par-local")
    print(f"local build   {local:6.1f} s   CPU {local_cpu:6.1f} s   {copies}x the dev corpus   ({load()})")
    if "n-process" in rows:
        wall, cpu = timed_build(dev, tmp / "par-np2", "--n-process", "2")
        same = (tmp / "par-np2" / "events.jsonl").read_bytes() == (tmp / "par-local" / "events.jsonl").read_bytes()
        print(f"--n-process 2 {wall:6.1f} s   CPU {cpu:6.1f} s   speed-up {local / wall:.2f}x   "
              f"events.jsonl {'identical' if same else 'DIFFERENT'}   ({load()})")
        if one is not None:
            serial, _ = timed_build(one, tmp / "par-one")
            print(f"              serial part {serial:.1f} s (a one-article build: start-up and writing), "
                  f"so at most {local / (serial + (local - serial) / 2):.2f}x on 2 cores")
            # the same measure for spaCy alone: its own start-up bounds any parallel run of the same texts
            bare, _, _ = parse(dev)
            bare2, _, _ = parse(dev, 2)
            bare1, _, _ = parse(one)
            print(f"              bare nlp.pipe {bare:.1f} s, with n_process=2 {bare2:.1f} s: speed-up "
                  f"{bare / bare2:.2f}x (its start-up, a one-article parse, {bare1:.1f} s: at most "
                  f"{bare / (bare1 + (bare - bare1) / 2):.2f}x)")
    if "dask" in rows:
        wall, cpu = timed_build(dev, tmp / "par-dask", "--engine", "dask", "--workers", "2")
        same = event_ids(tmp / "par-dask") == event_ids(tmp / "par-local")
        print(f"Dask 2 workers {wall:5.1f} s   CPU {cpu:6.1f} s   vs local {wall / local:.2f}x wall   "
              f"event ids {'equal' if same else 'DIFFERENT'} ({len(event_ids(tmp / 'par-dask'))})   ({load()})")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default=",".join(ROWS), help=f"rows to measure (default {','.join(ROWS)})")
    ap.add_argument("--multiples", default="1,4,8,16", help="corpus sizes for peak memory (default 1,4,8,16)")
    ap.add_argument("--triples", type=int, default=1_000_000, help="size of the SPARQL graph (default 1M)")
    ap.add_argument("--skip-n-process", action="store_true", help="leave out the --n-process 2 run")
    ap.add_argument("--parallel-copies", type=int, default=1, metavar="K",
                    help="the n-process and dask rows on K times the dev corpus (default 1)")
    opts = ap.parse_args(argv)
    multiples = [int(x) for x in opts.multiples.split(",")]
    rows = set(opts.rows.split(",")) - ({"n-process"} if opts.skip_n_process else set())
    if rows - set(ROWS):
        ap.error(f"unknown rows: {', '.join(sorted(rows - set(ROWS)))} (known: {', '.join(ROWS)})")
    docs = corpus()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # a start-up cache of the run's own, filled by the warm-up build below: the shared one keeps one value
        # per name, so another graphbuild on the machine (another checkout or version) could evict it mid-run
        os.environ.setdefault("GRAPHBUILD_CACHE", str(tmp / "cache"))
        one = write_corpus(docs[:1], 1, tmp / "one.jsonl")
        dev = write_corpus(docs, 1, tmp / "dev.jsonl")
        if rows - {"sparql"}:
            build(one, tmp / "warm")  # fills the start-up cache, so no run below pays for it
        builds = rows & {"ratio", "memory"}
        if builds:
            print(f"dev corpus: {len(docs)} documents, {sum(len(d['text']) for d in docs) / 1000:.0f} K characters")
            pd, prss, tokens = parse(dev)
        if "ratio" in rows:
            p1, _, _ = parse(one)
            b1, _ = build(one, tmp / "out-one")
            print(f"one article   build {b1:6.1f} s   bare parse {p1:6.1f} s   ratio {b1 / p1:.2f}x   "
                  f"(CPU {CPU[tmp / 'out-one']:.1f} s / {CPU[one]:.1f} s = {CPU[tmp / 'out-one'] / CPU[one]:.2f}x; "
                  f"{load()})")
        if builds:
            bd, brss = build(dev, tmp / "out-dev")
        if "ratio" in rows:
            print(f"dev corpus    build {bd:6.1f} s   bare parse {pd:6.1f} s   ratio {bd / pd:.2f}x   "
                  f"(CPU {CPU[tmp / 'out-dev']:.1f} s / {CPU[dev]:.1f} s = {CPU[tmp / 'out-dev'] / CPU[dev]:.2f}x; "
                  f"{load()})")
            print(f"              bare parse {tokens / pd:,.0f} tokens/s ({tokens:,} tokens), "
                  f"peak RSS {prss:.0f} MB")

        if "memory" in rows:
            rss = {1: brss}
            for k in multiples:
                wall, rss[k] = (bd, brss) if k == 1 else build(write_corpus(docs, k, tmp / f"dev{k}.jsonl"),
                                                               tmp / f"out-{k}")
                print(f"{k:>2}x corpus    build {wall:6.1f} s   {k * len(docs) / wall:5.1f} docs/s   "
                      f"{k * tokens / wall:7,.0f} tokens/s   peak RSS {rss[k]:4.0f} MB ({rss[k] / brss:.2f}x of 1x)")

        if rows & {"n-process", "dask"}:
            parallel = dev if opts.parallel_copies == 1 else \
                write_corpus(docs, opts.parallel_copies, tmp / f"par{opts.parallel_copies}.jsonl")
            parallel_rows(parallel, tmp, rows, opts.parallel_copies, one)

        if "sparql" in rows:
            sparql(opts.triples, tmp)

# --------------------------------------------------------------------------- SPARQL: the store vs rdflib

SPARQL_QUERIES = {  # three questions an analyst asks: g-1 is the most active actor, g-300 one of middling activity
    "events of an actor by type": """
        SELECT ?type (COUNT(?event) AS ?n) WHERE {
          { ?event cekg:actor actor:g-1 } UNION { ?event cekg:target actor:g-1 }
          ?event a ?type . FILTER(STRSTARTS(STR(?type), STR(plover:)))
        } GROUP BY ?type ORDER BY DESC(?n)""",
    "events per month": """
        SELECT ?month (COUNT(?event) AS ?n) WHERE {
          ?event a sem:Event ; sem:hasTimeStamp ?date . BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
        } GROUP BY ?month ORDER BY ?month""",
    "actors two hops from one": """
        SELECT (COUNT(DISTINCT ?far) AS ?n) WHERE {
          ?e1 cekg:actor|cekg:target actor:g-300 . ?e1 cekg:actor|cekg:target ?near .
          FILTER(?near != actor:g-300)
          ?e2 cekg:actor|cekg:target ?near . ?e2 cekg:actor|cekg:target ?far .
          FILTER(?far != actor:g-300 && ?far != ?near)
        }""",
}


def synthetic_events(n: int, seed: int = 9) -> list:
    """``n`` mentions in the project's records, each its own article: actors drawn with a long tail (a few
    very active, most seldom seen), types, modalities, two years of dates, places; two reports of each
    event, in two articles."""
    import random

    from graphbuild.records import EVENT_TYPES, Actor, Event, Place

    rng = random.Random(seed)
    kinds = ("armed_group", "military", "government", "civilians", "organisation")
    actors = [Actor(f"g-{i}", f"Group {i}", kinds[i % len(kinds)], None, f"group {i}", False) for i in range(1, 3001)]
    places = [Place(f"Town {i}", None, round(rng.uniform(-30, 40), 3), round(rng.uniform(-20, 60), 3))
              for i in range(400)]
    modalities = ("asserted",) * 6 + ("claimed", "alleged", "threatened", "denied")
    events = []
    for i in range(n // 2):  # two reports of each event, in two articles
        a, t = (actors[int(len(actors) * rng.random() ** 3)] for _ in range(2))
        day = f"20{rng.choice(('23', '24'))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        kind, modality, place = rng.choice(EVENT_TYPES), rng.choice(modalities), rng.choice(places)
        for k in range(2):
            sentence = f"{a.label} and {t.label} clashed in {place.label}, report {k} of {i}."
            events.append(Event(f"art-{i}-{k}", sentence, (0, len(a.label)), a, t, "clashed", "clash", kind,
                                modality=modality, place=place, date=day, date_source="sentence",
                                confidence=round(rng.uniform(0.3, 0.95), 2)))
    return events


def sparql(target_triples: int, tmp: Path) -> None:
    """Generate a graph of about ``target_triples`` triples through export.rdf.triples, load it into the
    store (bulk load) and into an in-memory rdflib Graph, and time the three queries on each."""
    import pyoxigraph as ox
    import rdflib

    from graphbuild.cache import load_ontology
    from graphbuild.export.rdf import prefixes, triples, write_ntriples
    from graphbuild.graph import merge_events
    from graphbuild.store import load_store, query

    t0 = time.perf_counter()
    nt = tmp / "synthetic.nt"
    write_ntriples(triples(merge_events(synthetic_events(target_triples // 19)), load_ontology()), nt)
    n = sum(1 for _ in open(nt, "rb"))
    print(f"SPARQL        {n:,} triples generated in {time.perf_counter() - t0:.0f} s "
          f"({nt.stat().st_size / 1e6:.0f} MB of N-Triples)")
    t0 = time.perf_counter()
    load_store(nt, tmp / "synthetic-store")
    store = ox.Store.read_only(str(tmp / "synthetic-store"))
    ox_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    g = rdflib.Graph()
    g.parse(nt, format="nt")
    rdf_load = time.perf_counter() - t0
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes().items())
    print(f"              {'':28} {'store (Oxigraph)':>18} {'rdflib in memory':>18}")
    print(f"              {'load':28} {ox_load:16.1f} s {rdf_load:16.1f} s")
    for name, text in SPARQL_QUERIES.items():
        t0 = time.perf_counter()
        a = [tuple(str(v) for v in row) for row in query(store, text)]
        t_ox = time.perf_counter() - t0
        t0 = time.perf_counter()
        b = [tuple(str(v) for v in row) for row in g.query(head + text)]
        t_rdf = time.perf_counter() - t0
        agree = "" if len(a) == len(b) else f"  (rows differ: {len(a)} vs {len(b)})"
        shown = f"n = {a[0][0].split('^^')[0]}" if len(a) == 1 else f"{len(a)} rows"
        print(f"              {name:28} {t_ox:16.2f} s {t_rdf:16.2f} s   {shown}{agree}")


if __name__ == "__main__":
    main(sys.argv[1:])
