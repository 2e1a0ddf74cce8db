"""Metadata an HTML page declares, reconciled: JSON-LD first, then meta tags, then `<title>`.
Fills only what outlet plugins left empty."""

from __future__ import annotations

import re

from newsnorm.dates import parse_moment
from newsnorm.document import Document, Metadata
from newsnorm.hookspecs import hookimpl
from newsnorm.htmlmeta import PageFacts, names_of, text_of
from newsnorm.people import split_byline

_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                   "sailthru.date", "parsely-pub-date")  # fmt: skip
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+")


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    facts: PageFacts | None = document.page
    if facts is None:
        return
    article = facts.articles[0] if facts.articles else {}
    zone = document.outlet.timezone if document.outlet else None
    meta = document.meta
    meta.title = meta.title or _title(article, facts)
    meta.section = (
        meta.section
        or text_of(article.get("articleSection"))
        or facts.first_meta("article:section")
    )
    meta.language = meta.language or facts.language or text_of(article.get("inLanguage"))
    meta.canonical_url = meta.canonical_url or facts.canonical_url or facts.first_meta("og:url")
    meta.tags = meta.tags or _tags(article, facts)
    meta.published = meta.published or _moment(
        text_of(article.get("datePublished")) or facts.first_meta(*_PUBLISHED_META), zone
    )
    meta.updated = meta.updated or _moment(
        text_of(article.get("dateModified")) or facts.first_meta(*_UPDATED_META), zone
    )
    if not (meta.byline or meta.authors or meta.agencies):
        _people(meta, names_of(article.get("author")) or _meta_authors(facts))


def _title(article: dict, facts: PageFacts) -> str | None:
    title = text_of(article.get("headline")) or facts.first_meta("og:title", "twitter:title")
    if title or not facts.title_tag:
        return title
    # "Story title | Site name": keep the story's part.
    return max(_TITLE_SEPARATORS.split(facts.title_tag), key=len)


def _tags(article: dict, facts: PageFacts) -> list[str]:
    keywords = article.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    values = keywords if isinstance(keywords, list) else facts.meta.get("article:tag", [])
    return list(dict.fromkeys(v.strip() for v in values if isinstance(v, str) and v.strip()))


def _meta_authors(facts: PageFacts) -> list[str]:
    author = facts.first_meta("author", "article:author", "byl", "parsely-author")
    return [author] if author and not author.startswith("http") else []


def _people(meta: Metadata, names: list[str]) -> None:
    for name in names:
        authors, agencies = split_byline(name)
        meta.authors = list(dict.fromkeys([*meta.authors, *authors]))
        meta.agencies = list(dict.fromkeys([*meta.agencies, *agencies]))


def _moment(text: str | None, zone: str | None):
    return parse_moment(text, timezone=zone) if text else None
