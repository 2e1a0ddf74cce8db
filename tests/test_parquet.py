"""Parquet files of records: one Arrow column per field of the record model, written whole
(moved into place when complete), read back as the records a JSON Lines run gives, field
for field; asked for without pyarrow, one line naming the extra."""

from __future__ import annotations

import signal
import subprocess
import sys
import typing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from helpers import shared_path
from html_pages import page, paragraphs
from pydantic import BaseModel
from test_resume import wait_for_lines

from newsnorm import normalize
from newsnorm.formats import PARQUET, RECORD, output_format_for
from newsnorm.formats.arrow import ARTICLE_SCHEMA
from newsnorm.formats.parquet import open_parquet, read_records
from newsnorm.model import Article, PluginWarning, Removal
from newsnorm.version import __version__

NEWSNORM = str(Path(sys.executable).with_name("newsnorm"))
CORPORA = ("scrapinghub", "naeb")  # the two English corpora: 602 pages


def run_newsnorm(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [NEWSNORM, *args], input=stdin, capture_output=True, timeout=900, check=False
    )


def model_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field of `model` (computed ones too) as a dotted path, in the record's order;
    `[]` marks a list of objects, whose fields follow."""
    names = [*model.model_fields, *model.model_computed_fields]
    paths = []
    for name, annotation in zip(names, _annotations(model), strict=True):
        inner = _model_in(annotation)
        paths.append(prefix + name)
        if inner is not None:
            many = "[]" if "list" in str(annotation) else ""
            paths.extend(model_paths(inner, f"{prefix}{name}{many}."))
    return paths


def _annotations(model: type[BaseModel]) -> list:
    fields = [info.annotation for info in model.model_fields.values()]
    return [*fields, *(info.return_type for info in model.model_computed_fields.values())]


def _model_in(annotation) -> type[BaseModel] | None:
    """The model a field holds (alone, in a list, or optional), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        if (found := _model_in(argument)) is not None:
            return found
    return None


def arrow_paths(fields, prefix: str = "") -> list[str]:
    paths = []
    for field in fields:
        paths.append(prefix + field.name)
        kind, many = field.type, ""
        if pa.types.is_list(kind) and pa.types.is_struct(kind.value_type):
            kind, many = kind.value_type, "[]"
        if pa.types.is_struct(kind):
            paths.extend(arrow_paths(kind, f"{prefix}{field.name}{many}."))
    return paths


def test_the_arrow_schema_has_a_column_for_every_field_of_the_record_in_its_order():
    # A field added to the model (or a column no field has) fails here until the schema,
    # and the table in docs/formats.md, follow.
    assert arrow_paths(ARTICLE_SCHEMA) == model_paths(Article)
    formats_md = Path(__file__).resolve().parents[1].joinpath("docs", "formats.md").read_text()
    documented = formats_md.split("\n## Parquet\n", 1)[1]
    missing = [field.name for field in ARTICLE_SCHEMA if f"| `{field.name}` |" not in documented]
    assert missing == []


def test_samples_read_back_as_the_json_lines_records_byte_for_byte(tmp_path):
    samples = str(shared_path("samples", "text"))
    records, table = tmp_path / "records.jsonl", tmp_path / "articles.parquet"
    for output in (records, table):
        result = run_newsnorm("convert", samples, "--explain", "-o", str(output))
        assert result.returncode == 0, result.stderr.decode()
    lines = records.read_bytes().splitlines()
    assert [orjson.dumps(record) for record in read_records(table)] == lines
    metadata = pq.read_schema(table).metadata
    assert metadata[b"newsnorm.schema_version"] == b"1"
    assert metadata[b"newsnorm.version"] == __version__.encode()
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_warnings_extensions_and_removals_survive_export_to_parquet(tmp_path):
    """The fields most records leave out or keep empty, exported from JSON Lines."""
    article = normalize(page(f"<article><h1>Storm</h1>{paragraphs(3)}</article>"))
    warning = PluginWarning(plugin="acme", stage="metadata", error="ValueError: no")
    full = article.model_copy(
        update={
            "provenance": article.provenance.model_copy(update={"warnings": [warning]}),
            "extensions": {"acme": {"score": 0.5, "kinds": ["a", {"b": None}], "ok": True}},
            "removed": [Removal(rule="acme:footer", text="Subscribe now")],
            "published": date(2025, 11, 1),  # a day alone stays a day
            "updated": datetime(2025, 11, 2, 9, 30, 0, 123000, timezone(timedelta(hours=5))),
        }
    )
    empty_explain = article.model_copy(update={"removed": []})
    lines = [orjson.dumps(a.to_record()) for a in (full, article, empty_explain)]
    records = tmp_path / "records.jsonl"
    records.write_bytes(b"\n".join(lines) + b"\n")
    result = run_newsnorm("export", str(records), "-o", str(tmp_path / "out.parquet"))
    assert result.returncode == 0, result.stderr.decode()
    back = list(read_records(tmp_path / "out.parquet"))
    assert [orjson.dumps(record) for record in back] == lines
    assert back[0]["extensions"]["acme"]["kinds"] == ["a", {"b": None}]
    assert "removed" not in back[1] and back[2]["removed"] == []


def test_a_run_over_both_english_corpora_reads_back_as_its_json_lines_run(tmp_path):
    """The acceptance run: 602 pages, two workers, the Parquet file field for field."""
    corpora = [str(shared_path("corpora", corpus, "html")) for corpus in CORPORA]
    records, table = tmp_path / "records.jsonl", tmp_path / "articles.parquet"
    for output in (records, table):
        result = run_newsnorm("convert", *corpora, "-o", str(output), "--workers", "2")
        assert result.returncode == 0, result.stderr.decode()
    expected = records.read_bytes().splitlines()
    assert len(expected) == 602
    assert [orjson.dumps(record) for record in read_records(table)] == expected
    # Many row groups read back in order too.
    many = tmp_path / "many.parquet"
    with open_parquet(many, row_group_bytes=200_000) as writer:
        for line in records.read_bytes().splitlines(keepends=True):
            writer.write(line)
    assert pq.ParquetFile(many).metadata.num_row_groups > 10
    assert [orjson.dumps(record) for record in read_records(many)] == expected


def test_errors_summary_and_exit_status_are_those_of_a_json_lines_run(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.html").write_text(page(f"<article>{paragraphs(3)}</article>"))
    (tmp_path / "in" / "empty.txt").write_text("")
    table, errors = tmp_path / "out.parquet", tmp_path / "errors.jsonl"
    result = run_newsnorm(
        "convert", str(tmp_path / "in"), "-o", str(table), "--errors", str(errors)
    )
    assert result.returncode == 1
    assert (
        result.stderr.decode()
        .splitlines()[-1]
        .startswith("newsnorm: 2 documents: 1 converted, 1 failed, 0 skipped in ")
    )
    assert orjson.loads(errors.read_bytes())["stage"] == "read"
    assert len(list(read_records(table))) == 1


def test_an_interrupted_run_writes_no_parquet_file_and_keeps_the_old_one(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.html").write_text(page(f"<article>{paragraphs(3)}</article>"))
    (inputs / "zz-empty.txt").write_text("")
    table, errors = tmp_path / "out.parquet", tmp_path / "errors.jsonl"
    table.write_bytes(b"an older file")
    command = [NEWSNORM, "convert", str(inputs), "-", "-o", str(table), "--workers", "1"]
    command += ["--errors", str(errors)]
    # stdin stays open, so the run waits there after converting the directory.
    run = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_lines(errors, 1)
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 130
    assert stderr.decode().strip().endswith("; no Parquet file was written")
    assert table.read_bytes() == b"an older file"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["errors.jsonl", "in", "out.parquet"]


def test_a_failure_while_writing_leaves_nothing_in_place(tmp_path):
    table = tmp_path / "out.parquet"
    with pytest.raises(orjson.JSONDecodeError), open_parquet(table, row_group_bytes=1) as writer:
        writer.write(b"not a record\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--resume"], "--resume cannot go on with a Parquet file"),
        (["--format", "ninjs"], "a Parquet file holds records, not --format ninjs items"),
        (["--dask", "local"], "a run into a directory writes JSON Lines parts, not Parquet"),
    ],
)
def test_what_a_parquet_run_cannot_do_is_refused_in_one_line(tmp_path, args, message):
    result = run_newsnorm(
        "convert", str(shared_path("samples", "text")), "-o", str(tmp_path / "x.parquet"), *args
    )
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and message in result.stderr.decode()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["out.parquet", "OUT.PARQUET", "dir.d/Out.Parquet"])
def test_a_parquet_suffix_in_any_case_chooses_parquet(name):
    assert output_format_for(RECORD, name) == PARQUET
    assert output_format_for(RECORD, name + ".jsonl") == RECORD


def test_a_partitioned_or_unnamed_parquet_run_is_refused(tmp_path):
    samples = str(shared_path("samples", "text"))
    partitioned = run_newsnorm(
        "convert", samples, "-o", f"{tmp_path}/parts/", "--format", "parquet"
    )
    assert partitioned.returncode == 2 and b"one file, FILE.parquet, not" in partitioned.stderr
    to_stdout = run_newsnorm("convert", samples, "--format", "parquet")
    assert to_stdout.returncode == 2 and b"-o FILE.parquet" in to_stdout.stderr
    assert list(tmp_path.iterdir()) == []


WITHOUT_PYARROW = """
import sys
sys.modules["pyarrow"] = None  # as if the extra were not installed
from newsnorm.cli import main
sys.argv = ["newsnorm", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("command", ["convert", "export"])
def test_without_pyarrow_parquet_is_one_line_naming_the_extra(tmp_path, command):
    source = shared_path("samples", "text", "brecorder-lee-xi.txt")
    if command == "export":
        source = tmp_path / "records.jsonl"
        source.write_bytes(orjson.dumps(normalize(page(paragraphs(3))).to_record()) + b"\n")
    output = tmp_path / "out.parquet"
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PYARROW, command, str(source), "-o", str(output)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "newsnorm: usage error: Parquet output needs pyarrow: pip install 'newsnorm[parquet]'\n"
    )
    assert not output.exists()
