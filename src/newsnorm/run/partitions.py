"""Cutting a run's input into partitions: the unit a cluster converts, writes and resumes.

A web archive or a plain JSON Lines file is cut at record boundaries into spans of about
`documents_per_partition` documents, each its own partition (so one large WARC keeps every
worker busy); page files are grouped, in the order a local run reads them, that many to a
partition. By default the size follows the input: about 16 partitions per worker, from
50 to 500 documents each. Planning is deterministic: the same inputs and size give the same
partitions, numbered the same; the manifest keeps the size, so a resumed run plans the
partitions of the interrupted one and skips those already written.

`plan` scans every file first, and counts the documents; `plan_while_scanning` gives each
partition as soon as the scan has passed it, so that a cluster on this machine converts the
first partitions while the rest of a large archive is scanned. It cannot count first, so
its default size comes from the files' sizes in bytes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import ClassVar

from newsnorm.inputs.document import Fields, InputDocument
from newsnorm.inputs.find import container_kind, found_size, input_files
from newsnorm.inputs.spans import Span, scanned_spans, span_documents


@dataclass(frozen=True)
class PageFiles:
    """Page files (one document each, not read yet), converted together as one partition."""

    files: tuple[InputDocument, ...]

    def documents(self) -> Iterator[InputDocument]:
        return iter(self.files)

    def describe(self) -> dict:
        return {"files": [found.name for found in self.files]}


@dataclass(frozen=True)
class SpanOf:
    """Whole records of one web archive or JSON Lines file."""

    span: Span

    def documents(self, fields: Fields, max_bytes: int) -> Iterator[InputDocument]:
        return span_documents(self.span, fields, max_bytes)

    def describe(self) -> dict:
        span = self.span
        return {"source": span.name, "start": span.start, "end": span.end, "first": span.first}


@dataclass(frozen=True)
class PartFiles:
    """The names of partition `number`'s two files in an output directory, its records and
    its error records: made and read back here only."""

    number: int
    _RECORDS: ClassVar[re.Pattern] = re.compile(r"part-(\d{5})\.jsonl\.gz")

    @property
    def records(self) -> str:
        return f"part-{self.number:05d}.jsonl.gz"

    @property
    def errors(self) -> str:
        return f"errors-{self.number:05d}.jsonl"

    @classmethod
    def of_records(cls, name: str) -> PartFiles | None:
        """The partition whose records file `name` is, or None for any other file."""
        match = cls._RECORDS.fullmatch(name)
        return cls(int(match[1])) if match else None


@dataclass(frozen=True)
class Partition:
    number: int
    piece: PageFiles | SpanOf

    @property
    def part(self) -> str:
        return PartFiles(self.number).records

    @property
    def errors(self) -> str:
        return PartFiles(self.number).errors

    def documents(self, fields: Fields, max_bytes: int) -> Iterator[InputDocument]:
        if isinstance(self.piece, PageFiles):
            return self.piece.documents()
        return self.piece.documents(fields, max_bytes)


Mapper = Callable[[Callable, list], list]


def map_here(function: Callable, items: list) -> list:
    """A Mapper that runs each call in this process."""
    return [function(item) for item in items]


# Files are scanned for record boundaries every this many documents; partitions are made of
# whole runs of them, so the size can be chosen once the number of documents is known.
GRAIN = 50
MAX_DOCUMENTS_PER_PARTITION = 500
PARTITIONS_PER_WORKER = 16  # the last ones are short, so no worker waits long for the others
# Files looked at by one scan task: a task per file of a folder of 100,000 pages would cost
# the cluster more in scheduling than the looks cost.
_FILES_PER_SCAN = 64
# What a container file holds a document in, about, for sizing partitions before a scan has
# counted them: a compressed web archive of news pages, and anything uncompressed.
BYTES_PER_DOCUMENT_GZIP = 50_000
BYTES_PER_DOCUMENT = 200_000
# A WET file's page is its text only: the 638 captures of the shared corpora (text as a page
# shows it) average 10.7 KB, 4.6 KB gzipped, and a WARC header adds some 0.4 KB.
BYTES_PER_TEXT_GZIP = 5_000
BYTES_PER_TEXT = 11_000


@dataclass(frozen=True)
class Plan:
    documents_per_partition: int
    partitions: list[Partition]


def plan(
    inputs: Iterable[str],
    documents_per_partition: int | None = None,
    *,
    workers: int = 1,
    outputs: Iterable[Path] = (),
    mapper: Mapper | None = None,
) -> Plan:
    """The partitions of `inputs`, of `documents_per_partition` documents each (default:
    about `PARTITIONS_PER_WORKER` for each of `workers`, between `GRAIN` and
    `MAX_DOCUMENTS_PER_PARTITION`). `mapper(function, items)` runs the per-file scans (a
    cluster's map, so that a remote archive is read where it will be converted); by
    default they run here. Files under an `outputs` directory are not inputs."""
    mapper = mapper or map_here
    files = _planned_files(inputs, outputs)
    grain = min(documents_per_partition or GRAIN, GRAIN)
    batches = [files[at : at + _FILES_PER_SCAN] for at in range(0, len(files), _FILES_PER_SCAN)]
    scans = [spans for batch in mapper(_Scan(grain), batches) for spans in batch]
    size = documents_per_partition or _size_for(_documents(scans, grain), workers)
    return Plan(size, list(_partitions(files, scans, size, grain)))


def plan_while_scanning(
    inputs: Iterable[str],
    documents_per_partition: int | None = None,
    *,
    workers: int = 1,
    outputs: Iterable[Path] = (),
) -> tuple[int, Iterator[Partition]] | None:
    """(the size, the partitions of `plan` for that size, each given as soon as this
    process's scan has passed it). The default size counts a container file's documents
    from its bytes; None when a file's size is not known (a URL whose filesystem does not
    tell): `plan` then counts them."""
    files = _planned_files(inputs, outputs)
    kinds = [container_kind(found) for found in files]  # looked up once, for both uses
    size = documents_per_partition or _size_from_bytes(files, kinds, workers)
    if size is None:
        return None
    grain = min(size, GRAIN)
    scan = _Scan(grain)
    scans = (scan.spans(found, kind) for found, kind in zip(files, kinds, strict=True))
    return size, _partitions(files, scans, size, grain)


def _planned_files(inputs: Iterable[str], outputs: Iterable[Path]) -> list[InputDocument]:
    return [found for found in input_files(inputs) if not _inside(found, outputs)]


def _partitions(files, scans, size: int, grain: int) -> Iterator[Partition]:
    pieces = _pieces(files, scans, size, max(size // grain, 1))
    return (Partition(number, piece) for number, piece in enumerate(pieces))


def _size_from_bytes(files: list[InputDocument], kinds: list, workers: int) -> int | None:
    documents = 0
    for found, kind in zip(files, kinds, strict=True):
        if kind is None:
            documents += 1
            continue
        size = found_size(found)
        if size is None:
            return None
        documents += -(-size // _bytes_per_document(found.name))
    return _size_for(documents, workers)


def _bytes_per_document(name: str) -> int:
    gzipped = name.lower().endswith(".gz")
    if name.lower().removesuffix(".gz").endswith(".wet"):
        return BYTES_PER_TEXT_GZIP if gzipped else BYTES_PER_TEXT
    return BYTES_PER_DOCUMENT_GZIP if gzipped else BYTES_PER_DOCUMENT


def _documents(scans: list[list[Span] | None], grain: int) -> int:
    """About how many documents the scanned files hold."""
    return sum(1 if spans is None else len(spans) * grain for spans in scans)


def _size_for(documents: int, workers: int) -> int:
    size = -(-documents // (workers * PARTITIONS_PER_WORKER))
    size = min(max(size, GRAIN), MAX_DOCUMENTS_PER_PARTITION)
    return size - size % GRAIN  # whole runs of scanned spans


class _Scan:
    """Each file's spans, or None for a page file (picklable, to run on a worker)."""

    def __init__(self, grain: int) -> None:
        self.grain = grain

    def __call__(self, files: list[InputDocument]) -> list[list[Span] | None]:
        scanned = [self.spans(found, container_kind(found)) for found in files]
        return [None if spans is None else list(spans) for spans in scanned]

    def spans(self, found: InputDocument, kind: str | None) -> Iterator[Span] | None:
        """The spans of `found` (a container of `kind`) as the scan passes them, or None
        for a page file."""
        if kind is None:
            return None
        return scanned_spans(found.file(), found.name, kind, self.grain)


def _inside(found: InputDocument, directories: Iterable[Path]) -> bool:
    """Whether a local file is in one of `directories` (a run's own output)."""
    if found.path is None:
        return False
    path = found.path.resolve()
    return any(path.is_relative_to(directory.resolve()) for directory in directories)


def _pieces(files, scans, size: int, spans_per_piece: int) -> Iterator[PageFiles | SpanOf]:
    """Each file's spans, `spans_per_piece` at a time, and its page files, `size` at a
    time, in file order; a piece as soon as its file's scan has passed it."""
    pages: list[InputDocument] = []
    for found, spans in zip(files, scans, strict=True):
        if spans is not None:
            spans = iter(spans)
            while run := list(islice(spans, spans_per_piece)):
                yield SpanOf(_joined(run))
            continue
        pages.append(found)
        if len(pages) == size:
            yield PageFiles(tuple(pages))
            pages = []
    if pages:
        yield PageFiles(tuple(pages))


def _joined(spans: list[Span]) -> Span:
    """Consecutive spans of one file as one."""
    first, last = spans[0], spans[-1]
    return Span(first.location, first.name, first.kind, first.start, last.end, first.first)
