"""Metadata a page declares: JSON-LD, OpenGraph and `article:*` meta, `<meta name>`,
`<link rel=canonical>`, `<html lang>`, `<title>`. Collected before the page is cleaned,
reconciled in the metadata stage (JSON-LD first, then meta tags, then the `<title>`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from lxml import html as lxml_html

from newsnorm.patterns import clean_text

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "BlogPosting", "OpinionNewsArticle", "LiveBlogPosting", "WebPage",
                  "ReviewNewsArticle", "BackgroundNewsArticle", "Report"}  # fmt: skip


@dataclass
class PageFacts:
    """What the page says about itself, raw."""

    articles: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD objects
    meta: dict[str, list[str]] = field(default_factory=dict)  # name/property -> contents
    canonical_url: str | None = None
    language: str | None = None
    title_tag: str | None = None

    def first_meta(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return clean_text(value)
        return None


def collect(tree: lxml_html.HtmlElement) -> PageFacts:
    facts = PageFacts(language=_language(tree))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            facts.articles.extend(_article_objects(script.text_content()))
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name and meta.get("content") is not None:
            facts.meta.setdefault(name, []).append(meta.get("content"))
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            facts.canonical_url = facts.canonical_url or link.get("href").strip()
    title = tree.find(".//title")
    facts.title_tag = clean_text(title.text_content()) if title is not None else None
    return facts


def _language(tree: lxml_html.HtmlElement) -> str | None:
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip()
    return lang or None


def _article_objects(text: str) -> Iterator[dict[str, Any]]:
    try:
        data = orjson.loads(text.strip().encode("utf-8", "replace"))
    except orjson.JSONDecodeError:
        return
    yield from (item for item in _walk(data) if _types(item) & _ARTICLE_TYPES)


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in JSON-LD: top-level lists, `@graph`, nested `mainEntity`."""
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _walk(data[key])


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def names_of(value: Any) -> list[str]:
    """Person names from a JSON-LD author value: a string, an object, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(clean_text(name))
    return names


def text_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return clean_text(value) if isinstance(value, str) and value.strip() else None
