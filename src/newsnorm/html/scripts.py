"""Article markup that a page carries only inside its scripts.

Pages rendered by JavaScript frameworks (Next.js flight data, Nuxt or React state) may ship
the story as an HTML string in a script and draw it in the browser: the markup shows nothing
to read. These helpers find such strings, so the content scorer can read them as a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
