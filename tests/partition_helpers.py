"""Shared by the tests of partitioned runs: a corpus slice packed as a web archive, and the
records and errors a run's output directory holds."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
from helpers import shared_path

from newsnorm import run


def corpus_archive(path: Path, records: int) -> Path:
    """`records` distinct corpus pages as a web archive (one gzip member per record), plus
    a damaged record at its end, so that failures are part of what is counted."""
    from corpus_archive import corpus_pages, write_warc

    write_warc(corpus_pages(shared_path()), records, path)
    with path.open("ab") as archive:
        archive.write(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9"))
    return path


def lines_run(inputs: list[str], tmp_path: Path) -> tuple[dict, dict]:
    """(records by source, errors by source) of a run into one JSON Lines file."""
    output, errors = tmp_path / "lines.jsonl", tmp_path / "lines-errors.jsonl"
    run.convert(inputs, output, errors=errors, workers=1)
    return by_source(output.read_bytes().splitlines()), by_source(errors.read_bytes().splitlines())


def directory_contents(directory: Path) -> tuple[dict, dict]:
    """(records by source, errors by source) of a partitioned run's output; a source met
    twice fails the test: nothing may be written twice."""
    records, errors = [], []
    for part in sorted(directory.glob("part-*.jsonl.gz")):
        records += gzip.decompress(part.read_bytes()).splitlines()
    for error_file in sorted(directory.glob("errors-*.jsonl")):
        errors += error_file.read_bytes().splitlines()
    return by_source(records), by_source(errors)


def by_source(lines: list[bytes]) -> dict:
    found = {}
    for line in lines:
        record = orjson.loads(line)
        source = record["provenance"]["source"] if "provenance" in record else record["source"]
        assert source not in found, f"{source} written twice"
        found[source] = line
    return found


def manifest(directory: Path) -> dict:
    return orjson.loads((directory / "_manifest.json").read_bytes())
