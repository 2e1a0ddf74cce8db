"""Finding the article in an HTML page: typed blocks in reading order, without boilerplate.

The container is the element whose own paragraphs hold the most text, once elements that
are boilerplate by name (navigation, share bars, related lists, comments...) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lxml_html

from newsnorm.document import Block, ImageRef
from newsnorm.patterns import clean_text

_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select",
    "nav", "aside", "footer", "header", "menu", "dialog",
)  # fmt: skip
_BOILERPLATE = re.compile(
    r"(^|[\s_-])(share|sharing|social|related|recommend\w*|newsletter|subscri\w*|comments?|"
    r"cookie\w*|consent|promo\w*|advert\w*|ads?|sponsor\w*|sidebar|breadcrumbs?|nav\w*|menu|"
    r"footer|popular|trending|outbrain|taboola|paywall|modal|popup|tags?|read-?more|more-?stories)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
# Names that mark likely article containers: never dropped, even with a boilerplate word.
_CONTENT_NAMES = re.compile(r"article|story|content|entry|post-?body|main|body|text", re.I)
_BLOCK_TYPES = {
    "p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "blockquote": "quote", "li": "list_item", "pre": "preformatted",
}  # fmt: skip
_MIN_PARAGRAPH_CHARS = 25
_MAX_LINK_DENSITY = 0.5


def parse(text: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(text or "<html></html>")


def content_blocks(tree: lxml_html.HtmlElement) -> tuple[list[Block], list[ImageRef]]:
    """The article's blocks and the captioned images inside it."""
    body = tree.find("body")
    root = body if body is not None else tree
    _drop_boilerplate(root)
    container = _best_container(root)
    if container is None:
        return _line_blocks(root), []
    images = _take_figures(container)  # first: their captions must not become blocks
    return list(_blocks(container)), images


def _line_blocks(root: lxml_html.HtmlElement) -> list[Block]:
    """Pages without paragraphs: the text of the element with the most text of its own,
    one block per line (<br> breaks lines)."""
    best = max(root.iter(), key=_own_text_chars, default=None)
    if best is None or _own_text_chars(best) < _MIN_PARAGRAPH_CHARS:
        return []
    for br in best.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (clean_text(line) for line in best.text_content().splitlines())
    return [Block(text=line) for line in lines if line]


def _own_text_chars(element: lxml_html.HtmlElement) -> int:
    if not isinstance(element.tag, str):
        return 0
    return len((element.text or "").strip()) + sum(len((c.tail or "").strip()) for c in element)


def _drop_boilerplate(root: lxml_html.HtmlElement) -> None:
    """Drop elements that are boilerplate by tag or by name, unless they hold most of the
    page's paragraph text (some sites wrap the whole page in a <header> or a "nav-wrapper")."""
    total = _paragraph_chars(root)
    for element in list(root.iter(*_DROPPED_TAGS)):
        if element.getparent() is not None and not _holds_most(element, total):
            element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in ("body", "article", "main") or _CONTENT_NAMES.search(names):
            continue
        if _BOILERPLATE.search(names) and not _holds_most(element, total):
            element.drop_tree()


def _paragraph_chars(element: lxml_html.HtmlElement) -> int:
    return sum(len(p.text_content()) for p in element.iter("p"))


def _holds_most(element: lxml_html.HtmlElement, total: int) -> bool:
    return total > 0 and _paragraph_chars(element) > total / 2


def _best_container(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    scores: dict[lxml_html.HtmlElement, float] = {}
    for paragraph in root.iter("p"):
        text = paragraph.text_content().strip()
        if len(text) < _MIN_PARAGRAPH_CHARS or _link_density(paragraph, text) > _MAX_LINK_DENSITY:
            continue
        parent = paragraph.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + len(text)
            grandparent = parent.getparent()
            if grandparent is not None:  # text split across sibling wrappers
                scores[grandparent] = scores.get(grandparent, 0.0) + len(text) / 2
    return max(scores, key=scores.__getitem__) if scores else None


def _blocks(container: lxml_html.HtmlElement) -> Iterator[Block]:
    for element in container.iter(*_BLOCK_TYPES):
        if _inside_block(element, container):
            continue
        text = clean_text(element.text_content())
        if text and _link_density(element, text) <= _MAX_LINK_DENSITY:
            yield Block(text=text, type=_BLOCK_TYPES[element.tag], node=element)


def _inside_block(element: lxml_html.HtmlElement, container: lxml_html.HtmlElement) -> bool:
    """Nested blocks (a <p> inside a <blockquote> or <li>) are read with their parent."""
    parent = element.getparent()
    while parent is not None and parent is not container:
        if parent.tag in _BLOCK_TYPES or parent.tag == "figcaption":
            return True
        parent = parent.getparent()
    return False


def _take_figures(container: lxml_html.HtmlElement) -> list[ImageRef]:
    """Each <figure> becomes an image (its <img> and caption) and leaves the tree."""
    images = []
    for figure in list(container.iter("figure")):
        caption = figure.find(".//figcaption")
        image = figure.find(".//img")
        text = clean_text(caption.text_content()) if caption is not None else ""
        if text or image is not None:
            url = image.get("src") if image is not None else None
            images.append(ImageRef(url=url, caption=text or None))
        figure.drop_tree()
    return images


def _link_density(element: lxml_html.HtmlElement, text: str) -> float:
    linked = sum(len(a.text_content().strip()) for a in element.iter("a"))
    return linked / max(len(text), 1)
