"""The shapes newsnorm writes an article in: its own record (the default), or an IPTC
ninjs item (`ninjs` for version 2.2, `ninjs3` for 3.1), one JSON line each; or a row of a
Parquet file of records (`parquet`, chosen by an output's `.parquet` suffix too)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from newsnorm.errors import UsageError
from newsnorm.formats.ninjs import ninjs_item

if TYPE_CHECKING:
    import pluggy

    from newsnorm.model import Article

RECORD = "record"
NINJS_VERSIONS = {"ninjs": "2.2", "ninjs3": "3.1"}
PARQUET = "parquet"
FORMATS = (RECORD, *NINJS_VERSIONS, PARQUET)
PARQUET_SUFFIX = ".parquet"
PARQUET_EXTRA = "Parquet output needs pyarrow: pip install 'newsnorm[parquet]'"

__all__ = [
    "FORMATS",
    "NINJS_VERSIONS",
    "PARQUET",
    "RECORD",
    "checked_format",
    "line",
    "ninjs_item",
    "output_format_for",
]


def checked_format(name: str) -> str:
    """`name` when newsnorm writes that format; UsageError naming the ones it writes."""
    if name not in FORMATS:
        raise UsageError(f"unknown format {name!r} (known: {', '.join(FORMATS)})")
    return name


def output_format_for(name: str, output: str | Path | None) -> str:
    """The format a run writes: `name`, or `parquet` for an output named `*.parquet`.
    UsageError when the two disagree, or Parquet is asked for without a file to hold it
    or without pyarrow installed."""
    checked_format(name)
    if output is not None and str(output).lower().endswith(PARQUET_SUFFIX):  # .PARQUET too
        if name not in (RECORD, PARQUET):
            raise UsageError(f"{output}: a Parquet file holds records, not --format {name} items")
        name = PARQUET
    elif name == PARQUET and output is None:
        raise UsageError("--format parquet writes a file: name it with -o FILE.parquet")
    elif name == PARQUET:
        raise UsageError(f"--format parquet writes one file, FILE.parquet, not {output}")
    if name == PARQUET:
        require_pyarrow()
    return name


def require_pyarrow() -> None:
    """UsageError naming the extra to install when pyarrow cannot be imported."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError(PARQUET_EXTRA) from None


def line(
    article: Article, output_format: str = RECORD, pm: pluggy.PluginManager | None = None
) -> bytes:
    """The JSON line of `article` in `output_format`; the record's bytes never change. A
    Parquet row is the record: its line is what carries it to the file's writer."""
    if output_format in (RECORD, PARQUET):
        return orjson.dumps(article.to_record()) + b"\n"
    version = NINJS_VERSIONS[checked_format(output_format)]
    return orjson.dumps(ninjs_item(article, version, pm)) + b"\n"
