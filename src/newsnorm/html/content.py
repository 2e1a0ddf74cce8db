"""Finding the article in a prepared page (see newsnorm.html.clean): typed blocks in
reading order, and the captioned images inside the article.

Each paragraph scores its parent by its length, its grandparent by half of it and the
next ancestor by a third (for text split across sibling wrappers). The best-scoring
element is the article's core. It widens to ancestors that add mostly more paragraphs,
and its siblings join it when they score close to it, as the rest of a story often sits
in parallel columns or sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from newsnorm.document import Block, ImageRef
from newsnorm.html.clean import (
    BLOCK_TAGS,
    FIRST_TAG,
    LINE_BREAK,
    MIN_STANDFIRST,
    ROLE,
    HtmlElement,
    has_block_inside,
    prepare,
)
from newsnorm.html.prose import is_number_heavy, is_prose, prose_chars, visible_len
from newsnorm.html.scripts import RICH_TEXT_HINT, embedded_markup, embedded_rich_text
from newsnorm.text.patterns import clean_preformatted, clean_text, ends_like_sentence

_BLOCK_TYPES = {
    "p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "blockquote": "quote", "li": "list_item", "pre": "preformatted",
}  # fmt: skip
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
# An XHTML page's XML declaration: lxml refuses decoded text that declares an encoding, and
# the text is decoded already (newsnorm.text.decoding reads the declaration's charset first).
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MIN_PARAGRAPH_CHARS = 25
_MAX_LINK_DENSITY = 0.5
# A paragraph's length counts fully for its parent, half for the grandparent and a third
# for the next one up: text split across sibling wrappers still adds up somewhere.
_DECAY = (1.0, 1 / 2, 1 / 3)
_SIBLING_SHARE = 0.2
# A sentence with a link inside: this much of it linked at most, opening with this many
# words of its own.
_MAX_SENTENCE_LINKS = 0.8
_MIN_OPENING_WORDS = 4
_SIBLING_LINKS = 0.25  # a lone sibling paragraph joins only when it is plainly prose
# Kept only when they hold the story; never joined to it as a sibling.
_PAGE_FURNITURE = frozenset(("header", "footer", "nav", "aside", "menu"))
_WIDEN_GOOD_SHARE = 0.7
# How far above the best container a story's repeated sections may start, and the story
# paragraphs each must hold.
_PART_LEVELS = 3
_MIN_PART_CHARS = 200
_LARGER_SECTION_SHARE = 0.5
# A first choice with less prose than this is checked against the fallbacks, which must
# give more than _MARGIN times its prose to replace it.
_ENOUGH_PROSE = 600
_MARGIN = 2
_KEPT_SHARE = 0.5
_MIN_LIST_ITEMS = 2
# A listicle: at least this many items built alike, looked for this many levels up.
_MIN_ITEMS = 3
_ITEM_DEPTH = 7
_NUMBERED = re.compile(r"\d")
# A headline this long names its story in the page's title; "News" would name any.
_MIN_HEADLINE_WORDS = 3
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# Linked items this short name things (a film, a nominee); a teaser's headline runs longer.
_MAX_NAME_ITEM_WORDS = 6
# Set on the elements the article is read from, naming the attempt that chose them, for
# `newsnorm explain` to mark the region (an attribute on a few elements: free to set).
REGION = "data-newsnorm-region"


def parse(text: str) -> HtmlElement:
    """The page as an lxml tree; control characters (never text, and refused by lxml when
    the tree is edited) are dropped first."""
    declaration = _XML_DECLARATION.match(text)
    text = text[declaration.end() :] if declaration else text
    try:  # lxml reads UTF-8 faster than str, and bytes drop control characters in C
        markup: str | bytes = text.encode("utf-8").translate(None, _CONTROL_BYTES)
    except UnicodeEncodeError:  # a lone surrogate: the slower way
        markup = _CONTROL_CHARS.sub("", text)
    if not markup.strip() or not text.strip():
        return lxml_html.document_fromstring("<html></html>", parser=_html_parser(str))
    return lxml_html.document_fromstring(markup, parser=_html_parser(type(markup)))


@cache
def _html_parser(kind: type) -> lxml_html.HTMLParser:
    """lxml.html's parser, but every element an HtmlElement chosen in C: lxml.html's own
    lookup (a Python method, giving forms and inputs classes of their own, which newsnorm
    never uses) ran for each of the half a million elements a page read touches, a sixth
    of the time of reading it. Bytes are the page's text encoded as UTF-8 here: the page's
    own charset declarations no longer apply."""
    parser = lxml_html.HTMLParser(encoding="utf-8" if kind is bytes else None)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity,
        )
    )  # fmt: skip
    return parser


Extraction = tuple[list[Block], list[ImageRef]]


def content_blocks(
    tree: HtmlElement, text: str | None = None, *, discussion: bool = False
) -> Extraction:
    """The article's blocks and the captioned images inside it. On a `discussion` page (a
    forum thread, a Q&A page: newsnorm.html.meta) the comment threads are the text.

    Given the page's text, a first choice that holds little prose is checked against two
    more attempts on fresh parses: the same scoring with nothing dropped by name (the
    article may sit in a <form> or a box whose name reads like boilerplate), then every
    prose paragraph of the page in order. A page with no prose at all is read once more with
    its comment threads kept (a forum thread is nothing else) and searched for story markup
    inside its scripts (newsnorm.html.scripts); one with no text even then, with its
    header, asides and <noscript> kept. (Comment threads are never tried on a page with a
    short story: a news brief under a long thread would become its comments.)"""
    # (read before the cleaning drops the scripts: a page without the hint holds none)
    data = list(embedded_rich_text(tree)) if text is not None and RICH_TEXT_HINT in text else []
    first = _extract(tree, threads=True, region=_DISCUSSION) if discussion else _extract(tree)
    mine = _prose(first)
    whole = next((story for story in _data_stories(data) if _completes(first, mine, story)), None)
    if whole is not None:
        return whole
    if text is None or mine >= _ENOUGH_PROSE:
        return first
    for fallback in (_relaxed_extract, _all_prose):
        other = fallback(parse(text))
        if _replaces(first, mine, other):
            return other
    if mine == 0:  # nothing to read but comments (a forum thread), or drawn by scripts?
        thread = _extract(parse(text), relaxed=True, threads=True, region=_THREAD)
        best = max((first, thread, *_embedded_stories(parse(text))), key=_prose)
        if best[0]:
            return best
        furniture = _furniture_extract(parse(text))  # prose only: a menu and a copyright
        return furniture if _prose(furniture) else best  # line are no page's text
    return first


_DATA_STORY = "the story in the page's data (the page shows part of it)"


def _data_stories(markups: list[str]) -> Iterator[Extraction]:
    for markup in markups:
        yield _extract(_fragment(markup), relaxed=True, region=_DATA_STORY)


def _fragment(markup: str) -> HtmlElement:
    """A page of its own for markup found in the page's data or scripts."""
    return parse(f"<html><body>{markup}</body></html>")


def _completes(first: Extraction, mine: int, story: Extraction) -> bool:
    """Whether a story in the page's data is the whole of what the page shows part of (a
    paywall's preview): far more prose, holding most of the shown prose."""
    if _prose(story) <= _MARGIN * mine:
        return False
    theirs = {block.text for block in story[0]}
    return (
        prose_chars(block.text for block in first[0] if block.text in theirs) >= mine * _KEPT_SHARE
    )


def _embedded_stories(tree: HtmlElement) -> Iterator[Extraction]:
    for markup in embedded_markup(tree):
        yield _extract(_fragment(markup), relaxed=True, region="story markup in a script")


def region_of(node: HtmlElement) -> str | None:
    """How the article region holding `node` was chosen, or None when it is outside."""
    for element in (node, *node.iterancestors()):
        if chosen := element.get(REGION):
            return chosen
    return None


def page_blocks(node: HtmlElement) -> list[Block]:
    """Every block of the page `node` is in, as prepared for scoring and in page order:
    the article's and what it left out. (Dropped furniture, like <nav>, is gone by then.)"""
    root = node.getroottree().getroot()
    body = root.find("body")
    return list(_blocks(body if body is not None else root))


def _replaces(first: Extraction, mine: int, other: Extraction) -> bool:
    """Far more prose than the first choice's `mine`, found somewhere else: an attempt that
    holds the first choice's text and more has only widened it over the page's furniture
    (a footer, teasers)."""
    if _prose(other) <= _MARGIN * mine:
        return False
    theirs = {block.text for block in other[0]}
    kept = prose_chars(block.text for block in first[0] if block.text in theirs)
    return not mine or kept < mine * _KEPT_SHARE


def _extract(tree: HtmlElement, *, region: str = "", **cleaning: bool) -> Extraction:
    """The best-scoring containers' blocks and images, the page prepared with `cleaning`
    (newsnorm.html.clean.prepare's options)."""
    root = _prepared_body(tree, **cleaning)
    containers = _article_containers(root)
    for container in containers:
        container.set(REGION, region or _SCORED[cleaning.get("relaxed", False)])
    images = [image for container in containers for image in _take_figures(container)]
    blocks = [block for container in containers for block in _blocks(container)]
    return blocks, images


_SCORED = ("the best-scoring container", "the best-scoring container, nothing dropped by name")
_THREAD = "the best-scoring container, comment threads kept (nothing else on the page)"
_FURNITURE = "the best-scoring container, the page's furniture kept (no text anywhere else)"
_DISCUSSION = "the best-scoring container, comment threads kept (a forum or Q&A page)"


def _furniture_extract(tree: HtmlElement) -> Extraction:
    """The last try on a page with no text anywhere else: its text is all in what is
    furniture on other pages (a post inside an <aside> or <header>, a <noscript> copy)."""
    return _extract(tree, relaxed=True, threads=True, furniture=True, region=_FURNITURE)


def _relaxed_extract(tree: HtmlElement) -> Extraction:
    return _extract(tree, relaxed=True)


def _prepared_body(tree: HtmlElement, **cleaning: bool) -> HtmlElement:
    body = tree.find("body")
    root = body if body is not None else tree
    prepare(root, **cleaning)
    return root


def _all_prose(tree: HtmlElement) -> Extraction:
    """The last resort: every paragraph of the page that reads as prose, in page order."""
    root = _prepared_body(tree, relaxed=True)
    root.set(REGION, "every prose paragraph of the page (little prose elsewhere)")
    images = _take_figures(root)
    blocks = [block for block in _blocks(root) if is_prose(block.text)]
    return blocks, images


def _prose(extraction: Extraction) -> int:
    return prose_chars(block.text for block in extraction[0])


def _article_containers(root: HtmlElement) -> list[HtmlElement]:
    counted = _counted_paragraphs(root)
    scores = _container_scores(counted)
    if not scores:
        return []
    core = _titled_story(root, scores)
    if core is None:
        core = max(scores, key=scores.__getitem__)
    best = _all_items(_widen(core, counted), counted)
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = scores[core] * _SIBLING_SHARE
    good = _good_chars(best, counted) * _SIBLING_SHARE
    siblings = list(parent)
    apart = _story_of_its_own(best)  # the next story of an endless page is no sibling part
    joined = [
        sibling is best
        or (
            not (apart and _story_of_its_own(sibling))
            and _joins(sibling, scores, threshold, counted, good)
        )
        for sibling in siblings
    ]
    _join_list_sections(siblings, joined)
    _join_standfirst(siblings, joined)
    chosen = [sibling for sibling, joins in zip(siblings, joined, strict=True) if joins]
    return chosen + _repeated_parts(best, counted)


def _is_part(section: HtmlElement, counted: dict[HtmlElement, int]) -> bool:
    """A section of the story: a heading of its own over mostly story paragraphs."""
    if next(section.iter("h2", "h3", "h4"), None) is None:
        return False
    good = _good_chars(section, counted)
    return good >= _MIN_PART_CHARS and good >= len(section.text_content()) * _LARGER_SECTION_SHARE


def _repeated_parts(best: HtmlElement, counted: dict[HtmlElement, int]) -> list[HtmlElement]:
    """The story's next parts when it is cut into sections of one name (a slideshow's
    slides, a list article's items: <div class="news-article"> each with its heading,
    picture and paragraphs) and the best container is the first section's paragraphs: the
    sections after the one holding it, of its tag and class, each a heading over mostly
    story paragraphs."""
    part = best
    for _ in range(_PART_LEVELS):
        parent = part.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return []
        name = part.get("class")
        if name and not _story_of_its_own(part):
            parts = [
                section
                for section in part.itersiblings()
                if section.tag == part.tag
                and section.get("class") == name
                and _is_part(section, counted)
            ]
            if parts:
                return parts
        part = parent
    return []


def _join_list_sections(siblings: list[HtmlElement], joined: list[bool]) -> None:
    """Sections made of lists (award categories, a recipe's ingredients and steps, a
    product's features) score nothing, having no paragraphs: between the story's parts, or
    right after its last one, a section of headings and plain list items is the story's,
    and so is a heading of its own right over one ("Amenities" over a rental's list)."""
    last = max(i for i, joins in enumerate(joined) if joins)
    first = joined.index(True)
    for index in range(first, len(siblings)):
        if joined[index]:
            continue
        if _is_list_section(siblings[index]) or _heads_a_list(siblings, index):
            joined[index] = True
        elif index > last:
            break


def _join_standfirst(siblings: list[HtmlElement], joined: list[bool]) -> None:
    """A standfirst set as a heading right above the story ("<h2 class="subtitle">" of a
    sentence or two): it scores nothing, but it is the story's opening."""
    first = joined.index(True)
    if first == 0:
        return
    heading = siblings[first - 1]
    if heading.tag not in _HEADINGS:
        return
    text = heading.text_content()
    if visible_len(text) >= MIN_STANDFIRST and is_prose(text):
        joined[first - 1] = True
        heading.set(FIRST_TAG, heading.tag)  # read as the paragraph it is
        heading.tag = "p"


def _heads_a_list(siblings: list[HtmlElement], index: int) -> bool:
    following = siblings[index + 1] if index + 1 < len(siblings) else None
    return (
        siblings[index].tag in _HEADINGS and following is not None and _is_list_section(following)
    )


def _joins(
    sibling: HtmlElement,
    scores: dict[HtmlElement, float],
    threshold: float,
    counted: dict[HtmlElement, int],
    good: float,
) -> bool:
    if sibling.tag in _PAGE_FURNITURE or _holds_posts(sibling):
        return False
    if scores.get(sibling, 0.0) >= threshold or _is_good_paragraph(sibling):
        return True
    return _is_more_story(sibling, counted, good)


def _holds_posts(element: HtmlElement) -> bool:
    """Whether an element holds two <article>s or more: a list of posts (a blog's "You may
    also like" under the story), never the story's next part."""
    posts = element.iter("article")
    return next(posts, None) is not None and next(posts, None) is not None


def _is_more_story(sibling: HtmlElement, counted: dict[HtmlElement, int], good: float) -> bool:
    """A sibling section whose paragraphs sit deeper than scores reach (a module, a box,
    a paragraph wrapper): it joins when it holds a fair share of story paragraphs and is
    mostly made of them, as the next part of a story cut into sections is."""
    chars = _good_chars(sibling, counted)
    if chars < max(good, _MIN_PARAGRAPH_CHARS):
        return False
    # A section with more story than the core itself (live-blog entries with their time and
    # author lines) may carry more furniture between its paragraphs.
    share = _LARGER_SECTION_SHARE if chars >= good / _SIBLING_SHARE else _WIDEN_GOOD_SHARE
    return chars >= len(sibling.text_content()) * share


def _is_list_section(element: HtmlElement) -> bool:
    """A section that is mostly the text of its list items, which are not links."""
    if element.tag in _PAGE_FURNITURE:
        return False
    items = [item for item in element.iter("li") if item.text_content().strip()]
    if len(items) < _MIN_LIST_ITEMS:
        return False
    listed = sum(visible_len(item.text_content()) for item in items)
    linked = sum(visible_len(a.text_content()) for item in items for a in item.iter("a"))
    shown = visible_len(element.text_content())
    return listed >= shown * _WIDEN_GOOD_SHARE and linked <= listed * _MAX_LINK_DENSITY


def _widen(core: HtmlElement, counted: dict[HtmlElement, int]) -> HtmlElement:
    """Climb while what each ancestor adds is mostly more article paragraphs: stories cut
    into many small wrappers (NYT's columns, card layouts) have no single best parent.
    Ancestors that add nothing (bare wrappers) are passed through, and the outermost one is
    the answer: its siblings are where the rest of a story cut into sections sits."""
    good, total = _good_chars(core, counted), len(core.text_content())
    outer = core
    for ancestor in core.iterancestors():
        if ancestor.tag in ("body", "html") or _holds_another_story(ancestor, outer):
            break
        added_good = _good_chars(ancestor, counted) - good
        added_total = len(ancestor.text_content()) - total
        if added_good < _MIN_PARAGRAPH_CHARS <= added_total - added_good:
            break
        if added_good >= _MIN_PARAGRAPH_CHARS:
            if added_good < added_total * _WIDEN_GOOD_SHARE:
                break
            core, good, total = ancestor, good + added_good, total + added_total
        outer = ancestor
    return outer


def _holds_another_story(ancestor: HtmlElement, outer: HtmlElement) -> bool:
    """Whether climbing from a whole story (an <article> with its headline) to `ancestor`
    would take in another <article>: an endless page's next story inside one wrapper, or a
    blog's teaser posts under the story."""
    if not _story_of_its_own(outer):
        return False
    return any(
        story is not outer and not _within(story, outer) for story in ancestor.iter("article")
    )


def _titled_story(root: HtmlElement, scores: dict[HtmlElement, float]) -> HtmlElement | None:
    """On a page that holds several whole stories (<article> elements, the next ones of an
    endless page), the best container inside the one whose headline is the page's title;
    None when the page holds one story or names none of them."""
    stories = [story for story in root.iter("article") if _headline(story)]  # (3+ words)
    if len(stories) < 2:
        return None
    title = _page_title(root)
    named = [story for story in stories if _headline(story) in title]
    # (an <article> around the whole endless page has the first story's headline too)
    named = [story for story in named if not any(_within(other, story) for other in named)]
    if len(named) != 1:
        return None
    inside = [element for element in scores if element is named[0] or _within(element, named[0])]
    return max(inside, key=scores.__getitem__, default=None)


def _story_of_its_own(element: HtmlElement) -> bool:
    """An <article> with a headline of its own: a whole story, not a part of one."""
    return element.tag == "article" and bool(_headline(element))


def _headline(story: HtmlElement) -> str:
    """A story's headline, folded; empty when it has none long enough to name it."""
    heading = next(story.iter("h1", "h2"), None)
    words = heading.text_content().split() if heading is not None else []
    return " ".join(words).casefold() if len(words) >= _MIN_HEADLINE_WORDS else ""


def _page_title(root: HtmlElement) -> str:
    """The page's <title> and og:title, folded: what names the page's own story."""
    page = root.getroottree().getroot()
    titles = [element.text_content() for element in page.iter("title")]
    titles += [meta.get("content") or "" for meta in page.iter("meta")
               if meta.get("property") == "og:title"]  # fmt: skip
    return " ".join(" ".join(titles).split()).casefold()


def _within(element: HtmlElement, ancestor: HtmlElement) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _all_items(best: HtmlElement, counted: dict[HtmlElement, int]) -> HtmlElement:
    """A listicle's item, or a live blog's entry, is one of many built alike (the same tag
    and class) under one parent, each with its own paragraphs: the story is all of them, the
    parent they fill. Whole stories built alike (<article> elements, or with their own
    <h1>) are not one story's items."""
    for element in (best, *islice(best.iterancestors(), _ITEM_DEPTH)):
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        kind = _kind(element)
        alike = [sibling for sibling in parent if _kind(sibling) == kind]
        items = [s for s in alike if _good_chars(s, counted) >= _MIN_PARAGRAPH_CHARS]
        if len(items) >= _MIN_ITEMS and not any(_whole_story(s) for s in alike):
            return parent if _mostly(alike, parent) else best
    return best


def _mostly(items: list[HtmlElement], parent: HtmlElement) -> bool:
    """Whether the items hold most of their parent's text (not items among teaser boxes)."""
    held = sum(len(item.text_content()) for item in items)
    return held >= len(parent.text_content()) * _WIDEN_GOOD_SHARE


def _kind(element: HtmlElement) -> tuple[str, frozenset[str]]:
    """An element's tag and class names but those that number it: items built alike share
    them ("subbuzz subbuzz-index-3" is built as "subbuzz subbuzz-index-4")."""
    classes = (element.get("class") or "").split()
    return element.tag, frozenset(name for name in classes if not _NUMBERED.search(name))


def _whole_story(element: HtmlElement) -> bool:
    return element.tag == "article" or next(element.iter("h1"), None) is not None


def _good_chars(element: HtmlElement, counted: dict[HtmlElement, int]) -> int:
    return sum(counted.get(paragraph, 0) for paragraph in element.iter("p"))


def _counted_paragraphs(root: HtmlElement) -> dict[HtmlElement, int]:
    """The length of every paragraph that scores, measured once for scoring and widening."""
    counted = {}
    for paragraph in root.iter("p"):
        text = paragraph.text_content().strip()
        if _counts(paragraph, text):
            counted[paragraph] = len(text)
    return counted


def _container_scores(counted: dict[HtmlElement, int]) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}
    for paragraph, length in counted.items():
        for depth, ancestor in enumerate(paragraph.iterancestors()):
            if depth == len(_DECAY):
                break
            scores[ancestor] = scores.get(ancestor, 0.0) + length * _DECAY[depth]
            if ancestor.tag == "article":
                break  # (an <article>'s text is its own: a post's, not the list holding it)
    return scores


def _counts(paragraph: HtmlElement, text: str) -> bool:
    """Paragraphs that score: long enough, text rather than a list of links or numbers."""
    if visible_len(text) < _MIN_PARAGRAPH_CHARS or is_number_heavy(text):
        return False
    if _inside_link(paragraph):
        return False
    return _link_density(paragraph, text) <= _MAX_LINK_DENSITY


def _is_good_paragraph(element: HtmlElement) -> bool:
    if element.tag != "p":
        return False
    text = element.text_content().strip()
    return len(text) >= _MIN_PARAGRAPH_CHARS and _link_density(element, text) < _SIBLING_LINKS


def _blocks(container: HtmlElement) -> Iterator[Block]:
    lists_of_names: dict[HtmlElement, bool] = {}  # each list judged once, not once an item
    for element in container.iter(*_BLOCK_TYPES):
        if _inside_block(element, container):
            continue
        text = _block_text(element)
        if not text:
            continue
        share = _linked_share(element, text)
        if (
            share <= _MAX_LINK_DENSITY
            or _listed(element, lists_of_names)
            or (share <= _MAX_SENTENCE_LINKS and _sentence_around_links(element, text))
        ):
            yield Block(text=text, type=_BLOCK_TYPES[element.tag], node=element)


def _sentence_around_links(element: HtmlElement, text: str) -> bool:
    """A paragraph that is one sentence of the story with a long link inside it ("The
    suspect was convicted and <a>sentenced to life in federal prison last Thursday</a>."):
    it opens with words of its own and closes like a sentence (a link list does neither)."""
    opening = (element.text or "").split()
    return element.tag == "p" and len(opening) >= _MIN_OPENING_WORDS and ends_like_sentence(text)


def _listed(element: HtmlElement, lists_of_names: dict[HtmlElement, bool]) -> bool:
    """An item of a list of names the article announces with its own heading ("Best
    picture" over the nominees, each linked to its page): the story's, links and all."""
    holder = element.getparent()
    if element.tag != "li" or holder is None:
        return False
    if holder not in lists_of_names:
        lists_of_names[holder] = _names_under_a_heading(holder)
    return lists_of_names[holder]


def _names_under_a_heading(holder: HtmlElement) -> bool:
    heading = holder.getprevious()
    if heading is None or heading.tag not in _HEADINGS:
        return False
    items = [len(item.text_content().split()) for item in holder.iter("li")]
    return len(items) >= _MIN_LIST_ITEMS and max(items) <= _MAX_NAME_ITEM_WORDS


def _block_text(element: HtmlElement) -> str:
    """The text as a reader sees it: the markup's line breaks and runs of spaces are one
    space; only a <br> breaks the line, and preformatted text keeps its own layout."""
    text = _spaced_text(element)
    if element.tag == "pre":
        return clean_preformatted(text.replace(LINE_BREAK, "\n"))
    lines = (" ".join(line.split()) for line in text.split(LINE_BREAK))
    return clean_text("\n".join(line for line in lines if line))


def _spaced_text(element: HtmlElement) -> str:
    """The element's text, a space at the edges of the blocks inside it: a list item's
    heading and paragraph ("<h2>Storm</h2><p>The port …") are two words apart, not one."""
    if not has_block_inside(element):
        return element.text_content()  # most blocks: nothing inside to keep apart
    parts = [element.text or ""]
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if node is element:
            continue
        apart = " " if node.tag in BLOCK_TAGS else ""
        if event == "start":
            parts += (apart, node.text or "")
        else:  # (a comment's text is no text, its tail is)
            parts += (apart, node.tail or "")
    return "".join(parts)


def _one_line(text: str) -> str:
    return clean_text(" ".join(text.split()))


def _inside_block(element: HtmlElement, container: HtmlElement) -> bool:
    """Nested blocks (a <p> inside a <blockquote> or <li>) are read with their parent."""
    if element is container:
        return False
    parent = element.getparent()
    while parent is not None and parent is not container:
        if parent.tag in _BLOCK_TYPES or parent.tag == "figcaption":
            return True
        parent = parent.getparent()
    return parent is not None and parent.tag in _BLOCK_TYPES


def _take_figures(container: HtmlElement) -> list[ImageRef]:
    """Each <figure>, and each group of captions outside one, becomes an image (its <img>,
    caption and credit) and leaves the tree; a caption printed twice is kept once."""
    groups: dict[HtmlElement, list[HtmlElement]] = {f: [] for f in container.iter("figure")}
    for caption in container.iter("figcaption"):
        if not any(ancestor.tag == "figcaption" for ancestor in caption.iterancestors()):
            groups.setdefault(_holder(caption), []).append(caption)
    images = [_image(holder, captions) for holder, captions in groups.items()]
    images = [image for image in images if image.url or image.caption]
    for element in list(container.iter("figure", "figcaption")):
        if element.getparent() is not None:
            element.drop_tree()
    unique = {(image.caption or image.url): image for image in reversed(images)}
    return [image for image in images if unique.get(image.caption or image.url) is image]


def _holder(caption: HtmlElement) -> HtmlElement:
    """The figure a caption belongs to, else the wrapper it shares with its image."""
    figure = next((a for a in caption.iterancestors() if a.tag == "figure"), None)
    if figure is not None:
        return figure
    parent = caption.getparent()
    return parent if parent is not None else caption


def _image(holder: HtmlElement, captions: list[HtmlElement]) -> ImageRef:
    image = holder.find(".//img")
    texts, credits = [], []
    for caption in captions:
        text = _one_line(caption.text_content())
        for credit in caption.iter("figcaption"):
            if credit.get(ROLE) == "credit":
                credits.append(_one_line(credit.text_content()))
                text = text.replace(credits[-1], "").strip() if credit is not caption else ""
        texts.append(text)
    return ImageRef(
        url=image.get("src") if image is not None else None,
        caption=" ".join(filter(None, texts)) or None,
        credit=" ".join(filter(None, credits)) or None,
    )


def _linked_share(element: HtmlElement, text: str) -> float:
    """The share of a block's visible text that is links (text already on one line)."""
    if _inside_link(element):
        return 1.0
    linked = sum(visible_len(a.text_content()) for a in element.iter("a"))
    return linked / max(len(text), 1)


def _inside_link(element: HtmlElement) -> bool:
    """A teaser card: the whole block (headline, summary) is the inside of one link."""
    return any(ancestor.tag == "a" for ancestor in element.iterancestors())


def _link_density(element: HtmlElement, text: str) -> float:
    """As printed, white space and all: container scores were tuned and measured on this;
    a block's own share is `_linked_share`, on the text a reader sees."""
    linked = sum(len(a.text_content().strip()) for a in element.iter("a"))
    return linked / max(len(text.strip()), 1)
