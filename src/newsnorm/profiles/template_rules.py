"""A learned template at work: the lines of a document that stand in a row of one of its
runs. A capture's are marked for the capture reader, which weighs them as furniture when it
looks for the article and removes those inside it; an HTML page's blocks are removed here,
except a block the page's own article markup holds (its JSON-LD `articleBody`, a paragraph
of its `<article>`): the article is never template."""

from __future__ import annotations

from dataclasses import dataclass

from newsnorm.document import Block, Document
from newsnorm.html.meta import text_of
from newsnorm.profiles.model import Template
from newsnorm.stages import TEXT
from newsnorm.text.line_pairs import (
    comparable,
    line_hashes,
    pair_hashes,
    pair_in_a_row,
    run_pairs,
)

TEMPLATE_MARK = "learn.template"  # id(block) -> the credit of the run that matched it
_LINES_MARK = "learn.lines"  # the document's pairs, computed once for all its templates


@dataclass(frozen=True)
class CompiledTemplate:
    pairs: dict[int, str]  # the hash of two lines in a row -> the rule it credits
    recognise: int

    @classmethod
    def of(cls, template: Template | None) -> CompiledTemplate | None:
        if template is None or not template.runs:
            return None
        pairs: dict[int, str] = {}
        for index, run in enumerate(template.runs):
            for pair in run_pairs(run.lines):
                pairs.setdefault(pair, run.name or f"template[{index}]")
        return cls(pairs, template.recognise)


@dataclass(frozen=True)
class _Lines:
    blocks: list[Block]
    pairs: list[int | None]  # the pair of each block with the next live one


def _lines(document: Document) -> _Lines:
    lines = document.marks.get(_LINES_MARK)
    if lines is None:
        blocks = list(document.live_blocks())
        hashes = line_hashes(comparable([block.text for block in blocks]))
        lines = document.marks[_LINES_MARK] = _Lines(blocks, pair_hashes(hashes))
    return lines


def matched_pairs(document: Document, template: CompiledTemplate) -> int:
    """How many of the document's pairs of lines in a row are the template's."""
    return sum(1 for pair in _lines(document).pairs if pair in template.pairs)


def matched_blocks(document: Document, template: CompiledTemplate) -> list[tuple[Block, str]]:
    """The live blocks in a row of the template's runs, each with its rule's credit."""
    lines = _lines(document)
    found = []
    for index, block in enumerate(lines.blocks):
        pair = pair_in_a_row(lines.pairs, index, template.pairs)
        if pair is not None and block.live:
            found.append((block, template.pairs[pair]))
    return found


def apply_template(document: Document, template: CompiledTemplate, credit_name: str) -> None:
    matched = matched_blocks(document, template)
    if document.input_format == TEXT:
        marks = document.marks.setdefault(TEMPLATE_MARK, {})
        for block, rule in matched:
            marks.setdefault(id(block), f"{credit_name}:{rule}")
        return
    declared = _declared_body(document)
    for block, rule in matched:
        if not _held_by_article(block, declared):
            document.remove(block, rule)


def _declared_body(document: Document) -> str:
    articles = document.page.articles if document.page is not None else []
    return " ".join(" ".join((text_of(a.get("articleBody")) or "").split()) for a in articles)


def _held_by_article(block: Block, declared: str) -> bool:
    text = " ".join(block.text.split())
    if declared and text in declared:
        return True
    node = block.node
    if node is None or node.tag != "p":
        return False
    return any(ancestor.tag == "article" for ancestor in node.iterancestors())
