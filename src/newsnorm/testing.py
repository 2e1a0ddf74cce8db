"""A test kit for outlet plugins: golden cases of a capture and the record expected from it.

A case is `NAME.expected.json` beside its input file, in the format of the shared samples:
`{"input": "NAME.txt", "url": null, "article": {...fields...}, "noise": ["...", ...]}`.
Every field under `article` must equal the record's (an object may list only some of its
fields); every `noise` line must be absent from the record's text and listed in a `removed`
entry.

    from newsnorm.testing import assert_golden_case, golden_case_params

    @pytest.mark.parametrize("case", golden_case_params(HERE / "cases"), ids=str)
    def test_golden(case):
        assert_golden_case(case)

`golden_case_params` gives a new plugin, with no case yet, one skipped test that says how to
add one; `load_golden_cases` (the cases as a list) treats an empty directory as an error
unless told otherwise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsnorm.document import Source
from newsnorm.pipeline import Pipeline, default_pipeline

EXPECTED_SUFFIX = ".expected.json"


@dataclass(frozen=True)
class GoldenCase:
    name: str
    input_path: Path
    url: str | None
    article: dict[str, Any]
    noise: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.name


def load_golden_cases(directory: Path, *, allow_empty: bool = False) -> list[GoldenCase]:
    """Every case in `directory`, sorted by name; an empty (or missing) directory is an
    error unless `allow_empty`."""
    paths = sorted(Path(directory).glob(f"*{EXPECTED_SUFFIX}"))
    if not paths and not allow_empty:
        raise FileNotFoundError(f"no golden cases ({EXPECTED_SUFFIX}) in {directory}")
    return [_load(path) for path in paths]


def golden_case_params(directory: Path) -> list[Any]:
    """For `pytest.mark.parametrize`: every case in `directory` or, while it has none, one
    parameter that skips saying how to add a case (a plugin just made has none yet, which
    is not a failure)."""
    import pytest  # only tests call this; newsnorm itself does not depend on pytest

    cases = load_golden_cases(directory, allow_empty=True)
    if cases:
        return cases
    return [pytest.param(None, marks=pytest.mark.skip(reason=no_cases_message(directory)))]


def no_cases_message(directory: Path) -> str:
    shown = _shown(Path(directory))
    return (
        f"no golden cases yet in {shown}: add a page NAME.html (or a capture NAME.txt) beside"
        f" NAME{EXPECTED_SUFFIX} (see {shown}/README.md)"
    )


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it is below it, as a person typed it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _load(path: Path) -> GoldenCase:
    spec = json.loads(path.read_text(encoding="utf-8"))
    return GoldenCase(
        name=path.name.removesuffix(EXPECTED_SUFFIX),
        input_path=path.parent / spec["input"],
        url=spec.get("url"),
        article=spec["article"],
        noise=spec.get("noise", []),
    )


def case_source(case: GoldenCase) -> Source:
    """The case's input as the pipeline reads it."""
    return Source(case.input_path.read_bytes(), url=case.url, name=str(case.input_path))


def normalize_case(case: GoldenCase, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """The record newsnorm makes of the case's input, with `removed` filled in; through
    `pipeline` when given (a plugin under check), else every installed plugin's."""
    pipeline = pipeline or default_pipeline()
    return pipeline.run(case_source(case), explain=True, strict_plugins=True).to_record()


def golden_differences(case: GoldenCase, record: dict[str, Any]) -> list[str]:
    """What in `record` disagrees with the case; empty when it matches."""
    problems = [
        f"{name}: expected {want!r}, got {record.get(name)!r}"
        for name, want in case.article.items()
        if not _matches(want, record.get(name))
    ]
    removed = [entry["text"] for entry in record.get("removed") or []]
    for line in case.noise:
        if line in record["text"]:
            problems.append(f"noise left in text: {line!r}")
        if not any(line in text for text in removed):
            problems.append(f"noise not listed in removed: {line!r}")
    return problems


def _matches(want: Any, got: Any) -> bool:
    """Equality, except that an expected object may list only some of its fields."""
    if isinstance(want, dict):
        return isinstance(got, dict) and all(_matches(v, got.get(k, ...)) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(map(_matches, want, got))
    return want == got


def assert_golden_case(case: GoldenCase) -> None:
    problems = golden_differences(case, normalize_case(case))
    assert not problems, f"{case.name}:\n  " + "\n  ".join(problems)
