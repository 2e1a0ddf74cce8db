"""Reading the layout of a captured article page around its byline.

Most outlets print a section label, then the title, then the byline. These helpers let an
outlet plugin anchor on the byline, which it can recognise exactly, and read the rest from
where it sits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from newsnorm.document import Block, Document, ImageRef
from newsnorm.text.datelines import find_dateline
from newsnorm.text.patterns import ends_like_sentence, split_caption_credit, word_count
from newsnorm.text.people import split_byline

# The helpers outlet plugins use; each is described in docs/plugins.md, "Helper reference".
__all__ = [
    "BylineParser",
    "PrintedByline",
    "first_block",
    "is_label",
    "read_article_head",
    "remove_footer",
    "remove_from",
    "remove_matching",
    "take_captions",
    "take_header",
]

MAX_SECTION_WORDS = 4


@dataclass(frozen=True)
class PrintedByline:
    """What an outlet's byline line says, as the outlet's byline parser reads it.

    `names` is the byline as printed without its dates ("Jane Doe and John Roe, Reuters"):
    `read_article_head` keeps it as `byline` and splits it into authors and agencies.
    `published` and `updated` are dates or aware date-times (see `parse_moment`), or None.
    """

    names: str
    published: date | datetime | None = None
    updated: date | datetime | None = None


# A block's text in, its byline out; None when the block is not the outlet's byline.
BylineParser = Callable[[str], PrintedByline | None]


def read_article_head(
    document: Document, parse_byline: BylineParser, *, not_people: Iterable[str] = ()
) -> bool:
    """Read an article's head around its byline, the usual metadata step of an outlet plugin.

    The byline is the first of the top 12 live blocks that `parse_byline` accepts. It sets
    `byline`, `authors` and `agencies` (see `split_byline`; names in `not_people` are not
    authors), `published` and `updated` from it, then takes the header above it
    (`take_header`) and the captions below it (`take_captions`). Returns False, changing
    nothing, when no block is a byline.
    """
    byline = first_block(document, lambda text: parse_byline(text) is not None)
    if byline is None:
        return False
    take_header(document, byline)
    printed = parse_byline(document.take(byline, "byline"))
    meta = document.meta
    meta.byline = printed.names or None
    meta.authors, meta.agencies = split_byline(printed.names, not_people=not_people)
    meta.published, meta.updated = printed.published, printed.updated
    take_captions(document, byline)
    return True


def is_label(text: str, *, max_words: int = MAX_SECTION_WORDS) -> bool:
    """Whether `text` is a short line that is not a sentence (a section name, a kicker):
    one to `max_words` words, not ending in sentence punctuation."""
    return 1 <= word_count(text) <= max_words and not ends_like_sentence(text)


def take_header(document: Document, byline: Block) -> None:
    """Take the header printed above `byline`: the live block right above it becomes the
    title, a label (`is_label`) above that the section, and anything higher is page furniture
    (navigation, tickers), removed as "page-header". Does nothing when nothing is above."""
    above = document.live_before(byline)
    if not above:
        return
    document.meta.title = document.take(above.pop(), "title")
    if above and is_label(above[-1].text):
        document.meta.section = document.take(above.pop(), "section")
    for block in above:
        document.remove(block, "page-header")


def first_block(document: Document, test: Callable[[str], bool], limit: int = 12) -> Block | None:
    """The first live block among the top `limit` whose text passes `test`, or None; the
    anchor to find before `take_header`, `take_captions` or `remove_from`."""
    for index, block in enumerate(document.live_blocks()):
        if index >= limit:
            return None
        if test(block.text):
            return block
    return None


def remove_from(document: Document, start: Block, rule: str) -> None:
    """Remove `start` and every live block after it (a footer and what follows), each
    under `rule`."""
    for block in [start, *document.live_after(start)]:
        document.remove(block, rule)


def remove_matching(document: Document, pattern: re.Pattern[str], rule: str) -> None:
    """Remove, under `rule`, every live block whose text `pattern` matches at its start
    (`pattern.match`: anchor it with `$` to require the whole line)."""
    for block in list(document.live_blocks()):
        if pattern.match(block.text):
            document.remove(block, rule)


def remove_footer(document: Document, opener: re.Pattern[str], rule: str = "footer") -> None:
    """Remove the first live block `opener` matches at its start (`opener.match`) and every
    live block after it, under `rule`; nothing when no block matches."""
    start = next((b for b in document.live_blocks() if opener.match(b.text)), None)
    if start is not None:
        remove_from(document, start, rule)


def take_captions(document: Document, anchor: Block) -> None:
    """Photo captions printed right below `anchor` (usually the byline) become images.

    A caption line is one printed twice in a row (image text and caption), one that ends
    with a short credit after its last sentence ("... 2025. Reuters"), or a lone line
    between the anchor and a first paragraph that opens with a dateline. Each caption gives
    one image; every copy of it, here or further down, leaves the text.
    """
    following = document.live_after(anchor)
    images: dict[str, ImageRef] = {}
    for index, block in enumerate(following):
        if block.text in images:
            continue
        caption, credit = split_caption_credit(block.text)
        if credit is None and not _printed_twice(following, index):
            if index == 0 and _opens_with_dateline(following[1:2]):
                images[block.text] = ImageRef(caption=block.text)
            break
        images[block.text] = ImageRef(caption=caption, credit=credit)
    for block in document.live_blocks():
        if block.text in images:
            document.remove(block, "caption")
    document.meta.images = [*document.meta.images, *images.values()]


def _printed_twice(blocks: list[Block], index: int) -> bool:
    return index + 1 < len(blocks) and blocks[index + 1].text == blocks[index].text


def _opens_with_dateline(blocks: list[Block]) -> bool:
    return bool(blocks) and find_dateline(blocks[0].text) is not None
