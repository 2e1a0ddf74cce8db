"""Lines as a template repeats them: compared with digits, case and spacing masked, so
"Updated 3 hours ago" on one page is "Updated 5 hours ago" on the next; and the pairs of
lines that follow one another, which is what a template repeats (a menu, a footer) and a
story's own line quoted elsewhere (its headline in another page's "most read") does not."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Container

from newsnorm.capture.bylines import byline_at
from newsnorm.capture.dates import dates_in_line

_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# Characters a date or byline line has at most (the longest of either, with a job title).
_LONGEST_METADATA_LINE = 200
DIGIT_MASK = "#"
# Words a line must have at most to tell outlets apart: menus and footers are short lines,
# a wire story two outlets print is long ones.
MAX_TEMPLATE_WORDS = 12
_HASH_BYTES = 8
_PAIR_FACTOR = 0x9E3779B97F4A7C15  # an odd 64-bit constant: pairs in order, not sets
_MASK64 = (1 << 64) - 1


def shown(text: str) -> str:
    """A line as a profile writes it: spacing squeezed, each run of digits `#`."""
    return _DIGITS.sub(DIGIT_MASK, " ".join(text.split()))


def line_hash(masked_line: str) -> int:
    """A stable 64-bit hash (the same in every process, unlike `hash`)."""
    digest = hashlib.blake2b(masked_line.encode(), digest_size=_HASH_BYTES).digest()
    return int.from_bytes(digest, "little")


def pair_hash(first: int, second: int) -> int:
    return (first * _PAIR_FACTOR + second) & _MASK64


def metadata_lines(texts: list[str]) -> set[int]:
    """The date and byline lines (a "By" and the names under it too): the
    head reads them, so no template rule takes them, however often an author's name or a
    date recurs (in teaser lists, on every page of a day)."""
    found = set()
    for index, text in enumerate(texts):
        if len(text) > _LONGEST_METADATA_LINE:  # a paragraph: no date line, no byline
            continue
        if _DIGIT.search(text) and dates_in_line(text):
            found.add(index)
        elif (byline := byline_at(texts, index)) is not None:
            found.update(byline.lines)
    return found


def comparable(texts: list[str]) -> list[str | None]:
    """Each line as shown, or None for a line no rule may take: metadata, and a line with
    no letter (a table's figures, a score: masked, every number is alike)."""
    metadata = metadata_lines(texts)
    return [
        None if index in metadata or not _LETTER.search(text) else shown(text)
        for index, text in enumerate(texts)
    ]


def line_hashes(lines: list[str | None]) -> list[int | None]:
    """Each shown line's hash, case-folded: lines are compared as `shown`, case aside."""
    return [line_hash(line.casefold()) if line is not None else None for line in lines]


def pair_hashes(hashes: list[int | None]) -> list[int | None]:
    """The pair each line opens with the line after it; None where either is a line no
    rule may take."""
    return [
        pair_hash(first, second) if first is not None and second is not None else None
        for first, second in itertools.pairwise(hashes)
    ]


def run_pairs(lines: list[str]) -> list[int]:
    """The pairs of a run of lines (a template's), as a page's are compared with them."""
    pairs = pair_hashes(line_hashes(comparable(lines)))
    return [pair for pair in pairs if pair is not None]


def pair_in_a_row(pairs: list[int | None], index: int, wanted: Container[int]) -> int | None:
    """The pair line `index` makes with the line before it or after it that is in
    `wanted`, or None: a line is a template's when one of its two pairs is."""
    before = pairs[index - 1] if index else None
    if before in wanted:
        return before
    after = pairs[index] if index < len(pairs) else None
    return after if after in wanted else None


def is_short(line: str) -> bool:
    return len(line.split()) <= MAX_TEMPLATE_WORDS
