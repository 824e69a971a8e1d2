"""Reading speed and main-text quality of the documents stage on web pages. Prints figures; not a timed test.

For each page (``*.html`` or ``*.html.gz``) the reader runs as a build runs it (language judged, non-English
pages named and skipped) and again reading every language; with the benchmark's gold bodies beside the
pages (``../shared/eval/html``), its scorer gives precision, recall, F1 and the bodies lost.

usage: python benchmarks/reading.py [FOLDER]   (default: ../shared/eval/html/pages)
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from graphbuild.documents import read_documents

HTML_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "html"


def read_pages(folder: Path, language: str | None) -> tuple[dict[str, str], int, float]:
    """Text per page id, pages skipped, seconds spent reading."""
    texts, skipped, spent = {}, 0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for page in sorted([*folder.glob("*.html"), *folder.glob("*.html.gz")]):
            name = page.name.removesuffix(".gz")
            path = Path(tmp) / name
            data = page.read_bytes()
            path.write_bytes(gzip.decompress(data) if page.suffix == ".gz" else data)
            problems: list = []
            start = time.perf_counter()
            docs = list(read_documents([path], warn=problems.append, language=language))
            spent += time.perf_counter() - start
            skipped += any(p.skipped for p in problems)
            texts[name.removesuffix(".html")] = "\n".join(d.text for d in docs)
    return texts, skipped, spent


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else HTML_EVAL / "pages"
    scorer = None
    if (HTML_EVAL / "score_html.py").is_file() and folder == HTML_EVAL / "pages":
        spec = importlib.util.spec_from_file_location("score_html", HTML_EVAL / "score_html.py")
        scorer = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(scorer)
        gold = [json.loads(line) for line in open(HTML_EVAL / "gold.jsonl", encoding="utf-8")]
    for label, language in (("English only (as a build reads)", "en"), ("every language", None)):
        texts, skipped, spent = read_pages(folder, language)
        line = f"{label}: {len(texts)} pages, {skipped} skipped, {len(texts) / spent:.1f} pages/s"
        if scorer is not None:
            s = scorer.score(gold, texts)
            line += (f"; P={s['P']} R={s['R']} F1={s['F1']}, body lost on {s['body_lost']}, "
                     f"{s['false_sentences']} false sentences")
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
