"""Whether two candidates are copies, judged on their real shingle sets, never on the
signatures that made them candidates: chaining unchecked LSH candidates is how
near-duplicate detection merges unrelated documents by the thousand.

A copy shares most of its shingles: the same text with other furniture, a sentence edited,
or an update paragraph added or cut. Thresholds chosen on the shared corpora
(docs/dedup.md gives the measurements)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SAME_TEXT = 0.8  # shared shingles over all shingles of the two: copies whatever the titles
NEAR_JACCARD = 0.6  # ... copies when their titles agree too
NEAR_CONTAINED = 0.8  # shared shingles over the shorter's: an update adds to one of them
NEAR_SIZES = 0.5  # ... when the shorter has this share of the longer's (or the titles agree)
# Two pages of one outlet whose text is mostly its furniture (a capture with every "more
# stories" box) share most shingles while their articles differ; their titles differ too.
TITLES_AGREE = 0.5  # shared title words over the shorter title's
MIN_WORDS = 40  # shorter texts ("Subscribe to read") are copies only when their titles are too


@dataclass(frozen=True)
class Overlap:
    shared: int
    smaller: int
    larger: int

    @property
    def jaccard(self) -> float:
        union = self.smaller + self.larger - self.shared
        return self.shared / union if union else 1.0

    @property
    def contained(self) -> float:
        return self.shared / self.smaller if self.smaller else 0.0

    def copies(self, title_overlap: float | None) -> bool:
        """Whether the two texts are one article, copied or updated; `title_overlap` is
        the share of the shorter title's words the other has (None: a title is missing)."""
        if self.jaccard >= SAME_TEXT:
            return True
        if title_overlap is None:
            sizes = self.smaller / self.larger if self.larger else 0.0
            near = self.contained >= NEAR_CONTAINED and sizes >= NEAR_SIZES
            return self.jaccard >= NEAR_JACCARD or near
        if title_overlap < TITLES_AGREE:
            return False
        # One title, and one text held in the other: a page read with all its furniture
        # (a capture) holds the article its clean copy is, however much longer it is.
        return self.jaccard >= NEAR_JACCARD or self.contained >= NEAR_CONTAINED


def overlap(first: np.ndarray, second: np.ndarray) -> Overlap:
    """The overlap of two sorted arrays of distinct shingles."""
    shared = len(np.intersect1d(first, second, assume_unique=True))
    smaller, larger = sorted((len(first), len(second)))
    return Overlap(shared, smaller, larger)


def title_overlap(first: np.ndarray, second: np.ndarray) -> float | None:
    """The share of the shorter title's words (sorted distinct hashes) the other title has;
    None when either has none."""
    shorter = min(len(first), len(second))
    if not shorter:
        return None
    return len(np.intersect1d(first, second, assume_unique=True)) / shorter
