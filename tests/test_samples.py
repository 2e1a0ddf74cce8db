"""The shared golden samples, through the installed `newsnorm` command as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from helpers import SHARED
from jsonschema import Draft202012Validator, FormatChecker

from newsnorm.schema import article_schema
from newsnorm.testing import golden_differences, load_golden_cases

NEWSNORM = str(Path(sys.executable).with_name("newsnorm"))
CASES = load_golden_cases(SHARED / "samples" / "text")


def run_newsnorm(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([NEWSNORM, *args], capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_convert_explain_prints_the_expected_record(case):
    result = run_newsnorm("convert", str(case.input_path), "--explain")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = orjson.loads(lines[0])
    assert golden_differences(case, record) == []
    validator = Draft202012Validator(article_schema(), format_checker=FormatChecker())
    assert list(validator.iter_errors(record)) == []
