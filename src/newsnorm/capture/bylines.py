"""Bylines as captures print them: "By Sarah Whitfield, Political Correspondent" on a line
of its own, "ByThe Associated Press" glued by innerText, a lone "By" or "Von" with the names
on the lines below, a name beside its date ("Jane Doe 8:41 PM on December 20, 2023"), or a
bare name line next to the date line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsnorm.capture.lines import is_furniture
from newsnorm.text.people import agencies_in, has_byline_prefix, is_person_name, split_byline

MAX_BYLINE_WORDS = 15
# Names listed on their own lines below a lone "By": at most this many.
MAX_NAME_LINES = 4
# "ByThe Associated Press": innerText joins the label and the link after it.
_GLUED_LABEL = re.compile(r"^(By|BY|Von|VON|Par|PAR|Por|POR)(?=[A-Z][a-z])")
_LONE_LABEL = re.compile(
    r"^(by|von|par|por|di|av|af|door|przez|od|oleh|autor(in)?|author|text|texte|texto|"
    r"testo|tekst|reporter|redaktion|yazar)\s*:?$",
    re.IGNORECASE,
)


# "Julia Vergin | Clare Roth", "Jane Doe and John Roe": several names on one line.
_NAME_SEPARATORS = re.compile(r"\s*(?:[|,/&·•]|\band\b|\bund\b|\bet\b|\by\b)\s*")


_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# "구현모 기자" (reporter Gu), "记者 王伟": a name with the word for reporter.
_CJK_REPORTER = re.compile(r"기자|특파원|记者|記者|特派員")
# "Kommentar von Nicole Opitz", "Analysis by Jane Doe": a genre word before the label.
_GENRE_BEFORE_LABEL = re.compile(r"^(?:[^\W\d_]+\s+){1,2}(?=(?:von|by|par|por|door)\s+[A-Z])")


@dataclass(frozen=True)
class FoundByline:
    """A byline as printed and the indexes of the lines it was read from."""

    text: str
    lines: tuple[int, ...]


def byline_at(texts: list[str], index: int) -> FoundByline | None:
    """The byline that starts on line `index`, or None."""
    text = _GENRE_BEFORE_LABEL.sub("", _GLUED_LABEL.sub(r"\1 ", texts[index]))
    if _LONE_LABEL.match(text):
        return _names_below(texts, index, text)
    if len(text.split()) <= MAX_BYLINE_WORDS and has_byline_prefix(text) and names_someone(text):
        return FoundByline(text, (index,))
    return None


def _names_below(texts: list[str], index: int, label: str) -> FoundByline | None:
    names, used = [], [index]
    for below in range(index + 1, min(index + 1 + MAX_NAME_LINES, len(texts))):
        if not (is_person_name(texts[below]) or agencies_in(texts[below])):
            break
        names.append(texts[below])
        used.append(below)
    if not names:
        return None
    return FoundByline(f"{label} {', '.join(names)}", tuple(used))


@lru_cache(maxsize=8192)
def names_someone(text: str) -> bool:
    """Whether a byline names a person or a wire service (a desk alone names no one)."""
    authors, agencies = split_byline(text)
    return bool(authors or agencies)


@lru_cache(maxsize=8192)
def bare_name(text: str) -> bool:
    """A line that is only a person's name or a wire service: a byline when it sits beside
    the article's date."""
    if is_furniture(text):
        return False
    text = _PARENTHESES.sub("", text)
    if not any(c.isupper() or c.islower() for c in text) and not _CJK_REPORTER.search(text):
        return False  # a short phrase in a script without capitals is as likely a label
    parts = [part for part in _NAME_SEPARATORS.split(text) if part.strip()]
    return bool(parts) and all(is_person_name(p) or agencies_in(p) for p in parts)
