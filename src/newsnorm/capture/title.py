"""A capture's headline: among the lines above the article, the one most like a headline
and nearest the story. Menus are one to three words, teasers sit further up; the headline
is often printed twice (the breadcrumb or page title, then the heading), and with the
page's address, its slug names it.
"""

from __future__ import annotations

import re
from collections import Counter

from newsnorm.capture.bylines import bare_name, byline_at
from newsnorm.capture.captions import credit_of
from newsnorm.capture.dates import dates_in_line
from newsnorm.capture.lines import Line

MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 40
# How many headline-shaped lines above the article are weighed.
CANDIDATES = 12
# Points a candidate gets or loses (its words count one each, up to MAX_WORD_POINTS).
MAX_WORD_POINTS = 14
PRINTED_TWICE = 6.0
PER_CLOSER_CANDIDATE = 1.5
ENDS_WITH_FULL_STOP = 5.0
SLUG_MATCH = 12.0
_SLUG_WORD = re.compile(r"[^\W\d_]{3,}")


def choose_title(texts: list[str], url: str | None = None) -> int | None:
    """The index of the headline among `texts` (the lines above the article, top first)."""
    counts = Counter(texts)
    slug = _slug_words(url)
    best, best_score = None, 0.0
    closer = 0
    for index in range(len(texts) - 1, -1, -1):
        if closer >= CANDIDATES:
            break
        if not _headline_shaped(texts, index):
            continue
        score = _score(Line(texts[index]), counts[texts[index]] > 1, slug) - closer * (
            PER_CLOSER_CANDIDATE
        )
        if score > best_score:
            best, best_score = index, score
        closer += 1
    return best


def _score(line: Line, twice: bool, slug: set[str]) -> float:
    score = float(min(line.words, MAX_WORD_POINTS))
    if twice:
        score += PRINTED_TWICE
    if line.text.endswith("."):
        score -= ENDS_WITH_FULL_STOP
    if slug:
        words = {word.casefold() for word in _SLUG_WORD.findall(line.text)}
        score += SLUG_MATCH * len(words & slug) / len(slug)
    return score


def _headline_shaped(texts: list[str], index: int) -> bool:
    line = Line(texts[index])
    if line.furniture or line.ends_article or line.text.endswith((":", ",")):
        return False
    if not MIN_TITLE_WORDS <= line.words <= MAX_TITLE_WORDS or line.text[0].islower():
        return False
    if bare_name(line.text) or credit_of(line.text) or dates_in_line(line.text):
        return False
    return byline_at(texts, index) is None


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return {word.casefold() for word in _SLUG_WORD.findall(path.replace("-", " "))}
