"""From the table of every record's features to each record's `duplicate_of` and `story`:
exact copies by digest, near copies by LSH candidates each checked on its real shingles,
stories by uncommon shared names, then connected groups. A group's first record is the
earliest published (ties: the smallest id); the others point at it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from newsnorm.dedup import candidates
from newsnorm.dedup.candidates import title_key
from newsnorm.dedup.similarity import MIN_WORDS, overlap, title_overlap
from newsnorm.dedup.stories import same_story
from newsnorm.dedup.table import Table

ShinglesOf = Callable[[np.ndarray], dict[int, np.ndarray]]


@dataclass(frozen=True)
class Links:
    """For each record, by index: the index it copies (-1: none) and its story's first."""

    duplicate_of: np.ndarray
    story: np.ndarray
    exact: int  # records that copy another word for word
    near: int  # records that copy another nearly

    def stories_shared(self) -> int:
        """Stories told by more than one record."""
        _, counts = np.unique(self.story, return_counts=True)
        return int((counts > 1).sum())


def link(table: Table, shingles_of: ShinglesOf) -> Links:
    """The links of `table`'s records; `shingles_of` gives the shingles of the records
    whose candidate pairs must be checked (read again from the records)."""
    rank = _ranks(table)
    exact = _exact_pairs(table)
    copies = _groups(len(table), exact)
    near = _near_pairs(table, _firsts(copies, rank), shingles_of)
    copies = _groups(len(table), np.concatenate([exact, near]))
    duplicate_of = _pointers(copies, rank)
    told = _story_pairs(table, _firsts(copies, rank))
    stories = _groups(len(table), np.concatenate([exact, near, told]))
    story = _first_of_group(stories, rank)
    exact_copies = _copied(_groups(len(table), exact))
    near_copies = int((duplicate_of >= 0).sum()) - exact_copies
    return Links(duplicate_of, story, exact_copies, near_copies)


def _ranks(table: Table) -> np.ndarray:
    """Each record's place when ordered earliest published first, then by id."""
    order = np.lexsort((np.array(table.ids), table.moments))
    rank = np.empty(len(table), dtype=np.int64)
    rank[order] = np.arange(len(table))
    return rank


def _exact_pairs(table: Table) -> np.ndarray:
    """Each record paired with the first one of the same words (and, for a short text,
    the same title; a short text with no title is nobody's copy)."""
    long = table.words >= MIN_WORDS
    titled = np.diff(table.titles.starts) > 0
    keys = table.digests.copy()
    short = np.flatnonzero(~long & titled)
    keys[short] ^= np.array([title_key(table.titles[i]) for i in short], dtype=np.uint64)
    members = np.flatnonzero(long | titled)
    order = members[np.argsort(keys[members], kind="stable")]
    sorted_keys = keys[order]
    starts = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
    firsts = order[np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))]
    later = ~starts
    return firsts[later].astype(np.uint64) * np.uint64(len(table)) + order[later].astype(np.uint64)


def _near_pairs(table: Table, firsts: np.ndarray, shingles_of: ShinglesOf) -> np.ndarray:
    members = firsts[table.words[firsts] >= MIN_WORDS]
    pairs = np.union1d(
        candidates.band_pairs(table.bands, members),
        candidates.title_pairs(table.titles, members, len(table)),
    )
    low, high = candidates.split(pairs, len(table))
    shingles = shingles_of(np.unique(np.concatenate([low, high])).astype(np.int64))
    checked = [
        overlap(shingles[a], shingles[b]).copies(title_overlap(table.titles[a], table.titles[b]))
        for a, b in zip(low.tolist(), high.tolist(), strict=True)
    ]
    return pairs[np.array(checked, dtype=bool)] if checked else pairs


def _story_pairs(table: Table, firsts: np.ndarray) -> np.ndarray:
    pairs, shared = candidates.name_pairs(table.names, firsts, len(table))
    low, high = candidates.split(pairs, len(table))
    told = [
        same_story(
            (table.names[int(a)], table.names[int(b)]),
            (table.titles[int(a)], table.titles[int(b)]),
            (int(table.days[a]), int(table.days[b])), int(count),
            translated=_languages_differ(table, int(a), int(b)),
        )
        for a, b, count in zip(low, high, shared, strict=True)
    ]  # fmt: skip
    return pairs[np.array(told, dtype=bool)] if told else pairs


def _languages_differ(table: Table, first: int, second: int) -> bool:
    languages = int(table.languages[first]), int(table.languages[second])
    return 0 not in languages and languages[0] != languages[1]


def _groups(records: int, pairs: np.ndarray) -> np.ndarray:
    """The connected group of each record, as a label."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    low, high = candidates.split(pairs, records)
    graph = coo_matrix((np.ones(len(pairs)), (low, high)), shape=(records, records))
    return connected_components(graph, directed=False)[1]


def _first_of_group(groups: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """For each record, the index of its group's earliest record."""
    order = np.argsort(rank)
    first = {}
    for index in order:
        first.setdefault(int(groups[index]), int(index))
    return np.array([first[int(group)] for group in groups], dtype=np.int64)


def _firsts(groups: np.ndarray, rank: np.ndarray) -> np.ndarray:
    return np.unique(_first_of_group(groups, rank))


def _pointers(groups: np.ndarray, rank: np.ndarray) -> np.ndarray:
    first = _first_of_group(groups, rank)
    return np.where(first == np.arange(len(groups)), -1, first)


def _copied(groups: np.ndarray) -> int:
    return len(groups) - len(np.unique(groups))
