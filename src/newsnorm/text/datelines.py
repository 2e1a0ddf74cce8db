"""Recognising a dateline: "SEOUL:", "NEW DELHI, Nov 3:", "LONDON (Reuters) -"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsnorm.text.people import agency_name

_PLACE = r"(?P<place>[^\W\d_][\w .'’/&-]{1,40}?)"
_DAY = r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
_COLON_FORM = re.compile(rf"^{_PLACE}{_DAY}\s*:\s+(?=\S)")
_AGENCY_FORM = re.compile(rf"^{_PLACE}{_DAY}\s*\((?P<agency>[^)]{{2,30}})\)\s*[-–—]+\s+(?=\S)")
# Capitalised openers that are labels, not places.
_NOT_PLACES = frozenset(
    {
        "UPDATE", "UPDATED", "BREAKING", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH",
        "READ", "ALSO READ", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENT", "CORRECTION",
        "FILE", "PHOTO", "VIDEO", "Q", "A",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None  # the wire service named in "(Reuters) -" forms
    prefix: str  # the exact text to cut from the paragraph


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening `paragraph`, or None."""
    match = _AGENCY_FORM.match(paragraph)
    agency = agency_name(match["agency"]) if match else None
    if agency is None:
        match = _COLON_FORM.match(paragraph)
    if match is None or not _is_place(match["place"].strip()):
        return None
    return Dateline(match["place"].strip(), agency, match.group(0))


def _is_place(text: str) -> bool:
    """All capitals, no digits, and not a label such as UPDATE."""
    return text.isupper() and not any(c.isdigit() for c in text) and text not in _NOT_PLACES
