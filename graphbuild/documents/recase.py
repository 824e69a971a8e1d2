"""All-capitals wire copy in sentence case, and the transcribers' labels that open its paragraphs.

Wire services (FBIS, older agency copy) send text in capitals; the tagger and parser read it as a stream
of proper nouns. :func:`recase` puts it in sentence case while keeping the names the text itself marks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

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

        from ..nlp import default_model

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
