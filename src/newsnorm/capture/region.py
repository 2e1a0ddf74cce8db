"""Where a capture's article lies: the run of lines richest in prose.

Each line weighs for or against being the article: prose for it by its words, headlines,
labels and furniture against it. The article is the run of lines whose weights add up most
(the maximum-sum segment): long menus above it and teaser lists and footers below it weigh
it down, a subheading or a caption between two paragraphs does not. The run ends early at a
heading after which pages hold no article (comments, tags, most read), once the story has
begun; one the page prints three times or more from the story's start on heads boxes
between its paragraphs (a "Most popular" after every few), and ends nothing.

A learned template's lines (newsnorm.learn) never weigh for the article, however long.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newsnorm.capture.lines import Line

# What a line that is not prose costs the run it is in.
SHORT_LINE_COST = 3.0
FURNITURE_COST = 4.0
# A list item of the story weighs half its words: lists are the story's only in context.
LIST_ITEM_SHARE = 0.5
MIN_ITEM_WORDS = 2  # one-word bulleted lines are menus
# A long line that ends like no sentence: as often a teaser (headline and summary run
# together) as a paragraph; it weighs for neither side.
UNFINISHED_LINE_WEIGHT = 2.0
# A short sentence keeps a run going without starting one of its own.
SHORT_SENTENCE_WEIGHT = 0.5
# Words of prose the article must have before a closing heading can end it (a "Comments"
# counter or a topic list above the story is not its end).
WORDS_BEFORE_END = 40
# A box inside the story holds this many lines at most (four cards of section, headline
# and byline); the story's paragraphs under it are this long at least.
BOX_LINES = 12
MIN_PARAGRAPH_WORDS = 30
# How far above the story the head's date line may stand.
HEAD_DATE_LINES = 20
_LABEL = re.compile(r"[^\W\d_]{3,}(?=[\s:])")
# A closing heading printed this often from the story's start on heads boxes between the
# paragraphs ("Most popular"): it ends nothing.
BOX_PRINTS = 3


@dataclass(frozen=True)
class Region:
    """The article's lines: `start` to `end` inclusive, indexes into the lines given."""

    start: int
    end: int


def article_region(
    lines: list[Line],
    list_items: set[int] = frozenset(),
    template: set[int] = frozenset(),
    headlines: set[int] = frozenset(),
) -> Region | None:
    """The article's run of lines, or None when no line is prose (a capture of furniture);
    `template` holds the indexes of the lines of the outlet's learned template, `headlines`
    those of lists of other stories' headlines (newsnorm.capture.stacks)."""
    weights = [_weight(line, index in list_items) for index, line in enumerate(lines)]
    for index in template:  # never for the article; as much against it as it was
        weights[index] = min(weights[index], 0.0)
    for index in headlines:  # a teaser's headline, however long: a short line's cost
        weights[index] = -SHORT_LINE_COST
    best = _heaviest_run(weights) or _heaviest_run([_short_sentence(line) for line in lines])
    if best is None:
        return None
    start, end = best
    return Region(start, _closing_heading(lines, start, end, _box_headings(lines, start)))


def _box_headings(lines: list[Line], start: int) -> set[int]:
    """The closing headings the page prints again and again from the story's start on: a
    box's between its paragraphs ("Most popular"), not an end's. Only the story's part
    counts: a menu's "About us" above it, or a comment link above and below, still ends it."""
    counts = Counter(line.text.casefold() for line in lines[start:] if line.ends_article)
    return {
        index
        for index in range(start, len(lines))
        if lines[index].ends_article and counts[lines[index].text.casefold()] >= BOX_PRINTS
    }


def _weight(line: Line, list_item: bool) -> float:
    if list_item and line.words >= MIN_ITEM_WORDS:  # "• first point": a list of the story's
        return -FURNITURE_COST if line.furniture else line.words * LIST_ITEM_SHARE
    if line.prose and not line.sentence:
        return UNFINISHED_LINE_WEIGHT
    if line.prose:
        return float(line.words)
    if line.sentence and line.words >= MIN_ITEM_WORDS and not line.furniture:
        return SHORT_SENTENCE_WEIGHT  # "The points:", "He left."
    return -SHORT_LINE_COST  # a menu's entry or a button alike: furniture costs no more


def _short_sentence(line: Line) -> float:
    """A brief's weight: with no line long enough for prose, any sentence of the story."""
    return 1.0 if line.sentence and not line.furniture and line.words >= 2 else -1.0


def _heaviest_run(weights: list[float]) -> tuple[int, int] | None:
    """The maximum-sum run of weights (Kadane), or None when every weight is negative."""
    best, best_sum = None, 0.0
    start, running = 0, 0.0
    for index, weight in enumerate(weights):
        if running <= 0:
            start, running = index, 0.0
        running += weight
        if running > best_sum:
            best, best_sum = (start, index), running
    return best


def _ends_here(lines: list[Line], index: int, boxes: set[int]) -> bool:
    """Whether a closing heading ends the story: not a box's (one printed again and again,
    or a "Most read" with the story's paragraphs going on a few lines under it), nor the
    head's link to the comments right under the date's line ("By Jane Doe on May 4 at
    9:05AM", "7 Comments")."""
    if index in boxes or (index and lines[index - 1].dated):
        return False
    under = lines[index + 1 : index + 1 + BOX_LINES]
    return not (lines[index].heads_box and any(_paragraph(line) for line in under))


def _paragraph(line: Line) -> bool:
    return line.prose and line.sentence and line.words >= MIN_PARAGRAPH_WORDS


def _closing_heading(lines: list[Line], start: int, end: int, boxes: set[int]) -> int:
    """The run's end, brought forward to the line before its first closing heading or the
    next article's date line."""
    words, dated = 0, _date_labels_above(lines, start)
    for index in range(start, end + 1):
        line = lines[index]
        if line.ends_article and words >= WORDS_BEFORE_END and _ends_here(lines, index, boxes):
            return _last_prose(lines, start, index - 1)
        if line.dated and (label := _date_label(line.text)):
            if words >= WORDS_BEFORE_END and label in dated:
                return _last_prose(lines, start, index - 1)  # the next article's head
            if words < WORDS_BEFORE_END:
                dated.add(label)  # (the head's own, printed under the standfirst)
        if line.prose:
            words += line.words
    return end


def _date_labels_above(lines: list[Line], start: int) -> set[str]:
    """The labels of the head's date lines printed above the story ("Published …",
    "Publisert …"). A page that prints one again once the story has run on (endless
    scrolling: the next article, whole) starts another article there."""
    above = lines[max(0, start - HEAD_DATE_LINES) : start]
    return {label for line in above if line.dated and (label := _date_label(line.text))}


def _date_label(text: str) -> str | None:
    """The word a date line opens with, when it is a word ("Published", "Aktualisiert")."""
    match = _LABEL.match(text)
    return match[0].casefold() if match else None


def _last_prose(lines: list[Line], start: int, end: int) -> int:
    while end > start and not lines[end].prose:
        end -= 1
    return end
