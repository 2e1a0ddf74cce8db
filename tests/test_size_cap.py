"""The size cap (--max-bytes, max_bytes=): a document that inflates past it ends as one error
record (stage read, "too large") while it is read, memory stays bounded, the batch goes on.

The bombs here inflate to 200 MB from a few hundred KB and are written through gzip in steps,
so the test never holds the inflated bytes either. Each run of the command is measured in a
process of its own (see `run_measured`), so one test's peak cannot leak into another's."""

from __future__ import annotations

import functools
import gzip
import io
import json
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from html_pages import page, paragraphs
from test_containers import warc_bytes
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import newsnorm
from newsnorm.cli import app
from newsnorm.errors import DocumentTooLarge
from newsnorm.inputs.containers import jsonl_documents
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, Fields, InputDocument
from newsnorm.run import batch
from newsnorm.run.settings import Settings

CAP = 1_000_000
INFLATED = 200 * 1024 * 1024  # what each bomb inflates to
# Above the peak of converting one small page (the interpreter, lxml, the language model):
# a run that held the bomb would need 200 MiB more.
HEADROOM_MIB = 80
STORY = page(f"<article><h1>Storm closes ports</h1>{paragraphs(3)}</article>")
_MARKUP = b"<p>The storm closed the port.</p>" * 32768  # about 1 MiB, written again and again

# Runs the command and prints its exit status and peak memory (KiB on Linux). A process of
# its own: RUSAGE_CHILDREN is the largest child this process ever waited for, workers too.
_MEASURE = """
import resource, subprocess, sys
stdin = open(sys.argv[1], "rb") if sys.argv[1] else subprocess.DEVNULL
code = subprocess.run(sys.argv[2:], stdin=stdin).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass
class Run:
    code: int
    peak_mib: float
    records: list[dict]
    errors: list[dict]
    stderr: str


def run_measured(tmp_path: Path, *inputs: str, stdin: Path | None = None, workers: int = 1):
    """`newsnorm convert INPUTS --max-bytes CAP`, its records, error records and peak memory."""
    output, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    newsnorm_bin = str(Path(sys.executable).with_name("newsnorm"))
    command = [newsnorm_bin, "convert", *inputs, "-o", str(output), "--errors", str(errors)]
    command += ["--max-bytes", str(CAP), "--workers", str(workers)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(stdin or ""), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    code, peak = map(int, done.stdout.split())
    peak_mib = peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # macOS counts bytes
    return Run(code, peak_mib, _lines(output), _lines(errors), done.stderr)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """A gzip file of INFLATED bytes of markup, compressed in steps; made once, it takes
    seconds. Read only: gzip members in a row are one stream, so others prepend and append."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.html.gz"
    with gzip.GzipFile(path, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(b"<html><body>")
        for _ in range(INFLATED // len(_MARKUP)):
            out.write(_MARKUP)
    return path


def assert_too_large(error: dict, source: str) -> None:
    assert error["source"] == source
    assert error["stage"] == "read" and error["error"] == "DocumentTooLarge"
    assert "too large" in error["message"] and "1,000,000 bytes" in error["message"]


def assert_bounded(run: Run) -> None:
    limit = _small_run_peak_mib() + HEADROOM_MIB
    assert run.peak_mib < limit, f"peak {run.peak_mib:.0f} MiB, limit {limit:.0f} MiB"


@functools.cache
def _small_run_peak_mib() -> float:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "story.html"
        page.write_text(STORY)
        return run_measured(Path(folder), str(page)).peak_mib


@pytest.mark.parametrize("workers", [1, 2])
def test_a_gzip_bomb_in_a_directory_is_one_error_and_the_batch_goes_on(tmp_path, bomb, workers):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a-bomb.html.gz").symlink_to(bomb)
    (crawl / "b-story.html").write_text(STORY)
    assert bomb.stat().st_size < 1_000_000  # smaller than the cap, 200 times as large inflated
    run = run_measured(tmp_path, str(crawl), workers=workers)
    assert run.code == 1  # some documents failed, the others are written
    assert [record["title"] for record in run.records] == ["Storm closes ports"]
    assert len(run.errors) == 1
    assert_too_large(run.errors[0], f"{crawl}/a-bomb.html.gz")
    assert f"{crawl}/a-bomb.html.gz: document too large" in run.stderr
    assert "Traceback" not in run.stderr
    assert_bounded(run)


def test_a_plain_file_past_the_cap_is_not_read_whole(tmp_path):
    big = tmp_path / "big.html"
    with big.open("wb") as out:
        out.truncate(INFLATED)  # sparse: 200 MB to read, nothing on disk
    (tmp_path / "story.html").write_text(STORY)
    run = run_measured(tmp_path, str(big), str(tmp_path / "story.html"))
    assert run.code == 1 and len(run.records) == 1
    assert_too_large(run.errors[0], str(big))
    assert_bounded(run)


def _bomb_response(writer: WARCWriter, url: str, body: bytes) -> None:
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        protocol="HTTP/1.1",
    )
    payload = io.BytesIO(body)
    writer.write_record(
        writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
    )


def bomb_archive(path: Path, bomb: Path) -> None:
    """A web archive: a page, a response whose gzip-encoded body is the bomb, a page."""
    page_record = warc_bytes([("https://example.com/story", "text/html", STORY.encode())])
    with path.open("wb") as out:
        out.write(page_record)
        _bomb_response(WARCWriter(out, gzip=True), "https://example.com/bomb", bomb.read_bytes())
        out.write(page_record)


def _response_ids(path: Path) -> list[str]:
    with path.open("rb") as stream:
        responses = (r for r in ArchiveIterator(stream) if r.rec_type == "response")
        return [record.rec_headers.get_header("WARC-Record-ID") for record in responses]


def test_a_web_archive_record_that_inflates_past_the_cap(tmp_path, bomb):
    archive = tmp_path / "crawl.warc.gz"
    bomb_archive(archive, bomb)
    run = run_measured(tmp_path, str(archive))
    assert run.code == 1
    assert [record["url"] for record in run.records] == ["https://example.com/story"] * 2
    assert len(run.errors) == 1
    assert_too_large(run.errors[0], f"{archive}#{_response_ids(archive)[1]}")
    assert_bounded(run)


def test_a_web_archive_on_stdin_is_streamed(tmp_path, bomb):
    archive = tmp_path / "crawl.warc.gz"
    bomb_archive(archive, bomb)
    run = run_measured(tmp_path, "-", stdin=archive)
    assert run.code == 1 and len(run.records) == 2 and len(run.errors) == 1
    assert run.errors[0]["source"].startswith("<stdin>#<urn:uuid:")
    assert_bounded(run)


def test_a_gzip_bomb_on_stdin(tmp_path, bomb):
    run = run_measured(tmp_path, "-", stdin=bomb)
    assert run.code == 1 and run.records == []
    assert_too_large(run.errors[0], "<stdin>")
    assert_bounded(run)


def test_a_json_lines_line_past_the_cap_between_two_pages(tmp_path, bomb):
    dump = tmp_path / "pages.jsonl.gz"
    line = json.dumps({"url": "https://example.com/story", "html": STORY}).encode() + b"\n"
    huge = b'{"url": "https://example.com/bomb", "html": "'  # the bomb's markup is its string
    with dump.open("wb") as out:
        out.write(gzip.compress(line + huge))
        out.write(bomb.read_bytes())
        out.write(gzip.compress(b'"}\n' + line))
    run = run_measured(tmp_path, str(dump))
    assert run.code == 1
    assert [record["provenance"]["source"] for record in run.records] == [
        f"{dump}:1",
        f"{dump}:3",
    ]
    assert_too_large(run.errors[0], f"{dump}:2")
    assert_bounded(run)


def test_json_lines_are_capped_at_their_length_without_the_newline():
    line = json.dumps({"html": STORY}).encode()
    stream = io.BytesIO(b"\n".join([line, line + b" ", line]))  # the last has no newline
    documents = list(jsonl_documents("d.jsonl", stream, Fields(), max_bytes=len(line)))
    assert [d.name for d in documents] == ["d.jsonl:1", "d.jsonl:2", "d.jsonl:3"]
    assert [d.too_large for d in documents] == [None, len(line), None]
    assert documents[2].read() == STORY


def test_the_cap_is_inclusive_in_the_batch_api():
    data = STORY.encode()
    compressed = gzip.compress(data)
    documents = [
        InputDocument("exact.html", content=data),
        InputDocument("over.html", content=data + b" "),
        InputDocument("exact.html.gz", content=compressed),
        InputDocument("over.html.gz", content=gzip.compress(data + b" ")),
        InputDocument("text.html", content=STORY + " "),
    ]
    outcomes = list(batch.convert(documents, Settings(max_bytes=len(data))))
    assert [outcome.failure is None for outcome in outcomes] == [True, False, True, False, False]
    assert {outcome.failure.stage for outcome in outcomes if outcome.failure} == {"read"}
    assert "too large" in outcomes[1].failure.reason


def test_normalize_takes_the_same_cap():
    data = STORY.encode()
    assert newsnorm.normalize(data, max_bytes=len(data)).title == "Storm closes ports"
    with pytest.raises(DocumentTooLarge) as raised:
        newsnorm.normalize(data, max_bytes=len(data) - 1)
    assert raised.value.stage == "read" and "too large" in str(raised.value)
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_a_document_too_large_survives_pickling():
    error = pickle.loads(pickle.dumps(DocumentTooLarge(CAP)))
    assert error.limit == CAP and error.stage == "read" and "1,000,000" in str(error)


def test_a_json_lines_dump_on_stdin_is_capped_line_by_line():
    line = json.dumps({"html": STORY}).encode()
    long_line = json.dumps({"html": STORY + " " * 100}).encode()
    dump = gzip.compress(b"\n".join([line, long_line, line]) + b"\n")
    result = CliRunner().invoke(app, ["convert", "-", "--max-bytes", str(len(line))], input=dump)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.strip().splitlines()[0] == (
        f"newsnorm: error: <stdin>:2: document too large: more than {len(line):,} bytes"
        " after decompression (--max-bytes)"
    )
