"""Plain-text captures: the head of the article (headline, section, byline, dates,
standfirst, captions), read from the lines above the body capture_region found and the
body's first lines; whatever outlet plugins already filled stays theirs."""

from __future__ import annotations

from newsnorm.capture.head import read_head
from newsnorm.default_plugins.capture_region import BODY_MARK, FOOTER_MARK
from newsnorm.document import Block, Document
from newsnorm.hookspecs import hookimpl
from newsnorm.stages import TEXT


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    if document.input_format != TEXT:
        return
    live = list(document.live_blocks())
    start = _body_start(document, live)
    read_head(document, live[start:], live[:start], _after_article(document))


def _body_start(document: Document, live: list) -> int:
    """Where the body begins among the live lines: the region's first line, or the next
    line still live when a plugin took that one (a caption, a byline)."""
    position = _marked_place(document, BODY_MARK)
    if position is None:
        return 0
    later = {id(block) for block in document.blocks[position:]}
    return next((i for i, block in enumerate(live) if id(block) in later), len(live))


def _after_article(document: Document) -> list[Block]:
    """The lines from the first one after the article to the end (the body left them)."""
    position = _marked_place(document, FOOTER_MARK)
    return [] if position is None else document.blocks[position:]


def _marked_place(document: Document, mark: str) -> int | None:
    """Where the block capture_region marked `mark` stands among all blocks, or None."""
    block = document.marks.get(mark)
    return next((i for i, b in enumerate(document.blocks) if b is block), None)
