"""Cutting a run's input into partitions: the unit a cluster converts, writes and resumes.

A web archive or a plain JSON Lines file is cut at record boundaries into spans of about
`documents_per_partition` documents, each its own partition (so one large WARC keeps every
worker busy); page files are grouped, in the order a local run reads them, that many to a
partition. Planning is deterministic: the same inputs give the same partitions, numbered
the same, which is what lets a resumed run skip the ones already written."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsnorm.inputs.document import Fields, InputDocument
from newsnorm.inputs.find import container_kind, input_files
from newsnorm.inputs.spans import Span, container_spans, span_documents

DEFAULT_DOCUMENTS_PER_PARTITION = 500


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


def plan(
    inputs: Iterable[str],
    documents_per_partition: int = DEFAULT_DOCUMENTS_PER_PARTITION,
    *,
    outputs: Iterable[Path] = (),
    mapper: Mapper | None = None,
) -> list[Partition]:
    """The partitions of `inputs`. `mapper(function, items)` runs the per-file scans (a
    cluster's map, so that a remote archive is read where it will be converted); by
    default they run here. Files under an `outputs` directory are not inputs."""
    mapper = mapper or (lambda function, items: list(map(function, items)))
    files = [found for found in input_files(inputs) if not _inside(found, outputs)]
    scans = mapper(_Scan(documents_per_partition), files)
    pieces = list(_pieces(files, scans, documents_per_partition))
    return [Partition(number, piece) for number, piece in enumerate(pieces)]


class _Scan:
    """One file's spans, or None for a page file (picklable, to run on a worker)."""

    def __init__(self, documents_per_partition: int) -> None:
        self.documents_per_partition = documents_per_partition

    def __call__(self, found: InputDocument) -> list[Span] | None:
        kind = container_kind(found)
        if kind is None:
            return None
        location = found.location or str(found.path)
        return container_spans(location, found.name, kind, self.documents_per_partition)


def _inside(found: InputDocument, directories: Iterable[Path]) -> bool:
    """Whether a local file is in one of `directories` (a run's own output)."""
    if found.path is None:
        return False
    path = found.path.resolve()
    return any(path.is_relative_to(directory.resolve()) for directory in directories)


def _pieces(files, scans, size: int) -> Iterator[PageFiles | SpanOf]:
    pages: list[InputDocument] = []
    for file, spans in zip(files, scans, strict=True):
        if spans is None:
            pages.append(file)
            if len(pages) == size:
                yield PageFiles(tuple(pages))
                pages = []
            continue
        yield from (SpanOf(span) for span in spans)
    if pages:
        yield PageFiles(tuple(pages))
