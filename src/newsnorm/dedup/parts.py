"""Deduplicated records into a directory (local, or object storage through fsspec), as a
partitioned run writes them: one `part-NNNNN.jsonl.gz` per input file, numbered in input
order, each written under a temporary name and moved into place only when complete. On a
Dask cluster each file is a task, sent its records' links (two ids a record), never their
texts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import fsspec

from newsnorm import formats
from newsnorm.dedup.sources import records
from newsnorm.dedup.writing import with_links
from newsnorm.errors import UsageError
from newsnorm.run.line_files import gzip_writer
from newsnorm.run.partition_writer import temporary_path
from newsnorm.run.partitions import PartFiles

Linked = tuple[str | None, str]  # a record's duplicate_of and story


def check_destination(destination: str, output_format: str) -> None:
    """UsageError when `destination` cannot take the parts: Parquet asked for, or a
    directory that holds parts already (an earlier run's, or the inputs themselves)."""
    if output_format == formats.PARQUET:
        raise UsageError(
            "dedup into a directory writes JSON Lines parts, not Parquet: write one Parquet"
            " file (-o FILE.parquet)"
        )
    fs, root = fsspec.core.url_to_fs(destination)
    if fs.exists(root) and any(_is_part(path) for path in fs.ls(root, detail=False)):
        raise UsageError(f"{destination} holds parts already: name a new or empty directory")


def write_part(
    path: Path, number: int, destination: str, linked: Iterable[Linked], output_format: str
) -> int:
    """Write the records of `path`, each with its links (in order), as part `number` of
    `destination`; how many were written. A cluster task."""
    fs, root = fsspec.core.url_to_fs(destination)
    fs.makedirs(root, exist_ok=True)
    name = PartFiles(number).records
    temporary = temporary_path(root, name)
    written = 0
    try:
        with fs.open(temporary, "wb") as raw, gzip_writer(raw) as stream:
            for record, links in zip(records([path]), linked, strict=False):
                stream.write(with_links(record, links, output_format))
                written += 1
        fs.mv(temporary, f"{root}/{name}")
    finally:
        if fs.exists(temporary):
            fs.rm(temporary)
    return written


def _is_part(path: str) -> bool:
    return PartFiles.of_records(path.rsplit("/", 1)[-1]) is not None
