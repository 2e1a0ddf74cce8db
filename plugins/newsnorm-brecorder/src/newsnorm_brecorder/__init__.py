"""Business Recorder (brecorder.com): tickers, bylines, captions and related headlines.

A capture without a URL is Business Recorder's only when it carries one of the outlet's own
signatures (`_looks_like_brecorder`): its market ticker strip, its name in the byline
("BR Web Desk", "Recorder Report") or in its copyright line, or its byline in the site's
own layout, names and dates on one line ("Muhammad Ali | Tahir Amin Published October 28,
2025"). A line any outlet prints ("Published 14 March 2026, 09:12 GMT", "By Jane Doe |
Published Oct 27, 2023") is not enough.
"""

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
# The outlet's name as it prints it about itself: in full, and in its staff bylines.
OWN_NAME = re.compile(r"\b(?:Business Recorder|Recorder Report|BR Web Desk|BR Research)\b")
# "Copyright Business Recorder, 2025" (also "© 2025 Business Recorder").
COPYRIGHT = re.compile(r"^(?:©|Copyright\b)[^\n]{0,40}?\bBusiness Recorder\b")
# The byline as the site lays it out: capitalised names ("AFP", "BR Web Desk"), several joined
# by " | ", then "Published" and the date in one line, without "By" or any separator, the
# month in full and times as "03:34pm". Other outlets print "Published" on a line of its own
# or after a separator, with other date and time forms.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_DATE = rf"{_MONTH} \d{{1,2}}, \d{{4}}"
_TIME = r"\d{2}:\d{2}[ap]m"
_NAME = r"(?!By\b)[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
OWN_BYLINE = re.compile(
    rf"^{_NAME}(?: \| {_NAME})* Published {_DATE}(?: {_TIME})?(?: Updated {_DATE} {_TIME})?$"
)
MAX_BYLINE_WORDS = 30
# A paragraph long enough to show where the story itself has begun.
MIN_STORY_WORDS = 8
MAX_QUESTION_HEADLINE_WORDS = 15


def parse_byline(text: str) -> PrintedByline | None:
    """The byline's parts, or None when `text` is not a Business Recorder byline."""
    match = BYLINE.match(text) if "Published" in text else None  # (a literal test first)
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
    """Whether a document without a URL carries one of the outlet's own signatures."""
    head = first_block(document, _is_own_head_line)
    return head is not None or _copyright_line(document)


def _copyright_line(document: Document) -> bool:
    texts = [block.text for block in document.live_blocks()]
    if "Business Recorder" not in "\n".join(texts):  # (one search, not one per line)
        return False
    return any(COPYRIGHT.match(text) for text in texts)


def _is_own_head_line(text: str) -> bool:
    """The ticker strip, or a byline that names the outlet or has its own layout."""
    if TICKER.match(text):
        return True
    printed = parse_byline(text)
    return printed is not None and bool(OWN_NAME.search(printed.names) or OWN_BYLINE.match(text))


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
