"""Inputs -> :class:`Document` records: paths, folders, stdin; plain text, JSON lines, web pages, PDFs;
the encoding of each.

Readers are lenient per input and strict per message: every problem goes to the ``warn`` callback as an
:class:`~graphbuild.errors.InputError` naming the file (and line), with ``skipped`` telling whether the
input was left out or used; the good inputs still go through.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..dates import parse_date
from ..errors import InputError
from ..records import Document
from .html import looks_like_html, parse_html
from .language import identify, language_name
from .pdf import parse_pdf
from .prepare import prepare_text

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".pdf")

Warn = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


# --------------------------------------------------------------------------- encoding

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def decode(data: bytes, origin: object, warn: Warn = _raise, html: bool = False) -> str:
    """Bytes as text: UTF-8 (with or without a byte-order mark), or for a web page the charset it declares;
    invalid bytes are replaced (U+FFFD) and reported, with the line of the first one.

    >>> decode("Kyiv – Київ".encode(), "a.txt")
    'Kyiv – Київ'
    >>> problems = []
    >>> decode(b"Rebels\\nfled \\xff town", "a.txt", problems.append)
    'Rebels\\nfled \\ufffd town'
    >>> str(problems[0])
    'a.txt:2: invalid UTF-8 (1 byte replaced)'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first = e.start
    if html and (m := _CHARSET.search(data[:4096])):
        try:
            return data.decode(m[1].decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    warn(InputError(f"invalid UTF-8 ({bad} byte{'s' if bad != 1 else ''} replaced)", path=origin,
                    line=data.count(b"\n", 0, first) + 1))
    return text


# --------------------------------------------------------------------------- txt and jsonl

_FRONT = re.compile(r"^(title|source|published|date|url|id|author)\s*:\s*(.*)$", re.IGNORECASE)


def parse_txt(text: str, doc_id: str, origin: str | None = None) -> Document:
    """Plain text, with an optional front-matter block of ``Title:``, ``Source:``, ``Published:``, ``URL:``,
    ``Author:`` lines; its page furniture is removed (:func:`~graphbuild.documents.clean_text`)."""
    meta: dict[str, str] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (m := _FRONT.match(lines[i].strip())):
        meta[m[1].lower()] = m[2].strip()
        i += 1
    if meta and (i == len(lines) or not lines[i].strip()):
        text = "\n".join(lines[i:])
    else:
        meta = {}
    return Document(id=meta.get("id") or doc_id, text=prepare_text(text), title=meta.get("title") or None,
                    url=meta.get("url") or None,
                    published=parse_date(meta.get("published") or meta.get("date")),
                    source=meta.get("source") or None, origin=origin, author=meta.get("author") or None)


def _field(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return str(value).strip() or None if value is not None and not isinstance(value, (dict, list)) else None


def parse_record(obj: object, origin: str, line: int) -> Document:
    """One JSONL article record -> Document; raises InputError naming file and line.

    The text is ``text`` (plain text, or a page's HTML) or ``html`` (a web page, read like an ``.html``
    file); ``title``, ``url``, ``published`` (or ``date``), ``source``, ``author`` and ``language`` fields
    win over the page's own metadata."""
    where = f"{origin}:{line}"
    if not isinstance(obj, dict):
        raise InputError("expected a JSON object with 'id' and 'text'", path=origin, line=line, skipped=True)
    text, html = obj.get("text"), obj.get("html")
    has_html, has_text = isinstance(html, str) and html.strip(), isinstance(text, str) and text.strip()
    if not (has_html or has_text):
        raise InputError("record has no 'text'", path=origin, line=line, skipped=True)
    doc_id = obj.get("id", obj.get("doc_id"))
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError("record has no 'id'", path=origin, line=line, skipped=True)
    if has_html or looks_like_html(text):
        base = parse_html(html if has_html else text, str(doc_id), origin=where)
    else:
        base = Document(id=str(doc_id), text=prepare_text(text))
    return Document(
        id=str(doc_id),
        text=base.text,
        title=_field(obj, "title") or base.title,
        url=_field(obj, "url") or base.url,
        published=parse_date(obj.get("published") or obj.get("date")) or base.published,
        source=_field(obj, "source") or base.source,
        origin=where,
        author=_field(obj, "author") or base.author,
        language=_field(obj, "language") or base.language,
    )


def json_lines(lines: Iterable[str], origin: object, warn: Warn = _raise) -> Iterator[tuple[int, object]]:
    """(line number, value) of each non-blank JSON line; a line that is not JSON goes to ``warn`` (default:
    raise) with its file and line. Every JSON-lines reader of graphbuild (articles, gold, events) uses it."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            yield n, json.loads(raw)
        except json.JSONDecodeError as e:
            warn(InputError(f"not valid JSON ({e.msg}, column {e.colno})", path=origin, line=n, skipped=True))


def parse_jsonl(lines: Iterable[str], origin: str, warn: Warn = _raise) -> Iterator[Document]:
    for n, obj in json_lines(lines, origin, warn):
        try:
            yield parse_record(obj, origin, n)
        except InputError as e:
            warn(e)


def _utf8_lines(raw: Iterable[bytes], origin: str, warn: Warn) -> Iterator[str]:
    """Lines of a binary stream as text; a line with invalid UTF-8 is decoded with replacement and reported
    with its number."""
    for n, line in enumerate(raw, 1):
        try:
            yield line.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            text = line.decode("utf-8", errors="replace")
            warn(InputError("invalid UTF-8 (bytes replaced)", path=origin, line=n))
            yield text


# --------------------------------------------------------------------------- files

def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def iter_paths(inputs: Iterable[str | Path], warn: Warn = _raise) -> Iterator[Path | str]:
    """Expand folders (recursively, sorted, hidden files left out) into files of a known kind; '-' stands
    for stdin. A missing path, a file of unknown kind and a folder with nothing to read are reported and
    skipped; the files of unknown kind in a folder that has documents are named in one warning."""
    kinds = ", ".join(SUFFIXES)
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            found, other = False, []
            for p in sorted(path.rglob("*")):
                if not p.is_file() or _hidden(p, path):
                    continue
                if p.suffix.lower() in SUFFIXES:
                    found = True
                    yield p
                else:
                    other.append(str(p.relative_to(path)))
            if not found:
                warn(InputError(f"empty folder (no {kinds} files)", path=path, skipped=True))
            elif other:
                # named, so nothing vanishes unseen; the folder itself was read (a README beside articles)
                shown = ", ".join(other[:5]) + (f" and {len(other) - 5} more" if len(other) > 5 else "")
                warn(InputError(f"left out {len(other)} file{'s' if len(other) > 1 else ''} of unknown kind "
                                f"({shown}; graphbuild reads {kinds})", path=path))
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                warn(InputError(f"unknown kind of file (expected {kinds}); skipped", path=path, skipped=True))
        else:
            warn(InputError("no such file or folder", path=path, skipped=True))


def read_path(path: Path, warn: Warn = _raise) -> Iterator[Document]:
    """The documents of one file: a JSONL file holds many, any other kind one."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from parse_jsonl(_utf8_lines(fh, str(path), warn), str(path), warn)
            return
        data = path.read_bytes()
    except OSError as e:
        warn(InputError(f"cannot read ({e.strerror}); skipped", path=path, skipped=True))
        return
    if not data.strip():
        warn(InputError("empty file", path=path, skipped=True))
        return
    if suffix == ".pdf":
        try:
            yield parse_pdf(data, path.stem, origin=str(path))
        except InputError as e:
            warn(e)
        return
    if b"\x00" in data[:8192]:
        warn(InputError("not a text file (binary content); skipped", path=path, skipped=True))
        return
    text = decode(data, path, warn, html=suffix in (".html", ".htm"))
    if suffix in (".html", ".htm"):
        try:
            yield parse_html(text, path.stem, origin=str(path))
        except InputError as e:
            warn(e)
    else:
        yield parse_txt(text, path.stem, origin=str(path))


def read_stdin(warn: Warn = _raise, stream=None) -> Iterator[Document]:
    """stdin: JSONL when the first non-blank character is '{', a web page when it is markup, else one
    plain-text document 'stdin'."""
    if stream is None:  # bytes, so that invalid UTF-8 is named rather than raised
        text = decode(sys.stdin.buffer.read(), "<stdin>", warn)
    else:
        text = stream.read()
    if text.lstrip().startswith("{"):
        yield from parse_jsonl(text.splitlines(), "<stdin>", warn)
    elif not text.strip():
        warn(InputError("empty input", path="<stdin>", skipped=True))
    elif text.lstrip().startswith("<") and looks_like_html(text):
        yield parse_html(text, "stdin", origin="<stdin>")
    else:
        yield parse_txt(text, "stdin", origin="<stdin>")


def read_documents(inputs: Iterable[str | Path], warn: Warn = _raise, *,
                   language: str | None = None) -> Iterator[Document]:
    """Every usable document of the inputs, in order. Problems go to ``warn`` (default: raise).

    A document with no text left, or written in another language than ``language`` (the language of the
    pipeline that will read it, which the build passes; None, the default, reads every language: reading a
    page is the same in any language, parsing it is not), is reported and skipped, and so is a
    duplicate id (the later document), so ids stay unique in the graph. A document's ``language`` is the
    one its text is clearly in, else the one its metadata gives.
    """
    seen: set[str] = set()
    for p in iter_paths(inputs, warn):
        docs = read_stdin(warn) if p == "-" else read_path(p, warn)
        for doc in docs:
            if not doc.text.strip():
                warn(InputError("no text found (nothing left after page furniture); skipped", path=doc.origin,
                                skipped=True))
                continue
            code = identify(doc.text, language or "en")
            if language and code and code != language:
                warn(InputError(f"looks like {language_name(code)} ({code}); skipped", path=doc.origin,
                                skipped=True))
                continue
            if doc.id in seen:
                warn(InputError(f"duplicate document id {doc.id!r}; skipped", path=doc.origin, skipped=True))
                continue
            seen.add(doc.id)
            yield replace(doc, language=code or doc.language)
