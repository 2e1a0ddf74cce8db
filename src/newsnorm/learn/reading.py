"""A document's lines, read the cheap way: a capture's as the converter reads them, an HTML
page's as the text of its block elements, from one lxml parse (no cleaning, no scoring: the
learning pass must cost a fraction of the conversion it comes before)."""

from __future__ import annotations

from lxml import etree

from newsnorm.default_plugins.html_input import is_html, page_text
from newsnorm.default_plugins.text_input import newsnorm_read_document as read_capture
from newsnorm.document import Source
from newsnorm.errors import NormalizeError
from newsnorm.html.content import parse
from newsnorm.learn.pages import PageLines

# The elements whose text is a block of an HTML page's body, as the reader's blocks are.
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "dd")
_UNSEEN = ("script", "style", "noscript", "template")


def page_lines(content: bytes | str, url: str | None, media_type: str | None) -> PageLines | None:
    """The page's lines, or None when it has none (an empty or unreadable document)."""
    source = Source(content=content, url=url, media_type=media_type)
    if is_html(source):
        return _html_lines(source)
    try:
        document = read_capture(source)
    except NormalizeError:
        return None
    return PageLines.of([block.text for block in document.blocks], url)


def _html_lines(source: Source) -> PageLines | None:
    content = source.content
    text = content if isinstance(content, str) else page_text(content, source.media_type)
    tree = parse(text)
    etree.strip_elements(tree, *_UNSEEN, with_tail=False)
    lines = [" ".join(element.text_content().split()) for element in tree.iter(*_BLOCKS)]
    lines = [line for line in lines if line]
    return PageLines.of(lines, source.url or _declared_url(tree)) if lines else None


def _declared_url(tree) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found:
            return str(found[0])
    return None
