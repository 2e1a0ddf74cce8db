"""Dates with their real precision: a date when only the day is known, an aware
date-time when the time is, nothing when even the day is missing. Never invented."""

from __future__ import annotations

import contextlib
import re
import warnings
from datetime import date, datetime
from datetime import timezone as dt_timezone
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser
from dateutil import tz as dateutil_tz

# The helpers outlet plugins use; each is described in docs/plugins.md, "Helper reference".
__all__ = ["MONTH_NAME", "PRINTED_LANGUAGES", "parse_moment", "printed_day"]

# A month's name as pages print it: "Dec", "Dec.", "December", "Sept" (add re.IGNORECASE
# for "dec").
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# Languages whose printed dates `printed_day` reads: the main European ones, with English.
PRINTED_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "sv", "da", "nb", "nn", "pl", "pt",
                     "tr", "fi", "cs", "ro")  # fmt: skip
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
# A word that may be a month's name, in any alphabet ("Mai", "mayo", "maja", "Şubat").
_WORD = r"[^\W\d_]{3,}"
# "3. Mai 2022", "le 3 mai 2022", "3 de mayo de 2022", "3 maja 2022r.", "3 May, 2022"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.?\s*(?:de\s+|of\s+)?({_WORD})\.?,?\s*(?:de\s+)?(\d{{4}})(?!\d)"
)
# "Mai 3, 2022", "mayo 3 de 2022"
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![^\W\d_])({_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s*(?:de\s+)?(\d{{4}})(?!\d)"
)
# "03.05.2022", "3.5.2022": day first wherever dots separate a numeric date.
_DOTTED_DAY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]*\d)")
# The word before a date that says it is the last update, not the publication.
UPDATED_LABEL = re.compile(
    r"\b(updated|last updated|modified|aktualisiert|zuletzt aktualisiert|geändert|"
    r"mis à jour|actualizado|actualización|aggiornat[oa]|bijgewerkt|gewijzigd|uppdaterad|"
    r"oppdatert|opdateret|zaktualizowano|aktualizacja|güncelleme|güncellenme|atualizado|"
    r"päivitetty|aktualizováno)\b",
    re.IGNORECASE,
)
# Chinese and Japanese "2023年3月3日", Korean "2023년 3월 3일": year, month, day.
CJK_DAY = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
# Parsing twice with defaults that differ in every field shows which fields the text gave.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)
# What metadata mostly holds, "2022-05-03", "2022-05-03T14:20:00.123+02:00": read by the
# standard library (dateutil's two parses were a tenth of a page's time).
_ISO_MOMENT = re.compile(
    r"\d{4}-\d\d-\d\d(?P<time>[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:\d\d)?)?"
)


def parse_moment(
    text: str, *, timezone: str | None = None, dayfirst: bool = False
) -> date | datetime | None:
    """Parse a printed date or date-time, in English month names or numbers (dateutil).

    Returns a `date` when only the day is printed, an aware `datetime` when the time is, and
    None when the year, month or day is missing or the text is no date. A naive time is placed
    in `timezone` (an IANA name, e.g. the outlet's); without one, or with a zone abbreviation
    dateutil cannot place ("EST"), the result falls back to the date, since an offset cannot
    be made up. Numbers are read month first unless `dayfirst`; a date written with dots
    ("03.05.2022") is day first, as everywhere dots are used.
    """
    text = text.strip()
    if iso := _ISO_MOMENT.fullmatch(text):
        with contextlib.suppress(ValueError):  # a day or hour out of range: dateutil says
            return _placed(datetime.fromisoformat(text), bool(iso["time"]), timezone)
    dayfirst = dayfirst or _DOTTED_DAY.search(text) is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", dateutil_parser.UnknownTimezoneWarning)
        try:
            first = dateutil_parser.parse(text, default=_DEFAULT_A, dayfirst=dayfirst)
            second = dateutil_parser.parse(text, default=_DEFAULT_B, dayfirst=dayfirst)
        except (ValueError, OverflowError):
            return None
    if caught:  # a zone name dateutil cannot place ("EST"): its offset is unknown
        timezone = None
    if first.date() != second.date():
        return None  # year, month or day missing
    timed = (first.hour, first.minute) == (second.hour, second.minute)
    if isinstance(first.tzinfo, dateutil_tz.tzlocal):
        # dateutil gives the machine's zone for a printed one of the same name ("UTC" on a
        # machine in UTC): the printed offset, fixed, keeps records the same on every machine.
        first = first.replace(tzinfo=dt_timezone(first.utcoffset()))
    return _placed(first, timed, timezone)


def _placed(moment: datetime, timed: bool, timezone: str | None) -> date | datetime | None:
    """None outside the years pages date; the day alone when no time was printed, or when a
    naive time has no zone to go in; else the moment to the second."""
    if not 1800 <= moment.year <= 2200:
        return None
    if not timed:
        return moment.date()
    moment = moment.replace(microsecond=0)
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


def printed_day(text: str) -> date | None:
    """The day in a date printed with its month's name in one of `PRINTED_LANGUAGES`
    ("3. Mai 2022", "le 3 mai 2022", "3 de mayo de 2022", "3 maja 2022") or with dots
    ("03.05.2022") or in Chinese, Japanese or Korean ("2022年5月3日"), the first found
    anywhere in `text`; None when there is none. Dates only: a printed time has no offset
    to place it in."""
    for match in _DAY_MONTH_YEAR.finditer(text):
        if day := _day(match.group(3), match.group(2), match.group(1)):
            return day
    for match in _MONTH_DAY_YEAR.finditer(text):
        if day := _day(match.group(3), match.group(1), match.group(2)):
            return day
    if match := _DOTTED_DAY.search(text):
        return _valid_day(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if match := CJK_DAY.search(text):
        return _valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def _day(year: str, month_name: str, day: str) -> date | None:
    month = _month_numbers().get(month_name.casefold())
    return _valid_day(int(year), month, int(day)) if month else None


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        moment = date(year, month, day)
    except ValueError:
        return None
    return moment if 1800 <= year <= 2200 else None


@cache
def _month_numbers() -> dict[str, int]:
    """Month names and their abbreviations in `PRINTED_LANGUAGES` (the nominative and the
    genitive forms: "maj", "maja"), from the locale data of dateparser (a dependency of
    htmldate), not a table of our own. Loaded on first need; a name that means two months in
    two languages is left out."""
    from importlib import import_module

    numbers: dict[str, set[int]] = {}
    for language in PRINTED_LANGUAGES:
        info = import_module(f"dateparser.data.date_translation_data.{language}").info
        for number, key in enumerate(_MONTH_KEYS, 1):
            for name in info.get(key, ()):
                numbers.setdefault(name.casefold().rstrip("."), set()).add(number)
    return {name: next(iter(months)) for name, months in numbers.items() if len(months) == 1}
