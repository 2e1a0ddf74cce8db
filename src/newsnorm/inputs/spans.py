"""Container files cut at record boundaries into spans, each a task of its own for a
distributed run: the documents of a file's spans, one after the other, are exactly the
documents of the whole file, in the same order, with the same names.

Finding the boundaries reads headers only (warcio passes over bodies, never parses HTML).
A file is cut only where a reader can start afresh: a `.warc.gz` whose records are each
their own gzip member (as the WARC standard recommends), an uncompressed `.warc`, an
uncompressed JSON Lines file. Any other file, a damaged one, or one of few records is one
span from its start to its end."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsnorm.inputs.containers import (
    ARCHIVE_DAMAGE,
    DOCUMENT_RECORDS,
    jsonl_documents,
    record_id,
    warc_documents,
    warcio_notes_silenced,
)
from newsnorm.inputs.document import GZIP_MAGIC, Fields, InputDocument, starts_with_gzip
from newsnorm.inputs.locations import open_location

KINDS = ("warc", "jsonl")
_WARC_MAGIC = b"WARC/"
# warcio passes over a body this many bytes at a time: 16 times its default, a third less
# time for a scan (which reads every byte of a .warc.gz to find where its members start).
_SCAN_BLOCK = 1 << 18
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class Span:
    """A run of whole records of one container file, to convert as one task."""

    location: str  # local path or fsspec URL of the file
    name: str  # the file's name as documents are named from it (as find_documents gives)
    kind: str  # "warc" or "jsonl"
    start: int  # byte offset of its first record in the file as stored (.warc.gz: a member's)
    end: int | None  # offset just past its last record; None: to the end of the file
    # How many documents of the file come before the span (JSON Lines: how many lines),
    # so that names which count (FILE#record-N, FILE:LINE) count as a whole-file read does.
    first: int


def container_spans(location: str, name: str, kind: str, records_per_span: int) -> list[Span]:
    """The spans of the container file at `location` (a local path or a URL), about
    `records_per_span` documents each (WARC: response and conversion records, skipped ones
    too; JSON Lines: lines), in file order, covering it all."""
    return list(scanned_spans(location, name, kind, records_per_span))


def scanned_spans(location: str, name: str, kind: str, records_per_span: int) -> Iterator[Span]:
    """The spans of `container_spans`, each as soon as the scan has passed its end, so that
    a run can start converting the first ones while it scans for the rest."""
    if kind not in KINDS:
        raise ValueError(f"not a container kind: {kind!r} (one of {', '.join(KINDS)})")
    if records_per_span < 1:
        raise ValueError("records_per_span must be at least 1")
    with open_location(location) as stream:
        starts = _warc_starts if kind == "warc" else _jsonl_starts
        start, first = 0, 0
        for following, before in starts(stream, records_per_span):
            yield Span(location, name, kind, start, following, first)
            start, first = following, before
    yield Span(location, name, kind, start, None, first)


def span_documents(span: Span, fields: Fields, max_bytes: int) -> Iterator[InputDocument]:
    """The documents of one span, read by the same code that reads whole files."""
    with open_location(span.location) as stream:
        if span.start:
            stream.seek(span.start)  # on object storage: reads from here are range requests
        records = stream if span.end is None else _bounded(stream, span.end - span.start)
        if span.kind == "warc":
            yield from warc_documents(span.name, records, max_bytes, first=span.first)
        else:
            yield from jsonl_documents(span.name, records, fields, max_bytes, first=span.first)


def _warc_starts(stream: BinaryIO, records_per_span: int) -> Iterator[tuple[int, int]]:
    """(offset, documents before it) of the record that begins each run of about
    `records_per_span` documents (response and conversion records) after the first (which
    starts the file), where a reader can start afresh: at a gzip member or a WARC header,
    and not at a conversion record that refers to the response before it (a whole read
    skips it as that page's text again; a read starting there would not know). Where a
    span cannot start, it starts at the next document record that can."""
    restarts = _RestartCheck(stream)
    count, since, last_response = 0, 0, None
    records = ArchiveIterator(stream, block_size=_SCAN_BLOCK)
    try:
        with warcio_notes_silenced():
            for record in records:
                if record.rec_type not in DOCUMENT_RECORDS:
                    continue
                if since >= records_per_span and _may_begin_a_span(record, last_response):
                    offset = records.get_record_offset()
                    if restarts.can_start_at(offset):
                        yield offset, count
                        since = 0
                last_response = record_id(record) if record.rec_type == "response" else None
                count += 1
                since += 1
    except ARCHIVE_DAMAGE:
        # Damaged here: the last span reads on to the end and finds the damage again, as
        # a whole-file read does after the same records. A whole-stream .warc.gz ends here
        # too (warcio refuses its second record), so it stays one span.
        pass


def _may_begin_a_span(record: Any, last_response: str | None) -> bool:
    """Whether a read can start at this document record: not at a conversion that refers
    to the response record just before it (`last_response`, None after a conversion)."""
    if record.rec_type == "response" or last_response is None:
        return True
    return record.rec_headers.get_header("WARC-Refers-To") != last_response


class _RestartCheck:
    """Whether a reader can start afresh at an offset: at a gzip member of a .warc.gz, at a
    WARC header of a .warc. warcio's offsets promise this; a file it misreads must not be
    cut mid-record."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.magic = GZIP_MAGIC if starts_with_gzip(stream) else _WARC_MAGIC

    def can_start_at(self, offset: int) -> bool:
        stream = self.stream
        at = stream.tell()  # where warcio's reading has got to: it goes on from here
        stream.seek(offset)
        found = stream.read(len(self.magic))
        stream.seek(at)
        return found == self.magic


def _jsonl_starts(stream: BinaryIO, records_per_span: int) -> Iterator[tuple[int, int]]:
    """(offset, lines before it) of the line that begins each run of `records_per_span`
    lines after the first; a gzipped file cannot be entered midway, so it is one span."""
    if starts_with_gzip(stream):
        return
    lines, offset, pending = 0, 0, None
    while chunk := stream.read(_SCAN_CHUNK):
        newline = chunk.find(b"\n")
        while newline != -1:
            lines += 1
            if lines % records_per_span == 0:
                if pending is not None:
                    yield pending
                pending = (offset + newline + 1, lines)
            newline = chunk.find(b"\n", newline + 1)
        offset += len(chunk)
    if pending is not None and pending[0] != offset:  # else the file ends with that newline
        yield pending


def _bounded(stream: BinaryIO, size: int) -> BinaryIO:
    """The next `size` bytes of `stream` as a stream of their own, which can look ahead
    (gzip sniffing peeks) and ends where the span does."""
    return io.BufferedReader(_Bounded(stream, size))


class _Bounded(io.RawIOBase):
    def __init__(self, stream: BinaryIO, size: int) -> None:
        self._stream, self._left = stream, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(min(len(buffer), self._left))
        buffer[: len(data)] = data
        self._left -= len(data)
        return len(data)
