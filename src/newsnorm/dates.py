"""Dates with their real precision: a date when only the day is known, an aware
date-time when the time is, nothing when even the day is missing. Never invented."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

# A month's name as pages print it: "Dec", "Dec.", "December", "Sept" (add re.IGNORECASE
# for "dec").
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# Parsing twice with defaults that differ in every field shows which fields the text gave.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)


def parse_moment(
    text: str, *, timezone: str | None = None, dayfirst: bool = False
) -> date | datetime | None:
    """Parse a printed date or date-time.

    A naive time is placed in `timezone` (an IANA name, e.g. the outlet's); without one the
    result falls back to the date, since an offset cannot be made up.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", dateutil_parser.UnknownTimezoneWarning)
        try:
            first = dateutil_parser.parse(text, default=_DEFAULT_A, dayfirst=dayfirst)
            second = dateutil_parser.parse(text, default=_DEFAULT_B, dayfirst=dayfirst)
        except (ValueError, OverflowError):
            return None
    if caught:  # a zone name dateutil cannot place ("EST"): its offset is unknown
        timezone = None
    if first.date() != second.date() or not 1800 <= first.year <= 2200:
        return None  # year, month or day missing
    if (first.hour, first.minute) != (second.hour, second.minute):
        return first.date()
    moment = first.replace(microsecond=0)
    if moment.tzinfo is None:
        zone = _zone(timezone)
        return moment.replace(tzinfo=zone) if zone else moment.date()
    return moment


@cache
def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
