"""Actor resolution against a held-out table of common aliases (benchmarks/aliases.tsv).

Prints accuracy (label and country right) overall and by rule, and every miss.
usage: python benchmarks/resolve.py [--ontology FILE.ttl ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from graphbuild.ontology import load_ontology, normalize

TABLE = Path(__file__).with_name("aliases.tsv")


def rows(path: Path = TABLE):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            mention, labels, country, rule = line.split("\t")
            yield mention, [normalize(x) for x in labels.split("|")], None if country == "-" else country, rule


def evaluate(onto) -> tuple[Counter, Counter, list[str]]:
    total, right, misses = Counter(), Counter(), []
    for mention, labels, country, rule in rows():
        a = onto.resolve(mention)
        ok = normalize(a.label) in labels and (country is None or a.country == country)
        total[rule] += 1
        right[rule] += ok
        if not ok:
            misses.append(f"  {mention!r:38} -> {a.label!r} ({a.kind}, {a.country}) expected {labels} {country}")
    return total, right, misses


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ontology", action="append", default=[])
    args = p.parse_args(argv)
    total, right, misses = evaluate(load_ontology(args.ontology))
    n, k = sum(total.values()), sum(right.values())
    print(f"actor resolution: {k}/{n} = {k / n:.1%} right (label and country)")
    for rule in sorted(total, key=lambda r: -total[r]):
        print(f"  {rule:<16} {right[rule]:>3}/{total[rule]:<3}")
    if misses:
        print("misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
