"""IPTC ninjs items: every item newsnorm writes validates against the shared IPTC schema of
its version, with format checking; dates keep their precision; the HTML body is our own
markup with the text escaped; `export` gives what `convert --format` gives."""

from __future__ import annotations

import gzip
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest
from helpers import shared_path
from jsonschema import Draft202012Validator, FormatChecker

from newsnorm import normalize
from newsnorm.formats import NINJS_VERSIONS, ninjs_item
from newsnorm.formats.body_html import body_html
from newsnorm.model import BodyBlock

NEWSNORM = str(Path(sys.executable).with_name("newsnorm"))
CORPUS_SLICE = 100  # pages from each English corpus: 200 in all


def run_newsnorm(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [NEWSNORM, *args], input=stdin, capture_output=True, timeout=600, check=False
    )


def validator(version: str) -> Draft202012Validator:
    checker = FormatChecker()
    # Without rfc3986-validator, jsonschema would let any string pass as a `uri`.
    assert {"uri", "date-time"} <= set(checker.checkers)
    schema = orjson.loads(shared_path("standards", f"ninjs-schema_{version}.json").read_bytes())
    return Draft202012Validator(schema, format_checker=checker)


def invalid_items(lines: list[bytes], version: str) -> list[tuple[int, str, str]]:
    check = validator(version)
    return [
        (number, error.json_path, error.message[:200])
        for number, line in enumerate(lines, start=1)
        for error in check.iter_errors(orjson.loads(line))
    ]


def article(text: str, **changes):
    return normalize(text).model_copy(update=changes)


@pytest.fixture(scope="module")
def corpus_slice(tmp_path_factory) -> Path:
    """200 pages of the two English corpora, as plain HTML files in one directory."""
    directory = tmp_path_factory.mktemp("slice")
    for corpus in ("scrapinghub", "naeb"):
        pages = sorted(shared_path("corpora", corpus, "html").iterdir())[:CORPUS_SLICE]
        for page in pages:
            (directory / f"{corpus}-{page.name}").write_bytes(page.read_bytes())
    return directory


@pytest.fixture(scope="module")
def slice_records(corpus_slice, tmp_path_factory) -> Path:
    records = tmp_path_factory.mktemp("records") / "records.jsonl"
    result = run_newsnorm("convert", str(corpus_slice), "-o", str(records), "--workers", "2")
    assert result.returncode == 0, result.stderr.decode()
    return records


@pytest.mark.parametrize(("name", "version"), NINJS_VERSIONS.items())
def test_every_shared_sample_gives_a_valid_item(name, version):
    result = run_newsnorm("convert", str(shared_path("samples", "text")), "--format", name)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.splitlines()
    assert len(lines) == len(list(shared_path("samples", "text").glob("*.txt")))
    assert invalid_items(lines, version) == []


@pytest.mark.parametrize(("name", "version"), NINJS_VERSIONS.items())
def test_a_corpus_slice_exported_gives_valid_items(name, version, slice_records):
    result = run_newsnorm("export", str(slice_records), "--format", name)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.splitlines()
    assert len(lines) == len(slice_records.read_bytes().splitlines()) == 2 * CORPUS_SLICE
    assert invalid_items(lines, version) == []
    items = [orjson.loads(line) for line in lines]
    assert sum("associations" in item for item in items) > CORPUS_SLICE / 2  # pictures met


def test_convert_with_workers_equals_export(corpus_slice, slice_records, tmp_path):
    converted, exported = tmp_path / "converted.jsonl", tmp_path / "exported.jsonl"
    options = ["--format", "ninjs3", "--workers", "2", "-o", str(converted)]
    assert run_newsnorm("convert", str(corpus_slice), *options).returncode == 0
    assert run_newsnorm("export", str(slice_records), "--format", "ninjs3", "-o", str(exported))
    assert converted.read_bytes() == exported.read_bytes()


def test_a_partitioned_run_writes_items_and_resumes_only_in_its_format(tmp_path):
    samples, parts = str(shared_path("samples", "text")), tmp_path / "parts"
    result = run_newsnorm("convert", samples, "-o", f"{parts}/", "--format", "ninjs")
    assert result.returncode == 0, result.stderr.decode()
    lines = [
        line for part in sorted(parts.glob("part-*.jsonl.gz"))
        for line in gzip.decompress(part.read_bytes()).splitlines()
    ]  # fmt: skip
    assert len(lines) == 2 and invalid_items(lines, "2.2") == []
    other = run_newsnorm("convert", samples, "-o", f"{parts}/", "--format", "ninjs3", "--resume")
    assert other.returncode == 2
    assert b"holds --format ninjs, not ninjs3" in other.stderr
    same = run_newsnorm("convert", samples, "-o", f"{parts}/", "--format", "ninjs", "--resume")
    assert same.returncode == 0, same.stderr.decode()


def test_resuming_one_file_of_items_is_refused(tmp_path):
    output = tmp_path / "items.jsonl"
    samples = str(shared_path("samples", "text"))
    result = run_newsnorm("convert", samples, "--format", "ninjs", "-o", str(output), "--resume")
    assert result.returncode == 2
    assert b"convert into a directory (-o DIR/) to resume by partition" in result.stderr


def test_export_names_invalid_lines_and_exports_the_others(slice_records, tmp_path):
    good = slice_records.read_bytes().splitlines()[:2]
    broken = orjson.loads(good[0])
    broken["published"] = "2025-02-30"
    records = tmp_path / "records.jsonl"
    records.write_bytes(b"\n".join([good[0], b"{not json", orjson.dumps(broken), good[1]]) + b"\n")
    result = run_newsnorm("export", str(records), "--format", "ninjs3")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2
    errors = result.stderr.decode().splitlines()
    assert errors[0].startswith(f"{records}: line 2: $: not JSON")
    assert (
        errors[1]
        == f"{records}: line 3: $.published: '2025-02-30' is not a valid date-time or date"
    )
    assert errors[2] == "newsnorm: 2 exported, 2 invalid line(s) left out"


def test_a_date_alone_never_becomes_a_time():
    story = article("A headline\n\nBy Jane Doe\n\nThe first paragraph of the story.\n")
    dated = story.model_copy(
        update={"published": date.fromisoformat("2025-11-01"), "updated": None}
    )
    for version in NINJS_VERSIONS.values():
        item = ninjs_item(dated, version)
        assert not {"firstcreated", "firstCreated", "versioncreated", "versionCreated"} & set(item)
        assert item["descriptions"] == [{"role": "published", "value": "2025-11-01"}]
    timed = dated.model_copy(
        update={"updated": datetime.fromisoformat("2025-11-02T09:30:00+05:00")}
    )
    item = ninjs_item(timed, "3.1")
    assert item["versionCreated"] == "2025-11-02T09:30:00+05:00"
    assert "firstCreated" not in item


def test_a_known_time_keeps_its_offset():
    story = article("A headline\n\nThe first paragraph of the story.\n")
    published = datetime.fromisoformat("2025-11-01T15:34:00+05:00")
    item = ninjs_item(story.model_copy(update={"published": published, "updated": None}), "2.2")
    assert item["firstcreated"] == item["versioncreated"] == "2025-11-01T15:34:00+05:00"
    assert "descriptions" not in item


def test_an_update_known_by_its_day_only_leaves_version_created_out():
    story = article("A headline\n\nThe first paragraph of the story.\n")
    update = {
        "published": datetime.fromisoformat("2025-11-01T15:34:00Z"),
        "updated": date.fromisoformat("2025-11-03"),
    }
    item = ninjs_item(story.model_copy(update=update), "3.1")
    assert item["firstCreated"] == "2025-11-01T15:34:00Z" and "versionCreated" not in item
    assert item["descriptions"] == [{"role": "updated", "value": "2025-11-03"}]


def test_body_html_escapes_text_and_groups_list_items():
    blocks = [
        BodyBlock(type="heading", text="Tom & Jerry"),
        BodyBlock(type="paragraph", text="<script>alert('x')</script> stays text"),
        BodyBlock(type="list_item", text="one"),
        BodyBlock(type="list_item", text="two"),
        BodyBlock(type="quote", text="a <b>quote</b>"),
        BodyBlock(type="preformatted", text="x < y"),
        BodyBlock(type="list_item", text="three"),
    ]
    assert body_html(blocks).splitlines() == [
        "<h2>Tom &amp; Jerry</h2>",
        "<p>&lt;script&gt;alert('x')&lt;/script&gt; stays text</p>",
        "<ul><li>one</li><li>two</li></ul>",
        "<blockquote>a &lt;b&gt;quote&lt;/b&gt;</blockquote>",
        "<pre>x &lt; y</pre>",
        "<ul><li>three</li></ul>",
    ]


def test_the_item_carries_the_record_where_ninjs_has_a_place_for_it():
    page = (
        "<html lang='en'><head><title>Storm closes ports</title>"
        "<meta property='article:tag' content='Weather'></head><body><article>"
        "<h1>Storm closes ports</h1><p class='byline'>By Jane Doe and John Roe, Reuters</p>"
        "<p>HAMBURG (Reuters) - The storm closed the port for two days and left hundreds of"
        " boats stranded in the harbour, officials said on Monday morning.</p>"
        "<figure><img src='/img/storm.jpg'><figcaption>Boats in the harbour.</figcaption>"
        "</figure><p>Another paragraph with enough words to count as the article's text.</p>"
        "</article></body></html>"
    )
    story = normalize(page, url="https://news.example.com/a/storm bay")
    item = ninjs_item(story, "3.1")
    assert item["uri"] == "https://news.example.com/a/storm%20bay"
    assert item["type"] == "text" and item["language"] == "en"
    assert item["headlines"] == [{"role": "main", "value": "Storm closes ports"}]
    assert [p["name"] for p in item["people"]] == story.authors
    assert {"name": "Reuters", "role": "agency"} in item["infoSources"]
    assert item["located"] == story.dateline
    assert item["subjects"] == [{"name": tag} for tag in story.tags]
    assert [body["contentType"] for body in item["bodies"]] == ["text/plain", "text/html"]
    assert item["bodies"][0]["value"] == story.text
    assert item["altIds"][0] == {"role": "newsnorm-id", "value": story.id}
    assert invalid_items([orjson.dumps(item)], "3.1") == []


def test_without_an_address_the_uri_is_a_urn_of_the_id():
    story = article("A headline\n\nThe first paragraph of the story.\n")
    assert ninjs_item(story)["uri"] == f"urn:newsnorm:article:{story.id}"
