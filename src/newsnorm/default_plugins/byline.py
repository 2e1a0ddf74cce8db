"""Fallback byline: a "By …" line near the top ("Posted by …", "Von …", "Publié par …": the
labels newsnorm.text.people reads), split into people and agencies; a line opening with such
a word that names no one ("Von Berlin aus …") is no byline."""

from __future__ import annotations

import re
from itertools import islice

from newsnorm import evidence
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl
from newsnorm.text.people import has_byline_prefix, split_byline

_BY_LINE = re.compile(r"^by\s+\S", re.IGNORECASE)
_LOOK_AHEAD = 5  # blocks from the top; a byline further down is part of the story
_MAX_WORDS = 12


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    meta = document.meta
    if meta.byline is not None:
        return
    for block in islice(document.live_blocks(), _LOOK_AHEAD):
        if len(block.text.split()) > _MAX_WORDS or not has_byline_prefix(block.text):
            continue
        authors, agencies = split_byline(block.text)
        if _BY_LINE.match(block.text) or authors or agencies:  # ("By" is never a sentence's)
            meta.byline = document.take(block, "byline")
            meta.authors, meta.agencies = authors, agencies
            for name in ("byline", "authors", "agencies"):
                evidence.chose(document, name, "a 'By' line in the text", meta.byline)
            return
