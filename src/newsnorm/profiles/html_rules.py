"""A profile's rules for HTML pages: boxes removed by CSS selector, fields read from the
elements the outlet puts them in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from newsnorm.document import Block, Document
from newsnorm.html.content import parse
from newsnorm.profiles.model import HtmlRules, NamedSelector
from newsnorm.profiles.selectors import FieldSource, cleaned_tree_xpath
from newsnorm.text.dates import parse_moment, printed_day
from newsnorm.text.people import split_byline

FIELDS = ("title", "byline", "published", "updated", "section")


@dataclass(frozen=True)
class RemoveRule:
    credit: str  # the rule's name in `removed[].rule`, after the key
    xpath: etree.XPath


@dataclass(frozen=True)
class CompiledHtmlRules:
    remove: tuple[RemoveRule, ...]
    fields: tuple[tuple[str, FieldSource], ...]

    @classmethod
    def of(cls, rules: HtmlRules) -> CompiledHtmlRules:
        remove = tuple(_remove_rule(index, rule) for index, rule in enumerate(rules.remove))
        fields = tuple(
            (name, FieldSource.parse(source))
            for name in FIELDS
            if (source := getattr(rules, name)) is not None
        )
        return cls(remove, fields)


def _remove_rule(index: int, rule: str | NamedSelector) -> RemoveRule:
    if isinstance(rule, NamedSelector):
        return RemoveRule(rule.name, cleaned_tree_xpath(rule.selector))
    return RemoveRule(f"remove[{index}]", cleaned_tree_xpath(rule))


def remove_boxes(document: Document, rules: CompiledHtmlRules) -> None:
    """Every live block inside an element a rule matches is removed under that rule."""
    trees = _blocks_by_tree(document)
    for rule in rules.remove:
        for root, blocks in trees.items():
            _remove_inside(document, blocks, set(rule.xpath(root)), rule.credit)


def _blocks_by_tree(document: Document) -> dict[Any, list[Block]]:
    """The blocks read from elements, by the tree they are in: the reader's cleaned tree,
    or a fresh parse when its first choice of article was replaced. Blocks with no element
    (a story taken from the page's JSON-LD) have nothing for a selector to match."""
    trees: dict[Any, list[Block]] = {}
    for block in document.live_blocks():
        if block.node is not None:
            trees.setdefault(block.node.getroottree().getroot(), []).append(block)
    return trees


def _remove_inside(document: Document, blocks: list[Block], boxes: set, credit: str) -> None:
    if not boxes:
        return
    for block in blocks:
        if block.node in boxes or any(a in boxes for a in block.node.iterancestors()):
            document.remove(block, credit)


def read_fields(document: Document, rules: CompiledHtmlRules) -> None:
    """Each field the profile says where to find, from the page as served; a byline block
    still in the body is taken out of it."""
    if not rules.fields or document.html is None:
        return
    page = parse(document.html)
    zone = document.outlet.timezone if document.outlet else None
    for name, source in rules.fields:
        value = source.value(page)
        found = value is not None and _SETTERS[name](document, value, zone)
        if found and name == "byline":
            _take_blocks(document, source.selector, "byline")


def _take_blocks(document: Document, selector: str, credit: str) -> None:
    xpath = cleaned_tree_xpath(selector)
    for root, blocks in _blocks_by_tree(document).items():
        _remove_inside(document, blocks, set(xpath(root)), credit)


def _moment(text: str, zone: str | None):
    moment = parse_moment(text, timezone=zone)
    return moment if moment is not None else printed_day(text)


def _set_title(document: Document, value: str, zone: str | None) -> bool:
    document.meta.title = value
    return True


def _set_section(document: Document, value: str, zone: str | None) -> bool:
    document.meta.section = value
    return True


def _set_byline(document: Document, value: str, zone: str | None) -> bool:
    meta = document.meta
    meta.byline = value
    meta.authors, meta.agencies = split_byline(value)
    return True


def _set_published(document: Document, value: str, zone: str | None) -> bool:
    moment = _moment(value, zone)
    if moment is not None:
        document.meta.published = moment
    return moment is not None


def _set_updated(document: Document, value: str, zone: str | None) -> bool:
    moment = _moment(value, zone)
    if moment is not None:
        document.meta.updated = moment
    return moment is not None


_SETTERS: dict[str, Callable[[Document, str, str | None], bool]] = {
    "title": _set_title,
    "byline": _set_byline,
    "published": _set_published,
    "updated": _set_updated,
    "section": _set_section,
}
