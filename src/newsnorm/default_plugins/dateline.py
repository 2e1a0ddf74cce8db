"""Datelines: "SEOUL:" or "SEOUL, Nov 1 (Reuters) -" opening the first paragraph."""

from __future__ import annotations

import re

from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl
from newsnorm.people import agency_name

_PLACE = r"(?P<place>[^\W\d_][\w .'’/&-]{1,40}?)"
_DAY = r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
_COLON_FORM = re.compile(rf"^{_PLACE}{_DAY}\s*:\s+(?=\S)")
_AGENCY_FORM = re.compile(rf"^{_PLACE}{_DAY}\s*\((?P<agency>[^)]{{2,30}})\)\s*[-–—]+\s+(?=\S)")
# Capitalised openers that are labels, not places.
_NOT_PLACES = frozenset(
    {
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "WATCH",
        "READ",
        "ALSO READ",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "COMMENT",
        "CORRECTION",
        "FILE",
        "PHOTO",
        "VIDEO",
        "Q",
        "A",
    }
)


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    meta = document.meta
    first = next(document.live_blocks(), None)
    if meta.dateline is not None or first is None or first.type != "paragraph":
        return
    match = _AGENCY_FORM.match(first.text) or _COLON_FORM.match(first.text)
    if not match or not _is_place(match["place"].strip()):
        return
    agency = agency_name(match.groupdict().get("agency") or "")
    if match.re is _AGENCY_FORM and agency is None:
        return
    meta.dateline = match["place"].strip()
    if agency and agency not in meta.agencies:
        meta.agencies = [*meta.agencies, agency]
    document.cut_prefix(first, match.group(0), "dateline")


def _is_place(text: str) -> bool:
    """All capitals, no digits, and not a label such as UPDATE."""
    return text.isupper() and not any(c.isdigit() for c in text) and text not in _NOT_PLACES
