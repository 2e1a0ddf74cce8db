"""News Mania: slash bylines with ordinal dates, and the comment/related footer.

A capture without a URL is News Mania's only when it names the outlet as its own
(`_looks_like_newsmania`): in its slash byline ("News Mania Desk / 2nd November 2025") or in
a copyright line. A slash byline with a date and the "Related Articles" / "Leave a Reply"
footer are the layout of many WordPress sites, so they are not enough.
"""

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
# The outlet's name, as its desk byline and its copyright line print it.
OWN_NAME = re.compile(r"\bNews\s*Mania\b", re.IGNORECASE)
COPYRIGHT = re.compile(r"^(?:©|Copyright\b)[^\n]{0,40}?\bNews\s*Mania\b", re.IGNORECASE)


def parse_byline(text: str) -> PrintedByline | None:
    """ "Desk / Writer / 2nd November 2025" into names and dates; None if not a byline."""
    if "/" not in text:  # (no part to split off: the pattern need not walk the line)
        return None
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
    """Whether a document without a URL names the outlet in its byline or copyright line."""
    if first_block(document, _is_own_byline) is not None:
        return True
    texts = [block.text for block in document.live_blocks()]
    if not OWN_NAME.search("\n".join(texts)):  # (one search, not one per line)
        return False
    return any(COPYRIGHT.match(text) for text in texts)


def _is_own_byline(text: str) -> bool:
    printed = parse_byline(text)
    return printed is not None and bool(OWN_NAME.search(printed.names))


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
