"""Fallback byline: a "By …" line near the top or at the very end ("Posted by …", "Von …",
"Publié par …": the labels newsnorm.text.people reads; "Posted on <date> by …"), split into
people and agencies; a line opening with such a word that names no one ("Von Berlin aus …")
is no byline."""

from __future__ import annotations

import re

from newsnorm import evidence
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl
from newsnorm.text.people import has_byline_prefix, split_byline

_BY_LINE = re.compile(r"^by\s+\S", re.IGNORECASE)
_LOOK_AHEAD = 5  # blocks from the top; a byline further down is part of the story
_LOOK_BEHIND = 2  # or from the end: blogs print "Posted by … at 9:12 AM" under the post
# "Posted on March 3, 2026 by Jane Doe": the date before the label.
_POSTED_ON = re.compile(
    r"^(?:posted|published|veröffentlicht|publié|publicado|pubblicato)(?: on| am| le| el| il)?"
    r"\s+[^|]{0,40}?\d[^|]{0,20}?\s+(?=(?:by|von|par|por|da)\s)",
    re.IGNORECASE,
)
_MAX_WORDS = 12


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    meta = document.meta
    if meta.byline is not None:
        return
    live = list(document.live_blocks())
    named = meta.authors or meta.agencies  # (the page's own names beat a line at its end)
    for block in [*live[:_LOOK_AHEAD], *([] if named else live[_LOOK_AHEAD:][-_LOOK_BEHIND:])]:
        byline = _POSTED_ON.sub("", block.text, count=1)
        if len(byline.split()) > _MAX_WORDS or not has_byline_prefix(byline):
            continue
        authors, agencies = split_byline(byline)
        if _BY_LINE.match(byline) or authors or agencies:  # ("By" is never a sentence's)
            meta.byline = document.take(block, "byline")
            meta.authors, meta.agencies = authors, agencies
            for name in ("byline", "authors", "agencies"):
                evidence.chose(document, name, "a 'By' line in the text", meta.byline)
            return
