"""A capture's headline: among the lines above the article, the one most like a headline
and nearest the story. Menus are one to three words, teasers sit further up; the headline
is often printed twice (the breadcrumb or page title, then the heading), and with the
page's address, its slug names it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from newsnorm.capture.bylines import bare_name, byline_at
from newsnorm.capture.captions import credit_of, is_credited
from newsnorm.capture.dates import dates_in_line
from newsnorm.capture.lines import Line, is_furniture, line_of

MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 40
# How many headline-shaped lines above the article are weighed.
CANDIDATES = 12
# Points a candidate gets or loses (its words count one each, up to MAX_WORD_POINTS).
MAX_WORD_POINTS = 10
LONGEST_USUAL_TITLE = 15
SHORT_TITLE_WORDS = 4
SHORT_LINE = 2.0
FIRST_AFTER_MENUS = 4.0
PER_WORD_OVER = 0.7
ALL_CAPITALS = 3.0
PRINTED_TWICE = 6.0
MIN_TWICE_WORDS = 4
PER_CLOSER_CANDIDATE = 1.5
ENDS_WITH_FULL_STOP = 5.0
SLUG_MATCH = 12.0
# The body's first lines may hold the headline, after a teaser the article's run took in.
BODY_LINES = 10
PER_PROSE_LINE_ABOVE = 4.0
IN_BODY = 4.0  # headlines are above the article far more often than inside its run
MAX_BODY_TITLE_WORDS = 20
# A line beside a photo credit is more often the photo's caption than the headline.
BESIDE_CREDIT = 4.0
_RUNNING_TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)?")
_TIMED = re.compile(
    rf"\((?:{_RUNNING_TIME.pattern}|\d+ ?(?:min|mins|minutes?|minuten|sec|sek)\.?)\)$", re.I
)
# A line this long under a shorter headline-shaped one is a deck (a standfirst).
MIN_DECK_WORDS = 10
MIN_TITLE_OVER_DECK = 5
DECK_GAP = 8
DECK_MARGIN = 4.0
# A deck ending in a full stop is told from its headline by that alone: a wider margin.
SENTENCE_DECK_MARGIN = 8.0
MIN_TITLE_OVER_SENTENCE = 4
_FULL_STOPS = (".", ".”", '."', ".’", ".»")
# Copies of a line count within this many lines of the article's start.
NEAR_LINES = 60
# Points for a candidate within this many lines above a byline or date line (a share bar
# may sit between them), and against one as close below them (a caption or a standfirst
# there, but as often the headline of a page that prints its date over it: fewer points).
META_BELOW_TITLE = 8
ABOVE_BYLINE = 5.0
UNDER_BYLINE = 1.5
# The kind of piece, printed over the headline and joined to it: "Opinion", "Analyse".
_KIND_OF_PIECE = re.compile(
    r"^(?:Opinion|Analysis|Commentary|Editorial|Explainer|Perspective|Meinung|Kommentar|"
    r"Analyse|Opinión|Análisis|Tribune|Éditorial|Opinione|Commento|Opinie|Mening)"
    r" (?=[A-Z\"“‘'«])"
)
# A quote over the headline as its kicker, glued to it by innerText: "„Es wird bald
# beginnen“Trump spricht …".
_GLUED_QUOTE = re.compile(r"^[\"„“«‚‘][^\"„“”«»‚‘’]{3,80}[\"“”»‘’](?=[A-ZÀ-ÖØ-Þ])")
_SHARE_LABEL = re.compile(r"^\W*(share|sharing|teilen|partager|compartir|condividi)\b", re.I)
_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " / ")
_CRUMB = re.compile(r"\s[»›>/|]\s|\s»|»\s")
# Breadcrumbs innerText prints as one line, their items glued ("World ReportNewsHome").
_UPPER = "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ"
_GLUED_WORDS = re.compile(rf"(?<=[^\W\d_{_UPPER}]{{3}})[{_UPPER}](?=[^\W\d_{_UPPER}])")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SLUG_WORD = re.compile(r"[^\W\d_]{3,}")
# A headline names what the story is about: its words come back in the story's first lines,
# where a menu's, a teaser's or a call to action's rarely do.
STORY_LINES = 30
ECHO_POINTS = 8.0
MIN_ECHO_KEYS = 4
STEM = 5
_WORD = re.compile(r"[^\W\d_]{4,}")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


def choose_title(texts: list[str], body_start: int, url: str | None = None) -> int | None:
    """The index of the headline among `texts`, a capture's live lines, whose article was
    found to begin at `body_start`: a line above it, nearest first, or one of the body's
    first lines (a teaser above the headline may have drawn the article's start up)."""
    # Copies near the article (a breadcrumb or page title over the heading), not the
    # menus a page prints at its top and again in its footer.
    near = texts[max(body_start - NEAR_LINES, 0) : body_start + BODY_LINES]
    counts = _Copies(without_label(text) for text in near)
    slug = _slug_words(url)
    meta = _meta_lines(texts, body_start)
    story = _Story(texts, body_start)
    scored = [
        *_head_candidates(texts, body_start, counts, slug, meta),
        *_body_candidates(texts, body_start, counts, slug, meta),
    ]
    scored = [(i, score + ECHO_POINTS * _echo(texts[i], story, i)) for i, score in scored]
    best = max(scored, key=lambda pair: (pair[1], -pair[0]), default=None)
    if best is None or best[1] <= 0:
        return None
    chosen = _plainest_copy(texts, best[0], [i for i, _ in scored])
    return _over_its_deck(texts, chosen, dict(scored), best[1])


class _Copies(Counter):
    """How often each line is printed near the article; a line that ends another one
    ("Home News Downtown Madison rebound?": a breadcrumb's last crumb) counts as a copy."""

    def printed_twice(self, text: str) -> bool:
        if self[text] > 1:
            return True
        return any(other != text and other.endswith(" " + text) for other in self)


def _plainest_copy(texts: list[str], best: int, candidates: list[int]) -> int:
    """ "Headline | CBC Arts", "NewsPoliticsHeadline": the headline printed alone as well is
    the headline without the site's name or the breadcrumb glued to it."""
    inside = [
        index
        for index in candidates
        if index != best
        and line_of(texts[index]).words >= MIN_TITLE_OVER_DECK
        and _glued_to(texts[index], texts[best])
    ]
    return max(inside, key=lambda index: len(texts[index]), default=best)


def _glued_to(copy: str, longer: str) -> bool:
    """Whether `longer` is `copy` with a site's name or crumbs glued on by a separator or
    by innerText ("NewsPolitics" + headline). A headline going on after it ("…: How to
    Communicate", "… to get ahead at work") is the longer headline, not a copy with more."""
    before, found, after = longer.partition(copy)
    if not found or (before and after):
        return False
    if after:
        return after.startswith(_SITE_SEPARATORS)
    glued = before[-1:].isalpha() or before.endswith("-")  # "NewsPolitics…", "MSV-…"
    return before.endswith(_SITE_SEPARATORS) or (glued and copy[:1].isupper())


def _head_candidates(texts, body_start, counts, slug, meta) -> list[tuple[int, float]]:
    found: list[tuple[int, float]] = []
    for index in range(body_start - 1, -1, -1):
        if len(found) >= CANDIDATES:
            break
        if _headline_shaped(texts, index):
            twice = counts.printed_twice(without_label(texts[index]))
            score = _score(line_of(texts[index]), twice, slug)
            score += _layout_points(index, meta) - BESIDE_CREDIT * _beside_a_credit(texts, index)
            score += FIRST_AFTER_MENUS * _first_after_menus(texts, index)
            found.append((index, score - len(found) * PER_CLOSER_CANDIDATE))
    return found


def _meta_lines(texts: list[str], body_start: int) -> list[int]:
    """The byline and date lines around the article's start: headlines sit above them."""
    window = range(max(body_start - NEAR_LINES, 0), min(body_start + BODY_LINES, len(texts)))
    return [i for i in window if dates_in_line(texts[i]) or byline_at(texts, i) is not None]


def _layout_points(index: int, meta: list[int]) -> float:
    """A headline sits right above the byline or date; a line right under them is the
    photo's caption or the standfirst."""
    if any(0 < line - index <= META_BELOW_TITLE for line in meta):
        return ABOVE_BYLINE
    if any(0 < index - line <= META_BELOW_TITLE for line in meta):
        return -UNDER_BYLINE
    return 0.0


def _body_candidates(texts, body_start, counts, slug, meta) -> list[tuple[int, float]]:
    found: list[tuple[int, float]] = []
    prose_above = 0
    for index in range(body_start, min(body_start + BODY_LINES, len(texts))):
        line = line_of(texts[index])
        layout = _layout_points(index, meta)
        # A sentence is the story's, unless a byline or date follows it as it would a headline.
        shaped = line.words <= MAX_BODY_TITLE_WORDS and (not line.text.endswith(".") or layout > 0)
        if shaped and _headline_shaped(texts, index):
            score = _score(line, counts.printed_twice(without_label(line.text)), slug)
            score -= BESIDE_CREDIT * _beside_a_credit(texts, index)
            score += layout - prose_above * PER_PROSE_LINE_ABOVE
            if index > body_start:  # the run's first line is as often the headline itself
                score -= IN_BODY
            found.append((index, score))
        prose_above += line.prose
    return found


def _over_its_deck(texts: list[str], index: int, scores: dict[int, float], best: float) -> int:
    """A long headline-shaped line under one no longer is the deck under the title; dates,
    bylines and labels may sit between them. The shorter one must be a headline nearly as
    likely: a menu's entry or a notice over a long headline is not its title."""
    if line_of(texts[index]).words < MIN_DECK_WORDS:
        return index
    if (above := _over_a_sentence(texts, index, scores, best)) is not None:
        return above
    for above in range(index - 1, max(index - 1 - DECK_GAP, -1), -1):
        if _headline_shaped(texts, above):
            words = line_of(texts[above]).words
            if above not in scores or scores[above] < best - DECK_MARGIN:
                return index
            if _a_label(texts[above]) or _glued_to(texts[index], texts[above]):
                return index  # a kicker, or the headline itself with crumbs glued on
            return above if MIN_TITLE_OVER_DECK <= words <= line_of(texts[index]).words else index
    return index


def _a_label(text: str) -> bool:
    """ "Christmas Specials | Beside the seaside": short parts joined by a separator are a
    section's and a series' names (a kicker), not a headline."""
    parts = [text]
    for separator in _SITE_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    return len(parts) > 1 and all(len(part.split()) < MIN_TITLE_OVER_DECK for part in parts)


def _over_a_sentence(
    texts: list[str], index: int, scores: dict[int, float], best: float
) -> int | None:
    """A deck written as a sentence ("… is dead at 83.", a quote): the headline-shaped line
    right over it is its title, though scored lower (the deck is nearer the story)."""
    above = index - 1
    if not texts[index].endswith(_FULL_STOPS) or above not in scores:
        return None
    long_enough = line_of(texts[above]).words >= MIN_TITLE_OVER_SENTENCE
    return above if long_enough and scores[above] >= best - SENTENCE_DECK_MARGIN else None


def _score(line: Line, twice: bool, slug: set[str]) -> float:
    score = float(min(line.words, MAX_WORD_POINTS))
    # Standfirsts and captions run long; headlines rarely pass fifteen words.
    score -= PER_WORD_OVER * max(line.words - LONGEST_USUAL_TITLE, 0)
    if _letter_words(line.text) < SHORT_TITLE_WORDS:
        score -= SHORT_LINE  # "News & Politics": a menu's entry more often than a headline
    if line.text.isupper() and line.words > 1:
        score -= ALL_CAPITALS  # a kicker or a section's name, more often than a headline
    if twice and line.words >= MIN_TWICE_WORDS:
        score += PRINTED_TWICE
    if line.text.endswith("."):
        score -= ENDS_WITH_FULL_STOP
    if slug:
        words = {word.casefold() for word in _SLUG_WORD.findall(line.text)}
        score += SLUG_MATCH * len(words & slug) / len(slug)
    return score


def _letter_words(text: str) -> int:
    return (
        sum(any(c.isalpha() for c in word) for word in text.split())
        + len(_CJK_CHAR.findall(text)) // 2
    )


def without_label(title: str) -> str:
    """ "Share this Story : The headline": a button's label glued to the headline goes, and
    so does the kind of piece innerText joins to it with a space ("Opinion What I'll …")
    and a quote glued on as its kicker; with a colon ("Opinion: …") the label is the
    headline's own."""
    label, colon, rest = title.partition(":")
    if colon and rest.strip() and (is_furniture(label.strip()) or _SHARE_LABEL.search(label)):
        return rest.strip()
    kicker = _KIND_OF_PIECE.match(title) or _GLUED_QUOTE.match(title)
    if kicker and len(title[kicker.end() :].split()) >= MIN_TITLE_WORDS:
        return title[kicker.end() :]
    return _after_glued_crumbs(title)


def _after_glued_crumbs(title: str) -> str:
    """ "HomeLocalCountyThe headline": the crumbs innerText glued to the heading go."""
    glued = list(_GLUED_WORDS.finditer(title))
    if len(glued) < 2:
        return title
    rest = title[glued[-1].start() :]
    return rest if len(rest.split()) >= MIN_TITLE_WORDS else title


def _headline_shaped(texts: list[str], index: int) -> bool:
    return _shaped_alone(texts[index]) and byline_at(texts, index) is None


@lru_cache(maxsize=16384)
def _shaped_alone(text: str) -> bool:
    """Whether a line's text alone could be a headline (the lines under it may still make it
    a byline); cached, as each candidate is asked again and menus repeat across pages."""
    line = line_of(text)
    if line.furniture or line.ends_article or text.endswith((":", ",")):
        return False
    if not MIN_TITLE_WORDS <= line.words <= MAX_TITLE_WORDS or text[0].islower():
        return False
    if text.startswith(("(", "* ", "+ ", "…", "...")) or _crumbs(_after_glued_crumbs(text)):
        return False  # a note, a text browser's list item, a deck's sequel, a breadcrumb
    if dates_in_line(text) or credit_of(text) or bare_name(text):
        return False
    return not is_credited(text)  # a photo's caption with its credit: "… Foto: Metropolitan Police"


def _crumbs(text: str) -> bool:
    """Whether a line is a breadcrumb or a menu: two or more separators, or words glued on
    (one brand's capital, "WhatsApp", "iPhone", is a headline's own)."""
    return any(len(pattern.findall(text)) >= 2 for pattern in (_CRUMB, _GLUED_WORDS))


def _first_after_menus(texts: list[str], index: int) -> bool:
    """The first long line after menus and labels: where a page's head begins. A deck or
    a caption follows the headline instead."""
    if index == 0 or line_of(texts[index]).words < MIN_TITLE_OVER_DECK:
        return False
    above = line_of(texts[index - 1])
    return above.furniture or _letter_words(above.text) < SHORT_TITLE_WORDS


def _beside_a_credit(texts: list[str], index: int) -> bool:
    """Beside a photo credit (printed under or over its caption), or under or ending with
    a video's or a recording's running time ("01:53", "… (1 Min)"): a caption, or the
    video's own title."""
    if _TIMED.search(texts[index]) or (index and _RUNNING_TIME.fullmatch(texts[index - 1])):
        return True
    neighbours = texts[max(index - 1, 0) : index] + texts[index + 1 : index + 2]
    return any(credit_of(text) is not None for text in neighbours)


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return {word.casefold() for word in _SLUG_WORD.findall(path.replace("-", " "))}


@lru_cache(maxsize=16384)
def _keys(text: str) -> frozenset[str]:
    """A line's content words, cut to their stems, and for Chinese, Japanese and Korean
    its character pairs."""
    keys = {word[:STEM] for word in _WORD.findall(text.casefold())}  # (one fold a line)
    if not text.isascii():
        for run in _CJK_RUN.findall(text):
            keys.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(keys)


class _Story:
    """The words of the story's first prose lines: how many lines hold each, and which
    lines they are (a line's own words do not echo it)."""

    def __init__(self, texts: list[str], body_start: int) -> None:
        end = min(body_start + STORY_LINES, len(texts))
        self.lines = {i for i in range(body_start, end) if line_of(texts[i]).prose}
        self.counts: Counter[str] = Counter()
        for index in self.lines:
            self.counts.update(_keys(texts[index]))


def _echo(text: str, story: _Story, index: int) -> float:
    """The share of a line's words the story repeats (on lines other than its own)."""
    keys = _keys(text)
    if not keys:
        return 0.0
    own = 1 if index in story.lines else 0
    repeated = sum(story.counts[key] > own for key in keys)
    # Over at least a few words: one common word repeated says little.
    return repeated / max(len(keys), MIN_ECHO_KEYS)
