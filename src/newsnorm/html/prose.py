"""How much running prose a piece of page text holds, in any script.

The content scorer (newsnorm.html.content) trusts paragraph length; these measures tell a
paragraph of sentences from text that is merely long: share buttons, a stock-price strip,
a column of live-score minutes, a one-line category label. They judge the scorer's winner
against the page's other candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DIGIT = re.compile(r"\d")
# Sentence punctuation of Latin, CJK, Arabic, Devanagari and other scripts.
_SENTENCE_MARK = re.compile(r"[.!?…。！？؟۔।]")
_MAX_DIGIT_SHARE = 0.3
_LONG_RUN = 120  # a run this long reads as prose even without a full stop
_MIN_RUNNING_WORDS = 6
_MIN_LOWER_SHARE = 1 / 3


def visible_len(text: str) -> int:
    """Characters a reader sees: each run of white space counts once (indented markup
    gives long runs that are not text)."""
    return len(" ".join(text.split()))


def is_number_heavy(text: str) -> bool:
    """Scores, prices, tickers, timetables: a third or more of the characters are digits."""
    return len(_DIGIT.findall(text)) > _MAX_DIGIT_SHARE * max(visible_len(text), 1)


def is_prose(text: str) -> bool:
    """A sentence or a run of words, not a label, a list of names or a number strip."""
    if is_number_heavy(text):
        return False
    if _SENTENCE_MARK.search(text) or visible_len(text) >= _LONG_RUN:
        return True
    return _reads_as_running_words(text.split())


def _reads_as_running_words(words: list[str]) -> bool:
    """Enough words, a good share of them lower-case: running text even without a full
    stop; a row of names or menu entries is capitalised throughout."""
    if len(words) < _MIN_RUNNING_WORDS:
        return False
    lower = sum(1 for word in words if word[0].islower())
    return lower >= len(words) * _MIN_LOWER_SHARE


def prose_chars(texts: Iterable[str]) -> int:
    """The visible length of the texts that read as prose."""
    return sum(visible_len(text) for text in texts if is_prose(text))
