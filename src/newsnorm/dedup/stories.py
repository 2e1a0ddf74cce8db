"""Whether two records that are not copies report the same story: a rewrite, another
outlet's version, a translation. They name the same people, places and organisations,
their titles overlap, and they were published within days of each other. Thresholds
chosen on the shared corpora and the two seed captures (docs/dedup.md)."""

from __future__ import annotations

import numpy as np

from newsnorm.dedup.similarity import title_overlap

MIN_SHARED_NAMES = 3
SHARED_NAMES = 0.5  # shared names over the names of the record with fewer
TITLE_OVERLAP = 0.3  # shared title words over the shorter title's
TITLE_WORDS_SHARED = 2  # one shared word ("Impeachment") is a topic, not a story
# Titles may share a single word (another outlet's angle) when the names say more: this
# many shared, and this share; in two languages, titles share no word at all.
MANY_NAMES, STRONG_NAMES = 6, 0.6
DAYS_APART = 3


def same_story(
    names: tuple[np.ndarray, np.ndarray], titles: tuple[np.ndarray, np.ndarray],
    days: tuple[int, int], shared: int, *, translated: bool = False,
) -> bool:  # fmt: skip
    """Whether two records with `shared` uncommon names in common tell one story;
    `translated` when they are in different languages."""
    if shared < MIN_SHARED_NAMES or not _close(*days):
        return False
    name_share = shared / max(1, min(len(names[0]), len(names[1])))
    titles_share = title_overlap(*titles) or 0.0
    if shared >= MANY_NAMES and name_share >= STRONG_NAMES and (titles_share or translated):
        return True
    if name_share < SHARED_NAMES or titles_share < TITLE_OVERLAP:
        return False
    return len(np.intersect1d(*titles, assume_unique=True)) >= TITLE_WORDS_SHARED


def _close(first: int, second: int) -> bool:
    from newsnorm.dedup.features import NO_DAY

    if NO_DAY in (first, second):
        return True  # no date says otherwise; the names and title must
    return abs(first - second) <= DAYS_APART
