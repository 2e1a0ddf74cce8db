"""Reads plain-text captures: one block per non-empty line, in any encoding."""

from __future__ import annotations

from newsnorm.document import Block, Document, Source
from newsnorm.errors import NormalizeError
from newsnorm.hookspecs import hookimpl
from newsnorm.text.decoding import decode
from newsnorm.text.patterns import clean_lines

_BULLETS = "•●▪◦‣"


@hookimpl(trylast=True)
def newsnorm_read_document(source: Source) -> Document:
    text = source.content if isinstance(source.content, str) else decode(source.content)
    blocks = [_block(line) for line in clean_lines(text) if line]
    if not blocks:
        raise NormalizeError("the document is empty", stage="read")
    return Document(source=source, input_format="text", blocks=blocks)


def _block(line: str) -> Block:
    if line[0] in _BULLETS and line[1:].strip():
        return Block(text=line[1:].strip(), type="list_item")
    return Block(text=line)
