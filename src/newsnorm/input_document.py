"""One document to convert, as the input finders hand it over."""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"


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

    def read(self) -> bytes | str:
        """The document's text when it arrived decoded (a JSON Lines string), else its bytes,
        decompressed when they are gzip data."""
        if self.problem is not None:
            raise UnreadableDocument(self.problem)
        if isinstance(self.content, str):
            return self.content
        if self.content is not None:
            data = self.content
        else:
            data = sys.stdin.buffer.read() if self.path is None else self.path.read_bytes()
        return gzip.decompress(data) if data.startswith(GZIP_MAGIC) else data


@dataclass(frozen=True)
class Fields:
    """Which JSON Lines fields hold a page and its address (the first one present)."""

    html: tuple[str, ...] = ("html", "content", "raw_html", "page", "body")
    url: tuple[str, ...] = ("url", "link", "uri", "target_uri")
