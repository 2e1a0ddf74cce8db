"""docs/plugins.md describes the helpers and the `Document` methods that plugins have: every
one of them, with its real signature, and nothing that no longer exists."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest
from helper_reference import (
    HELPER_MODULES,
    PLUGIN_GUIDE,
    documented_entries,
    expected_entries,
    public_names,
    section,
    undeclared_names,
)

from newsnorm.document import Block, Document

PASTE = "run `.venv/bin/python tests/helper_reference.py` and paste the signatures it prints"
# `document.remove(block, rule)`, `document.url`, `block.node`: a member and its arguments.
MEMBER_USE = re.compile(r"`(document|block)\.(\w+)(?:\(([^)]*)\))?`")
CLASSES = {"document": Document, "block": Block}


def guide() -> str:
    return PLUGIN_GUIDE.read_text(encoding="utf-8")


def working_document() -> str:
    return section(guide(), "The working document")


def test_the_reference_has_a_part_for_each_helper_module():
    assert list(documented_entries(guide())) == list(HELPER_MODULES)


@pytest.mark.parametrize("module_name", HELPER_MODULES)
def test_each_function_and_class_is_declared_public_or_private(module_name):
    module = importlib.import_module(module_name)
    assert undeclared_names(module) == [], "add them to __all__ or rename them _name"
    assert [name for name in public_names(module) if not hasattr(module, name)] == []


@pytest.mark.parametrize("module_name", HELPER_MODULES)
def test_the_reference_lists_each_public_helper_and_nothing_else(module_name):
    documented = documented_entries(guide()).get(module_name, {})
    expected = expected_entries(module_name)
    assert sorted(set(expected) - set(documented)) == [], f"missing from the reference: {PASTE}"
    assert sorted(set(documented) - set(expected)) == [], "not public helpers (any more)"


@pytest.mark.parametrize("module_name", HELPER_MODULES)
def test_the_reference_gives_the_real_signatures(module_name):
    documented = documented_entries(guide()).get(module_name, {})
    expected = expected_entries(module_name)
    differing = {
        name: (documented[name], real)
        for name, real in expected.items()
        if name in documented and documented[name] != real
    }
    assert differing == {}, f"documented signature ≠ real one: {PASTE}"


@pytest.mark.parametrize("module_name", HELPER_MODULES)
def test_public_helpers_have_docstrings(module_name):
    module = importlib.import_module(module_name)
    helpers = [getattr(module, name) for name in public_names(module)]
    undocumented = [
        helper.__name__
        for helper in helpers
        if (inspect.isfunction(helper) or inspect.isclass(helper)) and not helper.__doc__
    ]
    assert undocumented == []


def test_the_document_members_the_guide_names_are_real_with_those_arguments():
    uses = list(MEMBER_USE.finditer(working_document()))
    assert len(uses) >= 10
    for use in uses:
        owner, name, arguments = use.groups()
        member = inspect.getattr_static(CLASSES[owner], name, None)
        if member is None:  # a field, whose default (if any) is None
            assert name in CLASSES[owner].__dataclass_fields__, use[0]
        elif arguments is not None:  # a call: the arguments as the method names them
            parameters = list(inspect.signature(member).parameters)[1:]  # without self
            assert [a.strip() for a in arguments.split(",") if a.strip()] == parameters, use[0]


def test_the_guide_names_every_public_document_method():
    uses = MEMBER_USE.findall(working_document())
    named = {name for owner, name, _ in uses if owner == "document"}
    methods = {
        name
        for name, member in vars(Document).items()
        if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property))
    }
    assert sorted(methods - named) == []
