"""Common Crawl's WET files and the conversion records of any web archive: each page's
plain text is one text capture, converted by the text reader, named and counted like the
responses of a web archive, resumable and cut into partitions."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from partition_helpers import directory_contents, manifest
from typer.testing import CliRunner
from warc_files import mixed_archive, page_text, wet_archive

from newsnorm import run
from newsnorm.cli import app
from newsnorm.inputs.find import find_documents

# A record cut off after its header: one failure, so the summary line is printed.
DAMAGED = gzip.compress(b"WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 9")


def written_wet(tmp_path: Path, count: int, name: str = "crawl.warc.wet.gz", **options) -> Path:
    path = tmp_path / name
    path.write_bytes(wet_archive(count, **options) + DAMAGED)
    return path


def convert(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["convert", *args])
    return result.exit_code, result.stderr


def lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    return [json.loads(line) for line in data.splitlines()]


def test_each_conversion_record_is_a_text_capture_named_by_its_record_id(tmp_path):
    wet = written_wet(tmp_path, 6, empty=(2,))
    out, errors = tmp_path / "out.jsonl", tmp_path / "e.jsonl"
    code, stderr = convert(str(wet), "-o", str(out), "--errors", str(errors))
    records = lines(out)
    assert code == 1 and len(records) == 5
    assert [r["url"] for r in records] == [f"https://example.com/{n}" for n in (0, 1, 3, 4, 5)]
    assert all(r["provenance"]["input_format"] == "text" for r in records)
    assert all(r["provenance"]["source"].startswith(f"{wet}#<urn:uuid:") for r in records)
    assert records[0]["title"] == "Story number 0"
    assert records[0]["body"][0]["text"] == page_text(0).splitlines()[1]
    assert [e["source"] for e in lines(errors)] == [f"{wet}#record-7"]  # the damaged record
    # the warcinfo record is no document; the empty page is skipped
    assert stderr.splitlines()[-1].startswith(
        "newsnorm: 7 documents: 5 converted, 1 failed, 1 skipped in "
    )


def test_an_empty_or_not_plain_text_conversion_is_skipped_with_why(tmp_path):
    documents = list(find_documents([str(written_wet(tmp_path, 3, empty=(1,)))]))
    assert [d.skip for d in documents[:3]] == [None, "an empty text", None]
    assert documents[0].media_type == "text/plain" and documents[0].content == page_text(0).encode()


def test_a_wet_file_goes_on_after_an_interruption_with_resume(tmp_path):
    wet = written_wet(tmp_path, 8)
    full, cut, errors = tmp_path / "full.jsonl", tmp_path / "cut.jsonl", tmp_path / "e.jsonl"
    convert(str(wet), "-o", str(full), "--errors", str(errors))
    data = full.read_bytes()
    cut.write_bytes(data[: len(data) // 2])  # as if killed mid-write
    kept = data[: len(data) // 2].count(b"\n")
    summary = run.convert([str(wet)], cut, errors=errors, resume=True, workers=1)
    assert cut.read_bytes() == data and 0 < kept < 8
    assert (summary.tally.already_done, summary.tally.converted) == (kept + 1, 8 - kept)
    assert len(errors.read_text().splitlines()) == 1  # the failure is not written again


def test_a_partitioned_run_of_a_wet_file_holds_every_page_once(tmp_path):
    wet = written_wet(tmp_path, 23, empty=(5,))
    out = tmp_path / "parts"
    code, stderr = convert(str(wet), "-o", f"{out}/", "--partition-size", "5", "--workers", "1")
    records, errors = directory_contents(out)
    assert code == 1 and (len(records), len(errors)) == (22, 1)
    listed = manifest(out)["partitions"]
    assert len(listed) == 5 and sum(entry["converted"] for entry in listed) == 22
    assert stderr.splitlines()[-1].startswith(
        "newsnorm: 24 documents: 22 converted, 1 failed, 1 skipped in "
    )


@pytest.mark.parametrize("name", ["crawl.warc.wet.gz", "crawl.wet.gz", "crawl.warc.wet"])
def test_a_directory_walk_reads_wet_files(tmp_path, name):
    data = wet_archive(2, compression="none" if name.endswith(".wet") else "members")
    (tmp_path / name).write_bytes(data)
    documents = list(find_documents([str(tmp_path)]))
    assert [d.url for d in documents] == ["https://example.com/0", "https://example.com/1"]


def test_a_page_with_both_records_is_converted_once_from_its_html(tmp_path):
    archive = tmp_path / "mixed.warc.gz"
    archive.write_bytes(mixed_archive(4))
    out = tmp_path / "out.jsonl"
    code, _ = convert(str(archive), "-o", str(out))
    formats = [(r["url"][-1], r["provenance"]["input_format"]) for r in lines(out)]
    # 0: the response (its conversion follows it); 1: the text (the response is a PDF);
    # 2: the text alone; 3: both (the conversion comes first)
    assert code == 0 and formats == [
        ("0", "html"),
        ("1", "text"),
        ("2", "text"),
        ("3", "text"),
        ("3", "html"),
    ]
    skipped = [d.skip for d in find_documents([str(archive)]) if d.skip]
    assert len(skipped) == 2 and skipped[0].startswith("the text of the response before it (")


def test_before_a_scan_a_wet_file_is_counted_in_pages_of_text():
    from newsnorm.run.partitions import _bytes_per_document

    assert _bytes_per_document("s3://cc/x.warc.wet.gz") * 5 < _bytes_per_document("x.warc.gz")
    assert _bytes_per_document("x.WET") < _bytes_per_document("x.warc")
