"""Cutting a run's input into partitions: the unit a cluster converts, writes and resumes.

A web archive or a plain JSON Lines file is cut at record boundaries into spans of about
`documents_per_partition` documents, each its own partition (so one large WARC keeps every
worker busy); page files are grouped, in the order a local run reads them, that many to a
partition. By default the size follows the input: about 16 partitions per worker, from
50 to 500 documents each. Planning is deterministic: the same inputs and size give the same
partitions, numbered the same; the manifest keeps the size, so a resumed run plans the
partitions of the interrupted one and skips those already written."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsnorm.inputs.document import Fields, InputDocument
from newsnorm.inputs.find import container_kind, input_files
from newsnorm.inputs.spans import Span, container_spans, span_documents


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
class Partition:
    number: int
    piece: PageFiles | SpanOf

    @property
    def part(self) -> str:
        return f"part-{self.number:05d}.jsonl.gz"

    @property
    def errors(self) -> str:
        return f"errors-{self.number:05d}.jsonl"

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
    files = [found for found in input_files(inputs) if not _inside(found, outputs)]
    grain = min(documents_per_partition or GRAIN, GRAIN)
    batches = [files[at : at + _FILES_PER_SCAN] for at in range(0, len(files), _FILES_PER_SCAN)]
    scans = [spans for batch in mapper(_Scan(grain), batches) for spans in batch]
    size = documents_per_partition or _size_for(_documents(scans, grain), workers)
    pieces = _pieces(files, scans, size, max(size // grain, 1))
    return Plan(size, [Partition(number, piece) for number, piece in enumerate(pieces)])


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
        return [self._spans(found) for found in files]

    def _spans(self, found: InputDocument) -> list[Span] | None:
        kind = container_kind(found)
        if kind is None:
            return None
        return container_spans(found.file(), found.name, kind, self.grain)


def _inside(found: InputDocument, directories: Iterable[Path]) -> bool:
    """Whether a local file is in one of `directories` (a run's own output)."""
    if found.path is None:
        return False
    path = found.path.resolve()
    return any(path.is_relative_to(directory.resolve()) for directory in directories)


def _pieces(files, scans, size: int, spans_per_piece: int) -> list[PageFiles | SpanOf]:
    pieces: list[PageFiles | SpanOf] = []
    pages: list[InputDocument] = []
    for found, spans in zip(files, scans, strict=True):
        if spans is not None:
            for at in range(0, len(spans), spans_per_piece):
                pieces.append(SpanOf(_joined(spans[at : at + spans_per_piece])))
            continue
        pages.append(found)
        if len(pages) == size:
            pieces.append(PageFiles(tuple(pages)))
            pages = []
    if pages:
        pieces.append(PageFiles(tuple(pages)))
    return pieces


def _joined(spans: list[Span]) -> Span:
    """Consecutive spans of one file as one."""
    first, last = spans[0], spans[-1]
    return Span(first.location, first.name, first.kind, first.start, last.end, first.first)
