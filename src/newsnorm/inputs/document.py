"""One document to convert, as the input finders hand it over, and how its bytes are read:
streamed and capped, so that a small file which inflates to gigabytes never sits in memory."""

from __future__ import annotations

import gzip
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import AnyStr, BinaryIO

from newsnorm.errors import DocumentTooLarge
from newsnorm.inputs.locations import open_location

GZIP_MAGIC = b"\x1f\x8b"
# Far above any real page (the largest in the shared corpora is 2.9 MB), far below what hurts.
DEFAULT_MAX_BYTES = 20_000_000
_CHUNK = 1 << 20  # read in steps this size, so memory follows the data, not the cap


class UnreadableDocument(Exception):
    """A document inside a container that cannot be read (the reason is the message)."""


@dataclass(frozen=True)
class InputDocument:
    """A document to convert: where it is, and how to read its bytes."""

    name: str  # what provenance.source and error messages call it
    path: Path | None = None  # None for stdin and for documents inside containers
    content: bytes | str | None = None  # documents inside containers arrive read (str: decoded)
    url: str | None = None
    media_type: str | None = None  # e.g. the HTTP Content-Type of a WARC response
    problem: str | None = None  # why a document inside a container cannot be read
    skip: str | None = None  # why a record of a container is not a document to convert
    too_large: int | None = None  # the cap a document inside a container went past
    # A URL (file://, s3://, https://...) read through fsspec when converted; a string, so
    # the document stays cheap to send to worker processes.
    location: str | None = None

    def read(self, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | str:
        """The document's text when it arrived decoded (a JSON Lines string), else its bytes,
        decompressed when they are gzip data; DocumentTooLarge past `max_bytes`."""
        if self.problem is not None:
            raise UnreadableDocument(self.problem)
        if self.too_large is not None:
            raise DocumentTooLarge(self.too_large)
        if isinstance(self.content, str):
            return within_cap(self.content, max_bytes)
        if self.content is not None:
            return _read_bytes(self.content, max_bytes)
        if (file := self.file()) is None:
            return read_capped(sys.stdin.buffer, max_bytes)
        with open_location(file) as stream:
            return read_capped(stream, max_bytes)

    def file(self) -> str | None:
        """The file to read the document from: its URL or local path (None for stdin and
        for documents that arrived read)."""
        return self.location or (str(self.path) if self.path is not None else None)


@dataclass(frozen=True)
class Fields:
    """Which JSON Lines fields hold a page and its address (the first one present)."""

    html: tuple[str, ...] = ("html", "content", "raw_html", "page", "body")
    url: tuple[str, ...] = ("url", "link", "uri", "target_uri")


def within_cap(content: AnyStr, max_bytes: int) -> AnyStr:
    """`content` itself, or DocumentTooLarge. A str counts its characters: each is at least
    one byte, so more characters than the cap are more bytes too."""
    if len(content) > max_bytes:
        raise DocumentTooLarge(max_bytes)
    return content


def read_capped(stream: io.BufferedReader, max_bytes: int) -> bytes:
    """The rest of `stream`, gunzipped when it starts with gzip data, read in steps until
    it ends or goes past `max_bytes` (DocumentTooLarge): never more than the cap in memory."""
    if starts_with_gzip(stream):
        return _inflate_capped(stream, max_bytes)
    return within_cap(read_at_most(stream, max_bytes + 1), max_bytes)


def starts_with_gzip(stream: BinaryIO) -> bool:
    """Whether `stream` starts with gzip data, leaving it where it was. A stream that
    cannot seek (stdin) is a buffered reader, which can look ahead."""
    if not stream.seekable():
        return stream.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] == GZIP_MAGIC
    start = stream.tell()
    head = stream.read(len(GZIP_MAGIC))
    stream.seek(start)
    return head == GZIP_MAGIC


def _read_bytes(data: bytes, max_bytes: int) -> bytes:
    if data.startswith(GZIP_MAGIC):
        return _inflate_capped(io.BytesIO(data), max_bytes)
    return within_cap(data, max_bytes)


def _inflate_capped(compressed: BinaryIO, max_bytes: int) -> bytes:
    # Read to the end when within the cap: the end is where gzip checks its CRC and length.
    with gzip.GzipFile(fileobj=compressed) as unzipped:
        return within_cap(read_at_most(unzipped, max_bytes + 1), max_bytes)


def read_at_most(stream: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes of `stream`, fewer only at its end. Stepwise: one read of `size`
    bytes would set aside all of them at once, however short the stream."""
    chunks: list[bytes] = []
    left = size
    while left > 0 and (chunk := stream.read(min(_CHUNK, left))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
