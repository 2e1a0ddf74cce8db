"""One outlet's template, learned a page at a time: the pairs of lines its pages repeat
across different stories. Two pages of one story (an update crawled twice, a wire story)
share their article's lines; those never count, for the article is never template.

Memory is hashes: a count and the last story for every pair seen, the text only of pairs
seen on a second story."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from newsnorm.learn.pages import PageLines

# A pair is template when pages of at least this many different stories repeat it...
MIN_STORIES = 2
# ...and at least this share of the outlet's stories: on a big outlet, two teasers that
# stand together in two pages' "most read" are no template.
MIN_STORY_SHARE = 0.2
# Long lines two pages share that make them one story: this share of the smaller sketch.
SAME_STORY_SHARE = 1 / 3
_TEMPLATE_LINE = -1  # a long line of two stories' pages: the template's, no story's evidence
MIN_SAME_STORY_LINES = 2


@dataclass
class Run:
    """Lines the outlet prints one after another, and on how many stories' pages."""

    lines: list[str]
    stories: int


@dataclass
class _Pair:
    stories: int
    last_story: int


@dataclass
class GroupTemplate:
    """What the pages of one outlet (or one template) repeat, so far."""

    pages: int = 0
    stories: int = 0
    _seen: set[int] = field(default_factory=set)  # pages read, by digest
    _story_of: dict[int, int] = field(default_factory=dict)  # long line -> story
    _story_size: list[int] = field(default_factory=list)  # each story's sketch, in lines
    _pairs: dict[int, _Pair] = field(default_factory=dict)
    _texts: dict[int, tuple[str, str]] = field(default_factory=dict)

    def add(self, page: PageLines) -> None:
        digest = page.digest()
        if digest in self._seen:  # the same page again says nothing new
            return
        self._seen.add(digest)
        self.pages += 1
        story = self._story(page.sketch())
        for index, pair in enumerate(page.pairs):
            if pair is not None:
                self._count(pair, story, page, index)

    def _story(self, sketch: tuple[int, ...]) -> int:
        story = self._known_story(sketch)
        if story is None:
            story, self.stories = self.stories, self.stories + 1
            self._story_size.append(len(sketch))
        for line in sketch:
            known = self._story_of.setdefault(line, story)
            if known != story:
                self._story_of[line] = _TEMPLATE_LINE
        return story

    def _known_story(self, sketch: tuple[int, ...]) -> int | None:
        """The story an earlier page told, when this page shares a third of its long lines
        (of the shorter page's)."""
        stories = (self._story_of.get(line, _TEMPLATE_LINE) for line in sketch)
        known = Counter(story for story in stories if story != _TEMPLATE_LINE)
        if not known:
            return None
        story, shared = min(known.items(), key=lambda item: (-item[1], item[0]))
        smaller = min(len(sketch), self._story_size[story])
        needed = max(MIN_SAME_STORY_LINES, math.ceil(smaller * SAME_STORY_SHARE))
        return story if shared >= needed else None

    def _count(self, pair: int, story: int, page: PageLines, index: int) -> None:
        seen = self._pairs.get(pair)
        if seen is None:
            self._pairs[pair] = _Pair(1, story)
        elif seen.last_story != story:
            seen.stories, seen.last_story = seen.stories + 1, story
            self._texts.setdefault(pair, page.pair_text(index))

    def learned(self) -> dict[int, tuple[tuple[str, str], int]]:
        """The template's pairs: hash -> (the two lines, on how many stories' pages)."""
        needed = max(MIN_STORIES, math.ceil(self.stories * MIN_STORY_SHARE))
        return {
            pair: (text, self._pairs[pair].stories)
            for pair, text in self._texts.items()
            if self._pairs[pair].stories >= needed
        }

    def runs(self) -> list[Run]:
        """The learned pairs joined into runs of lines that follow one another."""
        return runs_of(list(self.learned().values()))


def runs_of(pairs: list[tuple[tuple[str, str], int]]) -> list[Run]:
    """Chains of pairs (a, b), (b, c)... as runs [a, b, c], begun where no pair leads in,
    then at any pair left: a run goes on while its last line leads on one way only."""
    after: dict[str, list[int]] = {}
    leads_in: set[str] = set()
    for index, ((first, second), _) in enumerate(pairs):
        after.setdefault(first.casefold(), []).append(index)
        leads_in.add(second.casefold())
    used: set[int] = set()
    starts = [i for i, ((first, _), _) in enumerate(pairs) if first.casefold() not in leads_in]
    runs = [_follow(index, pairs, after, used) for index in [*starts, *range(len(pairs))]]
    return [run for run in runs if run.lines]


def _follow(start: int, pairs, after: dict[str, list[int]], used: set[int]) -> Run:
    if start in used:
        return Run([], 0)
    (first, second), least = pairs[start]
    lines = [first, second]
    used.add(start)
    while len(following := after.get(lines[-1].casefold(), ())) == 1 and following[0] not in used:
        used.add(following[0])
        (_, second), stories = pairs[following[0]]
        lines.append(second)
        least = min(least, stories)
    return Run(lines, least)
