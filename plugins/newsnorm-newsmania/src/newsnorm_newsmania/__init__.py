"""News Mania: slash bylines with ordinal dates, and the comment/related footer."""

from __future__ import annotations

import re

from newsnorm import Document, OutletProfile, hookimpl
from newsnorm.document import host_of
from newsnorm.text.dates import parse_moment
from newsnorm.text.layout import (
    PrintedByline,
    first_block,
    read_article_head,
    remove_footer,
    remove_matching,
)
from newsnorm.text.patterns import word_count

KEY = "newsmania"
NAME = "News Mania"
TIMEZONE = "Asia/Kolkata"

# Lines that open the page footer; everything from the first of them on is not the story.
FOOTER = re.compile(
    r"^(?:Related Articles|Related Posts|Leave a Reply|Back to top button|Check Also|"
    r"You May Also Like|More Stories)$",
    re.IGNORECASE,
)
READING_TIME = re.compile(r"^\d+\s+minutes?\s+read$", re.IGNORECASE)
UPDATED_PART = re.compile(r"^(?:Last\s+)?Updated\s*:?\s*(?P<date>.+)$", re.IGNORECASE)
SEPARATOR = " / "
# A slash with a space on at least one side: "Desk / Writer", "Desk/ Writer", not "10/11".
SLASH = re.compile(r"\s+/\s*|\s*/\s+")
MAX_BYLINE_WORDS = 25


def parse_byline(text: str) -> PrintedByline | None:
    """ "Desk / Writer / 2nd November 2025" into names and dates; None if not a byline."""
    parts = [part.strip() for part in SLASH.split(text)]
    if len(parts) < 2 or word_count(text) > MAX_BYLINE_WORDS:
        return None
    names, published, updated = [], None, None
    for part in parts:
        update = UPDATED_PART.match(part)
        if update:
            updated = parse_moment(update["date"], timezone=TIMEZONE, dayfirst=True)
        elif published is None and (moment := _date_of(part)) is not None:
            published = moment
        elif not READING_TIME.match(part):
            names.append(part)
    if published is None:
        return None
    return PrintedByline(SEPARATOR.join(names), published, updated)


def _date_of(part: str):
    return parse_moment(part, timezone=TIMEZONE, dayfirst=True) if re.search(r"\d", part) else None


def _is_byline(text: str) -> bool:
    return parse_byline(text) is not None


def _looks_like_newsmania(document: Document) -> bool:
    byline = first_block(document, _is_byline)
    if byline is None:
        return False
    if NAME.casefold() in byline.text.casefold():
        return True
    return any(FOOTER.match(block.text) for block in document.live_after(byline))


def _is_newsmania_url(url: str) -> bool:
    host = host_of(url) or ""
    return "newsmania" in host.split(".")


PROFILE = OutletProfile(
    key=KEY,
    name=NAME,
    timezone=TIMEZONE,
    language="en",
    matches_url=_is_newsmania_url,
    matches_content=_looks_like_newsmania,
)


@hookimpl
def newsnorm_register_outlets(register) -> None:
    register(PROFILE)


@hookimpl
def newsnorm_remove_noise(document: Document) -> None:
    if not document.outlet_is(KEY):
        return
    remove_matching(document, READING_TIME, "reading-time")
    remove_footer(document, FOOTER)


@hookimpl
def newsnorm_extract_metadata(document: Document) -> None:
    if document.outlet_is(KEY):
        read_article_head(document, parse_byline, not_people=[NAME])
