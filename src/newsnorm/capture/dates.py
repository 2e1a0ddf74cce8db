"""Dates as captures print them, in many languages: "Published 14 March 2026, 09:12 GMT",
"28.04.2023, 20.15 Uhr", "Publié le 06/01/2026 - 14:16 UTC+1", "Dec. 22, 2023 at 1:36 pm".

A date keeps the precision printed: the day alone, or the time with its offset when the
offset is printed ("GMT", "UTC+1", "+05:00"); a time without one gives the day, since an
offset cannot be made up. Relative times ("3 hours ago") and days without a year are no
dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from newsnorm.text.dates import UPDATED_LABEL, parse_moment, printed_day

# Labels that say which date a line gives, in the languages newsnorm reads.
_PUBLISHED = re.compile(
    r"\b(published|posted|veröffentlicht|erstellt|publié|publicado|pubblicato|gepubliceerd|"
    r"publicerad|publisert|publiceret|opublikowano|yayınlanma|julkaistu)\b",
    re.IGNORECASE,
)
_LABELS = re.compile(
    r"\b(first published|published|posted|updated|last updated|modified|on|at|am|um|le|"
    r"el|il|op|den|kl\.?|klo|o|godz\.?|saat|às|à|a las|alle|veröffentlicht|erstellt|"
    r"aktualisiert|zuletzt|stand|publié|mis à jour|publicado|actualizado|pubblicato|"
    r"aggiornato|gepubliceerd|bijgewerkt|publicerad|uppdaterad|publisert|oppdatert|"
    r"publiceret|opdateret|opublikowano|zaktualizowano|yayınlanma|güncelleme|publicada|"
    r"julkaistu|päivitetty|date|datum|fecha|data)\b[:\s]*",
    re.IGNORECASE,
)
_CLOCK_WORDS = re.compile(r"\b(uhr|h|heures?|horas?|ore|uur|godz\.?)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|rsday|urday)?\b\.?,?",
    re.IGNORECASE,
)
# "20.15 Uhr", "15.30 CET": a time with a dot.
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?=\s*(uhr|h\b|[A-Z]{2,5}\b|$))", re.I)
_SLASHED = re.compile(r"(?<![\d/])(?<!\d-)(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])")
# "27.04.24", "12/22/23 11:35 AM", "12-22-23": a year of two digits (this century's); the
# day or the month of two digits too, where "3.5.10" is more often a version.
_SHORT_YEAR = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?![\d./-])")
# "2025年1月14日" (Chinese, Japanese), "2025년 6월 3일" (Korean), "2025.06.03", "2025. 6. 3.".
_YEAR_FIRST = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?:\s*[年년]\s*|\.\s?|/)(\d{1,2})(?:\s*[月월]\s*|\.\s?|/)"
    r"(\d{1,2})(?!\d)"
)
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# A cheap first test: most lines print no year.
_ANY_YEAR = re.compile(r"(?:19|20)\d\d|\d[./-]\d\d(?!\d)")
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
# Whatever a time of day is printed with: "12:34", "20.15 Uhr", "15h30", "3pm", "kl. 14".
_MAY_PRINT_TIME = re.compile(r"\d\s*[:.hH]\s*\d|\d\s*[ap]\.?\s?m\b|\d\s*uhr\b|\bkl\.?\s*\d", re.I)
_TWELVE_HOUR = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
_ZONE_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d\d))?\b")
_UTC = re.compile(r"\b(?:UTC|GMT)\b(?!\s*[+-]\d)")
# A date line is short; a sentence that mentions a date is the story's.
MAX_DATE_LINE_WORDS = 24


@dataclass(frozen=True)
class PrintedDate:
    """A date found on a line: the moment, whether the line calls it an update, and the
    text before it (a byline glued to its date: "Jane Doe 8:41 PM on December 20, 2023")."""

    moment: date | datetime
    updated: bool
    before: str


@lru_cache(maxsize=4096)
def dates_in_line(text: str) -> tuple[PrintedDate, ...]:
    """The dates a short line prints ("Published X Updated Y" gives two), or []."""
    if not _ANY_YEAR.search(text):
        return ()
    text = _GLUED_WORDS.sub(" ", _GLUED_YEAR_TIME.sub(r"\1 \2", text))
    text = _SPACED_DOTS.sub(r"\1.\2.\3", text)
    if len(text.split()) > MAX_DATE_LINE_WORDS:
        return ()
    if not (_YEAR.search(text) or _SHORT_YEAR.search(text)):
        return ()
    parts = _split_at_update(text)
    found = []
    for part, updated in parts:
        before, printed = _split_date(part)
        moment = read_moment(printed) if printed else None
        if moment is not None:
            found.append(PrintedDate(moment, updated, before))
    return tuple(found)


def _split_at_update(text: str) -> list[tuple[str, bool]]:
    """ "Published X Updated Y" as [("Published X", False), ("Updated Y", True)]; also
    "Updated Y / Published X"."""
    match = UPDATED_LABEL.search(text)
    if match is None:
        return [(text, False)]
    head, tail = text[: match.start()], text[match.start() :]
    if not _YEAR.search(head):
        published = _PUBLISHED.search(tail)
        if published is None:
            return [(text, True)]
        return [(tail[: published.start()], True), (tail[published.start() :], False)]
    return [(head, False), (tail, True)]


def read_moment(text: str) -> date | datetime | None:
    """The date or date-time one printed date gives, or None."""
    day = _day_of(text)
    if day is None or not _MAY_PRINT_TIME.search(text):
        return day  # (no time of day printed: the day alone, without dateutil's two parses)
    dayfirst = not (_TWELVE_HOUR.search(text) or _ISO_DAY.search(text))
    moment = parse_moment(_cleaned(text), dayfirst=dayfirst)
    if isinstance(moment, datetime) and moment.date() == day:
        return moment
    return day


def _iso_offset(match: re.Match[str]) -> str:
    return f"{match[1]}{int(match[2]):02d}:{match[3] or '00'}"


def _day_of(text: str) -> date | None:
    if match := _YEAR_FIRST.search(text):
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    if match := _ISO_DAY.search(text):
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    if match := _SLASHED.search(text):
        return _slashed_day(text, int(match[1]), int(match[3]), int(match[4]))
    if (day := printed_day(text)) is not None:
        return day
    if (match := _SHORT_YEAR.search(text)) and len(match[1] + match[3]) > 2:
        first, second, year = int(match[1]), int(match[3]), 2000 + int(match[4])
        if match[2] == ".":  # dotted dates are day first
            return _valid(year, second, first)
        return _slashed_day(text, first, second, year)
    return None


def _slashed_day(text: str, first: int, second: int, year: int) -> date | None:
    """Day first wherever the numbers allow it, except beside a 12-hour clock (the US)."""
    if first > 12 or (second <= 12 and not _TWELVE_HOUR.search(text)):
        return _valid(year, second, first)
    return _valid(year, first, second)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _cleaned(text: str) -> str:
    """The date's text as dateutil reads it: labels, weekdays and clock words out,
    "20.15" as "20:15", "UTC+1" as "+01:00" (dateutil reads "UTC+1" the POSIX way, as
    one hour behind)."""
    text = _ZONE_OFFSET.sub(_iso_offset, _DOTTED_TIME.sub(r"\1:\2", text))
    # dateutil makes a bare "UTC" the machine's local zone where that zone is UTC.
    text = _UTC.sub("+00:00", text)
    text = _WEEKDAY.sub(" ", _LABELS.sub(" ", text))
    text = _CLOCK_WORDS.sub(" ", text).replace("|", " ").replace("·", " ")
    return " ".join(text.replace(" - ", " ").split())


_TRAILING_CLOCK = re.compile(
    r"(\s+(\d{1,2}[:.]\d\d\s*([ap]\.?m\.?)?|on|at|um|le|el|am)|\s*[|/·,–—-])+$", re.IGNORECASE
)
# innerText glues inline elements: "December 23, 202311:08 AM UTCUpdated".
_GLUED_YEAR_TIME = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d{1,2}:\d\d|\d{1,2}\s+[^\W\d_])")
# "GEARAPR 28, 2024": a kicker in capitals glued to the month; "By Desirée ODec. 18, 2023":
# a name's initial glued to it.
_GLUED_WORDS = re.compile(
    r"(?<=[a-z\d])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])|(?<=[A-Z]{2})(?=[A-Z][a-z])|"
    r"(?<=[A-Z]{2})(?=(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.?\s+\d)|"
    r"(?<=[A-Z])(?=(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)
# "23. 12. 2024": a dotted date with spaces (Czech, Slovak, Polish, Hungarian pages).
_SPACED_DOTS = re.compile(r"(?<![\d.])(\d{1,2})\.\s+(\d{1,2})\.\s+(\d{4})(?!\d)")


def _split_date(text: str) -> tuple[str, str]:
    """(what a line prints before its date: a name, a label, or ""; the date's own text),
    the date's start found as the last word from which on the day is still found."""
    words = text.split()
    day = _day_of(text)
    if day is None:
        return "", ""
    start = 0
    while start + 1 < len(words) and _day_of(" ".join(words[start + 1 :])) == day:
        start += 1
    before = " ".join(words[:start])
    clock = _TRAILING_CLOCK.search(before)
    date_text = " ".join(words[start:])
    if clock:  # "8:41 PM on December 20": the clock belongs to the date
        before, date_text = before[: clock.start()], f"{clock.group(0)} {date_text}"
    before = _WEEKDAY.sub(" ", _LABELS.sub(" ", before)).strip(" |/·,-–—:")
    return before, date_text
