"""Web archives and JSON Lines dumps: one record or one error record per document inside,
each naming where it came from."""

from __future__ import annotations

import gzip
import io
import json

import orjson
from html_pages import page, paragraphs
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsnorm.cli import app

STORY = page(f"<article><h1>Storm closes ports</h1>{paragraphs(3)}</article>")


def warc_bytes(
    records: list[tuple[str, str, bytes]],
    *,
    gzipped: bool = True,
    statuses: dict[str, str] | None = None,
) -> bytes:
    """A web archive of (url, content type, body) responses, each followed by a request
    record; responses are "200 OK" unless `statuses` says otherwise for their URL."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, content_type, body in records:
        status = (statuses or {}).get(url, "200 OK")
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))  # fmt: skip
        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request)
        )
    return buffer.getvalue()


def convert(*args: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(app, ["convert", *args])
    return (
        result.exit_code,
        [json.loads(line) for line in result.stdout.splitlines()],
        result.stderr,
    )


def test_html_responses_of_a_web_archive_become_records(tmp_path):
    latin = page(f"<article>{paragraphs(2)}<p>Les habitants de la région côtière.</p></article>")
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc_bytes([
        ("https://example.com/2025/03/03/storm", "text/html; charset=utf-8", STORY.encode()),
        ("https://example.com/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://example.com/fr", "text/html; charset=iso-8859-1", latin.encode("latin-1")),
    ]))  # fmt: skip
    code, records, _ = convert(str(archive))
    assert code == 0 and len(records) == 2
    assert records[0]["url"] == "https://example.com/2025/03/03/storm"
    assert records[0]["provenance"]["source"].startswith(f"{archive}#<urn:uuid:")
    assert "région côtière" in records[1]["text"]  # the HTTP charset, not a guess


def test_a_truncated_archive_keeps_what_came_before_and_reports_the_rest(tmp_path):
    whole = warc_bytes([("https://example.com/a", "text/html", STORY.encode())] * 2, gzipped=False)
    archive = tmp_path / "cut.warc"
    archive.write_bytes(whole[: len(whole) * 3 // 4])
    code, records, stderr = convert(str(archive))
    assert code == 1 and len(records) == 1
    assert f"{archive}#" in stderr


def test_json_lines_records_with_bad_lines_and_chosen_fields(tmp_path):
    lines = [
        orjson.dumps({"url": "https://example.com/1", "html": STORY}),
        b"{not json",
        orjson.dumps({"url": "https://example.com/3", "title": "no page here"}),
        b"",
        orjson.dumps({"link": "https://example.com/5", "content": STORY}),
    ]
    dump = tmp_path / "pages.jsonl.gz"
    dump.write_bytes(gzip.compress(b"\n".join(lines)))
    errors = tmp_path / "errors.jsonl"
    code, records, _ = convert(str(dump), "--errors", str(errors))
    assert code == 1
    assert [r["provenance"]["source"] for r in records] == [f"{dump}:1", f"{dump}:5"]
    assert [r["url"] for r in records] == ["https://example.com/1", "https://example.com/5"]
    failures = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(f["source"], f["stage"]) for f in failures] == [
        (f"{dump}:2", "read"),
        (f"{dump}:3", "read"),
    ]
    assert "invalid JSON" in failures[0]["message"] and failures[0]["error"]


def test_a_json_lines_page_is_text_already_whatever_charset_it_declares(tmp_path):
    body = f"<article>{paragraphs(2)}<p>Les habitants de la région côtière.</p></article>"
    declared = page(body, charset="iso-8859-1")
    dump = tmp_path / "pages.jsonl"
    dump.write_bytes(orjson.dumps({"html": declared}) + b"\n")
    code, records, _ = convert(str(dump))
    assert code == 0 and "région côtière" in records[0]["text"]


def test_custom_fields_pick_the_page_and_its_address(tmp_path):
    dump = tmp_path / "crawl.ndjson"
    dump.write_bytes(orjson.dumps({"raw": STORY, "address": "https://example.com/x"}) + b"\n")
    code, records, _ = convert(str(dump), "--html-field", "raw", "--url-field", "address")
    assert code == 0 and records[0]["url"] == "https://example.com/x"


def test_every_document_of_a_mixed_directory_ends_as_one_record_or_one_error(tmp_path):
    (tmp_path / "a.html").write_text(STORY)
    (tmp_path / "b.txt").write_text("")
    (tmp_path / "c.warc.gz").write_bytes(warc_bytes([
        ("https://e.com/c", "text/html", STORY.encode()),
        ("https://e.com/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://e.com/gone", "text/html", b"<p>Not found</p>"),
    ], statuses={"https://e.com/gone": "404 Not Found"}))  # fmt: skip
    (tmp_path / "d.jsonl").write_bytes(orjson.dumps({"html": STORY}) + b"\n[1]\n{oops\n")
    (tmp_path / "e.html.gz").write_bytes(gzip.compress(STORY.encode())[:10])
    (tmp_path / "f.html").write_bytes(bytes(range(256)) * 8)
    errors = tmp_path / "out" / "errors.jsonl"
    code, records, stderr = convert(str(tmp_path), "--errors", str(errors))
    failures = [json.loads(line) for line in errors.read_text().splitlines()]
    assert code == 1 and (len(records), len(failures)) == (3, 5)
    sources = {r["provenance"]["source"] for r in records} | {f["source"] for f in failures}
    assert len(sources) == 8
    # 10 documents: 4 plain files, 3 responses in the archive, 3 lines in the dump
    summary = stderr.splitlines()[-1]
    assert summary.startswith("newsnorm: 10 documents: 3 converted, 5 failed, 2 skipped in ")


def test_stdin_may_be_a_web_archive():
    archive = warc_bytes([("https://example.com/s", "text/html", STORY.encode())])
    result = CliRunner().invoke(app, ["convert", "-"], input=archive)
    assert result.exit_code == 0 and '"url":"https://example.com/s"' in result.stdout


def test_gzipped_output_is_byte_identical_across_runs(tmp_path):
    (tmp_path / "in.html").write_text(STORY)
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    for target in (first, second):
        assert (
            CliRunner()
            .invoke(app, ["convert", str(tmp_path / "in.html"), "-o", str(target)])
            .exit_code
            == 0
        )
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(gzip.decompress(first.read_bytes()))["title"] == "Storm closes ports"


def test_responses_without_record_ids_are_named_by_their_place(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n in (1, 2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://e.com/{n}", "response", payload=io.BytesIO(STORY.encode()),
            http_headers=headers,
        )  # fmt: skip
        record.rec_headers.remove_header("WARC-Record-ID")
        writer.write_record(record)
    archive = tmp_path / "noid.warc"
    archive.write_bytes(buffer.getvalue())
    code, records, _ = convert(f"{tmp_path}/.//noid.warc")  # named untidily
    assert code == 0 and len(records) == 2
    assert [r["provenance"]["source"] for r in records] == [
        f"{archive}#record-1",
        f"{archive}#record-2",
    ]
