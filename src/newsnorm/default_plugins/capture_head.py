"""Plain-text captures: the head of the article (headline, section, byline, dates,
standfirst, captions), read from the lines above the body capture_region found and the
body's first lines; whatever outlet plugins already filled stays theirs."""

from __future__ import annotations

from newsnorm.capture.head import read_head
from newsnorm.default_plugins.capture_region import BODY_MARK, FOOTER_MARK
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    if document.input_format != "text":
        return
    live = list(document.live_blocks())
    start = _body_start(document, live)
    read_head(document, live[start:], live[:start], _after_article(document))


def _body_start(document: Document, live: list) -> int:
    """Where the body begins among the live lines: the region's first line, or the next
    line still live when a plugin took that one (a caption, a byline)."""
    mark = document.marks.get(BODY_MARK)
    if mark is None:
        return 0
    position = next((i for i, block in enumerate(document.blocks) if block is mark), 0)
    later = {id(block) for block in document.blocks[position:]}
    return next((i for i, block in enumerate(live) if id(block) in later), len(live))


def _after_article(document: Document) -> list:
    """The lines from the first one after the article to the end (the body left them)."""
    mark = document.marks.get(FOOTER_MARK)
    position = next((i for i, block in enumerate(document.blocks) if block is mark), None)
    return [] if position is None else document.blocks[position:]
