"""Stage 1: read articles from files, folders and stdin into :class:`Document` records, and remove page
furniture (link lists, bylines, time stamps, share widgets, navigation) before any NLP.

Readers are lenient per record and strict per message: a bad JSONL line is reported with its file and line
and skipped, the good lines still go through.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .records import Document

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")

Warn = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


# --------------------------------------------------------------------------- dates

def parse_date(value: object) -> date | None:
    """Parse an ISO date or date-time (the publication date); None when absent or unreadable.

    >>> parse_date("2024-01-28T09:30:00Z")
    datetime.date(2024, 1, 28)
    >>> parse_date("not a date") is None
    True
    """
    if not value:
        return None
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# --------------------------------------------------------------------------- furniture

_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
_TIMESTAMP = re.compile(
    r"^\W*(\d+\s*(s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?)\s*(ago)?|"
    r"(an?|one)\s+(minute|hour|day|week)\s+ago|yesterday|just now|"
    r"\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?)\W*$",
    re.IGNORECASE,
)
_ONLY_SYMBOLS = re.compile(r"^[\W_]*$")


def _is_prose(line: str) -> bool:
    """A line with sentence syntax: several words and terminal punctuation."""
    words = line.split()
    return len(words) >= 6 and bool(_TERMINAL.search(line.rstrip()))


def clean_text(text: str) -> str:
    """Remove page furniture by structure, not by wording.

    Dropped: lines of only symbols or time stamps, short lines without sentence syntax (bylines, widget
    labels, section heads), and from the first run of three or more non-prose lines after the body, the
    rest of the page when little prose follows (link lists of other stories).

    >>> clean_text("Share\\nRockets hit the base on Sunday, officials said.\\nMore news\\n-\\nA headline\\n"
    ...            "5 minutes -\\nAnother headline here\\n1 hour -")
    'Rockets hit the base on Sunday, officials said.'
    """
    lines = [ln.strip() for ln in text.splitlines()]
    if len(lines) <= 1:
        return text.strip()
    kept: list[str] = []
    run = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        if _is_prose(line):
            run = 0
            kept.append(line)
            continue
        run += 1
        if run >= 3 and kept:
            rest = [ln for ln in lines[i + 1:] if ln]
            prose_rest = sum(1 for ln in rest if _is_prose(ln))
            if prose_rest <= len(rest) // 4:
                # Drop the non-prose lines of this run already kept, then stop: the page tail is furniture.
                while kept and not _is_prose(kept[-1]):
                    kept.pop()
                break
        if _ONLY_SYMBOLS.match(line) or _TIMESTAMP.match(line):
            continue
        if len(line.split()) < 6:
            continue  # too short to carry an event: bylines, widget labels, section heads
        kept.append(line)
    return "\n".join(kept)


# --------------------------------------------------------------------------- case

# a sentence starts after end punctuation, a line break, the dateline's "--" or an opening quote (one that
# follows a space), past any bracketed notes ("[begin recording] [Speaker]")
_SENTENCE_START = re.compile(r"((?:^|[.!?]\s+|[.!?][\"”’']\s+|\n\s*|--\s*|(?<![^\s(])[\"“]\s*)"
                             r"(?:\[[^\]\n]*\]\s*)*)([a-z])")
_BRACKET_ACRONYM = re.compile(r"[\[(]([A-Z][A-Z0-9-]{1,9})[\])]")
# "RNF [RIVER NATIONAL FRONT]": a short name glossed by its expansion in brackets
_GLOSSED = re.compile(r"\b([A-Z][A-Z0-9-]*) \[([A-Z][A-Z .,'&-]*[A-Z.])\]")
# "THE PEOPLE'S LABOUR LEAGUE [PLL]": an expansion followed by its acronym
_EXPANDED = re.compile(r"((?:\b[A-Z][A-Z'-]* ){1,10})\[([A-Z][A-Z0-9-]{1,9})\]")
# transcribers' notes and section labels, never names
_EDITORIAL = re.compile(r"\b(?:INDISTINCT|OMITTED|IDENTIFIED|UNKNOWN|CONTINUED|HEARD|PUBLISHED|THOUGHT|REPHRASES?|"
                        r"RECORDING|TEXT|EXCERPTS?|REPORT|COMMUNIQUE|STATEMENT|SPEECH|COMMENTARY|EDITORIAL|"
                        r"INTERVIEW|SIGNED|QUOTES?|UNQUOTE|WORDS?|SENTENCE|PASSAGE|PARAGRAPH|AS)\b")
# closed-class words: never the short name before a gloss, and where an expansion stops
_CLOSED = {"THE", "A", "AN", "AND", "OR", "BUT", "OF", "IN", "ON", "AT", "TO", "BY", "FOR", "FROM", "WITH", "AS",
           "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "HIM", "HER", "HIS", "ITS", "THEIR", "OUR", "MY", "YOUR",
           "THIS", "THAT", "THESE", "THOSE", "SOME", "ANY", "ALL", "EACH", "NO", "NOT", "IS", "ARE", "WAS",
           "WERE", "BE", "BEEN", "HAS", "HAVE", "HAD", "SAID", "WHO", "WHICH", "WHOSE", "WHOM", "THAN", "THEN"}
# titles and honorifics that stand before a name
_TITLES = ("president", "minister", "judge", "justice", "mayor", "governor", "senator", "deputy", "ambassador",
           "general", "gen", "colonel", "col", "captain", "capt", "major", "lieutenant", "lt", "sergeant", "sgt",
           "commander", "cmdr", "admiral", "father", "monsignor", "msgr", "bishop", "archbishop", "cardinal",
           "doctor", "dr", "mr", "mrs", "ms", "professor", "congressman", "congresswoman")
_INNER = {"OF", "AND", "FOR", "DE", "DEL", "LA", "LAS", "LOS", "EL", "Y"}  # inside a name, kept lower case


Known = Callable[[str], bool]


def recase(text: str, known: Known | None = None) -> str:
    """All-capitals wire copy in sentence case, so the tagger and parser see ordinary English; other text
    is returned unchanged. Sentence starts and the dateline are capitalized, "I" stays upper case, and the
    names the text itself marks as names keep their capitals: acronyms it glosses in brackets ("[PLL]",
    "RNF [RIVER NATIONAL FRONT]") stay upper case wherever they occur, and the expansions are capitalized.
    With ``known`` (is this an English word?), a word that is not one is taken for a name and capitalized
    ("OQUELI" -> "Oqueli"); :func:`prepare_text` passes :func:`english_word`. Every character keeps its
    place (only its case changes).

    >>> recase("LIMA, 10 JAN 90 -- [TEXT] THE POLICE SAY THAT REBELS OF THE [MRTA] ATTACKED. THE MRTA FLED.")
    'Lima, 10 Jan 90 -- [TEXT] The police say that rebels of the [MRTA] attacked. The MRTA fled.'
    >>> recase("QUITO, 2 MAY 89 -- THE RNF [RIVER NATIONAL FRONT] BOMBED A BRIDGE. POLICE BLAME THE RNF.")
    'Quito, 2 May 89 -- The RNF [River National Front] bombed a bridge. Police blame the RNF.'
    >>> recase("LIMA, 2 MAY 89 -- GUNMEN SHOT ZAVALETA.", known=lambda w: w.lower() != "zavaleta")
    'Lima, 2 May 89 -- Gunmen shot Zavaleta.'
    >>> recase("Rebels attacked a post.")
    'Rebels attacked a post.'
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    first = text.split("\n", 1)[0]
    head = first.find(" -- ") if 0 < first.find(" -- ") < 100 else 0  # the dateline ends there
    acronyms = set()
    keep: list[tuple[int, int]] = []  # spans left as written: notes ("[TEXT]") and acronyms in brackets
    for m in _BRACKET_ACRONYM.finditer(text):
        if m.start() < head:
            continue  # "(RADIO ONE)" of the dateline is title-cased below
        keep.append(m.span(1))
        if not _EDITORIAL.search(m[1]):
            acronyms.add(m[1])
    names: list[tuple[int, int]] = []  # spans to capitalize as names
    for m in _GLOSSED.finditer(text):
        if _EDITORIAL.search(m[2]) or any(c.isdigit() for c in m[2]):
            continue
        if m[1] in _CLOSED or m[1].isdigit():
            pass  # "SHE [MARTA VIDAL]": only the gloss is a name
        elif len(m[1]) <= 5:
            acronyms.add(m[1])
        else:
            names.append(m.span(1))
        names.append(m.span(2))
    for m in _EXPANDED.finditer(text):
        if _EDITORIAL.search(m[2]):
            continue
        names += _expansion(text, m.start(1), m.end(1), len(m[2].replace("-", "")) + 2)
    out = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for a, b in keep:
        out = out[:a] + text[a:b] + out[b:]
    for a, b in names:
        out = out[:a] + _title_words(out[a:b]) + out[b:]
    if known is not None:
        out = re.sub(r"(?<![\w'])[a-z][a-z']*[a-z]\b",
                     lambda m: m[0] if len(m[0]) < 3 or known(m[0]) else m[0][0].upper() + m[0][1:], out)
        # a title before a name is part of it: "judge Zavaleta" -> "Judge Zavaleta"
        out = re.sub(r"\b(" + "|".join(_TITLES) + r")(\.?\s+)(?=[A-Z][a-z])",
                     lambda m: m[1][0].upper() + m[1][1:] + m[2], out)
    out = _SENTENCE_START.sub(lambda m: m[1] + m[2].upper(), out)
    out = re.sub(r"\bi\b", "I", out)
    for acr in acronyms:
        out = re.sub(rf"\b{re.escape(acr.lower())}\b", acr, out, flags=re.IGNORECASE)
    if head:  # the dateline: place and date are names
        out = _title_words(out[:head]) + out[head:]
    return out


def _expansion(text: str, start: int, end: int, most: int) -> list[tuple[int, int]]:
    """The words of a name before its bracketed acronym: back from the bracket to a closed-class word, at
    most ``most`` words, not starting on a connecting word."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][A-Z'-]*", text[start:end])]
    kept: list[tuple[int, int]] = []
    for a, b in reversed(words):
        w = text[start + a:start + b]
        if (w in _CLOSED and w not in _INNER) or len(kept) >= most:
            break
        kept.append((start + a, start + b))
    while kept and text[kept[-1][0]:kept[-1][1]] in _INNER:
        kept.pop()
    return [(a, b) for a, b in kept if text[a:b] not in _INNER]


_DEINFLECT = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""),
              ("ing", "e"), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ly", ""), ("men", "man"),
              ("'s", ""))
_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def english_word(word: str) -> bool:
    """Whether a lower-case word is English (a dictionary word or an inflection of one), not a name.
    The dictionary is the lemmatizer's word index of the installed spaCy pipeline (WordNet base forms) and
    spaCy's stop words; without a pipeline every word counts as English and nothing is capitalized."""
    words = _english_words()
    w = word.lower()
    if not words or w in words or w in _MONTH_ABBREVIATIONS or not w.isalpha() and "'" not in w:
        return True
    for suffix, repl in _DEINFLECT:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            if stem in words or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words):
                return True  # "kidnapped" -> "kidnap"
    return False


@functools.cache
def _english_words() -> frozenset[str]:
    try:
        import spacy.util
        from spacy.lang.en.stop_words import STOP_WORDS
        from spacy.lookups import Lookups

        from .nlp import default_model

        name = default_model()
        if name is None:
            return frozenset()
        folder = next(spacy.util.get_package_path(name).glob("*/lemmatizer/lookups"), None)
        if folder is None:
            return frozenset()
        lookups = Lookups().from_disk(folder)
    except (ImportError, OSError, ValueError):
        return frozenset()
    words = set(STOP_WORDS)
    for table in ("lemma_index", "lemma_exc"):
        if lookups.has_table(table):
            for forms in lookups.get_table(table).values():
                words.update(f for f in forms if isinstance(f, str))
    return frozenset(words)


def _title_words(s: str) -> str:
    return re.sub(r"[A-Za-z][A-Za-z']*", lambda m: m[0][0].upper() + m[0][1:], s)


# bracketed notes that open a paragraph: "[Excerpts]", "[Begin recording] [Speaker]" (transcribers' labels, not
# part of the sentence that follows). After a dateline they stay: they keep the dateline a sentence of its own.
_LEADING_NOTES = re.compile(r"(^|\n)([ \t]*)((?:\[[^\]\n]{1,80}\][ \t]*)+)")


def drop_leading_notes(text: str) -> str:
    """Blank the bracketed labels that open a paragraph, so they are not read as part of its first
    sentence; the text keeps its length.

    >>> drop_leading_notes("Lima, 3 May 90 -- [Text] Rebels attacked a post.\\n[Begin recording] [Mayor] We fled.")
    'Lima, 3 May 90 -- [Text] Rebels attacked a post.\\n                          We fled.'
    """
    return _LEADING_NOTES.sub(lambda m: m[1] + m[2] + " " * len(m[3]), text)


def prepare_text(text: str) -> str:
    """The text NLP sees: page furniture removed, all-capitals copy recased (words that are not English
    capitalized as names), paragraph labels blanked."""
    return drop_leading_notes(recase(clean_text(text), known=english_word))


# --------------------------------------------------------------------------- html

_DROP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button",
              "svg", "iframe", "template", "select", "figure", "menu", "dialog"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
               "blockquote", "pre", "ul", "ol", "table", "dd", "dt", "main"}


class _PageParser(HTMLParser):
    """Collects metadata and body text; skips structural furniture (nav, header, footer, aside, forms)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._skip = 0
        self._article_depth = 0
        self.parts: list[str] = []
        self.article_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        elif tag == "title":
            self._in_title = True
        if tag in _DROP_TAGS:
            self._skip += 1
        elif tag == "article":
            self._article_depth += 1
        if tag in _BLOCK_TAGS:
            self._emit("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _DROP_TAGS:
            self._skip -= 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in _DROP_TAGS and self._skip:
            self._skip -= 1
        elif tag == "article" and self._article_depth:
            self._article_depth -= 1
        if tag in _BLOCK_TAGS:
            self._emit("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._emit(data)

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        if self._article_depth:
            self.article_parts.append(s)


def _squash(parts: list[str]) -> str:
    text = "".join(parts)
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def parse_html(html: str, doc_id: str, origin: str | None = None) -> Document:
    """An HTML page -> Document (title, source, date and URL from the usual meta tags)."""
    p = _PageParser()
    p.feed(html)
    p.close()
    body = _squash(p.article_parts) if p.article_parts else _squash(p.parts)
    m = p.meta
    return Document(
        id=doc_id,
        text=prepare_text(body),
        title=(m.get("og:title") or p.title or "").strip() or None,
        url=m.get("og:url") or m.get("canonical"),
        published=parse_date(m.get("article:published_time") or m.get("datepublished") or m.get("date")
                             or m.get("pubdate")),
        source=m.get("og:site_name") or m.get("publisher") or None,
        origin=origin,
    )


# --------------------------------------------------------------------------- txt and jsonl

_FRONT = re.compile(r"^(title|source|published|date|url|id)\s*:\s*(.*)$", re.IGNORECASE)


def parse_txt(text: str, doc_id: str, origin: str | None = None) -> Document:
    """Plain text, with an optional front-matter block of ``Title:``, ``Source:``, ``Published:``, ``URL:`` lines."""
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
                    source=meta.get("source") or None, origin=origin)


def parse_record(obj: object, origin: str, line: int) -> Document:
    """One JSONL article record -> Document; raises InputError naming file and line."""
    if not isinstance(obj, dict):
        raise InputError("expected a JSON object with 'id' and 'text'", path=origin, line=line)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no 'text'", path=origin, line=line)
    doc_id = obj.get("id", obj.get("doc_id"))
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError("record has no 'id'", path=origin, line=line)
    looks_html = bool(re.search(r"<(p|div|article|html|body)\b", text[:2000], re.IGNORECASE))
    base = parse_html(text, str(doc_id)) if looks_html else None
    return Document(
        id=str(doc_id),
        text=base.text if base else prepare_text(text),
        title=obj.get("title") or (base.title if base else None),
        url=obj.get("url"),
        published=parse_date(obj.get("published") or obj.get("date")),
        source=obj.get("source"),
        origin=f"{origin}:{line}",
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
            warn(InputError(f"not valid JSON ({e.msg}, column {e.colno})", path=origin, line=n))


def parse_jsonl(lines: Iterable[str], origin: str, warn: Warn = _raise) -> Iterator[Document]:
    for n, obj in json_lines(lines, origin, warn):
        try:
            yield parse_record(obj, origin, n)
        except InputError as e:
            warn(e)


# --------------------------------------------------------------------------- files

def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return path.read_text(encoding="latin-1")


def iter_paths(inputs: Iterable[str | Path], warn: Warn = _raise) -> Iterator[Path | str]:
    """Expand folders (recursively, sorted) into files of a known kind; '-' stands for stdin."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."):
                    yield p
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                warn(InputError(f"unknown kind of file (expected {', '.join(SUFFIXES)})", path=path))
        else:
            warn(InputError("no such file or folder", path=path))


def read_path(path: Path, warn: Warn = _raise) -> Iterator[Document]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open(encoding="utf-8", errors="replace") as fh:
                yield from parse_jsonl(fh, str(path), warn)
            return
        text = _read_text(path)
    except OSError as e:
        warn(InputError(f"cannot read ({e.strerror})", path=path))
        return
    if "\x00" in text[:8192]:
        warn(InputError("not a text file (binary content)", path=path))
        return
    if not text.strip():
        warn(InputError("empty file", path=path))
        return
    if suffix in (".html", ".htm"):
        yield parse_html(text, path.stem, origin=str(path))
    else:
        yield parse_txt(text, path.stem, origin=str(path))


def read_stdin(warn: Warn = _raise, stream=None) -> Iterator[Document]:
    """stdin: JSONL when the first non-blank character is '{', else one plain-text document 'stdin'."""
    stream = stream or sys.stdin
    text = stream.read()
    if text.lstrip().startswith("{"):
        yield from parse_jsonl(text.splitlines(), "<stdin>", warn)
    elif text.strip():
        yield parse_txt(text, "stdin", origin="<stdin>")


def read_documents(inputs: Iterable[str | Path], warn: Warn = _raise) -> Iterator[Document]:
    """Every document of the inputs, in order. Problems go to ``warn`` (default: raise).

    Duplicate ids are reported and the later document is skipped, so ids stay unique in the graph.
    """
    seen: set[str] = set()
    for p in iter_paths(inputs, warn):
        docs = read_stdin(warn) if p == "-" else read_path(p, warn)
        for doc in docs:
            if doc.id in seen:
                warn(InputError(f"duplicate document id {doc.id!r}; skipped", path=doc.origin))
                continue
            seen.add(doc.id)
            yield doc


