"""Web pages: the article's main text and metadata through trafilatura (a well-kept extractor, configured
here, not re-implemented). graphbuild's plain-text furniture rules do not run on its output.
"""

from __future__ import annotations

import functools
import re

from ..dates import parse_date
from ..errors import InputError
from ..records import Document
from .prepare import prepare_text


@functools.cache
def _min_text() -> int:
    """Under this many characters trafilatura's own result is suspect (its MIN_EXTRACTED_SIZE)."""
    from trafilatura.settings import DEFAULT_CONFIG

    return DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE")


_LOOKS_HTML = re.compile(r"<(?:p|div|article|html|body|br|span|h[1-6])\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether a text is markup (a page or a fragment) rather than prose.

    >>> looks_like_html("<div><p>Rebels attacked the town.</p></div>")
    True
    >>> looks_like_html("Rebels attacked the town (a <b>bold</b> claim).")
    False
    """
    return bool(_LOOKS_HTML.search(text[:5000]))


def _extract(html: str, **options) -> str:
    import trafilatura  # imported when a page is read: it takes a second

    return trafilatura.extract(html, include_comments=False, include_tables=True, output_format="txt",
                               deduplicate=False, **options) or ""


def page_text(html: str, tree=None) -> str:
    """The main text of a page, one paragraph a line: trafilatura with ``favor_precision`` and no comments.
    Precision can cut an article down to a teaser or a notice: when its result is under a short
    paragraph's worth and trafilatura's balanced setting finds several times more, that is taken. A page
    too short for trafilatura's size thresholds goes through its baseline extraction, then the bare text
    of the page, so a page with text never yields nothing. Lines that are the text of a link on the page
    (related stories, "Read more: ..." teasers) are dropped: they are headlines, not the article's prose.

    >>> page_text("<html><body><nav>Home | World</nav><p>Troops entered the town on Monday.</p></body></html>")
    'Troops entered the town on Monday.'
    """
    import trafilatura

    html = _whole_page(html)
    text = _extract(html, favor_precision=True)
    if len(text) < 2 * _min_text():
        balanced = _extract(html)
        if len(balanced) > 3 * len(text):
            text = balanced
    if len(text) >= _min_text():
        return _drop_link_lines(text, tree if tree is not None else trafilatura.load_html(html))
    _, base, _ = trafilatura.baseline(html)
    base = base.strip()
    if len(base) > 2 * len(text):  # much more text than trafilatura kept: its threshold cut the article
        text = base
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    return text.strip()


_WORD = re.compile(r"\w+")
_LINK_WORDS = 4  # a link of fewer words is a label ("Read more", a name), not a headline
_LINKED_SHARE = 0.6  # a line this much made of one link's text is that link


def _words(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def _drop_link_lines(text: str, tree) -> str:
    """The lines of a main text that are mostly the text of one link of the page: headlines of other
    stories that the extractor kept ("READ MORE: Five killed in ..."). Prose with a link inside stays."""
    if tree is None:
        return text
    links = {w for a in tree.iter("a") if len((w := _words(a.text_content())).split()) >= _LINK_WORDS}
    kept = []
    for line in text.splitlines():
        words = _words(line)
        longest = max((len(link.split()) for link in links if f" {link} " in f" {words} "), default=0)
        if not words or longest < _LINKED_SHARE * len(words.split()):
            kept.append(line)
    out = "\n".join(kept)
    return out if len(out) >= len(text) / 2 else text  # most of it linked: the page is built of links


def _meta(tree, *keys: str) -> str | None:
    for key in keys:
        for value in tree.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content'):
            if value.strip():
                return value.strip()
    return None


def _whole_page(html: str) -> str:
    """A fragment ("<p>...</p>", a JSONL record's markup) as a page: the extractors expect one."""
    return html if re.search(r"<(?:html|body)\b", html[:5000], re.IGNORECASE) else f"<html><body>{html}</body></html>"


def parse_html(html: str, doc_id: str, origin: str | None = None) -> Document:
    """A web page -> Document. The text is the page's main text (:func:`page_text`, prepared for NLP
    without the plain-text furniture rules); title (``og:title`` first, then trafilatura's), publication
    date (htmldate), author, site name, canonical URL and language come from the page's metadata.

    >>> doc = parse_html('<html lang="en"><head><meta property="og:title" content="Strike on depot">'
    ...                  '</head><body><p>Drones struck an oil depot overnight.</p></body></html>', "d")
    >>> doc.title, doc.text, doc.language
    ('Strike on depot', 'Drones struck an oil depot overnight.', 'en')
    """
    import trafilatura
    from lxml import etree

    html = _whole_page(html)
    try:
        tree = trafilatura.load_html(html)
        text = prepare_text(page_text(html, tree), furniture=False)
        if tree is None:
            return Document(id=doc_id, text=text, origin=origin)
        meta = trafilatura.extract_metadata(tree)
    except (ValueError, TypeError, LookupError, etree.LxmlError) as e:  # markup that lxml cannot take
        raise InputError(f"cannot read this web page ({type(e).__name__}: {e}); skipped", path=origin,
                         skipped=True) from None
    lang = (tree.get("lang") or meta.language or _meta(tree, "og:locale", "language") or "").strip()
    return Document(
        id=doc_id,
        text=text,
        title=_meta(tree, "og:title") or meta.title or None,
        url=meta.url or _meta(tree, "og:url"),
        published=parse_date(meta.date),
        source=meta.sitename or None,
        origin=origin,
        author=meta.author or None,
        language=re.split(r"[-_]", lang)[0].lower() or None,
    )
