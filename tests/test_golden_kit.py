"""newsnorm.testing, the golden-case kit of plugin tests: a directory without cases, and
cases run through a pipeline of the caller's choice."""

from __future__ import annotations

import pytest
from helpers import shared_path

from newsnorm.pipeline import Pipeline
from newsnorm.plugins import make_plugin_manager
from newsnorm.testing import golden_case_params, load_golden_cases, normalize_case


def test_no_cases_is_an_error_unless_allowed(tmp_path):
    with pytest.raises(FileNotFoundError, match="no golden cases"):
        load_golden_cases(tmp_path)
    assert load_golden_cases(tmp_path, allow_empty=True) == []
    assert load_golden_cases(tmp_path / "missing", allow_empty=True) == []


def test_params_without_cases_are_one_skip_that_says_how_to_add_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tests" / "cases").mkdir(parents=True)
    (param,) = golden_case_params(tmp_path / "tests" / "cases")
    (mark,) = param.marks
    assert mark.name == "skip"
    assert mark.kwargs["reason"] == (
        "no golden cases yet in tests/cases: add a page NAME.html (or a capture NAME.txt)"
        " beside NAME.expected.json (see tests/cases/README.md)"
    )


def test_params_with_cases_are_the_cases():
    samples = shared_path("samples", "text")
    assert golden_case_params(samples) == load_golden_cases(samples)


def test_a_case_runs_through_the_pipeline_given():
    (case,) = [
        c for c in load_golden_cases(shared_path("samples", "text")) if c.name == "brecorder-lee-xi"
    ]
    assert normalize_case(case)["outlet"]["name"] == "Business Recorder"
    builtins_only = Pipeline(make_plugin_manager(load_installed=False))
    assert normalize_case(case, builtins_only)["outlet"]["name"] is None
