"""A test kit for outlet plugins: golden cases of a capture and the record expected from it.

A case is `NAME.expected.json` beside its input file, in the format of the shared samples:
`{"input": "NAME.txt", "url": null, "article": {...fields...}, "noise": ["...", ...]}`.
Every field under `article` must equal the record's (an object may list only some of its
fields); every `noise` line must be absent from the record's text and listed in a `removed`
entry.

    from newsnorm.testing import assert_golden_case, load_golden_cases

    @pytest.mark.parametrize("case", load_golden_cases(HERE / "cases"), ids=str)
    def test_golden(case):
        assert_golden_case(case)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsnorm.pipeline import normalize

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


def load_golden_cases(directory: Path) -> list[GoldenCase]:
    """Every case in `directory`, sorted by name; an empty directory is an error."""
    paths = sorted(Path(directory).glob(f"*{EXPECTED_SUFFIX}"))
    if not paths:
        raise FileNotFoundError(f"no golden cases ({EXPECTED_SUFFIX}) in {directory}")
    return [_load(path) for path in paths]


def _load(path: Path) -> GoldenCase:
    spec = json.loads(path.read_text(encoding="utf-8"))
    return GoldenCase(
        name=path.name.removesuffix(EXPECTED_SUFFIX),
        input_path=path.parent / spec["input"],
        url=spec.get("url"),
        article=spec["article"],
        noise=spec.get("noise", []),
    )


def normalize_case(case: GoldenCase) -> dict[str, Any]:
    """The record newsnorm makes of the case's input, with `removed` filled in."""
    article = normalize(
        case.input_path.read_bytes(), url=case.url, explain=True, source=str(case.input_path)
    )
    return article.to_record()


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
