"""Lists of other stories a capture prints: stacks of headlines and runs of teaser cards.

A browser's copy parts a story's paragraphs with blank lines and prints a list's items one
under the next. A stack of lines most of which are long but close no sentence is a list
of other stories' headlines ("Don't miss", "Most read", a tabloid's column of teasers), however
long each headline runs: never the article, wherever it stands.

A teaser card prints the same few lines for every story it offers: a headline, the sentence
under it, and a short line (the author, the date, the section's kicker). The same shapes
repeated card after card are a list of other stories, however long each card's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from newsnorm.capture.lines import Line
from newsnorm.text.patterns import closes_sentence
from newsnorm.text.people import is_person_name

# A headline this long reads as prose on its own; a stack of them is a teaser list.
MIN_HEADLINE_WORDS = 6
# A stack needs this many headlines, making up this share of its lines.
MIN_HEADLINES = 4
MIN_HEADLINE_SHARE = 0.6
# A list's item that goes on ("…, of which:") or a sentence: no headline.
_GOES_ON = (",", ";", ":", "，", "；", "：", "、")


def headline_stacks(
    lines: Sequence[Line], stacked: Sequence[bool], list_items: set[int] = frozenset()
) -> set[int]:
    """The indexes of the headlines of every stack that is a list of them; a bulleted line
    ("• first point") is the story's list, never a headline."""
    found: set[int] = set()
    for stack in _stacks(stacked):
        heads = [i for i in stack if i not in list_items and _headline(lines[i])]
        if len(heads) >= MIN_HEADLINES and len(heads) >= MIN_HEADLINE_SHARE * len(stack):
            found.update(heads)
    return found


def _headline(line: Line) -> bool:
    """A long line that closes no sentence and does not go on: a headline's shape."""
    if line.words < MIN_HEADLINE_WORDS or closes_sentence(line.text):
        return False
    return not line.text.rstrip("\"'”’»)] ").endswith(_GOES_ON)


def _stacks(stacked: Sequence[bool]) -> Iterator[range]:
    """Each maximal run of lines joined to the one before, its first line included."""
    start = 0
    for index in range(1, len(stacked) + 1):
        if index == len(stacked) or not stacked[index]:
            if index - start > 1:
                yield range(start, index)
            start = index


# A card's short line (author, date, kicker) and the longest line a card holds.
MAX_CARD_LABEL_WORDS = 4
MAX_KICKER_WORDS = 8
MAX_CARD_LINE_WORDS = 40
# Cards of two to four lines, printed this many times in a row.
CARD_SIZES = (2, 3, 4, 5)
MIN_CARDS = 3
_CUT_OFF = ("…", "...")
MAX_QUESTION_HEADLINE_WORDS = 12
_DIGIT = re.compile(r"\d")
_RANK = re.compile(r"^#?\d{1,3}[.)]?$")  # "1.", "#2": a ranked list's own numbers


def teaser_cards(lines: Sequence[Line], list_items: set[int] = frozenset()) -> set[int]:
    """The indexes of the lines of every run of teaser cards: lines of the same shapes
    (label, headline, sentence) repeated card after card, each card holding all three.
    Buttons and counters between them ("Play Video", "02:31") are skipped."""
    kept = [index for index, line in enumerate(lines) if not line.furniture]
    shapes = [_shape(lines[index], index in list_items) for index in kept]
    texts = [lines[index].text for index in kept]
    found = _runs_of_cards(texts, shapes, _cards)
    # Cards whose title is now a short line, now a longer one, over a dated byline
    # ("Josephine NesbitJan. 11, 2024"): the title's length set aside, the date places them.
    coarse = [
        _DATED if lines[index].dated else _COARSE.get(shape, shape)
        for index, shape in zip(kept, shapes, strict=True)
    ]
    found |= _runs_of_cards(texts, coarse, _dated_cards)
    return {kept[index] for index in found}


_COARSE = {"label": "short", "headline": "short"}
_DATED = "dated"


def _runs_of_cards(texts: list[str], shapes: list[str], are_cards) -> set[int]:
    """The positions of every run of `shapes` repeated card after card that `are_cards`."""
    found: set[int] = set()
    for size in CARD_SIZES:
        start = 0
        while start + MIN_CARDS * size <= len(shapes):
            end = _repeats_until(shapes, start, size)
            if end - start >= MIN_CARDS * size and are_cards(texts, shapes, start, end, size):
                found.update(range(start, end))
                start = end
            else:
                start += 1
    return found


def _dated_cards(texts: list[str], shapes: list[str], start: int, end: int, size: int) -> bool:
    """Whether each card holds a dated line, a title and a sentence."""
    card = set(shapes[start : start + size])
    return "other" not in card and {_DATED, "short", "sentence"} <= card


def _shape(line: Line, list_item: bool) -> str:
    """ "label" (a short line or a kicker), "headline", "sentence", or "other" (a list's
    item, a rank, a paragraph longer than a card's). A short question is a headline ("Hat
    Trump sich selbst in eine Zwangslage manövriert?"), a summary cut short ("…") a
    sentence."""
    if list_item or line.words > MAX_CARD_LINE_WORDS or _RANK.match(line.text):
        return "other"
    if line.words <= MAX_CARD_LABEL_WORDS:
        return "label"
    if line.text.endswith(":") and line.words <= MAX_KICKER_WORDS:
        return "label"  # a kicker over the headline ("Einigung von Union und SPD:")
    if line.text.endswith(_CUT_OFF):
        return "sentence"
    if line.text.rstrip("\"'”’»").endswith("?") and line.words <= MAX_QUESTION_HEADLINE_WORDS:
        return "headline"
    return "sentence" if closes_sentence(line.text) else "headline"


def _repeats_until(shapes: list[str], start: int, size: int) -> int:
    end = start + size
    while end < len(shapes) and shapes[end] == shapes[end - size]:
        end += 1
    return end


def _cards(texts: list[str], shapes: list[str], start: int, end: int, size: int) -> bool:
    """Whether the repeated shapes are cards: each holds a label, a headline and a sentence,
    and the labels are the cards' own (one label printed before every paragraph, "Article
    content", is the page's)."""
    card = shapes[start : start + size]
    if "other" in card or {"label", "headline", "sentence"} - set(card):
        return False
    offsets = [offset for offset, shape in enumerate(card) if shape == "label"]
    return any(_card_labels([texts[i] for i in range(start + o, end, size)]) for o in offsets)


def _card_labels(texts: list[str]) -> bool:
    """Whether the lines in one place of every card are its own: they hold numbers (dates,
    "1月13日", "16d": a day's cards share theirs), or they change from card to card, or they
    name the one author of every card (an author's box). The last card is left out: the
    run of shapes may end on a line of what follows. One label on every other card
    ("Article content") is the page's."""
    if all(_DIGIT.search(text) for text in texts):
        return True
    before_last = texts[:-1]
    if len(set(before_last)) == 1:
        return is_person_name(before_last[0])
    return len(set(before_last)) >= len(before_last) / 2
