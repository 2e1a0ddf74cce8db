"""HTML pages: the site's own notices, not the story. Markers printed between paragraphs
("Advertisement", "Story continues below", a bare "By") go wherever they are; legal and
affiliate notices ("... our Privacy Policy", "we may earn a commission") go when they open
or close the body, where templates put them."""

from __future__ import annotations

import re

from newsnorm.document import Block, Document
from newsnorm.hookspecs import hookimpl

_MARKER = re.compile(
    r"^(advertisement|advertising|ad|sponsored( content)?|(the )?(story|article) continues "
    r"below( (this )?(advertisement|ad))?|continue reading( below)?|scroll (down )?to continue"
    r"( reading| with content)?|by|loading|error loading|loadingerror loading)[\s.:!…]*$",
    re.IGNORECASE,
)
_NOTICE = re.compile(
    r"privacy policy|terms of (use|service)|user agreement|all rights reserved|©|"
    r"\bcopyright\b|(earn|receive|get) (a )?(small )?(commission|compensation)|affiliate link",
    re.IGNORECASE,
)
_MAX_NOTICE_WORDS = 90


@hookimpl(trylast=True)
def newsnorm_remove_noise(document: Document) -> None:
    if document.input_format != "html":
        return
    for block in list(document.live_blocks()):
        if _MARKER.match(block.text.strip()):
            document.remove(block, "page-marker")
    _remove_edge_notices(document, list(document.live_blocks()))
    _remove_edge_notices(document, list(reversed(list(document.live_blocks()))))


def _remove_edge_notices(document: Document, blocks: list[Block]) -> None:
    for block in blocks[:-1]:  # never the only block left
        if not _is_notice(block):
            return
        document.remove(block, "site-notice")


def _is_notice(block: Block) -> bool:
    return len(block.text.split()) <= _MAX_NOTICE_WORDS and bool(_NOTICE.search(block.text))
