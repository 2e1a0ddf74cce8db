"""CSS selectors of profile rules, compiled once to XPath through cssselect (lxml's own
CSS-to-XPath translator), and field sources: `selector` or `selector@attr`.

Remove rules are matched on the tree the HTML reader cleaned (newsnorm.html.clean), whose
blocks the document holds. Cleaning turns a wrapper of loose text (a `<div>`) into a `<p>`
and keeps its first tag in an attribute: a type selector matches either, so `div.teaser`
still finds that box after cleaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cssselect import HTMLTranslator, SelectorError
from cssselect.xpath import XPathExpr
from lxml import etree

from newsnorm.html.clean import FIRST_TAG

_ATTRIBUTE = re.compile(r"^[A-Za-z_][\w:.-]*$")


class _CleanedTreeTranslator(HTMLTranslator):
    """HTML CSS, where an element's type is its tag or the tag it had before cleaning."""

    def xpath_element(self, selector) -> XPathExpr:
        xpath = super().xpath_element(selector)
        if xpath.element in ("*", "") or selector.namespace:
            return xpath
        tag = xpath.element
        return XPathExpr(element="*", condition=f"(name() = '{tag}' or @{FIRST_TAG} = '{tag}')")


_TRANSLATOR = _CleanedTreeTranslator()
_PLAIN = HTMLTranslator()


@cache
def cleaned_tree_xpath(selector: str) -> etree.XPath:
    """`selector` as a compiled XPath over the cleaned tree; ValueError when it is no CSS
    selector this translator understands."""
    return etree.XPath(_translated(_TRANSLATOR, selector))


@cache
def page_xpath(selector: str) -> etree.XPath:
    """`selector` as a compiled XPath over the page as served."""
    return etree.XPath(_translated(_PLAIN, selector))


def _translated(translator: HTMLTranslator, selector: str) -> str:
    if not selector.strip():
        raise ValueError("empty CSS selector")
    try:
        return translator.css_to_xpath(selector)
    except SelectorError as exc:  # cssselect's parse errors and unsupported pseudo-classes
        raise ValueError(f"bad CSS selector {selector!r}: {exc}") from None


@dataclass(frozen=True)
class FieldSource:
    """Where a field's value is on a page: the first element `selector` matches, its text or
    its attribute `attribute`."""

    selector: str
    attribute: str | None = None

    @classmethod
    def parse(cls, text: str) -> FieldSource:
        """`selector` or `selector@attr`; ValueError naming what is wrong."""
        selector, at, attribute = text.rpartition("@")
        if not at:
            selector, attribute = text, None
        elif not _ATTRIBUTE.match(attribute):
            raise ValueError(f"bad @attr {'@' + attribute!r} in {text!r}: not an attribute name")
        cleaned_tree_xpath(selector)
        page_xpath(selector)
        return cls(selector.strip(), attribute)

    def value(self, page: etree._Element) -> str | None:
        """The text (or attribute) of the first element that has one, on the page as served."""
        for element in page_xpath(self.selector)(page):
            raw = element.get(self.attribute) if self.attribute else element.text_content()
            text = " ".join((raw or "").split())
            if text:
                return text
        return None
