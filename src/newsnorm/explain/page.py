"""What newsnorm did with one page, as the report holds it: the plugins that changed it,
its text blocks, the text cut from them and its metadata fields (gathered by report,
rendered by render)."""

from __future__ import annotations

from dataclasses import dataclass

from newsnorm.explain.blocks import BlockRow
from newsnorm.explain.fields import FieldRow


@dataclass(frozen=True)
class Cut:
    """Text a plugin cut from the start of a block (a dateline), not a whole block."""

    text: str
    rule: str
    plugin: str


@dataclass(frozen=True)
class Report:
    """What newsnorm did with one page (newsnorm.explain.render makes it an HTML page)."""

    source: str | None
    url: str | None
    outlet: str | None
    input_format: str
    plugins: tuple[str, ...]  # those that changed the document, in the order they ran
    blocks: tuple[BlockRow, ...]
    cuts: tuple[Cut, ...]
    fields: tuple[FieldRow, ...]
