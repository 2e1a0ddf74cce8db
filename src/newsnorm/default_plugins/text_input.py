"""Reads plain-text captures in any encoding: one block per line of a browser's copy, or per
paragraph, heading and list item of a hard-wrapped one (text browsers, e-mail:
newsnorm.capture.wrapping joins their lines)."""

from __future__ import annotations

from newsnorm.capture.wrapping import clearly_unwrapped, logical_lines
from newsnorm.document import Block, Document, Source
from newsnorm.errors import NormalizeError
from newsnorm.hookspecs import hookimpl
from newsnorm.stages import TEXT
from newsnorm.text.decoding import decode
from newsnorm.text.mojibake import repair_mojibake
from newsnorm.text.patterns import clean_lines

# Bullets and boxes that open a list item (browsers' copies, text browsers' dumps).
_BULLETS = "•●▪◦‣∙○◆◇■□☐☑☒★☆►▶▸➢➤✓✔✗❖"


@hookimpl(trylast=True)
def newsnorm_read_document(source: Source) -> Document:
    text = source.content if isinstance(source.content, str) else decode(source.content)
    text = repair_mojibake(text)
    if not clearly_unwrapped(text):  # a browser's copy needs no joining: most captures
        text = "\n".join(logical_lines(text))
    blocks = [_block(line) for line in clean_lines(text) if line]
    if not blocks:
        raise NormalizeError("the document is empty", stage="read")
    return Document(source=source, input_format=TEXT, blocks=blocks)


def _block(line: str) -> Block:
    if line[0] in _BULLETS and line[1:].strip():
        return Block(text=line[1:].strip(), type="list_item")
    return Block(text=line)
