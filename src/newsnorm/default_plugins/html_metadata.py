"""Metadata an HTML page declares or shows, reconciled. Fills only what outlet plugins left
empty.

- title: the visible `<h1>` headline when it is the story's (the only one, or the one that
  shares most words with the declared title), else JSON-LD `headline`, OpenGraph, `<title>`,
  without the site's name;
- people: JSON-LD authors that are persons, then `<meta name=author>`, then visible bylines
  (not a comment's or a teaser's), then links to a writer's page ("/author/jane-doe/");
  the site's own name is never an author;
- published: JSON-LD, then meta tags, then a date printed under the headline (in the main
  European languages too), `<time datetime>`, dates shown in date-named elements, then a date
  in the URL path, then htmldate's search of the page without its comment threads, sidebars
  and related boxes (not its year-only guesses); a time declared in UTC takes the offset the
  page shows for the same instant. The day is always the one the page prints in its own
  offset, never a converted one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from typing import Any
from zoneinfo import ZoneInfo

from lxml import etree

from newsnorm import evidence
from newsnorm.default_plugins.language import primary_language
from newsnorm.document import Document, Metadata
from newsnorm.evidence import Offer, first_found
from newsnorm.hookspecs import hookimpl
from newsnorm.html.content import parse
from newsnorm.html.meta import PageFacts, names_of, other_items_boxes, text_of
from newsnorm.text.dates import parse_moment, printed_day
from newsnorm.text.people import merge_agencies, split_byline

_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                   "sailthru.date", "parsely-pub-date")  # fmt: skip
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_LANGUAGE_META = ("content-language", "og:locale", "language", "dc.language")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s*[|·»]\s*")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_]|$)")
_DATE_LABEL = re.compile(r"^(?:published|updated|posted|last updated|on)\b[:\s]*", re.I)
_ISO_PREFIX = re.compile(
    r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?!\d)"
)
_ZONE_NAME = re.compile(r"\s+[A-Z]{1,5}$")
_MAX_OFFSET = timedelta(hours=14)
_OFFSET_STEP = timedelta(minutes=15)
_SLACK = timedelta(minutes=1)
_WORD = re.compile(r"\w+")
_MIN_HEADING_WORDS = 3
_MIN_SHARED_WORDS = 0.5
_DAY_REACH = 24  # characters around a year where its day and month are printed


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    facts: PageFacts | None = document.page
    if facts is None:
        return
    article = facts.articles[0] if facts.articles else {}
    zone = document.outlet.timezone if document.outlet else None
    site_names = facts.site_names()
    _fill(document, "title", lambda: _title(document, article, facts, site_names))
    _fill(document, "section", lambda: _section(document, article, facts))
    _fill(document, "language", lambda: _declared_language(document, article, facts))
    _fill(document, "canonical_url", lambda: _canonical_url(document, facts))
    _fill(document, "tags", lambda: _tags(document, article, facts))
    _fill(document, "published", lambda: _published(article, facts, document, zone))
    _fill(document, "updated", lambda: _updated(document, article, facts, zone))
    meta = document.meta
    if not (meta.byline or meta.authors or meta.agencies):
        credits = first_found(
            document,
            "authors",
            (
                ("JSON-LD author", lambda: _declared_authors(facts)),
                ("meta author", lambda: _meta_authors(facts)),
            ),
        )
        _people(meta, credits, site_names)
    if not (meta.byline or meta.authors or meta.agencies):
        _first_visible_byline(document, facts.bylines, site_names)
    if not (meta.byline or meta.authors or meta.agencies):
        _first_visible_byline(document, facts.author_links, site_names, "link to an author page")


def _fill(document: Document, name: str, find: Callable[[], Any]) -> None:
    """Set field `name` to what `find` gives, unless an earlier plugin set it. Explained, the
    page's candidates are read all the same: they are what that plugin's value beat."""
    current = getattr(document.meta, name)
    if current and document.evidence is None:
        return
    found = find()
    if not current:
        setattr(document.meta, name, found)


def _title(document: Document, article: dict, facts: PageFacts, site_names: set[str]):
    declared = first_found(
        document,
        "title",
        (
            ("JSON-LD headline", lambda: text_of(article.get("headline"))),
            ("meta og:title", lambda: facts.first_meta("og:title")),
            ("meta twitter:title", lambda: facts.first_meta("twitter:title")),
            ("<title>", lambda: facts.title_tag),
        ),
    )
    declared = _without_site_name(declared, site_names)
    heading = _story_heading(facts.headings, declared, site_names)
    for shown_heading in facts.headings:
        evidence.saw(document, "title", "visible <h1>", shown_heading)
    if heading:
        evidence.chose(document, "title", "visible <h1>", heading)
    title = heading or declared
    return " ".join(title.split()) if title else None  # a title is one line


def _section(document: Document, article: dict, facts: PageFacts) -> str | None:
    return first_found(
        document,
        "section",
        (
            ("JSON-LD articleSection", lambda: text_of(article.get("articleSection"))),
            ("meta article:section", lambda: facts.first_meta("article:section")),
        ),
    )


def _canonical_url(document: Document, facts: PageFacts) -> str | None:
    return first_found(
        document,
        "canonical_url",
        (
            ("<link rel=canonical>", lambda: facts.canonical_url),
            ("meta og:url", lambda: facts.first_meta("og:url")),
        ),
    )


def _updated(document: Document, article: dict, facts: PageFacts, zone: str | None):
    return _moment(
        first_found(
            document,
            "updated",
            (
                ("JSON-LD dateModified", lambda: text_of(article.get("dateModified"))),
                *_meta_offers(facts, _UPDATED_META),
            ),
        ),
        zone,
    )


def _meta_offers(facts: PageFacts, names: tuple[str, ...]) -> list[Offer]:
    """One offer per meta name, as `first_meta(*names)` reads them."""
    return [(f"meta {name}", lambda name=name: facts.first_meta(name)) for name in names]


def _without_site_name(title: str | None, site_names: set[str]) -> str | None:
    """ "Story title | Site name" (or the other way round): keep the story's part."""
    if not title:
        return None
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    story = [part for part in parts if part.casefold() not in site_names]
    if len(parts) > 1 and len(story) < len(parts):
        return " | ".join(story) if story else title
    return title if len(parts) == 1 or site_names else max(parts, key=len)


def _story_heading(headings: list[str], declared: str | None, site_names: set[str]) -> str | None:
    headings = [
        heading
        for heading in dict.fromkeys(headings)
        if len(_WORD.findall(heading)) >= _MIN_HEADING_WORDS
        and heading.casefold() not in site_names
    ]
    if declared is None:
        return headings[0] if len(headings) == 1 else None
    shared = [(_shared_words(heading, declared), heading) for heading in headings]
    best = max(shared, default=(0.0, None))
    if best[0] >= _MIN_SHARED_WORDS or (len(headings) == 1 and best[0] > 0):
        return best[1]
    return None


def _shared_words(heading: str, declared: str) -> float:
    """The share of the heading's words that the declared title also has."""
    heading_words = set(_WORD.findall(heading.casefold()))
    return len(heading_words & set(_WORD.findall(declared.casefold()))) / len(heading_words)


def _published(article: dict, facts: PageFacts, document: Document, zone: str | None):
    """The first date that parses: declared ones, then shown ones, then the URL's, then
    htmldate's. Our own sources come first: on the corpora each is right more often than
    htmldate on the pages where it gives a date (htmldate trusts a URL's date over the page's
    and reads copyright and sidebar dates); htmldate finds one where they find none."""
    # The date printed under the headline is the story's; `<time>` and date-named elements
    # elsewhere are often a sidebar's or a related story's.
    shown = (*facts.headline_dates, *facts.times, *facts.shown_dates, *facts.other_dates)
    url = document.source.url or facts.canonical_url
    offers: list[Offer] = [
        (source, lambda text=text: _in_local_offset(_moment(text, zone), shown))
        for source, text in _dated_texts(article, facts)
    ]
    offers.append(("date in the URL", lambda: _url_date(url)))
    offers.append(("htmldate", lambda: _htmldate_day(document.html, url)))
    return first_found(document, "published", offers)


def _dated_texts(article: dict, facts: PageFacts) -> list[tuple[str, str | None]]:
    """The texts that may hold the publishing date, with their sources, best first."""
    declared = [("JSON-LD datePublished", text_of(article.get("datePublished")))]
    declared += [
        (f"meta {name}", value) for name in _PUBLISHED_META for value in facts.meta.get(name, ())
    ]
    return [
        *declared,
        *(("date under the headline", text) for text in facts.headline_dates),
        *(("<time datetime>", text) for text in facts.times),
        *(("date shown on the page", text) for text in facts.shown_dates),
    ]


def _htmldate_day(page: str | None, url: str | None) -> date | None:
    """The publishing day htmldate finds in the page's markup and text (many languages, blog
    and microdata markup, dates in free text). It gets the decoded page, not our tree: the
    tree is cleaned by now, and htmldate would copy a tree it is given anyway."""
    if not page:
        return None
    from htmldate import find_date  # imported on first need: most pages declare their date

    try:
        # original_date: the first publication, not the last update. extensive_search reads
        # dates in free text too (blogs, forums, general web pages with no date markup),
        # as trafilatura does; it runs only on pages none of our sources dated.
        found = find_date(
            _without_other_items(page), url=url, extensive_search=True, original_date=True
        )
    except (ValueError, TypeError, etree.LxmlError):  # a fallback never fails the page
        return None
    day = date.fromisoformat(found) if found else None
    if day is not None and (day.month, day.day) == (1, 1) and not _prints_day(page, day):
        return None  # a year alone ("© 2024", "in 2021 the council …") is no day
    return day


def _prints_day(page: str, day: date) -> bool:
    """Whether the page prints `day` in full somewhere ("2024-01-01", "1. Januar 2024",
    "01.01.2024"), and not only its year."""
    year = str(day.year)
    if f"{year}-01-01" in page or f"{year}/01/01" in page:
        return True
    for at in (match.start() for match in re.finditer(year, page)):
        window = page[max(0, at - _DAY_REACH) : at + len(year) + _DAY_REACH]
        if printed_day(window) == day:
            return True
    return False


def _without_other_items(page: str):
    """The page without its comment threads, sidebars and related-story boxes: on a page
    that dates nothing else, their dates are the first htmldate's free-text search meets."""
    tree = parse(page)
    body = tree.find("body")
    for box in other_items_boxes(tree if body is None else body):
        box.drop_tree()
    return tree


def _in_local_offset(moment, shown: tuple[str, ...]):
    """A moment declared in UTC, shown by the page in local time: the same instant with the
    page's own offset (its calendar day is the one readers saw). A shown time without an
    offset tells the offset by its distance from the declared one."""
    if not isinstance(moment, datetime) or moment.utcoffset() != timedelta(0):
        return moment
    for text in shown:
        # A zone name dateutil doesn't know ("5:06pm PT") goes; a time without an offset is
        # read as if in UTC, and only such a time gets the zone we give (a ZoneInfo).
        other = _moment(_ZONE_NAME.sub("", text), "UTC")
        if not isinstance(other, datetime):
            continue
        if not isinstance(other.tzinfo, ZoneInfo):
            # A time with its own offset is an instant: this one in local time, or another
            # story's (a sidebar's "...Z" time is no clue to this page's offset).
            if other == moment and other.utcoffset() != timedelta(0):
                return other
            continue
        shift = _offset_between(other.replace(tzinfo=None), moment.replace(tzinfo=None))
        if shift:
            return moment.astimezone(dt_timezone(shift))
    return moment


def _offset_between(shown: datetime, declared: datetime) -> timedelta | None:
    """The zone offset that makes `shown` the local time of `declared`: a whole number of
    quarter hours, give or take the seconds a page leaves out."""
    steps = round((shown - declared) / _OFFSET_STEP)
    offset = steps * _OFFSET_STEP
    if not steps or abs(offset) > _MAX_OFFSET or abs(shown - declared - offset) > _SLACK:
        return None
    return offset


def _url_date(url: str | None):
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _tags(document: Document, article: dict, facts: PageFacts) -> list[str]:
    keywords = article.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    declared = isinstance(keywords, list)
    values = keywords if declared else facts.meta.get("article:tag", [])
    tags = list(dict.fromkeys(v.strip() for v in values if isinstance(v, str) and v.strip()))
    evidence.chose(document, "tags", "JSON-LD keywords" if declared else "meta article:tag", tags)
    return tags


def _declared_language(document: Document, article: dict, facts: PageFacts) -> str | None:
    """The first declaration that names a language: `<html lang>`, JSON-LD `inLanguage`,
    `Content-Language`, `og:locale`, `<meta name=language>`."""
    # Only the first of these meta values counts, whether it names a language or not.
    meta_name = next((name for name in _LANGUAGE_META if facts.first_meta(name)), None)
    offers = [
        ("<html lang>", lambda: facts.language),
        ("JSON-LD inLanguage", lambda: text_of(article.get("inLanguage"))),
        (f"meta {meta_name}", lambda: facts.first_meta(*_LANGUAGE_META)),
    ]
    return first_found(document, "language", ((s, _naming(get)) for s, get in offers))


def _naming(get: Callable[[], str | None]) -> Callable[[], str | None]:
    """A declaration's value when it names a language (pages also put "utf-8" there)."""
    return lambda: value if primary_language(value := get()) else None


def _declared_authors(facts: PageFacts) -> list[str]:
    """JSON-LD authors of the story: of the first article object that names any (a page's
    WebPage or a first, empty object may come before the one that does)."""
    for article in facts.articles:
        if names := names_of(article.get("author")):
            return names
    return []


# Author meta names of common templates and analytics tags (lower-cased when collected).
_AUTHOR_META = (
    "author", "article:author", "byl", "parsely-author", "dc.creator", "dcterms.creator",
    "articleauthor", "sailthru.author", "cxenseparse:author",
)  # fmt: skip


def _meta_authors(facts: PageFacts) -> list[str]:
    author = facts.first_meta(*_AUTHOR_META)
    return [author] if author and not author.startswith("http") else []


def _first_visible_byline(
    document: Document, bylines: list[str], site_names: set[str], source: str = "visible byline"
) -> None:
    """The first credit on the page that names someone; later ones belong to teasers."""
    meta = document.meta
    for byline in bylines:
        evidence.saw(document, "authors", source, byline)
    for byline in bylines:
        _people(meta, [byline], site_names)
        if meta.authors or meta.agencies:
            evidence.chose(document, "authors", source, byline)
            return


def _people(meta: Metadata, names: list[str], site_names: set[str]) -> None:
    for name in names:
        authors, agencies = split_byline(name, not_people=site_names)
        meta.authors = list(dict.fromkeys([*meta.authors, *authors]))
        meta.agencies = merge_agencies(meta.agencies, agencies)


def _moment(text: str | None, zone: str | None):
    """A date from a declared value or a shown one ("Published: Oct 26, 2023"); ISO values
    with trailing noise ("...Z EST") keep their ISO part; a day printed in another language
    ("3. Mai 2022", "le 3 mai 2022") is read as a date."""
    if not text:
        return None
    text = _DATE_LABEL.sub("", text.strip())
    moment = parse_moment(text, timezone=zone)
    if moment is None and (iso := _ISO_PREFIX.match(text)):
        moment = parse_moment(iso.group(0), timezone=zone)
    return moment if moment is not None else printed_day(text)
