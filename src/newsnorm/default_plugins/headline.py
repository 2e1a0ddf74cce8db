"""Fallback title for text captures no plugin handled: a headline-shaped first line."""

from __future__ import annotations

from newsnorm import evidence
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl
from newsnorm.stages import TEXT
from newsnorm.text.patterns import is_headline_shaped


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    if document.meta.title is not None or document.input_format != TEXT:
        return
    first = next(document.live_blocks(), None)
    if first is not None and is_headline_shaped(first.text, max_words=30):
        document.meta.title = document.take(first, "title")
        evidence.chose(document, "title", "a headline-shaped first line", first.text)
