"""The README's "Saved queries" section, generated from a real run: each saved query's description (its
header comment) and the first rows of its output on a build of examples/. Run through cog:

    make readme        # builds examples/ into out/, then: cog -r -I tools -D out=out README.md

tests/test_readme_queries.py runs ``cog --check`` on a fresh build, so the section cannot drift from what the
queries return.
"""

from __future__ import annotations

from pathlib import Path

from graphbuild.store import Table, open_store, query, render_table, saved_queries, to_table

ROWS = 4  # rows shown per query
WIDTH = 44  # a cell longer than this is cut


def description(path: Path) -> str:
    """The query's header comment as one paragraph."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(x for x in lines if x)


def _cut(value: str | None) -> str:
    s = "" if value is None else " ".join(value.split())
    return s if len(s) <= WIDTH else s[: WIDTH - 1] + "\u2026"


def sample(out: str | Path, name: str, path: Path) -> str:
    table = to_table(query(open_store(out), path.read_text(encoding="utf-8")))
    total = len(table.rows)
    shown = Table(table.columns, [[_cut(x) for x in row] for row in table.rows[:ROWS]])
    lines = render_table(shown).splitlines()[:-1]  # without its "(n rows)" line
    if total > ROWS:
        lines.append(f"\u2026 ({total - ROWS} more)")
    return "\n".join([f"$ graphbuild query out {name}", *lines])


def section(out: str | Path) -> str:
    """Markdown for every saved query, in name order."""
    parts = []
    for name, path in sorted(saved_queries().items()):
        parts.append(f"**`queries/{name}.rq`** \u2014 {description(path)}\n\n```\n{sample(out, name, path)}\n```\n")
    return "\n".join(parts)
