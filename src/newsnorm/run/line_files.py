"""Writing JSON Lines files so that a run can stop anywhere and go on later.

Each line is written and flushed whole (a `.gz` file gets a sync flush per line), so an
interrupted run leaves only complete lines behind. Resuming keeps those lines, drops a
partial last one, and tells the caller which sources are already done."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import orjson


@dataclass
class LineWriter:
    """A JSON Lines file open for writing; `done` holds the sources of the lines it kept."""

    stream: BinaryIO
    done: set[str] = field(default_factory=set)

    def write(self, line: bytes) -> None:
        self.stream.write(line)
        self.stream.flush()


@contextmanager
def open_lines(path: Path, *, resume: bool = False) -> Iterator[LineWriter]:
    """`path` (gzip when it ends in `.gz`) for writing: emptied, or with `resume` its
    complete lines kept and their sources listed in `done`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    resuming = resume and path.exists()
    if path.name.endswith(".gz"):
        opened = _gzip_lines(path, resuming)
    else:
        opened = _plain_lines(path, resuming)
    with opened as writer:
        yield writer


def line_source(line: bytes) -> str | None:
    """The source an article record or an error record speaks for."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(record, dict):
        return None
    provenance = record.get("provenance")
    source = provenance.get("source") if isinstance(provenance, dict) else record.get("source")
    return source if isinstance(source, str) else None


@contextmanager
def _plain_lines(path: Path, resuming: bool) -> Iterator[LineWriter]:
    done: set[str] = set()
    kept = 0
    if resuming:
        with path.open("rb") as old:
            kept = _collect(old, done)
    with path.open("r+b" if resuming else "wb") as stream:
        stream.truncate(kept)  # drops a partial last line
        stream.seek(kept)
        yield LineWriter(stream, done)


@contextmanager
def _gzip_lines(path: Path, resuming: bool) -> Iterator[LineWriter]:
    """A compressed file cannot be cut at a line, so resuming writes its complete lines
    into a new file, renamed over the old one, and goes on writing there."""
    done: set[str] = set()
    target = path.with_name(f".{path.name}.resuming") if resuming else path
    with target.open("wb") as raw, gzip_writer(raw) as stream:
        writer = LineWriter(stream, done)
        if resuming:
            try:
                _collect(_readable_lines(path), done, stream)
                stream.flush()
            except BaseException:  # interrupted while copying: the old file stays as it was
                target.unlink(missing_ok=True)
                raise
            os.replace(target, path)
        yield writer


def _collect(lines, done: set[str], copy: BinaryIO | None = None) -> int:
    """Note the source of each complete line (and copy it to `copy`); their total size."""
    size = 0
    for line in lines:
        if not line.endswith(b"\n"):
            break
        size += len(line)
        if source := line_source(line):
            done.add(source)
        if copy is not None:
            copy.write(line)
    return size


def _readable_lines(path: Path) -> Iterator[bytes]:
    """The lines of a gzip file, up to where a cut-off or damaged stream stops making sense
    (a sync flush after every line makes that a line's end)."""
    try:
        with gzip.open(path) as lines:
            yield from lines
    except (EOFError, OSError, zlib.error):
        return


@contextmanager
def gzip_writer(raw: BinaryIO) -> Iterator[BinaryIO]:
    """gzip with no name or time inside: same input, same bytes. Level 6, zlib's default:
    level 9 costs twice the time for a file about 1% smaller."""
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as compressed:
        yield compressed
