"""Finding the documents named on the command line: files, directories, stdin, and the
documents inside web archives (WARC) and JSON Lines dumps, read as streams."""

from __future__ import annotations

import glob
import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsnorm.inputs.containers import jsonl_documents, warc_documents
from newsnorm.inputs.document import (
    DEFAULT_MAX_BYTES,
    GZIP_MAGIC,
    Fields,
    InputDocument,
    read_at_most,
)
from newsnorm.inputs.locations import (
    NO_MATCH,
    LocationError,
    expand_url,
    is_glob,
    is_url,
    location_size,
    open_location,
)
from newsnorm.text.decoding import without_surrogates

STDIN = "-"
# Files a directory walk picks up (also gzipped); a file named explicitly is always read.
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
# ".wet": Common Crawl's plain-text archives (".warc.wet.gz", ".wet.gz"), WARC files too.
CONTAINER_SUFFIXES = (".warc", ".wet", ".jsonl", ".ndjson")
_SNIFF = 16
_STDIN_HEAD = 1 << 16  # of stdin, enough to sniff through gzip (and most pages whole)


class ReadMeter:
    """How many bytes of the input files have been read so far, for an estimate of the
    time left. Containers count as far as their stream has been read."""

    def __init__(self) -> None:
        self._finished = 0  # bytes of the files read to the end
        self._open: BinaryIO | None = None  # the container being read

    def position(self) -> int:
        return self._finished + (self._open.tell() if self._open else 0)

    def reading(self, stream: BinaryIO | None) -> None:
        self._open = stream

    def read(self, size: int) -> None:
        self._finished += size


def find_documents(
    paths: Iterable[str],
    fields: Fields | None = None,
    meter: ReadMeter | None = None,
    *,
    outputs: Iterable[Path] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[InputDocument]:
    """Each named file, every document file under each named directory (sorted), stdin,
    each file a glob pattern matches (sorted) and what a URL names (`s3://`, `file://`,
    `https://`... through fsspec: a file, a glob, a directory); web archives and JSON Lines
    files give one document per page they hold. A pattern matching nothing, or a URL
    naming nothing there is, comes as one document that cannot be read. Files in
    `outputs` are never read: a run writing into a directory it reads must not read its
    own records back. Documents read here (inside containers, stdin) are read no further
    than `max_bytes`: one longer comes as a document too large; files are read later."""
    fields = fields or Fields()
    meter = meter or ReadMeter()
    written = _resolved(outputs)
    for raw in paths:
        if raw == STDIN:
            yield from _stdin_documents(fields, max_bytes)
            continue
        for found in _found(raw, written):
            yield from _file_documents(found, fields, meter, max_bytes)


def input_files(paths: Iterable[str], outputs: Iterable[Path] = ()) -> Iterator[InputDocument]:
    """The files `find_documents` reads, each as a document not read yet (a page file, or
    a container to open), in the same order; `outputs` as there. No stdin: a run that
    cuts its input into partitions needs files it can open again."""
    written = _resolved(outputs)
    for raw in paths:
        if raw == STDIN:
            raise ValueError("stdin cannot be cut into partitions")
        yield from _found(raw, written)


def container_kind(found: InputDocument) -> str | None:
    """ "warc" or "jsonl" for a file `input_files` found that holds documents, else None."""
    if found.problem is not None:
        return None
    return _container_kind(found.name, _file_head(found))


def input_size(paths: Iterable[str], outputs: Iterable[Path] = ()) -> int | None:
    """The bytes of all the files `find_documents` reads; None when one of them is stdin
    or a URL whose filesystem does not tell its size."""
    if STDIN in paths:
        return None
    written = _resolved(outputs)
    sizes = [found_size(found) for raw in paths for found in _found(raw, written)]
    return None if None in sizes else sum(sizes)


def _resolved(outputs: Iterable[Path]) -> set[Path]:
    return {output.resolve() for output in outputs}


def _found(raw: str, written: set[Path]) -> Iterator[InputDocument]:
    """The files `raw` names, as documents not read yet: a local path (the way it always
    was, even one with wildcard characters when it exists as named), a glob pattern, or
    a URL. One naming nothing comes as a document with the problem."""
    if is_url(raw):
        yield from _url_files(raw)
    elif is_glob(raw) and not Path(raw).exists():
        yield from _glob_files(raw, written)
    else:
        for name, path in _files(raw, written):
            yield InputDocument(name, path)


def _url_files(raw: str) -> Iterator[InputDocument]:
    try:
        found = expand_url(raw, DOCUMENT_SUFFIXES + CONTAINER_SUFFIXES)
    except LocationError as exc:
        yield InputDocument(raw, problem=str(exc))
        return
    for name, location in found:
        yield InputDocument(name, location=location)


def _glob_files(pattern: str, written: set[Path]) -> Iterator[InputDocument]:
    """Each file a local pattern matches (a directory matched is walked), sorted as a
    directory walk sorts; `**` matches folders at any depth."""
    matches = sorted(Path(match) for match in glob.glob(pattern, recursive=True))
    if not matches:
        yield InputDocument(without_surrogates(pattern), problem=NO_MATCH)
    for match in matches:
        for name, path in _files(str(match), written):
            yield InputDocument(name, path)


def _files(raw: str, written: set[Path]) -> Iterator[tuple[str, Path]]:
    """(name, path) of a named file, or of each document file under a directory, but the
    run's own outputs (`written`). The name is the path tidied ("./a//b" is "a/b") and
    writable as UTF-8, so that records and resumed runs name a file the same way."""
    paths = _walk(Path(raw)) if Path(raw).is_dir() else [Path(raw)]
    for path in paths:
        if path.resolve() not in written:
            yield without_surrogates(str(path)), path


def found_size(found: InputDocument) -> int | None:
    """The bytes of a file `input_files` found; None for a URL whose filesystem does not
    tell."""
    if found.location is not None:
        return location_size(found.location)
    return _size(found.path) if found.path is not None else 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _walk(directory: Path) -> Iterator[Path]:
    wanted = DOCUMENT_SUFFIXES + CONTAINER_SUFFIXES
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.name.lower().removesuffix(".gz").endswith(wanted):
            yield path


def _file_documents(
    found: InputDocument, fields: Fields, meter: ReadMeter, max_bytes: int
) -> Iterator[InputDocument]:
    """The file itself as one document, or the documents of the container it is."""
    if found.problem is not None:
        yield found
        return
    kind = _container_kind(found.name, _file_head(found))
    if kind is None:
        meter.read(found_size(found) or 0)
        yield found
        return
    with open_location(found.file()) as stream:
        meter.reading(stream)
        try:
            yield from _container_documents(kind, found.name, stream, fields, max_bytes)
        finally:
            meter.reading(None)
    meter.read(found_size(found) or 0)


def _stdin_documents(fields: Fields, max_bytes: int) -> Iterator[InputDocument]:
    """stdin, read once: enough of it to tell what it is, then a container as a stream,
    or one document no longer than the cap."""
    head = sys.stdin.buffer.read(_STDIN_HEAD)
    kind = _container_kind("<stdin>", _head(io.BytesIO(head)))
    stream = io.BufferedReader(_Rejoined(head, sys.stdin.buffer))
    if kind is None:
        yield _stdin_document(stream, max_bytes)
    else:
        yield from _container_documents(kind, "<stdin>", stream, fields, max_bytes)


def _stdin_document(stream: BinaryIO, max_bytes: int) -> InputDocument:
    """stdin's bytes as they came (gzip data is inflated, capped, when converted). More
    gzip data than the cap is too large already: it is never more than 0.01% and a header
    longer than what it inflates to (pathological headers aside)."""
    data = read_at_most(stream, max_bytes + 1)
    if len(data) > max_bytes:
        return InputDocument("<stdin>", too_large=max_bytes)
    return InputDocument("<stdin>", content=data)


class _Rejoined(io.RawIOBase):
    """The bytes of `head`, then the rest of `stream`: stdin, after a look at its start."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head, self._stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self._head:
            data = self._stream.read1(len(buffer))
        else:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        buffer[: len(data)] = data
        return len(data)


def _container_documents(
    kind: str, name: str, stream: BinaryIO, fields: Fields, max_bytes: int
) -> Iterator[InputDocument]:
    if kind == "warc":
        return warc_documents(name, stream, max_bytes)
    return jsonl_documents(name, stream, fields, max_bytes)


def _container_kind(name: str, head: bytes) -> str | None:
    """WARC by its first bytes; JSON Lines by its name (or, on stdin, a leading "{")."""
    if head.startswith(b"WARC/"):
        return "warc"
    bare = name.lower().removesuffix(".gz")
    if bare.endswith((".jsonl", ".ndjson")) or (name == "<stdin>" and head.lstrip()[:1] == b"{"):
        return "jsonl"
    return None


def _file_head(found: InputDocument) -> bytes:
    try:
        with open_location(found.file()) as stream:
            return _head(stream)
    except OSError:
        return b""  # reading it again gives the error record


def _head(stream: BinaryIO) -> bytes:
    """The first bytes, decompressed when the stream is gzip data; empty when unreadable."""
    head = stream.read(_SNIFF)
    if not head.startswith(GZIP_MAGIC):
        return head
    stream.seek(0)
    try:
        with gzip.open(stream) as unzipped:
            return unzipped.read(_SNIFF)
    except (OSError, EOFError):
        return b""
