"""Where a block sits in the page, written as a CSS selector path (`section.newsletter >
div > p.note`): what a plugin author copies into a profile's `[html] remove`."""

from __future__ import annotations

from typing import Any

from newsnorm.html.clean import FIRST_TAG

_DEPTH = 4  # the element and its three nearest ancestors: enough to tell boxes apart
_SKIPPED = frozenset({"html", "body"})


def css_path(node: Any) -> str | None:
    """The element's path from its nearest ancestors, `tag#id.class` each; None without an
    element (a text capture's line)."""
    steps: list[str] = []
    while node is not None and isinstance(node.tag, str) and len(steps) < _DEPTH:
        if node.tag in _SKIPPED:
            break
        steps.append(_step(node))
        node = node.getparent()
    return " > ".join(reversed(steps)) or None


def _step(element: Any) -> str:
    # The tag as served: the reader renames some (a <div> of loose text becomes a <p>), and
    # a profile's selectors match the served name.
    tag = element.get(FIRST_TAG) or element.tag
    identity = f"#{element.get('id').strip()}" if (element.get("id") or "").strip() else ""
    classes = "".join(f".{name}" for name in (element.get("class") or "").split())
    return f"{tag}{identity}{classes}"
