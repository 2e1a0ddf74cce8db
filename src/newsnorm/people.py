"""Bylines into people and wire services."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsnorm.dates import parse_moment

# Wire services by the names bylines print them under (compared case-insensitively,
# except the ordinary words in _CASE_SENSITIVE_AGENCIES).
_AGENCY_NAMES = {
    "AAP": ("AAP", "Australian Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "ANI": ("ANI", "Asian News International"),
    "ANSA": ("ANSA",),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "APP": ("APP", "Associated Press of Pakistan"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Antara": ("Antara",),
    "Bernama": ("Bernama",),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "BSS": ("BSS",),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "IANS": ("IANS",),
    "INP": ("INP",),
    "IRNA": ("IRNA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "KUNA": ("KUNA",),
    "NNI": ("NNI",),
    "Online": ("Online",),
    "PA": ("PA", "PA Media", "Press Association"),
    "PTI": ("PTI", "Press Trust of India"),
    "QNA": ("QNA",),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "SPA": ("SPA", "Saudi Press Agency"),
    "Sputnik": ("Sputnik",),
    "TASS": ("TASS",),
    "UNB": ("UNB",),
    "UNI": ("UNI",),
    "WAM": ("WAM",),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
}
_CASE_SENSITIVE_AGENCIES = {"Online", "AA", "PA"}
_AGENCY_BY_NAME = {
    (alias if alias in _CASE_SENSITIVE_AGENCIES else alias.casefold()): canonical
    for canonical, aliases in _AGENCY_NAMES.items()
    for alias in aliases
}

# Words that mark a byline part as a desk, a team or a generic credit, not a person.
_NOT_A_PERSON = re.compile(
    r"\b(desk|staff|report|reporter|reporters|correspondents?|bureau|research|team|newsroom|"
    r"editors?|editorial|monitoring|agenc(y|ies)|news\s+service|wires?|web|online|bio|"
    r"writers?|columnist|contributing|contributors?|kitchen|media)\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:\n|\||/|;|,|&|·|•|\band\b|\bwith\b)\s*", re.IGNORECASE)
# A final dot that belongs to the name: an initial ("C.J.") or a suffix ("Jr.").
_KEPT_DOT = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")
_BY_PREFIX = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’.-]*|(?:de|da|das|dos|del|della|van|von|der|den|ter|al|el|bin|bint|ibn|di|du|la|le|ul|ur|uz|ud)|[A-Z]\.)$"
)


def agency_name(text: str) -> str | None:
    """The canonical name of the wire service `text` names, or None."""
    text = text.strip()
    return _AGENCY_BY_NAME.get(text) or _AGENCY_BY_NAME.get(text.casefold())


def is_person_name(text: str) -> bool:
    """Two to five capitalised words, none of them a desk or agency word."""
    words = text.split()
    if not 2 <= len(words) <= 5 or _NOT_A_PERSON.search(text) or agency_name(text):
        return False
    return all(_NAME_WORD.match(word) for word in words) and not any(c.isdigit() for c in text)


def byline_parts(byline: str) -> list[str]:
    """The names a byline lists, without "By", parentheticals and separators."""
    text = _PARENTHETICAL.sub("", _BY_PREFIX.sub("", byline))
    parts = (_trimmed(part) for part in _SEPARATORS.split(text))
    return [_natural_case(part) for part in parts if part]


def _trimmed(part: str) -> str:
    part = part.strip(" :-–—")
    return part if _KEPT_DOT.search(part) else part.strip(" .:-–—")


def _natural_case(name: str) -> str:
    """Bylines in capitals ("HEATHER HOLLINGSWORTH") are printed that way, not named so."""
    return name.title() if name.isupper() and len(name) > 3 else name


def split_byline(byline: str, *, not_people: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(authors, agencies) named in a byline; desks, dates and `not_people` are dropped."""
    excluded = {name.casefold() for name in not_people}
    authors: list[str] = []
    agencies: list[str] = []
    for part in byline_parts(byline):
        agency = agency_name(part)
        if agency:
            _append_new(agencies, agency)
        elif part.casefold() not in excluded and not _is_date(part) and is_person_name(part):
            _append_new(authors, part)
    return authors, agencies


def _is_date(text: str) -> bool:
    return any(c.isdigit() for c in text) and parse_moment(text) is not None


def _append_new(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)
