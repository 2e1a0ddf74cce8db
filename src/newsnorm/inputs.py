"""Finding the documents named on the command line: files, directories, stdin."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
# Files a directory walk picks up (also gzipped); a file named explicitly is always read.
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class InputDocument:
    """A document to convert: where it is, and how to read its bytes."""

    name: str
    path: Path | None  # None for stdin

    def read_bytes(self) -> bytes:
        """The document's bytes, decompressed when they are gzip data."""
        data = sys.stdin.buffer.read() if self.path is None else self.path.read_bytes()
        return gzip.decompress(data) if data.startswith(GZIP_MAGIC) else data


def find_documents(paths: Iterable[str]) -> Iterator[InputDocument]:
    """Each named file, every document file under each named directory (sorted), stdin."""
    for raw in paths:
        if raw == STDIN:
            yield InputDocument("<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield InputDocument(raw, path)


def _walk(directory: Path) -> Iterator[InputDocument]:
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.name.lower().removesuffix(".gz").endswith(DOCUMENT_SUFFIXES):
            yield InputDocument(str(path), path)
