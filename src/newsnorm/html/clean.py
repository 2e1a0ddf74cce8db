"""Preparing a parsed page for content scoring: boilerplate out, every run of text in a
paragraph-like element of its own, line breaks kept as spaces between words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from newsnorm.html.prose import is_prose, visible_len

HtmlElement = lxml_html.HtmlElement

_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "form",
    "nav", "aside", "footer", "header", "menu", "dialog", "input", "textarea", "label",
)  # fmt: skip
# The patterns over class and id names are lower case, searched in lower-cased names.
_BOILERPLATE = re.compile(
    r"(^|[\s_-])(share|sharing|social|related|recommend\w*|newsletter|subscribe|subscription|comments?|"
    r"cookie\w*|consent|promo\w*|advert\w*|ads?|sponsor\w*|sidebar|breadcrumbs?|nav\w*|menu|"
    r"footer|popular|trending|outbrain|taboola|paywall|modal|popup|tags?|read-?more|more-?stories|"
    r"slideshow|carousel|lightbox|teasers|bio|author-?bio|about-(the-)?author|author-(info|box|card)|"
    r"bylines?)"
    r"($|[\s_-])",
)
# A theme's sidebar and footer widgets ("widget widget_text", "widget_recent_entries"), by a
# class of their own: boilerplate, whatever else their names say ("text"). A page builder's
# "elementor-widget" holds the article's text.
_WIDGET = re.compile(r"(^|\s)widget(s|_\w+|-area)?($|\s)")
# Dropped by tag, but where some pages hold their text: the last try on a page keeps them
# (a footer's legal lines and a menu are never a page's text).
_FURNITURE_TAGS = frozenset(("header", "aside", "noscript", "dialog"))
# Photo captions and credits outside <figure> (WordPress, most CMS themes).
_CAPTION_NAMES = re.compile(r"(^|[\s_-])(\w*caption\w*|credits?|photo-?credit)($|[\s_-])")
_CREDIT_NAMES = re.compile(r"(^|[\s_-])\w*credits?($|[\s_-])")
LINE_BREAK = "\u2028"  # Unicode's line separator: a <br>, never found in markup as text
ROLE = "data-newsnorm-role"  # set on caption-named elements: "caption" or "credit"
# The tag a wrapper had before it became a <p>, for the CSS selectors of outlet profiles.
FIRST_TAG = "data-newsnorm-tag"
_MAX_CAPTION = 500
# A paragraph of an article's header this long is its standfirst, not a byline or a date.
MIN_STANDFIRST = 80
_HEADER_BLOCKS = ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre")
_MIN_HELD_CHARS = 300
_HIDDEN_CLASS = re.compile(
    r"(^|\s)(hidden|d-none|sr-only|visually-hidden|screen-reader-text)($|\s)"
)
_HIDING = frozenset(("hidden", "aria-hidden", "style"))  # the attributes that hide, but class
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Boilerplate however much text it holds: a long comment thread or a paywall pitch next to
# a short story must not pass for the page's main text.
_NEVER_ARTICLE = re.compile(
    r"(^|[\s_-])(comments?|comment-?list|disqus|newsletter|cookie-?\w*|consent|"
    r"privacy-(modal|popup|dialog|banner|overlay))"
    r"($|[\s_-])",
)
# Names that mark likely article containers: never dropped, even with a boilerplate word.
_CONTENT_NAMES = re.compile(r"article|story|content|entry|post-?body|main|body|text")
# Elements that start a new block of text; everything else flows inside one.
BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
# Containers whose loose text becomes paragraphs.
_WRAPPERS = frozenset(("div", "section", "article", "main", "td", "dd", "center", "font", "span"))


def prepare(
    root: HtmlElement, *, relaxed: bool = False, threads: bool = False, furniture: bool = False
) -> None:
    """Everything the scorer needs, in place. One walk over the tree finds every candidate;
    the drops then happen in order: hidden, boilerplate by tag, by name, never-article.
    Relaxed, nothing goes by name and a <form> stays (ASP.NET pages wrap the whole page
    in one); with `threads`, comment threads stay too (a forum thread is all comments);
    with `furniture`, so do the page's header, asides, dialogs and <noscript> (a page whose
    only text is inside one of them)."""
    _break_lines(root)
    survey = _survey(root)
    _drop_hidden(survey.hidden, _paragraph_chars(root))
    total = _paragraph_chars(root)
    kept = (_FURNITURE_TAGS if furniture else frozenset()) | ({"form"} if relaxed else set())
    by_tag = [element for element in survey.by_tag if element.tag not in kept]
    for element in by_tag:
        if element.getparent() is not None and not _holds_most(element, total):
            element.drop_tree()
    _drop_by_name([] if relaxed else survey.by_name, total)
    if survey.never and not threads:
        _drop_never_article(survey.never, root)
    _mark_captions(survey.captions)
    _paragraphs_from_loose_text(root)
    for header in survey.article_headers:
        _keep_standfirst_only(header)


def _drop_by_name(elements: list[HtmlElement], total: int) -> None:
    """Boxes named like boilerplate go, unless one holds most of the page's text; the boxes
    inside it named as it is are its parts ("pmc-not-a-paywall" around each item of a
    list article holding most of it), not boxes beside the story."""
    kept_names: set[str] = set()
    for element in elements:
        if element.getparent() is None:
            continue
        names = element.get("class", "")
        if names and names in kept_names:
            continue
        if _holds_most(element, total):
            kept_names.add(names)
        else:
            element.drop_tree()


@dataclass
class _Survey:
    hidden: dict[tuple[str, str], list[HtmlElement]] = field(default_factory=dict)
    by_tag: list[HtmlElement] = field(default_factory=list)
    by_name: list[HtmlElement] = field(default_factory=list)
    never: list[HtmlElement] = field(default_factory=list)
    captions: list[tuple[HtmlElement, str]] = field(default_factory=list)
    article_headers: list[HtmlElement] = field(default_factory=list)


def _survey(root: HtmlElement) -> _Survey:
    survey = _Survey()
    for element in root.iter(etree.Element):
        tag, attributes = element.tag, element.keys()
        classes = element.get("class", "") if attributes else ""
        if attributes and _is_hidden(element, attributes, classes):
            survey.hidden.setdefault((tag, classes), []).append(element)
        if tag in _DROPPED_TAGS:
            _note_dropped_tag(element, survey)
            continue
        element_id = element.get("id", "") if attributes else ""
        if not (classes or element_id) or f"{classes}{element_id}".isspace():
            continue  # most elements: no name to read
        _note_names(element, classes, element_id, survey)
    return survey


def _note_dropped_tag(element: HtmlElement, survey: _Survey) -> None:
    if element.tag == "header" and _inside_article(element):
        survey.article_headers.append(element)
    else:
        survey.by_tag.append(element)


def _note_names(element: HtmlElement, classes: str, element_id: str, survey: _Survey) -> None:
    names = f"{classes} {element_id}"
    caption, content, never, boilerplate = _kinds_of(classes, element_id)
    if caption and element.tag not in ("body", "figure", "img"):
        survey.captions.append((element, names))
    if content or element.tag in ("body", "article", "main"):
        return  # names that mark the article: never dropped by name
    if never:
        survey.never.append(element)
    elif boilerplate:
        survey.by_name.append(element)


def _drop_never_article(elements: list[HtmlElement], root: HtmlElement) -> None:
    """Comment threads and newsletter boxes go however much text they hold, but a wrapper
    around the page's headline and most of its text ("site has-comments") is the page
    itself, named after one of its features (a box may have a headline of its own)."""
    headed = {element for element in elements if next(element.iter("h1"), None) is not None}
    page_chars = len(root.text_content()) if headed else 0  # (before any of them goes)
    for element in elements:
        if element.getparent() is None:
            continue
        if element in headed and len(element.text_content()) > page_chars / 2:
            continue
        element.drop_tree()


def _inside_article(element: HtmlElement) -> bool:
    """An <article>'s own <header> holds its headline and standfirst, not the page's menus."""
    return any(ancestor.tag == "article" for ancestor in element.iterancestors())


def _keep_standfirst_only(header: HtmlElement) -> None:
    """Of an article's own header, only the standfirst is the story's (its opening
    paragraph, set apart): the headline, byline, dates and labels are the page's head."""
    if header.getparent() is None:
        return
    for element in list(header.iter(*_HEADER_BLOCKS)):
        if element.getparent() is None:
            continue
        text = element.text_content()
        if element.tag != "p" or visible_len(text) < MIN_STANDFIRST or not is_prose(text):
            element.drop_tree()


def _kinds_of(classes: str, element_id: str) -> tuple[bool, ...]:
    """What an element's class and id words say: (caption, content, never article,
    boilerplate). Class strings repeat thousands of times a page and ids are unique, so
    each is judged (and cached) on its own."""
    kinds = _name_kinds(classes)
    if not element_id:
        return kinds
    return tuple(
        mine or theirs for mine, theirs in zip(kinds, _name_kinds(element_id), strict=True)
    )


@lru_cache(maxsize=8192)
def _name_kinds(names: str) -> tuple[bool, bool, bool, bool]:
    names = names.lower()  # (the patterns are lower case: a case-blind search is slower)
    widget = _WIDGET.search(names) is not None
    return (
        bool(_CAPTION_NAMES.search(names)),
        not widget and bool(_CONTENT_NAMES.search(names)),
        bool(_NEVER_ARTICLE.search(names)),
        widget or bool(_BOILERPLATE.search(names)),
    )


def _break_lines(root: HtmlElement) -> None:
    """A <br> is the one line break inside a block that a reader sees: it is marked apart
    from the markup's own line breaks, which are only white space (see newsnorm.html.content)."""
    for br in root.iter("br"):
        br.tail = LINE_BREAK + (br.tail or "")


def _drop_hidden(groups: dict[tuple[str, str], list[HtmlElement]], total: int) -> None:
    """What a reader never sees: schema.org values in hidden divs, screen-reader twins,
    pitches a script may show later. Hidden elements that together hold the story stay:
    sites hide a subscriber's paragraphs (one div each) until a script checks the login."""
    for elements in groups.values():
        if _group_holds_most(elements, total):
            continue
        for element in elements:
            if element.getparent() is not None:
                element.drop_tree()


def _group_holds_most(elements: list[HtmlElement], total: int) -> bool:
    chars = sum(_paragraph_chars(element) for element in elements)
    return chars > total / 2 and chars > _MIN_HELD_CHARS


@lru_cache(maxsize=8192)
def _hidden_by_class(classes: str) -> bool:
    return bool(_HIDDEN_CLASS.search(classes.lower()))


def _is_hidden(element: HtmlElement, attributes: list[str], classes: str) -> bool:
    if classes and _hidden_by_class(classes):
        return True
    if _HIDING.isdisjoint(attributes):
        return False
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _mark_captions(captions: list[tuple[HtmlElement, str]]) -> None:
    """Caption-named elements become <figcaption>, so they go to images, not the text.
    Long ones are left alone: a caption is a sentence or two, never the story."""
    for element, names in captions:
        if element.getparent() is not None and len(element.text_content()) <= _MAX_CAPTION:
            element.tag = "figcaption"
            element.set(ROLE, "credit" if _CREDIT_NAMES.search(names.lower()) else "caption")


def _paragraph_chars(element: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in element.iter("p"))


def _holds_most(element: HtmlElement, total: int) -> bool:
    """Most of the page's paragraph text, and more than a short box's worth of it (a paywall
    pitch next to a two-line stub is still a pitch; Barron's "paywall" div is the story)."""
    return _group_holds_most([element], total)


def _paragraphs_from_loose_text(root: HtmlElement) -> None:
    """Text that sits directly in a <div> (CNN's paragraphs, <br>-separated posts) is a
    paragraph too: a wrapper without block children becomes a <p>; in one with block
    children, each run of loose text and inline elements is wrapped in a new <p>. The
    <body>'s own loose text is wrapped so too (a plain page, an old blog's post): a body is
    never renamed."""
    if root.tag == "body" and _has_loose_text(root):
        _wrap_runs(root)
    for element in list(root.iter(*_WRAPPERS)):
        if not has_block_inside(element):
            if element.tag != "span" and element.text_content().strip():
                element.set(FIRST_TAG, element.tag)
                element.tag = "p"
        elif _has_loose_text(element):
            _wrap_runs(element)


def has_block_inside(element: HtmlElement) -> bool:
    """Whether a block element (BLOCK_TAGS) sits anywhere inside `element`."""
    return any(child.tag in BLOCK_TAGS for child in element.iterdescendants())


def _has_loose_text(element: HtmlElement) -> bool:
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return True
    return any(_is_inline(child) and child.text_content().strip() for child in element)


def _is_inline(element: HtmlElement) -> bool:
    """Inline by tag and by content: an <a> wrapping a whole teaser card is a block."""
    if not isinstance(element.tag, str) or element.tag in BLOCK_TAGS:
        return False
    return not has_block_inside(element)


def _wrap_runs(element: HtmlElement) -> None:
    children, run = [], _new_paragraph(element.text)
    element.text = None
    for child in list(element):
        element.remove(child)  # takes its tail along
        if _is_inline(child) or not isinstance(child.tag, str):
            run.append(child)
            continue
        children.append(run)
        tail, child.tail = child.tail, None
        children.append(child)
        run = _new_paragraph(tail)
    children.append(run)
    element.extend(child for child in children if child.tag != "p" or _has_text(child))


def _new_paragraph(text: str | None) -> HtmlElement:
    paragraph = lxml_html.Element("p")
    paragraph.text = text
    return paragraph


def _has_text(paragraph: HtmlElement) -> bool:
    return bool(paragraph.text_content().strip())
