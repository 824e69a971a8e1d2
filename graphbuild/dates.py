"""Date formats: month and weekday names, ISO dates. The one room for reading dates; the article readers
(publication dates) and the extractor (dates in sentences, datelines) both read them through here."""

from __future__ import annotations

import re
from datetime import date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def iso_date(y: int, m: int, d: int) -> str | None:
    """``YYYY-MM-DD``, or None for a day that does not exist.

    >>> iso_date(2024, 2, 29), iso_date(2023, 2, 29)
    ('2024-02-29', None)
    """
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """An ISO date or date-time (a publication date); None when absent or unreadable.

    >>> parse_date("2024-01-28T09:30:00Z")
    datetime.date(2024, 1, 28)
    >>> parse_date("not a date") is None
    True
    """
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value).strip())
    found = iso_date(int(m[1]), int(m[2]), int(m[3])) if m else None
    return date.fromisoformat(found) if found else None
