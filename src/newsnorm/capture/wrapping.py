"""Hard-wrapped captures back to one line per block.

Text browsers (`lynx -dump`, `w3m -dump`), e-mail and some crawlers break every paragraph
into lines of at most a fixed width, 60 to 80 columns. `logical_lines` finds that width and
joins the lines of each paragraph, heading and list item again; a capture that is not
wrapped (a browser's select-all copy: one line a block) comes back as it is.

Whether a text is wrapped, and at which width, is read from its lines. A wrapper breaks a
line only where the next word would not fit, so at the true width W a line that a paragraph
goes on after is *full*: its width, a space and the next line's first word are more than W
(CJK text breaks between any two characters, and its lines are full to within one).
Measured in columns: East Asian wide characters count two. A width is the text's when at
least `MIN_FULL_LINES` lines are full at it, full lines are at least `FULL_SHARE` of the
long lines (half as wide as W or wider, with a place to break), and at most `OVER_SHARE`
of those are wider than W (a URL or another token too long to break does not count); of
such widths, the one with the most full lines (less twice the lines wider). None: not
wrapped. Linear in the text: each line adds to counts by width, then each width is scored.

A line is joined to the one before it only when that one is full (or wider than W: lynx
leaves its "[N]" link markers out of the width it wraps at) and the line goes on its block:
the same e-mail quote depth ("> "), no bullet glyph, no list marker ("-", "*", "1.", "a)")
in a list or after a line ending in ":", the indentation of the block's continuation lines
(the first line's, the column after its bullet, or less than an indented first line's),
and not a short line standing alone after a sentence's end (a heading, a caption). A blank
line always ends a block and stays, as "", where it was.

Measured on the shared corpora (`lynx -dump -width=78` and `w3m -dump -cols 80` of 182
pages, each compared line by line with the same browser's render at 1000 columns, which does
not wrap): 98.0% of the blocks come back exactly, from both; every w3m dump is found wrapped,
and none of the 638 browser captures or of the unwrapped renders is. (lynx cuts CJK text
mid-character, by bytes: its CJK dumps are not read well.)
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MIN_WIDTH = 30  # narrower lines than this are a column of short lines, not wrapped prose
MAX_WIDTH = 250  # wider lines are not hard-wrapped for reading
MIN_FULL_LINES = 3
FULL_SHARE = 0.15
OVER_SHARE = 0.05
# Columns a full line of CJK text may fall short by, when joining: wrappers keep closing
# punctuation on its line and opening punctuation off a line's end (kinsoku), so a line can
# end a character early. (Finding the width needs none: most lines are exact.)
_KINSOKU_SLACK = 2
# A token this long (a URL, a rule of dashes) may overhang the width: wrappers do not cut it.
_UNBREAKABLE = 25

# Bullets no sentence starts with; dashes, "*", "+", "o", "#" and list numbers can (a dash
# in running text wrapped to a line's start), so they start an item only inside a list.
_GLYPHS = "•●▪◦‣∙○◆◇■□☐☑☒★☆►▶▸➢➤✓✔✗❖"
_ASCII_MARKERS = r"[-*+#o–—·]|\d{1,3}[.)]|\(\d{1,3}\)|[a-zA-Z][.)]|\([a-zA-Z]\)"
_LEAD = re.compile(
    rf"(?P<quote>(?:[ \t]*>)*)(?P<indent>[ \t]*)"
    rf"(?P<marker>(?:(?P<glyph>[{_GLYPHS}])|{_ASCII_MARKERS})[ \t]+(?=\S))?"
)
# Scripts written without spaces between words: their lines join with nothing between.
_NO_SPACE = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]"
)
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_CLAUSE_END = re.compile(r"[.!?…。！？:;,][\"'”’»)\]]*$")
_HYPHENS = "-\u2010"
_SOFT_HYPHEN = "\u00ad"
_ALNUM = re.compile(r"[^\W_]")
_WORD = re.compile(r"\w+(?:[-\u2010]\w+)*")
# lynx -dump: "[12]" before each link's text, and the links listed under "References".
_LINK_MARKER = re.compile(r"\[(\d+)\]")
_REFERENCE = re.compile(r"\s*(\d+)\. \S+")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # as in the capture, trailing white space stripped
    width: int  # in columns: East Asian wide characters two, combining marks none
    quote: int  # e-mail quote depth: how many ">" lead the line
    indent: int  # columns of white space before the text, after the quotes
    body_col: int  # where the text starts after a bullet (a list item's hanging indent)
    marker: str  # "glyph" for a bullet glyph, "ascii" for another list marker, else ""
    rest: str  # the text after the quotes and indentation
    first_unit: int  # columns of the first word: what did not fit on the line before
    wordy: bool  # holds a letter or a digit (not a rule of dashes or box lines)
    breakable: bool  # wordy, with a place a wrapper could break it (not one word alone)
    unbreakable: bool  # holds a token a wrapper would leave whole, however wide


def logical_lines(text: str) -> list[str]:
    """The blocks of a plain-text capture, one string each (a paragraph, a heading, a list
    item with its bullet), trailing white space stripped, and "" for each blank line.

    In a hard-wrapped capture the lines of a block are joined: with a space; with nothing
    between CJK or Thai characters; a word broken after a soft hyphen is made whole; a line
    ending in a hyphen after a letter keeps it ("well-" + "known": wrappers break after
    hyphens, and never add one) unless the text itself writes the word whole elsewhere and
    never with the hyphen ("exam-" + "ple" when "example" occurs). A capture that is not
    wrapped comes back line for line. In a lynx dump that lists its links under
    "References", the "[N]" before each link's text is taken out."""
    raw = [line.rstrip() for line in text.splitlines()]
    if clearly_unwrapped(text):
        return _without_link_markers(raw)
    lines = [_parsed(line) if line else None for line in raw]
    width = _wrap_width(lines)
    blocks = raw if width is None else _blocks(lines, width, _Vocabulary(text))
    return _without_link_markers(blocks)


def clearly_unwrapped(text: str) -> bool:
    """Several lines of prose wider than any wrap width: a browser's copy, one line a block
    (most captures; told without measuring every width, and as soon as they are seen)."""
    wide = 0
    for line in text.splitlines():
        if len(line) > MAX_WIDTH and " " in line.strip():
            wide += 1
            if wide >= MIN_FULL_LINES:
                return True
    return False


def wrap_width(text: str) -> int | None:
    """The width a capture is hard-wrapped at, in columns; None when it is not wrapped."""
    stripped = (line.rstrip() for line in text.splitlines())
    return _wrap_width([_parsed(line) if line else None for line in stripped])


def _parsed(text: str) -> _Line:
    lead = _LEAD.match(text)
    indent = _width(lead["indent"])
    marker = lead["marker"] or ""
    rest = text[lead.end("indent") :]
    tokens = rest.split()
    wordy = _ALNUM.search(rest) is not None
    return _Line(
        text=text,
        width=_width(text),
        quote=lead["quote"].count(">"),
        indent=indent,
        body_col=indent + _width(marker),
        marker="glyph" if lead["glyph"] else "ascii" if marker else "",
        rest=rest,
        first_unit=_first_unit(rest),
        wordy=wordy,
        breakable=wordy and (len(tokens) > 1 or bool(_NO_SPACE.search(rest))),
        # (the longest token's length first, in C: most lines hold no long token at all)
        unbreakable=max(map(len, tokens), default=0) >= _UNBREAKABLE
        and any(_unbreakable(token) for token in tokens),
    )


def _unbreakable(token: str) -> bool:
    """A long token with no place to break (CJK text breaks between any characters)."""
    return len(token) >= _UNBREAKABLE and not _NO_SPACE.search(token)


def _first_unit(rest: str) -> int:
    if _NO_SPACE.match(rest):
        return _char_width(rest[0])
    return _width(rest.split(None, 1)[0]) if rest else 0


def _width(text: str) -> int:
    if "\t" in text:
        text = text.expandtabs()
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@lru_cache(maxsize=8192)
def _char_width(char: str) -> int:
    if unicodedata.east_asian_width(char) in "WF":
        return 2
    return 0 if unicodedata.category(char) in ("Mn", "Me", "Cf") else 1


def _gap(before: _Line, after: _Line) -> int:
    """Columns between the two lines' texts were they one line: none after a hyphen the
    wrapper broke at, or between characters of scripts without spaces."""
    if _broken_after_hyphen(before.text):
        return 0
    return 0 if _NO_SPACE.match(before.text[-1]) and _NO_SPACE.match(after.rest) else 1


def _broken_after_hyphen(text: str) -> bool:
    """Whether a line ends in a hyphen of a word (a dash after a space is no such hyphen)."""
    end = text[-1]
    return end == _SOFT_HYPHEN or (end in _HYPHENS and len(text) > 1 and text[-2].isalnum())


def _wrap_width(lines: list[_Line | None]) -> int | None:
    """The width the lines are wrapped at, or None (see the module's docstring)."""
    return _best_width(*_width_counts(lines))


def _width_counts(lines: list[_Line | None]) -> tuple[list[int], list[int]]:
    """At each width up to MAX_WIDTH: how many lines are full, and how many breakable lines
    are at least that wide. Linear: each line adds to counts by width."""
    full = [0] * (MAX_WIDTH + 2)  # differences: +1 where a line's widths begin, -1 after
    wide = [0] * (MAX_WIDTH + 2)  # breakable lines of each width (MAX_WIDTH + 1: wider)
    for before, after in itertools.pairwise(lines):
        if widths := _full_widths(before, after):
            full[widths.start] += 1
            full[widths.stop] -= 1
    for line in lines:
        if line is not None and line.breakable and not line.unbreakable:
            wide[min(line.width, MAX_WIDTH + 1)] += 1
    return _running(full), _from_above(wide)


def _full_widths(before: _Line | None, after: _Line | None) -> range | None:
    """The wrapping widths at which `before` is full, `after` going on with its text."""
    if before is None or after is None or before.width > MAX_WIDTH:
        return None
    if before.quote != after.quote or not (before.breakable and after.wordy):
        return None
    # A long first word (a URL) would make a line full at many widths: it counts as one
    # of the longest words a wrapper breaks before.
    reach = before.width + _gap(before, after) + min(after.first_unit, _UNBREAKABLE)
    return range(before.width, min(reach, MAX_WIDTH + 1))


def _running(differences: list[int]) -> list[int]:
    total, counts = 0, []
    for difference in differences:
        total += difference
        counts.append(total)
    return counts


def _from_above(counts: list[int]) -> list[int]:
    """At each width, how many lines are at least that wide."""
    total, above = 0, [0] * len(counts)
    for width in range(len(counts) - 1, -1, -1):
        total += counts[width]
        above[width] = total
    return above


def _best_width(full: list[int], at_least: list[int]) -> int | None:
    """The width with the most full lines (less twice the lines wider) of those that pass
    the module's tests."""
    best, best_score = None, 0
    for width in range(MIN_WIDTH, MAX_WIDTH + 1):
        over, long = at_least[width + 1], at_least[(width + 1) // 2]
        if full[width] < max(MIN_FULL_LINES, FULL_SHARE * long) or over > OVER_SHARE * long:
            continue
        if (score := full[width] - 2 * over) > best_score:
            best, best_score = width, score
    return best


class _Vocabulary:
    """The words the capture writes on one line, to tell a word a hyphen broke from a
    compound; read only when a wrapped line ends in a hyphen."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = None

    def has(self, word: str) -> bool:
        if self._words is None:
            self._words = {word.lower() for word in _WORD.findall(self._text)}
        return word.lower() in self._words


def _blocks(lines: list[_Line | None], width: int, vocabulary: _Vocabulary) -> list[str]:
    blocks: list[str] = []
    block: list[_Line] = []
    for at, line in enumerate(lines):
        if line is None:
            blocks += _flushed(block, vocabulary)
            blocks.append("")
            block = []
        elif block and _goes_on(block, line, _after(lines, at), width):
            block.append(line)
        else:
            blocks += _flushed(block, vocabulary)
            block = [line]
    return blocks + _flushed(block, vocabulary)


def _after(lines: list[_Line | None], at: int) -> _Line | None:
    return lines[at + 1] if at + 1 < len(lines) else None


def _flushed(block: list[_Line], vocabulary: _Vocabulary) -> list[str]:
    """The block's lines as one string, built once (not grown a line at a time)."""
    if not block:
        return []
    parts = [block[0].text]
    for before, line in itertools.pairwise(block):
        cut, between = _seam(before.text, line.rest, vocabulary)
        if cut:
            parts[-1] = parts[-1][:-cut]
        parts += (between, line.rest)
    return ["".join(parts)]


def _is_full(line: _Line, after: _Line, width: int) -> bool:
    """Whether the wrapper broke `line` because the first word of `after` did not fit. A
    breakable line wider than the width counts too: lynx leaves its "[N]" link markers
    out of the width it wraps at."""
    if line.quote != after.quote or not (line.breakable and after.wordy):
        return False
    if line.width > width:
        return not line.unbreakable
    slack = _KINSOKU_SLACK if _NO_SPACE.match(after.rest) else 0
    return width < line.width + _gap(line, after) + after.first_unit + slack


def _goes_on(block: list[_Line], line: _Line, after: _Line | None, width: int) -> bool:
    """Whether `line` continues the block whose lines so far are `block`."""
    before = block[-1]
    if not _is_full(before, line, width) or line.marker == "glyph":
        return False
    if line.marker and (block[0].marker or before.text.endswith(":")):
        return False  # an item of the list the block is in, or the first under its heading
    if not _indented_as(block, line):
        return False
    return not _stands_alone(before, line, after, width)


def _indented_as(block: list[_Line], line: _Line) -> bool:
    """The block's continuation lines share one indentation: that of its second line, which
    is the first line's, the column after its bullet, or (a paragraph whose first line is
    indented) less than the first line's."""
    if len(block) > 1:
        return line.indent == block[1].indent
    first = block[0]
    if line.indent in (first.indent, first.body_col):
        return True
    return not first.marker and line.indent < first.indent


def _stands_alone(before: _Line, line: _Line, after: _Line | None, width: int) -> bool:
    """A short line after a sentence's end, ending its block without a sentence's end of
    its own, is a heading or a caption that happens to follow a full line."""
    if not _SENTENCE_END.search(before.text) or _CLAUSE_END.search(line.text):
        return False
    if after is not None and _is_full(line, after, width):
        return False
    return line.rest[:1].isupper() or line.rest[:1].isdigit()


def _seam(text: str, rest: str, vocabulary: _Vocabulary) -> tuple[int, str]:
    """How a line ending in `text` joins the next, whose text is `rest`: how many of its
    last characters go, and what comes between."""
    if text[-1] == _SOFT_HYPHEN:
        return 1, ""
    if _broken_after_hyphen(text):
        broken = rest[0].isalnum() and _broke_a_word(text, rest, vocabulary)
        return (1 if broken else 0), ""
    if _NO_SPACE.match(text[-1]) and _NO_SPACE.match(rest):
        return 0, ""
    return 0, " "


def _broke_a_word(text: str, rest: str, vocabulary: _Vocabulary) -> bool:
    """Whether a hyphen at the end of `text` broke one word: "exam-" + "ple" when the
    capture writes "example" and never "exam-ple"; "well-" + "known" keeps its hyphen."""
    head = _WORD.findall(text[-60:-1])
    tail = _WORD.match(rest)
    if not (head and tail and rest[0].islower()):
        return False
    left, right = head[-1].rsplit("-", 1)[-1], tail.group().split("-", 1)[0]
    return vocabulary.has(left + right) and not vocabulary.has(f"{left}-{right}")


def _without_link_markers(blocks: list[str]) -> list[str]:
    """lynx's "[N]" markers taken out, when the text is surely a lynx dump with its links
    listed: a "References" line followed by numbered addresses, and every marker in the
    text before it a number so listed."""
    try:
        at = len(blocks) - 1 - blocks[::-1].index("References")
    except ValueError:
        return blocks
    listed = {match[1] for line in blocks[at + 1 :] if (match := _REFERENCE.fullmatch(line))}
    if not listed:
        return blocks
    body = blocks[:at]
    markers = {number for line in body for number in _LINK_MARKER.findall(line)}
    if not markers or not markers <= listed:
        return blocks
    return [_LINK_MARKER.sub("", line) for line in body] + blocks[at:]
