"""Stage 1: read articles from files, folders and stdin into :class:`~graphbuild.records.Document` records,
ready for NLP. One room per kind of work:

- ``readers``: paths, folders, stdin; plain text, JSON lines; encodings; the bad-input messages
- ``html``: web pages, main text and metadata through trafilatura
- ``pdf``: PDF reports through pypdf
- ``furniture``: page furniture in plain text (link lists, bylines, time stamps), removed by structure
- ``detok``: tokenized text from research corpora put back as prose
- ``recase``: all-capitals wire copy in sentence case; transcribers' paragraph labels
- ``language``: which language a document is in (py3langid)
- ``prepare``: the last steps every document's text goes through
"""

from ..dates import parse_date
from .detok import detokenize, is_tokenized
from .furniture import clean_text
from .html import page_text, parse_html
from .language import detect_language, foreign_language, identify
from .pdf import parse_pdf
from .prepare import prepare_text
from .readers import (
    SUFFIXES,
    Warn,
    decode,
    iter_paths,
    json_lines,
    parse_jsonl,
    parse_record,
    parse_txt,
    read_documents,
    read_path,
    read_stdin,
)
from .recase import drop_leading_notes, english_word, recase

__all__ = [
    "SUFFIXES", "Warn", "clean_text", "decode", "detect_language", "detokenize", "drop_leading_notes",
    "english_word", "foreign_language", "identify", "is_tokenized", "iter_paths", "json_lines", "page_text",
    "parse_date", "parse_html", "parse_jsonl", "parse_pdf", "parse_record", "parse_txt", "prepare_text",
    "read_documents", "read_path", "read_stdin", "recase",
]
