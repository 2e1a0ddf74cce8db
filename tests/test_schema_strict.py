"""Every schema in schemas/ loads in other pipelines' validators: ajv in its strict mode
(JavaScript's common validator) and Python's jsonschema with format checking, and both
accept the records newsnorm writes."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import tomllib
from pathlib import Path

import orjson
import pytest
from helpers import REPO, shared_path
from jsonschema import Draft202012Validator, FormatChecker

from newsnorm import normalize

SCHEMAS = sorted((REPO / "schemas").glob("*.json"))
AJV_MODULES = REPO / ".cache" / "ajv" / "node_modules"
AJV_CHECK = REPO / "tests" / "ajv" / "check.cjs"
# A few corpus pages beside the samples: HTML metadata gives date-times, images, tags.
CORPUS_PAGES = 12


def sample_records() -> list[dict]:
    texts = sorted(shared_path("samples", "text").glob("*.txt"))
    pages = sorted(shared_path("corpora", "scrapinghub", "html").iterdir())[:CORPUS_PAGES]
    records = [normalize(path.read_bytes(), explain=True).to_record() for path in texts]
    records += [normalize(gzip.decompress(path.read_bytes())).to_record() for path in pages]
    return records


def sample_profiles() -> list[dict]:
    """The profile files of the tests' profile package, as the schema sees them."""
    files = sorted((REPO / "tests" / "profile_data").rglob("*.toml"))
    return [tomllib.loads(path.read_text(encoding="utf-8")) for path in files]


def lines_file(path: Path, instances: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(instance) + b"\n" for instance in instances))
    return path


@pytest.fixture(scope="module")
def records_file(tmp_path_factory) -> Path:
    return lines_file(tmp_path_factory.mktemp("records") / "records.jsonl", sample_records())


@pytest.fixture(scope="module")
def instances(records_file, tmp_path_factory):
    """What each published schema describes, as a JSON Lines file: records for the article
    schema, profiles for the profile schema."""
    profiles = lines_file(tmp_path_factory.mktemp("profiles") / "p.jsonl", sample_profiles())
    known = {"article.v1.json": records_file, "profile.v1.json": profiles}

    def of(schema_path: Path) -> Path:
        assert schema_path.name in known, f"no instances to check {schema_path.name} with"
        return known[schema_path.name]

    return of


def test_the_records_cover_both_date_precisions(records_file):
    published = [orjson.loads(line)["published"] for line in records_file.read_bytes().splitlines()]
    assert any(p and "T" not in p for p in published)
    assert any(p and "T" in p for p in published)


@pytest.mark.parametrize("schema_path", SCHEMAS, ids=lambda p: p.name)
def test_jsonschema_with_format_checking_accepts_schema_and_records(schema_path, instances):
    schema = orjson.loads(schema_path.read_bytes())
    Draft202012Validator.check_schema(schema, format_checker=FormatChecker())
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    lines = instances(schema_path).read_bytes().splitlines()
    assert lines
    for line in lines:
        assert list(validator.iter_errors(orjson.loads(line))) == []


def ajv(schema_path: Path, *records: Path) -> dict:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the ajv check needs Node.js")
    if not AJV_MODULES.joinpath("ajv").is_dir():
        pytest.skip("ajv is not installed: `make ajv` installs it (needs npm)")
    command = ["node", str(AJV_CHECK), str(AJV_MODULES), str(schema_path), *map(str, records)]
    result = subprocess.run(command, capture_output=True, timeout=60, check=True)
    return orjson.loads(result.stdout)


@pytest.mark.parametrize("schema_path", SCHEMAS, ids=lambda p: p.name)
def test_ajv_strict_mode_compiles_schema_and_accepts_records(schema_path, instances):
    report = ajv(schema_path, instances(schema_path))
    assert report["error"] is None
    assert report["compiled"] and report["invalid"] == []
    assert report["checked"] == len(instances(schema_path).read_bytes().splitlines()) > 0


def test_ajv_strict_mode_refuses_what_it_should(tmp_path):
    # The check is real: the old shape of `published` (a pattern without a type) fails.
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "anyOf": [{"anyOf": [{"type": "string", "format": "date"}], "pattern": "^\\d"}],
    }
    schema_path = tmp_path / "loose.json"
    schema_path.write_bytes(orjson.dumps(schema))
    report = ajv(schema_path)
    assert not report["compiled"]
    assert 'missing type "string" for keyword "pattern"' in report["error"]


def test_ajv_finds_an_invalid_record(records_file, tmp_path):
    record = orjson.loads(records_file.read_bytes().splitlines()[0])
    record["published"] = "2025-11-01T10:00"  # a time without its offset
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(orjson.dumps(record) + b"\n")
    report = ajv(REPO / "schemas" / "article.v1.json", records_file, bad)
    assert [(Path(i["file"]).name, i["line"]) for i in report["invalid"]] == [("bad.jsonl", 1)]
