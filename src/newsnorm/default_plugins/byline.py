"""Fallback byline: a "By ..." line near the top, split into people and agencies."""

from __future__ import annotations

import re
from itertools import islice

from newsnorm import evidence
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl
from newsnorm.text.people import split_byline

_BY_LINE = re.compile(r"^by\s+\S", re.IGNORECASE)
_LOOK_AHEAD = 5  # blocks from the top; a byline further down is part of the story
_MAX_WORDS = 12


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    meta = document.meta
    if meta.byline is not None:
        return
    for block in islice(document.live_blocks(), _LOOK_AHEAD):
        if _BY_LINE.match(block.text) and len(block.text.split()) <= _MAX_WORDS:
            meta.byline = document.take(block, "byline")
            meta.authors, meta.agencies = split_byline(meta.byline)
            for name in ("byline", "authors", "agencies"):
                evidence.chose(document, name, "a 'By' line in the text", meta.byline)
            return
