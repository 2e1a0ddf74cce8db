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
# Titles may share nothing (another outlet's angle) when the names say more: this many
# shared, and this share.
MANY_NAMES, STRONG_NAMES = 8, 0.6
DAYS_APART = 3


def same_story(
    names: tuple[np.ndarray, np.ndarray], titles: tuple[np.ndarray, np.ndarray],
    days: tuple[int, int], shared: int,
) -> bool:  # fmt: skip
    """Whether two records with `shared` uncommon names in common tell one story."""
    if shared < MIN_SHARED_NAMES or not _close(*days):
        return False
    name_share = shared / max(1, min(len(names[0]), len(names[1])))
    if shared >= MANY_NAMES and name_share >= STRONG_NAMES:
        return True
    return name_share >= SHARED_NAMES and (title_overlap(*titles) or 0.0) >= TITLE_OVERLAP


def _close(first: int, second: int) -> bool:
    from newsnorm.dedup.features import NO_DAY

    if NO_DAY in (first, second):
        return True  # no date says otherwise; the names and title must
    return abs(first - second) <= DAYS_APART
