"""The committed schema matches the model; `newsnorm validate` finds each kind of problem."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from newsnorm import normalize
from newsnorm.cli import app
from newsnorm.schema import SCHEMA_FILE_NAME, article_schema, article_schema_json
from newsnorm.validation import validate_lines

COMMITTED = Path(__file__).resolve().parents[1] / "schemas" / SCHEMA_FILE_NAME
runner = CliRunner()


def test_committed_schema_is_generated_from_the_model():
    assert COMMITTED.read_bytes() == article_schema_json(), "run `make schema`"


def test_schema_is_a_valid_draft_2020_12_schema_with_an_id():
    schema = article_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] and "schema_version" in schema["required"]


def test_schema_command_prints_the_committed_file():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout_bytes == COMMITTED.read_bytes()


@pytest.fixture
def record() -> dict:
    article = normalize("Title of a story\n\nBy Jane Doe\n\nBERLIN: A first paragraph here.\n")
    return article.to_record()


def lines_of(*records) -> list[bytes]:
    return [r if isinstance(r, bytes) else orjson.dumps(r) for r in records]


def test_a_normalised_record_is_valid(record):
    assert list(validate_lines(lines_of(record))) == []


def test_each_bad_line_is_reported_with_its_number_and_path(record):
    missing, wrong_type, bad_date = dict(record), dict(record), dict(record)
    del missing["title"]
    wrong_type["word_count"] = "many"
    bad_date["published"] = "2025-02-30"
    lines = lines_of(record, missing, wrong_type, bad_date, b"{not json")
    problems = [(p.line, p.path) for p in validate_lines(lines)]
    assert problems == [(2, "$.title"), (3, "$.word_count"), (4, "$.published"), (5, "$")]


def test_a_datetime_without_offset_is_rejected(record):
    record["updated"] = "2025-11-01T15:34:00"
    assert [p.path for p in validate_lines(lines_of(record))] == ["$.updated"]


def test_validate_command_exit_status_and_messages(tmp_path, record):
    good = tmp_path / "good.jsonl"
    good.write_bytes(orjson.dumps(record) + b"\n")
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(orjson.dumps(record) + b"\n" + b"[1, 2\n")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: line 2: $: not JSON" in result.stdout
