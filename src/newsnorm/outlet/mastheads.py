"""The outlet a text capture's footer names beside its group: many groups' footers say which
of their sites this is ("TechRadar is part of Future US Inc", "PEOPLE is part of the Dotdash
Meredith publishing family", "INTELLIGENCER IS A VOX MEDIA NETWORK."), which names the outlet
better than the group's copyright line (newsnorm.outlet.notices). Only in a capture's last
lines, only of a name at the start of the line, and only beside a company: "This article is
part of our series", "The bridge is part of the coastal route" name nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsnorm.outlet.names import clean_name, is_agency, is_company_name

# A footer's line naming the site and its group: "TechRadar is part of Future US Inc, …",
# "PEOPLE is part of the Dotdash Meredith publishing family.", "INTELLIGENCER IS A VOX MEDIA
# NETWORK.", "ISTHMUS is © 2021 Isthmus Community Media".
_MASTHEAD = re.compile(
    r"^(?P<name>[^\W_](?:[^.!?:;,]|\.(?=\S)){0,40}?)\s+(?i:is|are)\s+"
    r"(?:(?i:a\s+)?(?i:part\s+of)\s+(?i:the\s+)?(?P<group>[^.,;]{2,80})"
    r"|(?i:an?)\s+(?P<kind>[^.,;]{2,60}?\s+(?i:network|company|brand))\b|(?P<mark>©))"
)
_NOT_A_NAME = re.compile(
    r"^(?:this|that|these|those|it|its|he|she|they|we|our|his|her|their|a|an|each|every)\b",
    re.IGNORECASE,
)
_MAX_MASTHEAD_WORDS = 5
MASTHEAD_TAIL_BLOCKS = 30  # a footer's lines: the last blocks of a capture


def footer_masthead(lines: Iterable[str]) -> str | None:
    """The site's name from a footer line that names it beside its group ("TechRadar is
    part of Future US Inc"), among the capture's last lines; the last such line wins."""
    names = (_masthead(text) for text in _last_texts(lines, MASTHEAD_TAIL_BLOCKS))
    return next((name for name in names if name), None)


def _last_texts(lines: Iterable[str], count: int) -> list[str]:
    """The last `count` non-empty lines, spaces normalised, last first."""
    texts: list[str] = []
    for line in reversed(list(lines)):
        if text := " ".join(line.split()):
            texts.append(text)
        if len(texts) == count:
            break
    return texts


def _masthead(text: str) -> str | None:
    match = _MASTHEAD.match(text)
    if match is None or _NOT_A_NAME.match(match.group("name")):
        return None
    group = match.group("group") or match.group("kind")
    if group is not None and not (is_company_name(group) and _capitalised(group)):
        return None  # "… is part of the main quest": not a company
    name = clean_name(match.group("name"))
    if name is None or len(name.split()) > _MAX_MASTHEAD_WORDS or is_agency(name):
        return None
    return name


def _capitalised(text: str) -> bool:
    return any(word[:1].isupper() for word in text.split())
