"""The examples in docs/ run as written."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

from helpers import REPO

DOCS = Path(__file__).resolve().parents[1] / "docs"
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def python_blocks(name: str) -> list[str]:
    return PYTHON_BLOCK.findall((DOCS / name).read_text(encoding="utf-8"))


def run_as_module(name: str, code: str) -> None:
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(code, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]


def test_plugin_guide_example_runs():
    plugin, trial = python_blocks("plugins.md")[:2]
    run_as_module("docs_example_plugin", plugin + "\n" + trial)


def test_readme_results_come_from_the_committed_benchmark_results():
    def table(path):
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] == "|"]

    readme, results = table(REPO / "README.md"), table(REPO / "benchmarks" / "results.md")
    assert results and all(line in readme for line in results)
    assert (REPO / "benchmarks" / "results.png").stat().st_size > 0
