"""What a record is compared by, read from the record itself: its text's words, shingles
and digest (for copies), and its title, names and day (for stories).

Names are words written with a capital where a sentence does not begin ("Xi", "Gyeongju",
"APEC"): the people, places and organisations that a rewrite keeps, in any language that
capitalises them, and the words that survive translation best."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np

from newsnorm.dedup import tokens

LEAD_WORDS = 120  # names are taken from the title and the opening of the text
MAX_NAMES = 40
_WORD = re.compile(r"[^\W\d_]+")
_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_]\w*")  # "Jae-myung" is two names
TITLE_CASE = 0.6  # a title with this share of capitalised words capitalises every word
_SENTENCE_END = re.compile(r"[.!?:;\"“”«»()\[\]—–-]\s*$")
NO_DAY = -(2**31)


@dataclass(frozen=True)
class Features:
    """One record's comparable parts; hashes only, no text."""

    id: str
    moment: float  # seconds since 1970 of `published`, +inf when unknown: orders copies
    day: int  # days since 1970 of `published`, NO_DAY when unknown
    digest: int  # of the whole word sequence
    words: int
    shingles: np.ndarray  # uint32, sorted, distinct
    title: frozenset[int]
    names: frozenset[int]
    language: int = 0  # a hash of the record's `language`; 0 when it has none


def features(record: dict[str, Any]) -> Features:
    """The features of one record (a dict as written by newsnorm)."""
    text = _text(record)
    words = tokens.words(text)
    hashes = tokens.word_hashes(words)
    title = record.get("title") or ""
    moment, day = published(record.get("published"))
    return Features(
        id=record["id"], moment=moment, day=day, digest=tokens.digest(hashes),
        words=len(words), shingles=tokens.shingles(hashes),
        title=frozenset(_hashed(title_words(title))),
        names=frozenset(_hashed(names(title, text))),
        language=_language(record),
    )  # fmt: skip


def text_key(record: dict[str, Any]) -> bytes:
    """A digest of the record's title, language and text: equal for records whose features
    differ only in their id and date."""
    data = f"{record.get('title') or ''}\x00{record.get('language')}\x00{_text(record)}".encode()
    return hashlib.blake2b(data, digest_size=16).digest()


def _text(record: dict[str, Any]) -> str:
    return record.get("text") or "\n\n".join(block["text"] for block in record["body"])


def _language(record: dict[str, Any]) -> int:
    language = record.get("language")
    return _hashed([language])[0] if language else 0


def names(title: str, text: str) -> list[str]:
    """The capitalised words of the title and the lead not opening a sentence, folded;
    not a word the text also writes in lower case ("The", "Chance" of a title-case teaser
    line), nor a single letter ("I")."""
    lead = " ".join(text.split()[:LEAD_WORDS])
    lower = {word for word in _WORD.findall(text) if word[0].islower()}
    found: list[str] = []
    for part in (title, lead) if not _title_case(title) else (lead,):
        for match in _CAPITALISED.finditer(part):
            word = match.group()
            if len(word) < 2 or not word[0].isupper() or _opens_sentence(part, match.start()):
                continue
            if word.lower() not in lower:
                found.append(word.casefold())
    return found[:MAX_NAMES]


def _title_case(title: str) -> bool:
    words = [match.group() for match in _CAPITALISED.finditer(title) if len(match.group()) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE * len(words)


def title_words(title: str) -> list[str]:
    """The title's words that carry its meaning: longer than three letters (most
    languages' articles and prepositions are not), or any character of a script written
    without spaces."""
    return [word for word in tokens.words(title) if len(word) > 3 or not word.isascii()]


def published(value: str | None) -> tuple[float, int]:
    """(seconds, days) since 1970 of a record's `published` moment or date."""
    if not value:
        return float("inf"), NO_DAY
    value = value + "-01-01"[len(value) - 4 :] if len(value) in (4, 7) else value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return float("inf"), NO_DAY
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp(), (moment.date() - date(1970, 1, 1)).days


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or bool(_SENTENCE_END.search(before))


def _hashed(words) -> list[int]:
    return [int(value) for value in tokens.word_hashes(list(words))]
