"""Whether two candidates are copies, judged on their real shingle sets, never on the
signatures that made them candidates: chaining unchecked LSH candidates is how
near-duplicate detection merges unrelated documents by the thousand.

A copy shares most of its shingles: the same text with other furniture, a sentence edited,
or an update paragraph added or cut. Thresholds chosen on the shared corpora
(docs/dedup.md gives the measurements)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NEAR_JACCARD = 0.7  # shared shingles over all shingles of the two
NEAR_CONTAINED = 0.9  # shared shingles over the shorter's: an update adds to one of them
NEAR_SIZES = 0.6  # ... when the shorter has this share of the longer's shingles
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

    @property
    def copies(self) -> bool:
        """Whether the two texts are one article, copied or updated."""
        if self.jaccard >= NEAR_JACCARD:
            return True
        sizes = self.smaller / self.larger if self.larger else 0.0
        return self.contained >= NEAR_CONTAINED and sizes >= NEAR_SIZES


def overlap(first: np.ndarray, second: np.ndarray) -> Overlap:
    """The overlap of two sorted arrays of distinct shingles."""
    shared = len(np.intersect1d(first, second, assume_unique=True))
    smaller, larger = sorted((len(first), len(second)))
    return Overlap(shared, smaller, larger)
