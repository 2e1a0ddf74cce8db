"""Writing deduplicated records: each record as it came, with `duplicate_of` and `story`
in their place (before the computed `text`, as the model orders them), in any output
format newsnorm writes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import orjson

from newsnorm import formats

if TYPE_CHECKING:
    from newsnorm.dedup.links import Links


def links_of(links: Links, ids: list[str], index: int) -> tuple[str | None, str]:
    """The `index`th record's `duplicate_of` and `story`, as ids."""
    copied = int(links.duplicate_of[index])
    return (ids[copied] if copied >= 0 else None), ids[int(links.story[index])]


def with_links(record: dict[str, Any], linked: tuple[str | None, str], output_format: str) -> bytes:
    """The line of `record` with its `duplicate_of` and `story` (`linked`), in
    `output_format`."""
    fields = {"duplicate_of": linked[0], "story": linked[1]}
    if output_format == formats.RECORD:
        return orjson.dumps(_placed(record, fields)) + b"\n"
    from newsnorm.formats.export import article_of

    return formats.line(article_of({**record, **fields}), output_format)


def _placed(record: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    placed: dict[str, Any] = {}
    for key, value in record.items():
        if key in fields:
            continue
        if key == "text":
            placed.update(fields)
        placed[key] = value
    placed.update({key: value for key, value in fields.items() if key not in placed})
    return placed


@contextmanager
def written(output: str | Path | None, output_format: str) -> Iterator[BinaryIO]:
    """Where the lines go: stdout, a JSON Lines file (gzipped for `.gz`), or Parquet."""
    if output is None:
        yield sys.stdout.buffer
        return
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    if output_format == formats.PARQUET:
        from newsnorm.formats.parquet import open_parquet  # pyarrow: an optional extra

        with open_parquet(path) as writer:
            yield writer
    elif path.name.endswith(".gz"):
        from newsnorm.run.line_files import gzip_writer

        with path.open("wb") as raw, gzip_writer(raw) as stream:
            yield stream
    else:
        with path.open("wb") as stream:
            yield stream
