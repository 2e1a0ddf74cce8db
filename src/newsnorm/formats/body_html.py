"""The article body as HTML built from its typed blocks: newsnorm's own markup, never the
page's, with every text escaped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from itertools import groupby

from newsnorm.model import BodyBlock

# One element per block type; list items are grouped into a <ul> below.
_ELEMENTS = {
    "paragraph": "p",
    "heading": "h2",
    "quote": "blockquote",
    "list_item": "li",
    "preformatted": "pre",
}


def body_html(blocks: Iterable[BodyBlock]) -> str:
    """`<p>…</p>` per paragraph, `<h2>` per heading, `<blockquote>` per quote, `<pre>` per
    preformatted block, and consecutive list items as one `<ul>`; one element a line."""
    return "\n".join(_elements(blocks))


def _elements(blocks: Iterable[BodyBlock]) -> Iterator[str]:
    for kind, run in groupby(blocks, key=lambda block: block.type):
        if kind == "list_item":
            yield "<ul>" + "".join(_element(block) for block in run) + "</ul>"
        else:
            yield from (_element(block) for block in run)


def _element(block: BodyBlock) -> str:
    tag = _ELEMENTS[block.type]
    return f"<{tag}>{escape(block.text, quote=False)}</{tag}>"
