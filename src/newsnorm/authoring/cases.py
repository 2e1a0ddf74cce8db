"""A plugin's golden cases, run through a pipeline that has the plugin, and the names of
the rules it credits in them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newsnorm.authoring.findings import Finding
from newsnorm.errors import NormalizeError
from newsnorm.model import Removal
from newsnorm.pipeline import Pipeline, validated
from newsnorm.testing import (
    EXPECTED_SUFFIX,
    GoldenCase,
    case_source,
    golden_differences,
    load_golden_cases,
)

# The schema's own pattern for `removed[].rule`, so that the two cannot disagree.
RULE = re.compile(Removal.model_json_schema()["properties"]["rule"]["pattern"])


@dataclass
class CaseRun:
    """What running one case showed: its problems, and the rules the plugin credited."""

    case: GoldenCase
    problems: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


def check_cases(pipeline: Pipeline, plugin_name: str, places: list[Path]) -> list[Finding]:
    """The golden-case findings, then the rule-name ones."""
    directory = next((place for place in places if _has_cases(place)), None)
    if directory is None:
        looked = ", ".join(str(place) for place in places) or "nowhere: the plugin is no package"
        return [
            Finding("warn", "golden cases", f"no cases shipped (looked in {looked})"),
            Finding("n/a", "rule names", "no golden cases to read them from"),
        ]
    runs = [run_case(pipeline, plugin_name, case) for case in load_golden_cases(directory)]
    return [*_case_findings(runs, directory), *_rule_findings(runs, plugin_name)]


def _has_cases(place: Path) -> bool:
    return place.is_dir() and any(place.glob(f"*{EXPECTED_SUFFIX}"))


def run_case(pipeline: Pipeline, plugin_name: str, case: GoldenCase) -> CaseRun:
    run = CaseRun(case)
    try:
        record = pipeline.record(case_source(case), explain=True, strict_plugins=True)
        # Read before validation: a rule name the schema refuses makes the record invalid.
        run.rules = _credited(record.get("removed") or [], plugin_name)
        run.problems = golden_differences(case, validated(record).to_record())
    except (NormalizeError, OSError) as exc:
        run.problems = [f"{type(exc).__name__}: {exc}"]
    return run


def _credited(removed: list[dict], plugin_name: str) -> list[str]:
    return [entry["rule"] for entry in removed if entry["rule"].startswith(f"{plugin_name}:")]


def _case_findings(runs: list[CaseRun], directory: Path) -> list[Finding]:
    failed = [run for run in runs if run.problems]
    if not failed:
        return [Finding("ok", "golden cases", f"{len(runs)} of {len(runs)} pass ({directory})")]
    return [
        Finding(
            "FAIL",
            f"golden case {run.case.name}",
            f"{len(run.problems)} difference(s)",
            tuple(run.problems),
        )
        for run in failed
    ]


def _rule_findings(runs: list[CaseRun], plugin_name: str) -> list[Finding]:
    rules = sorted({rule for run in runs for rule in run.rules})
    if not rules:
        return [Finding("warn", "rule names", f"{plugin_name} removes nothing in its cases")]
    bad = [rule for rule in rules if not RULE.fullmatch(rule)]
    if not bad:
        return [Finding("ok", "rule names", ", ".join(rules))]
    return [
        Finding("FAIL", "rule names", f"{rule!r} does not match the schema's {RULE.pattern}")
        for rule in bad
    ]
