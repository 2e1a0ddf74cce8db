"""The examples in docs/ run as written."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

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
