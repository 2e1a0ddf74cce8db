"""The records' features as a few arrays: what crosses from the processes or partitions
that read the records to the one that links them. Hashes and numbers only, about half a
kilobyte a record, never the text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsnorm.dedup.features import Features
from newsnorm.dedup.signatures import BANDS


@dataclass(frozen=True)
class Ragged:
    """Arrays of different lengths, kept as one flat array and the offsets of each."""

    flat: np.ndarray
    starts: np.ndarray  # len(self) + 1 offsets into `flat`

    @classmethod
    def of(cls, arrays: Sequence[np.ndarray]) -> Ragged:
        lengths = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
        starts = np.concatenate([[0], np.cumsum(lengths)])
        flat = np.concatenate(arrays) if arrays else np.zeros(0, np.uint32)
        return cls(flat.astype(np.uint32), starts)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index: int) -> np.ndarray:
        return self.flat[self.starts[index] : self.starts[index + 1]]

    def owners(self) -> np.ndarray:
        """For each value of `flat`, the index of the array that holds it."""
        return np.repeat(np.arange(len(self)), np.diff(self.starts))


@dataclass(frozen=True)
class Table:
    ids: list[str]
    moments: np.ndarray  # float64 seconds, inf when unknown
    days: np.ndarray  # int64
    digests: np.ndarray  # uint64
    words: np.ndarray  # int64
    bands: np.ndarray  # (records, BANDS) uint32
    titles: Ragged
    names: Ragged
    languages: np.ndarray  # uint32 hashes, 0 when unknown

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def of(cls, rows: Sequence[tuple[Features, np.ndarray]]) -> Table:
        """A table of (features, band keys) rows, in their order."""
        found = [features for features, _ in rows]
        return cls(
            ids=[f.id for f in found],
            moments=np.array([f.moment for f in found], dtype=np.float64),
            days=np.array([f.day for f in found], dtype=np.int64),
            digests=np.array([f.digest for f in found], dtype=np.uint64),
            words=np.array([f.words for f in found], dtype=np.int64),
            bands=np.array([b for _, b in rows], dtype=np.uint32).reshape(-1, BANDS),
            titles=Ragged.of([np.array(sorted(f.title), np.uint32) for f in found]),
            names=Ragged.of([np.array(sorted(f.names), np.uint32) for f in found]),
            languages=np.array([f.language for f in found], dtype=np.uint32),
        )

    @classmethod
    def joined(cls, tables: Iterable[Table]) -> Table:
        """The tables one after the other, as one."""
        tables = list(tables) or [cls.of([])]
        return cls(
            ids=[i for t in tables for i in t.ids],
            moments=np.concatenate([t.moments for t in tables]),
            days=np.concatenate([t.days for t in tables]),
            digests=np.concatenate([t.digests for t in tables]),
            words=np.concatenate([t.words for t in tables]),
            bands=np.concatenate([t.bands for t in tables]),
            titles=_joined([t.titles for t in tables]),
            names=_joined([t.names for t in tables]),
            languages=np.concatenate([t.languages for t in tables]),
        )


def _joined(parts: list[Ragged]) -> Ragged:
    offsets = np.cumsum([0] + [len(part.flat) for part in parts])
    starts = [parts[0].starts[:1]]
    starts += [part.starts[1:] + offset for part, offset in zip(parts, offsets, strict=False)]
    return Ragged(np.concatenate([part.flat for part in parts]), np.concatenate(starts))
