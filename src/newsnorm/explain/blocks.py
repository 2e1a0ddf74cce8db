"""The page's text blocks in reading order, as `newsnorm explain` shows them: kept, removed
(with the rule and the plugin behind it), or left out of the article, and whether each
lies in the main-content region the extractor chose."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsnorm.document import Block, Document
from newsnorm.explain.paths import css_path
from newsnorm.html.content import page_blocks, region_of
from newsnorm.stages import TEXT

KEPT, REMOVED, LEFT_OUT = "kept", "removed", "left-out"
# Blocks a reader made without an element of the page: a text capture's lines, the
# standfirst a page declares and shows above the story, a page's JSON-LD articleBody.
_WHOLE_TEXT = "the whole capture: each line is a block"
_LEAD = "the standfirst the page declares and shows above the story"
_DECLARED_BODY = "the page's JSON-LD articleBody (its markup held far less text)"


@dataclass(frozen=True)
class BlockRow:
    """One block: its text, what became of it, the region holding it (None: outside), and
    its element's CSS path in the page (None: no element)."""

    text: str
    type: str
    status: str
    region: str | None
    rule: str | None = None
    plugin: str | None = None
    path: str | None = None


def block_rows(document: Document) -> list[BlockRow]:
    """The document's blocks in order, with the page's blocks the extractor left out
    placed where they stand on the page."""
    left_out = _left_out_before(document)
    rows: list[BlockRow] = []
    for block in document.blocks:
        rows.extend(left_out.pop(id(block), []))
        rows.append(_row(document, block))
    rows.extend(left_out.pop(None, []))
    return rows


def _row(document: Document, block: Block) -> BlockRow:
    region, path = _region(document, block), css_path(block.node)
    if block.live:
        return BlockRow(block.text, block.type, KEPT, region, path=path)
    plugin, _, rule = (block.removed_by or "").partition(":")
    return BlockRow(block.text, block.type, REMOVED, region, rule, plugin, path)


def _region(document: Document, block: Block) -> str | None:
    if block.node is not None:
        return region_of(block.node)
    if document.input_format == TEXT:
        return _WHOLE_TEXT
    return _LEAD if any(b.node is not None for b in document.blocks) else _DECLARED_BODY


def _left_out_before(document: Document) -> dict[int | None, list[BlockRow]]:
    """The page's blocks missing from the document, keyed by the id of the document block
    they come before (None: after the last one)."""
    node = next((b.node for b in document.blocks if b.node is not None), None)
    if node is None:
        return {}
    taken = {id(b.node): b for b in document.blocks if b.node is not None}
    grouped: dict[int | None, list[BlockRow]] = {}
    pending: list[BlockRow] = []
    for block in page_blocks(node):
        if id(block.node) in taken:
            grouped.setdefault(id(taken[id(block.node)]), []).extend(pending)
            pending = []
        else:
            region, path = region_of(block.node), css_path(block.node)
            pending.append(BlockRow(block.text, block.type, LEFT_OUT, region, path=path))
    grouped[None] = pending
    return grouped


def removal_cuts(document: Document) -> Iterator[tuple[str, str, str]]:
    """Text cut from a block rather than a whole block (a dateline): (plugin, rule, text)."""
    whole = [(b.removed_by, b.text) for b in document.blocks if not b.live]
    for removal in document.removed:
        if (removal.rule, removal.text) in whole:
            whole.remove((removal.rule, removal.text))
            continue
        plugin, _, rule = removal.rule.partition(":")
        yield plugin, rule, removal.text
