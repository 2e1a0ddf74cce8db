"""Fact boxes: a story's own run of short "label: value" lines.

A ranking prints each entry's facts under its name ("Record: 40-0, 31 KOs", "Last fight:
July 29", "Next fight: TBA"), a profile its subject's ("Born: 1961", "Party: Labour"), a
review its product's ("Price: $499", "Battery: 12 hours"). Short lines in a row inside a
story are most often a teaser list; these are the story's. Teasers that share a label
("RELATED: …" before each) name no facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# "Last fight: July 29 …": a label of a few words, a colon, a value.
_FACT = re.compile(r"^(?P<label>[^\W\d_][^:]{0,30}?)\s*:\s+\S")
MAX_LABEL_WORDS = 3
# A box's lines are facts in this share at least, under this many different labels (three
# "Kicker: headline" teasers are no box).
MIN_FACT_SHARE = 0.6
MIN_FACTS = 4
MIN_LABELS = 3


def is_fact_box(texts: Sequence[str]) -> bool:
    """Whether a run of short lines is mostly facts under several different labels."""
    labels = [label for text in texts if (label := _label(text)) is not None]
    if len(labels) < max(MIN_FACTS, MIN_FACT_SHARE * len(texts)):
        return False
    return len(set(labels)) >= MIN_LABELS


def _label(text: str) -> str | None:
    match = _FACT.match(text)
    if match is None or len(match["label"].split()) > MAX_LABEL_WORDS:
        return None
    return match["label"].casefold()
