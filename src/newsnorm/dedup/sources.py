"""Where the records to deduplicate are: JSON Lines files (gzipped or not), the part files
of a partitioned run's directory, or stdin (kept in a temporary file, since deduplication
reads its records more than once)."""

from __future__ import annotations

import gzip
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

from newsnorm.errors import UsageError
from newsnorm.inputs.find import STDIN

RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


@contextmanager
def record_files(inputs: list[str]) -> Iterator[list[Path]]:
    """The files that hold the records of `inputs`, in order. UsageError for an input that
    does not exist or a directory without record files."""
    with tempfile.TemporaryDirectory(prefix="newsnorm-dedup-") as spool:
        files: list[Path] = []
        for name in inputs:
            files += [_spooled(Path(spool))] if name == STDIN else _files_of(Path(name))
        yield files


def lines(path: Path) -> Iterator[bytes]:
    """The lines of a record file."""
    with gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb") as stream:
        yield from stream


def parsed(line: bytes) -> dict | str:
    """The record on a line, or why it is not one."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return f"not JSON: {error}"
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("id"), str):
        return "no record id: not a newsnorm article record (an error record?)"
    if not isinstance(record.get("text"), str) and not isinstance(record.get("body"), list):
        return "no text and no body"
    return record


def numbered_lines(files: list[Path]) -> Iterator[tuple[str, bytes]]:
    """Each line that is not blank, with where it is (`FILE:LINE`)."""
    for path in files:
        for number, line in enumerate(lines(path), start=1):
            if line.strip():
                yield f"{path}:{number}", line


def records(files: list[Path]) -> Iterator[dict]:
    """The records of `files`, in order, without the lines that are none."""
    for _, line in numbered_lines(files):
        if not isinstance(record := parsed(line), str):
            yield record


def _files_of(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.name.endswith(RECORD_SUFFIXES))
        found = [p for p in found if not p.name.startswith(("errors", "."))]
        if not found:
            raise UsageError(f"{path}: no record files (*.jsonl, *.jsonl.gz) in this directory")
        return found
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    return [path]


def _spooled(spool: Path) -> Path:
    path = spool / "stdin.jsonl"
    with path.open("wb") as copy:
        shutil.copyfileobj(sys.stdin.buffer, copy)
    return path
