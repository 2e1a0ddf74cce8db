"""A profile's rules for plain-text captures: lines removed by pattern, a footer cut from
its first line to the end, the byline line read into names and a time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsnorm.document import Block, Document
from newsnorm.profiles.model import NamedPattern, TextRules
from newsnorm.text.dates import parse_moment, printed_day
from newsnorm.text.layout import first_block, remove_from, remove_matching
from newsnorm.text.people import split_byline

_BYLINE_WITHIN = 12  # lines from the top: further down, a "By" line is the story's


@dataclass(frozen=True)
class LineRule:
    credit: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CompiledTextRules:
    remove_lines: tuple[LineRule, ...]
    footer_starts: tuple[LineRule, ...]
    byline: re.Pattern[str] | None

    @classmethod
    def of(cls, rules: TextRules) -> CompiledTextRules:
        return cls(
            _line_rules("remove_lines", rules.remove_lines),
            _line_rules("footer_starts", rules.footer_starts),
            re.compile(rules.byline) if rules.byline else None,
        )


def _line_rules(field: str, rules: list[str | NamedPattern]) -> tuple[LineRule, ...]:
    return tuple(
        LineRule(rule.name, re.compile(rule.pattern))
        if isinstance(rule, NamedPattern)
        else LineRule(f"{field}[{index}]", re.compile(rule))
        for index, rule in enumerate(rules)
    )


def remove_lines(document: Document, rules: CompiledTextRules) -> None:
    for rule in rules.remove_lines:
        remove_matching(document, rule.pattern, rule.credit)
    footer = _footer_start(document, rules.footer_starts)
    if footer is not None:
        remove_from(document, *footer)


def _footer_start(document: Document, rules: tuple[LineRule, ...]) -> tuple[Block, str] | None:
    """The first live line any footer rule matches, and that rule's credit."""
    if not rules:
        return None
    for block in document.live_blocks():
        for rule in rules:
            if rule.pattern.match(block.text):
                return block, rule.credit
    return None


def read_byline(document: Document, rules: CompiledTextRules, zone: str | None) -> None:
    """The first line the byline pattern matches, near the top, becomes the byline (its
    `names`) and, when the pattern has a `published` group, the publishing time."""
    pattern = rules.byline
    if pattern is None:
        return
    block = first_block(document, lambda text: bool(pattern.match(text)), _BYLINE_WITHIN)
    if block is None:
        return
    match = pattern.match(block.text)
    names = (match.group("names") or "").strip()
    meta = document.meta
    meta.byline = names or None
    meta.authors, meta.agencies = split_byline(names)
    published = match.groupdict().get("published")
    if published:
        moment = parse_moment(published, timezone=zone)
        meta.published = moment if moment is not None else printed_day(published)
    document.take(block, "byline")
