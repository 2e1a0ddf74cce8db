"""Candidate pairs, found without comparing every record with every other: records that
share an LSH band key (copies), or rare names (stories). Pairs are index pairs (i < j)
coded as one integer, i * records + j, so sets of them are arrays."""

from __future__ import annotations

import hashlib

import numpy as np

from newsnorm.dedup.table import Ragged

WINDOW = 8  # a record is paired with this many neighbours among those sharing one key
# A name more records hold than this is common ("Trump" in a week of news), not a story's
# own. A cap relative to the batch's size was tried: it cut true stories in small batches.
MAX_SHARING = 64
TITLE_WORDS = 3  # shorter titles ("Live", "Opinion") are shared by different articles


def band_pairs(bands: np.ndarray, members: np.ndarray) -> np.ndarray:
    """Pairs of `members` (indices into the rows of `bands`) sharing a key in any band."""
    found = [
        _neighbours(bands[members, band], members, len(bands), WINDOW)
        for band in range(bands.shape[1])
    ]
    return np.unique(np.concatenate(found)) if found else np.zeros(0, np.uint64)


def title_pairs(titles: Ragged, members: np.ndarray, records: int) -> np.ndarray:
    """Pairs of `members` with the same title words, of at least TITLE_WORDS: the copies
    that LSH cannot see, one text held in another many times its length."""
    chosen = [int(i) for i in members if len(titles[int(i)]) >= TITLE_WORDS]
    keys = np.array([title_key(titles[i]) for i in chosen], dtype=np.uint64)
    return _neighbours(keys, np.array(chosen, dtype=np.int64), records, WINDOW)


def title_key(words: np.ndarray) -> int:
    """One 64-bit value for a title's words."""
    return int.from_bytes(hashlib.blake2b(words.tobytes(), digest_size=8).digest(), "little")


def name_pairs(names: Ragged, members: np.ndarray, records: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of `members` sharing names that few records hold, and how many they share."""
    owners = names.owners()
    chosen = np.isin(owners, members)
    values, owners = names.flat[chosen], owners[chosen]
    kept = _uncommon(values)
    pairs = _neighbours(values[kept], owners[kept], records, MAX_SHARING)
    return np.unique(pairs, return_counts=True)


def split(pairs: np.ndarray, records: int) -> tuple[np.ndarray, np.ndarray]:
    """The two indices of each coded pair."""
    return pairs // np.uint64(records), pairs % np.uint64(records)


def _neighbours(keys: np.ndarray, owners: np.ndarray, records: int, reach: int) -> np.ndarray:
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    found = []
    for step in range(1, min(reach, len(keys) - 1) + 1):
        same = (keys[step:] == keys[:-step]) & (owners[step:] != owners[:-step])
        first, second = owners[:-step][same], owners[step:][same]
        low, high = np.minimum(first, second), np.maximum(first, second)
        found.append(low.astype(np.uint64) * np.uint64(records) + high.astype(np.uint64))
    return np.concatenate(found) if found else np.zeros(0, np.uint64)


def _uncommon(values: np.ndarray) -> np.ndarray:
    """Which values occur at most MAX_SHARING times."""
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    return counts[inverse] <= MAX_SHARING
