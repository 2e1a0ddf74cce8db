"""Reads HTML pages: encoding from BOM, HTTP-style meta declarations or detection; the
page's own metadata kept for the metadata stage; the article as typed blocks."""

from __future__ import annotations

import re

from newsnorm.decoding import decode
from newsnorm.document import Document, Source
from newsnorm.errors import NormalizeError
from newsnorm.hookspecs import hookimpl
from newsnorm.htmlcontent import content_blocks, parse
from newsnorm.htmlmeta import collect

_SNIFF_BYTES = 2048
_LOOKS_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@hookimpl(trylast=True)
def newsnorm_read_document(source: Source) -> Document | None:
    if not _is_html(source):
        return None
    content = source.content
    text = content if isinstance(content, str) else decode(content, _declared_charset(content))
    tree = parse(text)
    page = collect(tree)
    blocks, images = content_blocks(tree)
    if not blocks:
        raise NormalizeError("no article text found in the page", stage="read")
    document = Document(source=source, input_format="html", blocks=blocks, page=page, html=text)
    document.meta.images = images
    return document


def _is_html(source: Source) -> bool:
    if source.media_type:
        return "html" in source.media_type.lower()
    head = source.content[:_SNIFF_BYTES]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    return bool(_LOOKS_HTML.search(head))


def _declared_charset(content: bytes) -> str | None:
    match = _META_CHARSET.search(content[: _SNIFF_BYTES * 4])
    return match.group(1).decode("ascii", "replace") if match else None
