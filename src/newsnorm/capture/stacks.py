"""Lines a capture prints one under another, with no blank line between them.

A browser's copy parts a story's paragraphs with blank lines and prints a list's items one
under the next. A stack of lines most of which are long but close no sentence is a list
of other stories' headlines ("Don't miss", "Most read", a tabloid's column of teasers), however
long each headline runs: never the article, wherever it stands.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsnorm.capture.lines import Line
from newsnorm.text.patterns import closes_sentence

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
