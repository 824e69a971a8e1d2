"""Publication dates as documents give them (front matter, JSONL fields, page metadata)."""

from __future__ import annotations

import re
from datetime import date


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
