"""Article markup that a page carries only inside its scripts.

Pages rendered by JavaScript frameworks (Next.js flight data, Nuxt or React state) may ship
the story as an HTML string in a script and draw it in the browser: the markup shows nothing
to read. These helpers find such strings, so the content scorer can read them as a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape as html_escape

import orjson
from lxml.html import HtmlElement

# A double-quoted string literal, escapes included, long enough to hold a story.
_STRING_LITERAL = re.compile(r'"((?:[^"\\]|\\.){400,})"', re.DOTALL)
# Paragraph markup, written plainly or with the escapes JSON and JavaScript use for "<".
_PARAGRAPH_MARKUP = re.compile(r"(?:<|\\u003[cC]|\\x3[cC])p[\s>\\]")
_MIN_PARAGRAPHS = 2


def embedded_markup(tree: HtmlElement) -> Iterator[str]:
    """Each HTML string with paragraphs found in the page's inline scripts, decoded."""
    for script in tree.iter("script"):
        if script.get("src") or (script.get("type") or "").endswith("ld+json"):
            continue
        for literal in _STRING_LITERAL.finditer(script.text or ""):
            escaped = literal.group(1)
            if len(_PARAGRAPH_MARKUP.findall(escaped)) >= _MIN_PARAGRAPHS:
                decoded = _decoded(escaped)
                if decoded:
                    yield decoded


def _decoded(escaped: str) -> str | None:
    """The string's value, read as JSON (JavaScript's escapes are a superset: \\x3c too)."""
    escaped = re.sub(r"\\x([0-9a-fA-F]{2})", r"\\u00\1", escaped)
    try:
        value = orjson.loads(f'"{escaped}"')
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, str) else None


# A story stored as a rich-text document in the page's data (ProseMirror, Contentful and
# their kind: {"type": "paragraph", "content": [{"type": "text", "value": "…"}]}): a list
# holding this many paragraph nodes at least.
MIN_RICH_PARAGRAPHS = 3
RICH_TEXT_HINT = '"paragraph"'  # a script (or a page) without it holds no such document
_RICH_BLOCKS = {"paragraph": "p", "heading": "h2", "blockquote": "blockquote"}


def embedded_rich_text(tree: HtmlElement) -> Iterator[str]:
    """Each story stored as a rich-text document in a JSON script of the page, as HTML:
    its paragraphs, headings and quotes, in order (ads, media and boxes between them left
    out)."""
    for script in tree.iter("script"):
        text = (script.text or "").strip()
        if script.get("src") or not text.startswith("{") or RICH_TEXT_HINT not in text:
            continue
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError:
            continue
        for nodes in _paragraph_lists(data):
            yield "".join(_block_markup(node) for node in nodes)


def _paragraph_lists(value: object) -> Iterator[list[dict]]:
    """Every list in the data holding MIN_RICH_PARAGRAPHS paragraph nodes or more."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            if sum(_node_type(node) == "paragraph" for node in item) >= MIN_RICH_PARAGRAPHS:
                yield [node for node in item if isinstance(node, dict)]
            else:
                stack.extend(reversed(item))


def _node_type(node: object) -> str | None:
    return (node.get("type") or node.get("nodeType")) if isinstance(node, dict) else None


def _block_markup(node: dict) -> str:
    tag = _RICH_BLOCKS.get(_node_type(node) or "")
    if tag is None:
        return ""
    text = html_escape("".join(_texts(node)).strip())
    return f"<{tag}>{text}</{tag}>" if text else ""


def _texts(node: object) -> Iterator[str]:
    """The text of a node and of the nodes inside it, in order."""
    if isinstance(node, dict):
        if _node_type(node) == "text":
            yield str(node.get("value") or node.get("text") or "")
        for child in node.get("content") or ():
            yield from _texts(child)
