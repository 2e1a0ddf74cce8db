"""The head of a capture's article, read from the lines above its body and the first lines
of it: the headline, the section label above it, the byline, the dates, the standfirst and
the photo captions. What the head holds besides is the page's: it leaves the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import zip_longest

from newsnorm import evidence
from newsnorm.capture.bylines import FoundByline, bare_name, byline_at, names_someone, people_in
from newsnorm.capture.captions import credit_of, is_credited, split_trailing_credit
from newsnorm.capture.dates import PrintedDate, dates_in_line
from newsnorm.capture.lines import line_of
from newsnorm.capture.title import choose_title, without_label
from newsnorm.document import Block, Document, ImageRef
from newsnorm.text.layout import is_label

# Lines at the top of the body that may still be the head (a byline under the standfirst).
HEAD_LINES_IN_BODY = 6
# A line ending like a sentence longer than this is a sentence, not a date line.
MAX_DATED_SENTENCE_WORDS = 8
# How far from the headline (in lines, either way) a date line may still be the article's.
FARTHEST_DATE_LINES = 30
# Lines on either side of the headline and the body's start where a "By …" line is sought
# when none is beside the headline.
LABELLED_BYLINE_LINES = 15
# Lines above the headline where the lead picture's caption may be printed.
CAPTION_LINES_ABOVE_TITLE = 12
# Lines right above the headline that may print its date or byline.
ABOVE_TITLE_LINES = 4
# A bare name counts as the byline this close (in lines) to a date line.
NAME_NEAR_DATE = 2
# A bare name with no date beside it is the byline only this close under the headline.
NAME_UNDER_TITLE = 4
MIN_CAPTION_WORDS = 4
MAX_CAPTION_WORDS = 45
MAX_CREDITED_CAPTION_WORDS = 150
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s")
SOURCE = "the capture's head"
# Pages that print the story's date under it, after a share bar or a comment prompt: the
# first lines after the article, read when the head prints no date.
DATE_LINES_AFTER_ARTICLE = 8
UNDER_THE_STORY = "the lines right after the capture's article"
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d\d\b|\b(ago|vor|heute|gestern|today|yesterday|hier|aujourd['’]hui|"
    r"hace|oggi|ieri|vandaag|gisteren|idag|igår|i dag|i går)\b",
    re.IGNORECASE,
)
MAX_CLOCK_LINE_WORDS = 10
_DATE_LINE_PARTS = re.compile(r"\s+[/|·•]\s+|,\s+")
_MERIDIEM_AT_END = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)
_BY_AFTER_DATE = re.compile(r"\b(?:by|von|par|por|door)\s+\S.*$", re.IGNORECASE)


def read_head(
    document: Document, body: list[Block], head: list[Block], after: Sequence[Block] = ()
) -> None:
    """Fill what the head shows and take it out of the body; `head` are the live lines
    above the article's first line, `body` the live lines from it on, `after` the lines
    after the article (no longer in the body): some pages print the date under the story."""
    lines = [*head, *body]
    title_at = _take_title(document, lines, len(head))
    above, below, body = _split_at_title(lines, len(head), title_at)
    _take_section(document, above)
    _take_dates_and_bylines(document, above, below, body)
    _take_title_copies(document, [*above, *below])
    take_captions(document, [*above[-CAPTION_LINES_ABOVE_TITLE:], *below, *body])
    _take_subtitle(document, below)
    for block in [*above, *[b for b in below if not _prose(b)]]:
        document.remove(block, "page-header")  # (a block already taken stays as it was)
    if document.meta.published is None and document.meta.updated is None:
        _take_first_date(document, after[:DATE_LINES_AFTER_ARTICLE], UNDER_THE_STORY)


def _split_at_title(lines: list[Block], body_start: int, title_at: int | None):
    """(the lines above the headline, those between it and the body, the body)."""
    if title_at is None:
        return [], lines[:body_start], lines[body_start:]
    start = max(body_start, title_at + 1)
    return lines[:title_at], lines[title_at + 1 : start], lines[start:]


def _take_dates_and_bylines(
    document: Document, above: list[Block], below: list[Block], body: list[Block]
) -> None:
    near_title = above[-ABOVE_TITLE_LINES:]
    body_top = [b for b in body[:HEAD_LINES_IN_BODY] if not _prose(b)]
    _read_beside_title(document, near_title, below, body_top)
    if document.meta.byline is None:  # "By …" is clear enough to be looked for further
        wider = [*above[-LABELLED_BYLINE_LINES:], *below, *body[:LABELLED_BYLINE_LINES]]
        _take_labelled_byline(document, [b for b in wider if b.live and not _prose(b)])
    if document.meta.published is None:  # further from the headline: the nearest date
        farther_up = list(reversed(above[:-ABOVE_TITLE_LINES]))[:FARTHEST_DATE_LINES]
        down = [*below, *body][:FARTHEST_DATE_LINES]
        _take_nearest_date(document, _by_distance(farther_up, down))
    meta = document.meta
    if meta.published is None and meta.updated is not None:
        # Only "Aktualisiert am …" is printed: the one date the page gives its story (on
        # the shared captures it is the publishing day 20 times in 23).
        meta.published = meta.updated
        evidence.chose(document, "published", "the only date printed: its update", meta.updated)


def _prose(block: Block) -> bool:
    return line_of(block.text).prose


def _take_title(document: Document, lines: list[Block], body_start: int) -> int | None:
    if document.meta.title is not None:
        return None
    index = choose_title([block.text for block in lines], body_start, document.url)
    if index is not None:
        text = document.take(lines[index], "title")
        document.meta.title = without_label(text)
        evidence.chose(document, "title", "the headline above the capture's article", text)
    return index


def _take_section(document: Document, above: list[Block]) -> None:
    if document.meta.section is None and above and _section_shaped(above[-1].text):
        document.meta.section = document.take(above[-1], "section")
        evidence.chose(document, "section", "the label above the headline", above[-1].text)


def _section_shaped(text: str) -> bool:
    line = line_of(text)
    has_word = any(c.isalpha() for c in text)
    if not has_word or not is_label(text) or line.furniture or line.ends_article:
        return False
    return not dates_in_line(text)  # "06 February 2026" over the headline is its date


def _read_beside_title(
    document: Document, near_title: list[Block], below: list[Block], body_top: list[Block]
) -> None:
    """Dates from every line around the headline; the byline from a labelled one anywhere
    there ("By …"), or a bare name under the headline (beside a date, in the body's top)."""
    zone = [*near_title, *below, *body_top]
    texts = [block.text for block in zone]
    dated = [_printed_dates(text) for text in texts]
    # Under the headline first: a date above it is as often the page's "today" or a teaser's.
    order = [*range(len(near_title), len(zone)), *range(len(near_title))]
    for index in order:
        if dated[index] and zone[index].live:
            _take_dates(document, zone[index], dated[index])
    first_below, first_body = len(near_title), len(near_title) + len(below)
    found = _labelled_byline(zone, texts, dated) or _bare_byline(
        zone, texts, dated, first_below, first_body
    )
    if found is not None:
        _take_byline(document, [zone[i] for i in found.lines], found.text)


def _take_labelled_byline(document: Document, blocks: list[Block]) -> None:
    texts = [block.text for block in blocks]
    found = _labelled_byline(blocks, texts, [()] * len(blocks))
    if found is not None:
        _take_byline(document, [blocks[i] for i in found.lines], found.text)


def _labelled_byline(zone, texts, dated) -> FoundByline | None:
    for index, block in enumerate(zone):
        if (block.live or dated[index]) and (found := byline_at(texts, index)):
            return found
    return None


def _bare_byline(zone, texts, dated, first_below, first_body) -> FoundByline | None:
    """A bare name under the headline: in the head beside a date or in mixed case (an
    all-capitals line there is as often a kicker), in the body's top beside a date."""
    for index in range(first_below, len(zone)):
        text = texts[index]
        if not (zone[index].live and bare_name(text)):
            continue
        beside_date = any(dated[i] or _clock_line(texts[i]) for i in _around(index, len(texts)))
        under_title = index < first_below + NAME_UNDER_TITLE or index == first_body - 1
        if beside_date or (index < first_body and under_title and not text.isupper()):
            return FoundByline(text, (index,))
    return None


def _name_after_date(text: str) -> str | None:
    """The name a date line ends with, after a separator ("…, 14:26 Uhr, Tobias Költzsch")."""
    last = _DATE_LINE_PARTS.split(text)[-1].strip()
    return last if last != text.strip() and bare_name(last) else None


def _by_after_date(text: str) -> str | None:
    after = _BY_AFTER_DATE.search(text)
    return after.group(0) if after and names_someone(after.group(0)) else None


def _clock_line(text: str) -> bool:
    """A short line with a time or a relative date ("Publiziert heute um 12:19 Uhr",
    "3 hours ago"): the article's date line even without a year."""
    return len(text.split()) <= MAX_CLOCK_LINE_WORDS and bool(_CLOCK.search(text))


def _around(index: int, size: int) -> range:
    return range(max(index - NAME_NEAR_DATE, 0), min(index + NAME_NEAR_DATE + 1, size))


def _take_dates(
    document: Document, block: Block, dates: tuple[PrintedDate, ...], source: str = SOURCE
) -> None:
    meta = document.meta
    for printed in dates:
        if printed.updated and meta.updated is None:
            meta.updated = printed.moment
            evidence.chose(document, "updated", source, block.text)
        elif not printed.updated and meta.published is None:
            meta.published = printed.moment
            evidence.chose(document, "published", source, block.text)
    before = dates[0].before
    if meta.byline is None and before and names_someone(before):
        _set_byline(document, before)
    elif meta.byline is None and (after := _by_after_date(block.text)):
        _set_byline(document, after)  # "Dec 22, 2023 by Enrico de Lazaro"
    elif meta.byline is None and (name := _name_after_date(block.text)):
        _set_byline(document, name)  # "9. September 2025 um 15:46 Uhr / Frank Wunderlich"
    document.take(block, "date")


def _printed_dates(text: str) -> tuple[PrintedDate, ...]:
    """The dates of a date line; a sentence that mentions a date ("Archivbild (16.08.2024):
    …", "BR24 berichtete am 26.08.2024 darüber.") gives none."""
    dates = dates_in_line(text)  # (cached, and most lines print no date: asked first)
    if not dates or is_credited(text):
        return ()  # (a photo's caption: "… Sunday, Dec. 21, 2025. (AP Photo/…)")
    line = line_of(text)
    sentence = line.sentence and not _MERIDIEM_AT_END.search(text)  # "…, 5:49 p.m."
    if sentence and line.words > MAX_DATED_SENTENCE_WORDS * len(dates):
        return ()  # (a line printing both its dates, "Published … | Updated …", runs longer)
    return dates


def _by_distance(up: list[Block], down: list[Block]) -> list[Block]:
    """Lines above and below the headline, alternately: nearest first."""
    return [block for pair in zip_longest(down, up) for block in pair if block is not None]


def _take_nearest_date(document: Document, blocks: list[Block]) -> None:
    """The first date line among `blocks` (nearest the headline first) that is no sentence
    of the story."""
    _take_first_date(document, [block for block in blocks if block.live], SOURCE)


def _take_first_date(document: Document, blocks: list[Block], source: str) -> None:
    for block in blocks:
        if not _prose(block) and (dates := _printed_dates(block.text)):
            _take_dates(document, block, dates, source)
            return


def _take_byline(document: Document, blocks: list[Block], text: str) -> None:
    if document.meta.byline is None:
        _set_byline(document, text)
    for block in blocks:
        document.take(block, "byline")


def _set_byline(document: Document, text: str) -> None:
    meta = document.meta
    meta.byline = text
    meta.authors, meta.agencies = people_in(text)
    for name in ("byline", "authors", "agencies"):
        evidence.chose(document, name, SOURCE, text)


def _take_title_copies(document: Document, head: list[Block]) -> None:
    """A headline printed twice (the page's title, then the heading) leaves only once."""
    title = document.meta.title
    for block in head:
        if block.live and title is not None and without_label(block.text) == title:
            document.remove(block, "title")


def _take_subtitle(document: Document, below: list[Block]) -> None:
    first = next((block for block in below if block.live), None)
    if document.meta.subtitle is not None or first is None:
        return
    line = line_of(first.text)
    if not line.prose and not line.furniture and line.words >= MIN_CAPTION_WORDS:
        document.meta.subtitle = document.take(first, "subtitle")
        evidence.chose(document, "subtitle", "the line under the headline", first.text)


def take_captions(document: Document, blocks: list[Block]) -> None:
    """Captions go to `images` once, with their credits, and every copy leaves the body: a
    line printed twice, a line next to a credit line, a line ending with a credit."""
    copies = Counter(block.text for block in document.live_blocks())
    images: dict[str, ImageRef] = {}
    for index, block in enumerate(blocks):
        if not block.live:
            continue
        if (credit := credit_of(block.text)) is not None:
            document.remove(block, "photo-credit")
            _credit_caption(document, blocks, index, credit, images, copies)
        elif copies[block.text] > 1 and _caption_sized(block.text):
            _take_caption(document, block, images)
        elif images and (block.text in images or _caption_text(block.text) in images):
            document.remove(block, "caption")
        elif _credited_caption(block.text):
            _take_caption(document, block, images)
    document.meta.images = [*document.meta.images, *images.values()]


def _take_caption(document: Document, block: Block, images: dict[str, ImageRef]) -> None:
    """The line is a caption: to `images` with the credit it ends with, out of the body."""
    caption, credit = split_trailing_credit(block.text)
    images.setdefault(caption, ImageRef(caption=caption, credit=credit))
    document.remove(block, "caption")


def _credit_caption(
    document: Document,
    blocks: list[Block],
    index: int,
    credit: str,
    images: dict[str, ImageRef],
    copies: Counter,
) -> None:
    """The caption a credit line belongs to gets the credit: the caption above it (one
    already found, or a line no longer than a caption), or a caption printed twice right
    under it (pages print the credit over the picture, the caption under it)."""
    above = blocks[index - 1] if index else None
    below = blocks[index + 1] if index + 1 < len(blocks) else None
    for neighbour in (above, below):
        if neighbour is None:
            continue
        caption = _caption_text(neighbour.text)
        if caption in images:
            images[caption] = ImageRef(caption=caption, credit=images[caption].credit or credit)
            return
        doubled = copies[neighbour.text] > 1
        if _NUMBERED.match(neighbour.text):
            continue  # "1. Expect a cleaner to do the dishes": a list's heading over its photo
        printed_with = doubled if neighbour is below else _captions(neighbour, blocks[index])
        if neighbour.live and _caption_sized(neighbour.text) and printed_with:
            images[caption] = ImageRef(caption=caption, credit=credit)
            document.remove(neighbour, "caption")
            return


def _captions(above: Block, credit: Block) -> bool:
    """Whether the line above a photo's credit is its caption: a sentence, or a line printed
    right over it. A heading with a blank line under it heads the next part of the story
    ("ANGELINA JOLIE & BRAD PITT" over the couple's photo and its credit)."""
    return credit.stacked or line_of(above.text).sentence


def _caption_text(text: str) -> str:
    return split_trailing_credit(text)[0]


def _credited_caption(text: str) -> bool:
    """A line ending with a photo's credit is its caption, however long (agency captions
    run past a hundred words)."""
    if not MIN_CAPTION_WORDS <= line_of(text).words <= MAX_CREDITED_CAPTION_WORDS:
        return False
    return split_trailing_credit(text)[1] is not None


def _caption_sized(text: str) -> bool:
    return MIN_CAPTION_WORDS <= line_of(text).words <= MAX_CAPTION_WORDS
