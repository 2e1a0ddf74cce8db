"""Fact boxes, ingredient lists and lists under a lead-in: a story's own runs of short lines.

A ranking prints each entry's facts under its name ("Record: 40-0, 31 KOs", "Last fight:
July 29", "Next fight: TBA"), a profile its subject's ("Born: 1961", "Party: Labour"), a
review its product's ("Price: $499", "Battery: 12 hours"), a recipe its ingredients ("2
teaspoons toasted sesame oil", "1⁄2 cup mayonnaise"). Short lines in a row inside a story
are most often a teaser list; these are the story's. Teasers that share a label
("RELATED: …" before each) name no facts. The short lines under a sentence that ends with
a colon ("Here is what to look for:") are its list's items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsnorm.capture.lines import Line, headline_case

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


# "2 teaspoons …", "1⁄2 cup …", "1 (8-ounce) brick …", "250 g …", "2 EL …": a quantity and
# its measure (a headline may open with a number too: "3 key storylines ahead of …").
_QUANTITY = re.compile(
    r"^(\d{1,4}([.,/⁄]\d+)?|[½⅓⅔¼¾⅛])(\s*[½⅓⅔¼¾⅛])?\s*(\(|"
    r"(cups?|tablespoons?|tbsps?|teaspoons?|tsps?|g|kg|mg|ml|cl|dl|l|oz|ounces?|pounds?|lbs?|"
    r"grams?|cloves?|pinch(es)?|dash(es)?|cans?|sticks?|slices?|pieces?|bunch(es)?|sprigs?|"
    r"quarts?|pints?|el|tl|prisen?|stück|zehen?|bund|becher|cuillères?|gousses?|pincées?|"
    r"cucharadas?|cucharaditas?|tazas?|dientes?|cucchiai|cucchiaini|spicchi)\b\.?)",
    re.IGNORECASE,
)


def story_lists(texts: Sequence[str]) -> set[int]:
    """The indexes of the lines of every stretch, inside a run of short lines, of four facts
    or more under three labels or more, or of four quantities or more (an ingredient list)."""
    found: set[int] = set()
    labels = [_label(text) for text in texts]
    for start, end in _stretches([label is not None for label in labels]):
        if len(set(labels[start:end])) >= MIN_LABELS:
            found.update(range(start, end))
    for start, end in _stretches([_QUANTITY.match(text) is not None for text in texts]):
        found.update(range(start, end))
    return found


def _stretches(marks: list[bool]) -> list[tuple[int, int]]:
    """Each maximal stretch of marked lines, MIN_FACTS long or more, as (start, end)."""
    stretches, start = [], None
    for index, marked in enumerate([*marks, False]):
        if marked and start is None:
            start = index
        elif not marked and start is not None:
            if index - start >= MIN_FACTS:
                stretches.append((start, index))
            start = None
    return stretches


# Items under a lead-in in headline case, one in this many at most (a product's name): more
# are headlines ("See more of our favourites:" over other stories).
MAX_CASED_ITEMS = 3
MIN_ITEMS = 2


def lead_in_lists(lines: Sequence[Line]) -> set[int]:
    """The indexes of the short lines right under a sentence ending with a colon, when
    they read as its list's items: neither headlines in title case nor a closing heading
    ("Most popular") among them."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if line.prose and line.text.endswith(":"):
            items = _short_lines_from(lines, index + 1)
            if len(items) >= MIN_ITEMS and _items_of_a_list([lines[i] for i in items]):
                found.update(items)
    return found


def _short_lines_from(lines: Sequence[Line], start: int) -> list[int]:
    end = start
    while end < len(lines) and not lines[end].prose and not lines[end].furniture:
        end += 1
    return list(range(start, end))


def _items_of_a_list(items: list[Line]) -> bool:
    if any(item.ends_article or item.dated for item in items):
        return False
    return MAX_CASED_ITEMS * sum(headline_case(item.text) for item in items) <= len(items)
