"""Business Recorder (brecorder.com): tickers, bylines, captions and related headlines."""

from __future__ import annotations

import re

from newsnorm import Document, OutletProfile, hookimpl
from newsnorm.text.dates import parse_moment
from newsnorm.text.layout import (
    PrintedByline,
    first_block,
    read_article_head,
    remove_footer,
    remove_matching,
)
from newsnorm.text.patterns import ends_like_sentence, is_headline_shaped, word_count

KEY = "brecorder"
TIMEZONE = "Asia/Karachi"

# "date 2025-11-01 BML 6.25 Decreased By ▼ -0.03 (-0.48%)": the site-wide market strip.
TICKER = re.compile(
    r"^date \d{4}-\d{2}-\d{2}\s+.+?\s+[\d,.]+\s+(?:Increased|Decreased|Unchanged)\b", re.I
)
# "Reuters Published November 1, 2025 Updated November 1, 2025 03:34pm"
BYLINE = re.compile(
    r"^(?P<names>.*?)\s*\bPublished\s+(?P<published>.+?)(?:\s+Updated\s+(?P<updated>.+))?$"
)
# The end of the article: the copyright line, then the comment box.
FOOTER = re.compile(r"^(?:Copyright Business Recorder\b.*|Comments|Comments are closed\b.*)$")
MAX_BYLINE_WORDS = 30
# A paragraph long enough to show where the story itself has begun.
MIN_STORY_WORDS = 8
MAX_QUESTION_HEADLINE_WORDS = 15


def parse_byline(text: str) -> PrintedByline | None:
    """The byline's parts, or None when `text` is not a Business Recorder byline."""
    match = BYLINE.match(text)
    if not match or word_count(text) > MAX_BYLINE_WORDS:
        return None
    published = parse_moment(match["published"], timezone=TIMEZONE)
    if published is None:
        return None
    updated = parse_moment(match["updated"], timezone=TIMEZONE) if match["updated"] else None
    return PrintedByline(match["names"].strip(), published, updated)


def _is_byline(text: str) -> bool:
    return parse_byline(text) is not None


def _looks_like_brecorder(document: Document) -> bool:
    return first_block(document, lambda t: bool(TICKER.match(t)) or _is_byline(t)) is not None


PROFILE = OutletProfile(
    key=KEY,
    name="Business Recorder",
    domain="brecorder.com",
    timezone=TIMEZONE,
    language="en",
    matches_content=_looks_like_brecorder,
)


@hookimpl
def newsnorm_register_outlets(register) -> None:
    register(PROFILE)


@hookimpl
def newsnorm_remove_noise(document: Document) -> None:
    if not document.outlet_is(KEY):
        return
    remove_matching(document, TICKER, "ticker")
    remove_footer(document, FOOTER)
    _remove_related_headlines(document)


def _remove_related_headlines(document: Document) -> None:
    """Headlines of other stories sit between paragraphs: short lines that do not end like
    a sentence (or are a bare question), after the story has begun below the byline. Copies
    of the captions printed under the byline are left to the caption rule."""
    byline = first_block(document, _is_byline)
    below = document.live_after(byline) if byline else list(document.live_blocks())
    printed_above: set[str] = set()
    story_started = False
    for block in below:
        if not story_started:
            story_started = _is_story_paragraph(block.text)
            printed_above.add(block.text)
        elif _is_related_headline(block.text) and block.text not in printed_above:
            document.remove(block, "related-headline")


def _is_related_headline(text: str) -> bool:
    if is_headline_shaped(text):
        return True
    # "Is Pakistan on track to meet its target?": a one-sentence question, not a quotation.
    return (
        text.endswith("?")
        and word_count(text) <= MAX_QUESTION_HEADLINE_WORDS
        and text[0] not in "“‘\"'"
        and not re.search(r"[.!?]\s", text)
    )


def _is_story_paragraph(text: str) -> bool:
    return ends_like_sentence(text) and word_count(text) >= MIN_STORY_WORDS


@hookimpl
def newsnorm_extract_metadata(document: Document) -> None:
    if document.outlet_is(KEY):
        read_article_head(document, parse_byline, not_people=["Business Recorder"])
