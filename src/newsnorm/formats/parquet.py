"""Parquet files of article records, written as the records come and read back as records.

Records arrive as their JSON lines (from this process, a worker process, or a file being
exported) and wait in a buffer; about every `ROW_GROUP_BYTES` of them become one row group,
so memory stays bounded however long the run. The file is written under a hidden temporary
name beside its own and moved into place only when complete: a Parquet file is readable
only once closed, so an interrupted run leaves none rather than a broken one.

`read_records(path)` gives the rows back as the records a JSON Lines run gives, field for
field (`docs/formats.md`, "Parquet")."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from newsnorm.formats.arrow import ARTICLE_SCHEMA, SCHEMA_VERSION_KEY

# Record JSON a row group holds, about 1,100 news articles: big enough for column chunks
# that compress well and read fast, small enough that the buffer, the Python objects made
# from it and its Arrow table stay near a hundred megabytes.
ROW_GROUP_BYTES = 16 * 1024 * 1024
# zstd: smaller than snappy on text, and read by pandas, Polars, DuckDB, Spark and datasets.
COMPRESSION = "zstd"

__all__ = ["ARTICLE_SCHEMA", "ParquetRecords", "open_parquet", "read_records", "records_table"]


class ParquetRecords:
    """A Parquet file being written: `write` takes one record's JSON line, as a JSON Lines
    writer does. `done` is always empty: a Parquet run starts afresh, never resumes."""

    def __init__(self, writer: pq.ParquetWriter, row_group_bytes: int = ROW_GROUP_BYTES):
        self.writer, self.row_group_bytes = writer, row_group_bytes
        self.pending: list[bytes] = []
        self.pending_bytes = 0
        self.done: set[str] = set()
        self.abandoned = False

    def write(self, line: bytes) -> None:
        self.pending.append(line)
        self.pending_bytes += len(line)
        if self.pending_bytes >= self.row_group_bytes:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered as one row group."""
        if self.pending:
            self.writer.write_table(records_table(self.pending))
            self.pending, self.pending_bytes = [], 0

    def abandon(self) -> None:
        """Leave the file unfinished: it is not moved into place (an interrupted run)."""
        self.abandoned = True


@contextmanager
def open_parquet(
    path: str | Path, row_group_bytes: int = ROW_GROUP_BYTES
) -> Iterator[ParquetRecords]:
    """A Parquet file of records at `path`, in place once the block ends without an error
    and without `abandon()`; until then an existing file there is left as it was. A row
    group is written each time the buffered records reach `row_group_bytes` of JSON."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with pq.ParquetWriter(temporary, ARTICLE_SCHEMA, compression=COMPRESSION) as writer:
            records = ParquetRecords(writer, row_group_bytes)
            yield records
            if not records.abandoned:
                records.flush()
        if not records.abandoned:
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def records_table(lines: Iterable[bytes]) -> pa.Table:
    """Record JSON lines as an Arrow table of `ARTICLE_SCHEMA`."""
    return pa.Table.from_pylist([_row(orjson.loads(line)) for line in lines], ARTICLE_SCHEMA)


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a Parquet file newsnorm wrote, in order, one row group in memory at a
    time: each dict equal to the record of a JSON Lines run (the same keys in the same
    order, so `orjson.dumps` of it gives the record's line). ValueError for a Parquet file
    of something else."""
    source = pq.ParquetFile(path)
    metadata = source.schema_arrow.metadata or {}
    if SCHEMA_VERSION_KEY.encode() not in metadata:
        raise ValueError(f"{path} is not a Parquet file of newsnorm records")
    for batch in source.iter_batches():
        yield from (_record(row) for row in batch.to_pylist())


def _row(record: dict[str, Any]) -> dict[str, Any]:
    record["extensions"] = orjson.dumps(record["extensions"]).decode()
    return record


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """A row as its record: the fields a record leaves out when they are null left out."""
    row["extensions"] = orjson.loads(row["extensions"])
    if row["removed"] is None:
        del row["removed"]
    if row["story"] is None:  # not deduplicated
        del row["duplicate_of"], row["story"]
    if row["provenance"]["warnings"] is None:
        del row["provenance"]["warnings"]
    return row
