"""Finding the article in a prepared page (see newsnorm.htmlclean): typed blocks in
reading order, and the captioned images inside the article.

Each paragraph scores its parent by its length (and its grandparent by half of it, for
text split across sibling wrappers). The best-scoring element is the article's core;
its siblings join it when they score close to it, as the rest of a story often sits in
parallel columns or sections.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import html as lxml_html

from newsnorm.document import Block, ImageRef
from newsnorm.htmlclean import HtmlElement, prepare
from newsnorm.patterns import clean_text

_BLOCK_TYPES = {
    "p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "blockquote": "quote", "li": "list_item", "pre": "preformatted",
}  # fmt: skip
_MIN_PARAGRAPH_CHARS = 25
_MAX_LINK_DENSITY = 0.5
_SIBLING_SHARE = 0.2


def parse(text: str) -> HtmlElement:
    return lxml_html.document_fromstring(text or "<html></html>")


def content_blocks(tree: HtmlElement) -> tuple[list[Block], list[ImageRef]]:
    """The article's blocks and the captioned images inside it."""
    body = tree.find("body")
    root = body if body is not None else tree
    prepare(root)
    containers = _article_containers(root)
    images = [image for container in containers for image in _take_figures(container)]
    blocks = [block for container in containers for block in _blocks(container)]
    return blocks, images


def _article_containers(root: HtmlElement) -> list[HtmlElement]:
    scores = _container_scores(root)
    if not scores:
        return []
    best = max(scores, key=scores.__getitem__)
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = scores[best] * _SIBLING_SHARE
    return [
        sibling
        for sibling in parent
        if sibling is best or scores.get(sibling, 0.0) >= threshold or _is_good_paragraph(sibling)
    ]


def _container_scores(root: HtmlElement) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}
    for paragraph in root.iter("p"):
        text = paragraph.text_content().strip()
        if len(text) < _MIN_PARAGRAPH_CHARS or _link_density(paragraph, text) > _MAX_LINK_DENSITY:
            continue
        parent = paragraph.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + len(text)
            grandparent = parent.getparent()
            if grandparent is not None:
                scores[grandparent] = scores.get(grandparent, 0.0) + len(text) / 2
    return scores


def _is_good_paragraph(element: HtmlElement) -> bool:
    if element.tag != "p":
        return False
    text = element.text_content().strip()
    return len(text) >= _MIN_PARAGRAPH_CHARS and _link_density(element, text) < 0.25


def _blocks(container: HtmlElement) -> Iterator[Block]:
    for element in container.iter(*_BLOCK_TYPES):
        if _inside_block(element, container):
            continue
        text = clean_text(element.text_content())
        if text and _link_density(element, text) <= _MAX_LINK_DENSITY:
            yield Block(text=text, type=_BLOCK_TYPES[element.tag], node=element)


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


def _link_density(element: HtmlElement, text: str) -> float:
    linked = sum(len(a.text_content().strip()) for a in element.iter("a"))
    return linked / max(len(text), 1)
