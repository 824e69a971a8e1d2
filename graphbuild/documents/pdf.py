"""PDF reports (UN, NGO and government reports): the text of every page through pypdf."""

from __future__ import annotations

import io
import logging
import re

from ..errors import InputError
from ..records import Document
from .prepare import prepare_text

# pypdf logs its repairs of damaged files; the reader reports what matters itself
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False

_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")


def reflow(page: str) -> str:
    """A page's text with the lines of a paragraph joined: a PDF breaks lines where the column ends, and a
    line that does not end a sentence goes on in the next. Empty lines stay paragraph breaks.

    >>> reflow("Rebels attacked the\\nconvoy near the border.\\nTroops pro-\\nceeded.\\n\\nAnnex")
    'Rebels attacked the convoy near the border.\\nTroops pro-ceeded.\\n\\nAnnex'
    """
    out: list[str] = []
    for line in (ln.strip() for ln in page.splitlines()):
        if out and out[-1] and line and not _SENTENCE_END.search(out[-1]):
            out[-1] += line if out[-1].endswith("-") else " " + line
        else:
            out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def parse_pdf(data: bytes, doc_id: str, origin: str | None = None) -> Document:
    """A PDF file's bytes -> Document: the text of every page (running heads and page numbers go as
    plain-text furniture), title, author and creation date from its metadata. An
    encrypted PDF that needs a password, a broken file or one without a text layer (a scan) raises
    InputError (``skipped``)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("encrypted PDF (needs a password); skipped", path=origin, skipped=True)
        pages = [reflow(page.extract_text() or "") for page in reader.pages]
        info = reader.metadata
        title, author = (info.title, info.author) if info is not None else (None, None)
        created = info.creation_date if info is not None else None
    except InputError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise InputError("encrypted PDF (cannot be decrypted); skipped", path=origin, skipped=True) from None
    except Exception as e:  # pypdf raises many kinds on damaged files: all mean "cannot read this PDF"
        raise InputError(f"not a readable PDF ({type(e).__name__}: {e}); skipped", path=origin,
                         skipped=True) from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise InputError("PDF without a text layer (a scan?); skipped", path=origin, skipped=True)
    return Document(id=doc_id, text=prepare_text(text), title=title or None, origin=origin,
                    published=created.date() if created else None, author=author or None)
