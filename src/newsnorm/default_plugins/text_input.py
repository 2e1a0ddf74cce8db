"""Reads plain-text captures in any encoding: one block per line of a browser's copy, or per
paragraph, heading and list item of a hard-wrapped one (text browsers, e-mail:
newsnorm.capture.wrapping joins their lines)."""

from __future__ import annotations

from newsnorm.capture.captions import join_split_credits
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
    blocks = _blocks(join_split_credits(clean_lines(text)))
    if not blocks:
        raise NormalizeError("the document is empty", stage="read")
    return Document(source=source, input_format=TEXT, blocks=blocks)


def _blocks(lines: list[str]) -> list[Block]:
    """One block per line that holds text, each knowing whether a blank line came before."""
    blocks, stacked = [], False
    for line in lines:
        if line:
            blocks.append(_block(line, stacked=stacked and bool(blocks)))
        stacked = bool(line)
    return blocks


def _block(line: str, *, stacked: bool) -> Block:
    if line[0] in _BULLETS and line[1:].strip():
        return Block(text=line[1:].strip(), type="list_item", stacked=stacked)
    return Block(text=line, stacked=stacked)
