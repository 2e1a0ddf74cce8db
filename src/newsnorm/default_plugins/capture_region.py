"""Plain-text captures: the article's own lines stay, the page around them goes. The
article is the run of lines richest in prose (newsnorm.capture.region); below it (related
lists, comments, footers) and the furniture inside it (buttons, counters, notices) leave the
body; the lines above it are its head, read in the metadata stage (capture_head)."""

from __future__ import annotations

import re
from collections import Counter

from newsnorm.capture.bylines import byline_at, is_author_bio
from newsnorm.capture.dates import dates_in_line
from newsnorm.capture.facts import is_fact_box, lead_in_lists, story_lists
from newsnorm.capture.lines import Line, is_read_also, line_of
from newsnorm.capture.region import WORDS_BEFORE_END, article_region
from newsnorm.capture.stacks import headline_stacks, teaser_cards
from newsnorm.document import Block, Document
from newsnorm.errors import NormalizeError
from newsnorm.hookspecs import hookimpl
from newsnorm.profiles.template_rules import TEMPLATE_MARK
from newsnorm.stages import TEXT
from newsnorm.text.patterns import closes_sentence

BODY_MARK = "capture.body"
FOOTER_MARK = "capture.footer"  # the first line after the article, when there is one
# Short lines in a row, inside the article once its story has begun: a teaser list.
MIN_TEASER_RUN = 3
# A short line printed this often inside the article is the page's label.
MAX_LABEL_WORDS = 4
LABEL_PRINTS = 3
# The longest headline under a "Read more" label.
MAX_TEASER_WORDS = 25
_LABEL_CHARS = re.compile(r"[^\W\d_][^\W\d_ '’-]*(?: [^\W\d_][^\W\d_'’-]*)*")


@hookimpl(trylast=True)
def newsnorm_remove_noise(document: Document) -> None:
    if document.input_format != TEXT:
        return
    live = list(document.live_blocks())
    lines = [line_of(block.text) for block in live]
    items = {index for index, block in enumerate(live) if block.type == "list_item"}
    learned = document.marks.get(TEMPLATE_MARK, {})
    template = {index for index, block in enumerate(live) if id(block) in learned}
    headlines = headline_stacks(lines, [block.stacked for block in live], items)
    headlines |= teaser_cards(lines, items)
    region = article_region(lines, items, template, headlines)
    if region is None:
        raise NormalizeError(
            "no article text found: the capture holds only page furniture "
            "(menus, links, buttons, notices)",
            stage="noise",
        )
    document.marks[BODY_MARK] = live[region.start]
    if region.end + 1 < len(live):
        document.marks[FOOTER_MARK] = live[region.end + 1]
    for block in live[region.end + 1 :]:
        _remove(document, block, "page-footer", learned)
    inside = range(region.start, region.end + 1)
    headline = {index - region.start for index in headlines if index in inside}
    # (the short lines under "… the following:" weigh nothing for the region: "Further
    # reading:" and a footer's "Editor:" lead to no story. Inside it they are a list.)
    story_items = {i - region.start for i in items | lead_in_lists(lines) if i in inside}
    _clean_inside(
        document, [live[i] for i in inside], lines[region.start :], learned, headline, story_items
    )


def _remove(document: Document, block: Block, rule: str, learned: dict[int, str]) -> None:
    """Removed by a learned template's rule when it marked the block, else by `rule`."""
    if id(block) in learned:
        document.remove_for(block, learned[id(block)])
    else:
        document.remove(block, rule)


def _clean_inside(
    document: Document,
    blocks: list[Block],
    lines: list[Line],
    learned: dict[int, str],
    headlines: set[int],
    items: set[int],
) -> None:
    """`headlines`: the indexes (into `blocks`) of lines of lists of headlines, which join
    the short lines around them as one teaser list; `items`: those of the story's lists."""
    words, run, listed = 0, [], False
    labels = _repeated_labels(blocks, lines)
    labelled = _labelled_teasers(lines)
    for index, (block, line) in enumerate(zip(blocks, lines, strict=False)):
        if id(block) in learned:  # removed for the template's rule, which found it
            document.remove_for(block, learned[id(block)])
            continue
        if line.furniture:
            document.remove(block, "furniture")
            continue
        if index in labelled:
            document.remove(block, "teasers")  # (still one of the short lines around it)
        elif words >= WORDS_BEFORE_END and block.text in labels:
            document.remove(block, "page-label")
            continue  # (no line of a run: the subheading between two labels is the story's)
        elif words >= WORDS_BEFORE_END and line.prose and is_author_bio(block.text):
            document.remove(block, "author-bio")
            continue
        if (line.prose and index not in headlines) or index in items:
            _remove_teasers(document, run, words, listed=listed)
            words, run, listed = words + line.words, [], False
        else:
            run.append(block)
            listed = listed or index in headlines
    _remove_teasers(document, run, words, listed=listed)


def _labelled_teasers(lines: list[Line]) -> set[int]:
    """A "Read more" label on a line of its own and the headline under it (a line that
    closes no sentence): another story's teaser."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if is_read_also(line.text):
            found.add(index)
            under = lines[index + 1] if index + 1 < len(lines) else None
            if under and under.words <= MAX_TEASER_WORDS and not closes_sentence(under.text):
                found.add(index + 1)
    return found


def _repeated_labels(blocks: list[Block], lines: list[Line]) -> set[str]:
    """Short lines of words only that the page prints again and again between the story's
    paragraphs ("Article content" before each): its labels. (A ranking's facts printed
    under every entry, "Next fight: TBA", are the story's.)"""
    counts = Counter(
        block.text
        for block, line in zip(blocks, lines, strict=False)
        if line.words <= MAX_LABEL_WORDS and not line.prose and _LABEL_CHARS.fullmatch(block.text)
    )
    return {text for text, count in counts.items() if count >= LABEL_PRINTS}


def _remove_teasers(
    document: Document,
    run: list[Block],
    words_before: int,
    *,
    listed: bool = False,
) -> None:
    """A run of short lines once the story has begun, or wherever it holds a list of
    headlines (`listed`); its date lines stay for the head to read (the article's date is
    often printed under its standfirst and picture), and so does a byline in it ("Von" and
    the names under it) with the lines above it: the head's, unless a box's heading ("Most
    read") says the bylines are its teasers'. A run of short lines under the byline is a
    teaser list again (a box of offers). A fact box ("Record: 40-0", "Next fight: TBA") is
    the story's."""
    if not listed and (len(run) < MIN_TEASER_RUN or words_before < WORDS_BEFORE_END):
        return
    texts = [block.text for block in run]
    if not listed and is_fact_box(texts):
        return  # ("Record: 40-0", "Last fight: July 29", "Next fight: TBA"): the story's
    kept = set() if listed else story_lists(texts)  # (a specs table, an ingredient list)
    byline = next(filter(None, (byline_at(texts, index) for index in range(len(texts)))), None)
    if byline is not None and not any(line_of(text).heads_box for text in texts):
        _remove_teasers(document, run[max(byline.lines) + 1 :], words_before, listed=listed)
        return
    for index, block in enumerate(run):
        if index not in kept and not dates_in_line(block.text):
            document.remove(block, "teasers")
