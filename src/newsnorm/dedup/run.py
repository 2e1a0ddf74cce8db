"""A deduplication run: read the records' features (on `workers` processes), link them,
read the few records whose candidate pairs need checking again, then write every record
with its `duplicate_of` and `story`. Records are read three times, streamed; what stays in
memory is the table of features, never the texts."""

from __future__ import annotations

import functools
import itertools
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsnorm import formats
from newsnorm.dedup.features import Features, features, published, text_key
from newsnorm.dedup.links import Links, link
from newsnorm.dedup.parts import check_destination, write_part
from newsnorm.dedup.sources import numbered_lines, parsed, record_files, records
from newsnorm.dedup.table import Table
from newsnorm.dedup.writing import links_of, with_links, written
from newsnorm.parallel import map_in_processes
from newsnorm.run import is_directory
from newsnorm.run.failure import Failure

Row = tuple[Features, np.ndarray]
_NONE = np.zeros(0, np.uint32)
_SEEN: OrderedDict[bytes, Row] = OrderedDict()  # the rows of the texts a process saw last
_SEEN_AT_MOST = 2048  # the shingles a row leaves behind: the table keeps none
ROWS_A_TABLE = 1024  # records turned into one compact table at a time


@dataclass(frozen=True)
class DedupSummary:
    records: int
    exact: int
    near: int
    stories: int  # stories told by more than one record
    problems: int  # input lines that are not records
    seconds: float

    def line(self) -> str:
        """`1000 records: 12 exact copies, 3 near copies, 40 stories with more than one
        record in 0.8s`"""
        problems = f", {self.problems} lines not records" if self.problems else ""
        return (
            f"{self.records} records: {self.exact} exact copies, {self.near} near copies,"
            f" {self.stories} stories with more than one record{problems}"
            f" in {self.seconds:.1f}s"
        )


def dedup(
    inputs: list[str],
    output: str | Path | None = None,
    *,
    output_format: str = formats.RECORD,
    workers: int = 1,
    dask=None,
    on_problem: Callable[[Failure], object] = lambda failure: None,
) -> DedupSummary:
    """Every record of `inputs` (JSON Lines files, gzipped or not, directories of them, `-`
    for stdin) into `output` (stdout when None; a directory: a `part-NNNNN.jsonl.gz` per
    input file) with `duplicate_of` and `story`, in input order, in `output_format`. A
    line that is not a record is a Failure for `on_problem`, and is not written. The
    records are read on `workers` processes, or with `dask` (a `distributed.Client`) one
    task per input file, where it runs: each sends back its records' features, never their
    text, and writes its own part."""
    started = time.monotonic()
    output_format = formats.output_format_for(output_format, output)
    problems: list[Failure] = []

    def problem(failure: Failure) -> None:
        problems.append(failure)
        on_problem(failure)

    into_parts = is_directory(output)
    if into_parts:
        check_destination(str(output), output_format)
    with record_files(inputs) as files, _reading(files, workers, dask) as reading:
        table = reading.table(problem)
        links = link(table, reading.shingles)
        if into_parts:
            reading.write_parts(links, table.ids, str(output), output_format)
        else:
            _write_file(files, links, table.ids, output, output_format)
    return DedupSummary(
        len(table), links.exact, links.near, links.stories_shared(), len(problems),
        time.monotonic() - started,
    )  # fmt: skip


def _write_file(
    files: list[Path], links: Links, ids: list[str], output: str | Path | None, output_format: str
) -> None:
    with written(output, output_format) as writer:
        for index, record in enumerate(records(files)):
            writer.write(with_links(record, links_of(links, ids, index), output_format))


@contextmanager
def _reading(files: list[Path], workers: int, dask) -> Iterator[LocalReading | PartitionReading]:
    """Local processes; or a Dask client, made for the run ("local", an address) or given."""
    if dask is None:
        yield LocalReading(files, workers)
    elif isinstance(dask, str):
        from newsnorm.run.cluster import connect

        with connect(dask, workers) as client:
            yield PartitionReading(files, client)
    else:
        yield PartitionReading(files, dask)


@dataclass(frozen=True)
class LocalReading:
    """Reading the records on this machine's processes, streamed."""

    files: list[Path]
    workers: int = 1

    def table(self, on_problem: Callable[[Failure], object]) -> Table:
        return read_table(self.files, self.workers, on_problem)

    def shingles(self, wanted: np.ndarray) -> dict[int, np.ndarray]:
        return shingles_of(self.files, wanted)

    def write_parts(self, links: Links, ids: list[str], destination: str, output_format: str):
        """A part per file, one after the other."""
        start = 0
        for number, path in enumerate(self.files):
            linked = (links_of(links, ids, index) for index in itertools.count(start))
            start += write_part(path, number, destination, linked, output_format)


@dataclass
class PartitionReading:
    """Reading the records on a Dask cluster, a task per file; the file's records' indices
    start where the previous file's end, so any cut of the records into files gives the
    same table."""

    files: list[Path]
    client: Any
    starts: list[int] = field(default_factory=list)

    def table(self, on_problem: Callable[[Failure], object]) -> Table:
        parts = self.client.gather(self.client.map(file_table, self.files, pure=False))
        self.starts = list(itertools.accumulate([len(t) for t, _ in parts], initial=0))
        for _, failures in parts:
            for failure in failures:
                on_problem(failure)
        return Table.joined(table for table, _ in parts)

    def shingles(self, wanted: np.ndarray) -> dict[int, np.ndarray]:
        by_file = [
            [int(i) - start for i in wanted if start <= i < end]
            for start, end in itertools.pairwise(self.starts)
        ]
        found = self.client.gather(
            self.client.map(file_shingles, self.files, by_file, self.starts[:-1], pure=False)
        )
        return {index: shingles for part in found for index, shingles in part.items()}

    def write_parts(self, links: Links, ids: list[str], destination: str, output_format: str):
        """A part per file, a task each, sent the links of its records."""
        linked = [
            [links_of(links, ids, index) for index in range(start, end)]
            for start, end in itertools.pairwise(self.starts)
        ]
        count = len(self.files)
        tasks = self.client.map(
            write_part, self.files, range(count), [destination] * count, linked,
            [output_format] * count, pure=False,
        )  # fmt: skip
        self.client.gather(tasks)


def file_table(path: Path) -> tuple[Table, list[Failure]]:
    """A cluster task: the table of one file's records, and its lines that are none."""
    rows = rows_of(list(numbered_lines([path])))
    failures = [row for row in rows if isinstance(row, Failure)]
    return Table.of([row for row in rows if not isinstance(row, Failure)]), failures


def file_shingles(path: Path, wanted: list[int], start: int) -> dict[int, np.ndarray]:
    """A cluster task: the shingles of the records of one file at `wanted` (its own
    indices), keyed by their index in the whole run (`start` onwards)."""
    found = shingles_of([path], np.array(wanted, dtype=np.int64))
    return {start + index: shingles for index, shingles in found.items()}


def read_table(files: list[Path], workers: int, on_problem: Callable[[Failure], object]) -> Table:
    """The features of every record in `files`, in order, as one table."""
    tables, rows = [], []
    for row in _rows(files, workers):
        if isinstance(row, Failure):
            on_problem(row)
            continue
        rows.append(row)
        if len(rows) == ROWS_A_TABLE:
            tables.append(Table.of(rows))
            rows = []
    tables.append(Table.of(rows))
    return Table.joined(tables)


def shingles_of(files: list[Path], wanted: np.ndarray) -> dict[int, np.ndarray]:
    """The shingles of the records at the indices `wanted`, read again."""
    wanted_set = set(wanted.tolist())
    return {
        index: features(record).shingles
        for index, record in enumerate(records(files))
        if index in wanted_set
    }


def _rows(files: list[Path], workers: int) -> Iterator[Row | Failure]:
    """Each line's row of features and band keys (or why it is no record), in order."""
    numbered = numbered_lines(files)
    if workers == 1:
        return (row for batch in _batches(numbered) for row in rows_of(batch))
    return map_in_processes(rows_of, numbered, workers)


def rows_of(lines_: list[tuple[str, bytes]]) -> list[Row | Failure]:
    """The rows of (source, line) pairs: a task of a worker process or a cluster."""
    found: list[Row | Failure] = []
    for source, line in lines_:
        record = parsed(line)
        if isinstance(record, str):
            found.append(Failure(source, "dedup", record, "NotARecord"))
        else:
            found.append(_row(record))
    return found


def _row(record: dict) -> Row:
    """A record's row; a record whose title and text this process has just seen (the same
    page under another address: crawls are full of them) reuses that one's, which its own
    would equal, with its own id and date."""
    key = text_key(record)
    if (seen := _SEEN.get(key)) is not None:
        _SEEN.move_to_end(key)
        moment, day = published(record.get("published"))
        return replace(seen[0], id=record["id"], moment=moment, day=day), seen[1]
    row = features(record)
    found = replace(row, shingles=_NONE), _signer().bands(row.shingles)
    _SEEN[key] = found
    if len(_SEEN) > _SEEN_AT_MOST:
        _SEEN.popitem(last=False)
    return found


@functools.cache
def _signer():
    from newsnorm.dedup.signatures import Signer

    return Signer()


def _batches(items: Iterator, size: int = 256) -> Iterator[list]:
    while batch := list(itertools.islice(items, size)):
        yield batch


__all__ = ["DedupSummary", "Links", "dedup"]
