"""Checking JSON Lines records against the published article schema."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import orjson
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from newsnorm.schema import article_schema

_MISSING = re.compile(r"^'(?P<name>[^']+)' is a required property$")


@dataclass(frozen=True)
class Problem:
    """One reason a line is not a valid record."""

    line: int
    path: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.path}: {self.reason}"


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(article_schema(), format_checker=FormatChecker())


def validate_lines(lines: Iterable[bytes | str]) -> Iterator[Problem]:
    """Every problem of every line, in line order; nothing for a valid file."""
    for number, line in enumerate(lines, start=1):
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Problem(number, "$", f"not JSON: {exc}")
            continue
        errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
        for error in errors:
            yield _problem(number, error)


def _problem(line: int, error: ValidationError) -> Problem:
    missing = _MISSING.match(error.message)
    if missing:
        return Problem(line, f"{error.json_path}.{missing['name']}", "required field is missing")
    return Problem(line, error.json_path, _reason(error))


def _reason(error: ValidationError) -> str:
    """The message of the error, or for "any of" errors the most telling alternative."""
    if not error.context:
        return error.message
    leaves = list(_leaves(error))
    formats = [leaf.validator_value for leaf in leaves if leaf.validator == "format"]
    if formats:
        return f"{error.instance!r} is not a valid {' or '.join(formats)}"
    return best_match(leaves).message


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    for child in error.context or ():
        yield from _leaves(child) if child.context else (child,)
