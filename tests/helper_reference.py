"""The "Helper reference" of docs/plugins.md, and what the code says it should be.

The reference is written by hand; tests/test_helper_reference.py compares it with the real
helpers. After changing a helper, print the entries for the current code and paste the
signatures over the old ones (the descriptions stay yours to write):

    .venv/bin/python tests/helper_reference.py
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType

HELPER_MODULES = (
    "newsnorm.text.layout",
    "newsnorm.text.patterns",
    "newsnorm.text.people",
    "newsnorm.text.dates",
)
PLUGIN_GUIDE = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"
# "### `newsnorm.text.layout`" opens a module's part; "- `NAME...`" starts an entry.
_MODULE_HEADING = re.compile(r"^### `([\w.]+)`\s*$")
_ENTRY = re.compile(r"^- `([^`]+)`")
_NAME = re.compile(r"\w*")


class _Annotation:
    """An annotation kept as a string (`from __future__ import annotations`), shown without
    its quotes: `document: Document`, not `document: 'Document'`."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def public_names(module: ModuleType) -> list[str]:
    """The helpers a module declares public, in the order of its `__all__`."""
    return list(module.__all__)


def undeclared_names(module: ModuleType) -> list[str]:
    """Functions and classes the module defines without a leading underscore that its
    `__all__` leaves out: each must be declared public or renamed `_name`."""
    declared = set(module.__all__)
    return [
        name
        for name, value in vars(module).items()
        if (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
        and not name.startswith("_")
        and name not in declared
    ]


def entry(module: ModuleType, name: str) -> str:
    """How the reference heads a helper: a function with its signature, a class with its
    constructor's, a constant or type alias by its name alone."""
    value = getattr(module, name)
    if not (inspect.isfunction(value) or inspect.isclass(value)):
        return name
    signature = inspect.signature(value)
    parameters = [
        parameter.replace(annotation=_readable(parameter.annotation))
        for parameter in signature.parameters.values()
    ]
    returns = inspect.Signature.empty if inspect.isclass(value) else signature.return_annotation
    shown = signature.replace(parameters=parameters, return_annotation=_readable(returns))
    return f"{name}{shown}"


def _readable(annotation: object) -> object:
    return _Annotation(annotation) if isinstance(annotation, str) else annotation


def expected_entries(module_name: str) -> dict[str, str]:
    """Name → entry for each public helper of the module, as the code is now."""
    module = importlib.import_module(module_name)
    return {name: entry(module, name) for name in public_names(module)}


def section(text: str, heading: str) -> str:
    """The part of a Markdown text under `## heading`, up to the next `## ` heading."""
    after = text.split(f"\n## {heading}\n", 1)[1]
    return after.split("\n## ", 1)[0]


def documented_entries(guide: str) -> dict[str, dict[str, str]]:
    """Module → (name → entry) as the guide's "Helper reference" lists them."""
    modules: dict[str, dict[str, str]] = {}
    entries: dict[str, str] = {}
    for line in section(guide, "Helper reference").splitlines():
        if heading := _MODULE_HEADING.match(line):
            entries = modules.setdefault(heading[1], {})
        elif found := _ENTRY.match(line):
            entries[_NAME.match(found[1])[0]] = found[1]
    return modules


def main() -> None:
    for module_name in HELPER_MODULES:
        print(f"### `{module_name}`\n")
        for text in expected_entries(module_name).values():
            print(f"- `{text}`")
        print()


if __name__ == "__main__":
    main()
