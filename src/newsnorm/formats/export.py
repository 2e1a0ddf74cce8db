"""Re-shaping records already made (`newsnorm export`): each valid record of a JSON Lines
file becomes a line in another format, without extracting anything again; an invalid line
is a problem named by its line number, and the others are still exported."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import orjson

from newsnorm import formats
from newsnorm.inputs.find import STDIN
from newsnorm.model import Article
from newsnorm.run.line_files import open_lines
from newsnorm.validation import validate_lines

if TYPE_CHECKING:
    import pluggy

# Fields the record computes from its body: written out, never read back in.
_COMPUTED = frozenset(Article.model_computed_fields)


@dataclass(frozen=True)
class Exported:
    """One input line: its line in the new format, or why it could not be exported."""

    number: int
    line: bytes | None = None
    problem: str | None = None


@dataclass(frozen=True)
class ExportSummary:
    exported: int
    invalid: int


def export_lines(
    lines: Iterable[bytes],
    output_format: str = formats.RECORD,
    pm: pluggy.PluginManager | None = None,
) -> Iterator[Exported]:
    """Each non-blank line of `lines`, a record, in `output_format`, in order; an invalid
    one (not JSON, not a record valid against the schema) as its first problem."""
    formats.checked_format(output_format)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        problem = next(iter(validate_lines([raw])), None)
        if problem is not None:
            yield Exported(number, problem=f"line {number}: {problem.path}: {problem.reason}")
            continue
        yield Exported(number, line=formats.line(_article(raw), output_format, pm))


def export_file(
    source: str,
    output: str | Path | None,
    output_format: str = formats.RECORD,
    on_problem: Callable[[str], object] = print,
) -> ExportSummary:
    """`source` (a JSON Lines file of records, `.gz` or not, or `-` for stdin) into
    `output` (stdout when None) in `output_format` (Parquet for an output named
    `*.parquet`); `on_problem` hears each invalid line. UsageError before anything is read
    when the format cannot be written there."""
    output_format = formats.output_format_for(output_format, output)
    exported = invalid = 0
    with _read(source) as lines, _written(output, output_format) as writer:
        for result in export_lines(lines, output_format):
            if result.line is None:
                invalid += 1
                on_problem(f"{source}: {result.problem}")
            else:
                exported += 1
                writer.write(result.line)
    return ExportSummary(exported, invalid)


def _article(raw: bytes) -> Article:
    return article_of(orjson.loads(raw))


def article_of(record: dict) -> Article:
    """The article a record (as JSON data) holds; its computed fields are not read."""
    return Article.model_validate({k: v for k, v in record.items() if k not in _COMPUTED})


@contextmanager
def _read(source: str) -> Iterator[Iterable[bytes]]:
    if source == STDIN:
        yield sys.stdin.buffer
    elif source.endswith(".gz"):
        with gzip.open(source, "rb") as lines:
            yield lines
    else:
        with open(source, "rb") as lines:
            yield lines


@contextmanager
def _written(output: str | Path | None, output_format: str) -> Iterator[BinaryIO]:
    if output is None:
        yield sys.stdout.buffer
        return
    if output_format == formats.PARQUET:
        from newsnorm.formats.parquet import open_parquet  # pyarrow: an optional extra

        with open_parquet(output) as writer:
            yield writer
        return
    with open_lines(Path(output)) as writer:
        yield writer
