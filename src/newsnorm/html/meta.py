"""Metadata a page declares or shows: JSON-LD, OpenGraph and `article:*` meta,
`<meta name>`, `<link rel=canonical>`, `<html lang>`, `<title>`, and the visible headline
(`<h1>`), bylines (`rel=author`, `itemprop=author`, byline-named elements, links to an
author's page) and `<time datetime>`. Collected before the page is cleaned, reconciled in
the metadata stage."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any
from urllib.parse import urlsplit

import orjson
from lxml import etree
from lxml import html as lxml_html

from newsnorm.text.dates import CJK_DAY, MONTH_NAME, UPDATED_LABEL
from newsnorm.text.patterns import clean_text
from newsnorm.text.people import agency_name

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "BlogPosting", "OpinionNewsArticle", "LiveBlogPosting", "WebPage",
                  "ReviewNewsArticle", "BackgroundNewsArticle", "Report"}  # fmt: skip
# Pages whose posts are their text: comment threads are read as the story there.
_DISCUSSION_TYPES = {"DiscussionForumPosting", "QAPage"}
_ITEM_TYPES = etree.XPath("//@itemtype")
# Forum software, by the generator it declares or the addresses of its threads: pages of
# posts that may be named like comments and typed as nothing. (Not bbPress: a WordPress
# plugin, declared on the site's articles too.)
_FORUM_GENERATORS = re.compile(
    r"phpbb|vbulletin|xenforo|discourse|mybb|invision|ip\.board|simple machines|nodebb|"
    r"flarum|fluxbb|punbb|discuz|phorum|yabb",
    re.IGNORECASE,
)
_THREAD_ADDRESS = re.compile(
    r"/(?:viewtopic|showthread|showtopic|viewthread)\.php|/(?:forums?|threads?|discussions?)/",
    re.IGNORECASE,
)
_ORGANIZATION_TYPES = {"Organization", "NewsMediaOrganization", "Corporation"}
# Searched in class, id and itemprop together (itemprop=author included): the English words
# and the "autor"/"auteur"/"autore"/"verfasser" of other languages' templates.
_MARKED_AUTHOR = re.compile(
    r"byline|author|writer|contributor|autor|auteur|verfasser|forfatter|skribent"
)
_NESTED_NAME = etree.XPath(".//*[@itemprop='name']")
# Links to a writer's own page ("/author/jane-doe/", "/autor/…", "/auteur/…"): templates that
# mark nothing else still link the byline there. (libxml2 tests the addresses, in C.)
_AUTHOR_PAGE_WORDS = ("author", "autor", "auteur", "journalist", "redakteur", "columnist")
_AUTHOR_LINKS = etree.XPath(
    ".//a[" + " or ".join(f"contains(@href, '/{word}')" for word in _AUTHOR_PAGE_WORDS) + "]"
)
_AUTHOR_PAGE = re.compile(rf"/(?:{'|'.join(_AUTHOR_PAGE_WORDS)})\w{{0,4}}/[^/?#]+")
_MAX_BYLINE_CHARS = 120
_MARKING = frozenset(("class", "id", "itemprop", "rel"))  # attributes that mark dates, authors
_DATE_NAMES = re.compile(r"(^|[\s_-])(date|dateline|published|pubdate|timestamp)")
_MAX_DATE_CHARS = 60
# Boxes about other pages, by tag and by class or id words: the dates inside are theirs.
_OTHER_ITEMS_TAGS = frozenset(("aside", "nav", "footer"))
_ARTICLE_NAMES = re.compile(r"article|story|content|entry|post-?body|main")
_OTHER_ITEMS = re.compile(
    r"(^|[\s_-])(sidebar|related|recommend\w*|popular|trending|more-?stories|teasers?|"
    r"comments?|comment-?list|outbrain|taboola|nav|navbar|navigation|menu)($|[\s_-])"
)
_NEAR_HEADLINE_COUNT = 40  # elements
_LABEL_REACH = 30  # characters before a date that may label it ("Last updated on")
_NEAR_HEADLINE = etree.XPath(f"(.//h1)[1]/following::*[position() <= {_NEAR_HEADLINE_COUNT}]")
# Elements whose text holds a probe word of either summary (libxml2 tests them, in C),
# in page order.
_LEAD_CANDIDATES = etree.XPath(
    "(.//p | .//h2 | .//h3 | .//h4 | .//div[not(*)] | .//span[not(*)])"
    "[contains(., $first) or contains(., $second)]"
)
_MIN_LEAD_CHARS = 40
_PROBE_WORDS = 6  # the longest of the summary's first words is looked for
_TIMES = etree.XPath(".//time | .//*[@itemprop='datePublished']")
# English month names, then any word between a day and a year ("3. Mai 2022", "3 de mayo de
# 2022": whether the word is a month is known when the text is parsed), then numeric days
# and the Chinese, Japanese and Korean ones.
_PRINTED_DATE = re.compile(
    rf"\b(?:{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_NAME},?\s+\d{{4}}"
    r"|\d{1,2}\.?\s*(?:de\s+)?[^\W\d_]{3,}\.?,?\s*(?:de\s+)?\d{4}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}\.\d{1,2}\.\d{4})\b"
    rf"|{CJK_DAY.pattern}"  # (no word boundary: "发布于2023年…" is all word characters)
)


@dataclass
class PageFacts:
    """What the page says about itself, raw."""

    articles: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD objects
    # JSON-LD organizations by `@id`: a story's `publisher` is often only a reference to one.
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    meta: dict[str, list[str]] = field(default_factory=dict)  # name/property -> contents
    canonical_url: str | None = None
    language: str | None = None
    title_tag: str | None = None
    headings: list[str] = field(default_factory=list)  # <h1> texts, in page order
    bylines: list[str] = field(default_factory=list)  # visible author credits
    author_links: list[str] = field(default_factory=list)  # links to an author's page
    times: list[str] = field(default_factory=list)  # <time datetime>, itemprop dates
    shown_dates: list[str] = field(default_factory=list)  # <time> or date-named text
    headline_dates: list[str] = field(default_factory=list)  # printed under the <h1>
    other_dates: list[str] = field(default_factory=list)  # in sidebars, related, comments
    lead: str | None = None  # the declared description, where the page also shows it
    discussion: bool = False  # a forum thread or Q&A page by its schema.org type

    def first_meta(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return unescaped(value)
        return None

    def site_names(self) -> set[str]:
        """Names the site goes by, so they are not taken for authors or titles."""
        names = {*self.meta.get("og:site_name", ()), *self.meta.get("application-name", ())}
        for article in self.articles:
            names.update(names_of(article.get("publisher"), organizations=True))
        return {unescaped(name).casefold() for name in names if name.strip()}


def collect(tree: lxml_html.HtmlElement) -> PageFacts:
    facts = PageFacts(language=_language(tree))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            objects = _json_ld_objects(script.text_content())
            facts.articles.extend(_article_objects(objects))
            facts.discussion = facts.discussion or _discussion(objects)
            facts.organizations.update(_organizations(objects))
    for meta in tree.iter("meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop")
        name = (name or meta.get("http-equiv") or "").lower()  # content-language, too
        if name and meta.get("content") is not None:
            facts.meta.setdefault(name, []).append(meta.get("content"))
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            facts.canonical_url = facts.canonical_url or link.get("href").strip()
    facts.discussion = facts.discussion or _microdata_discussion(tree) or _forum_software(facts)
    title = tree.find(".//title")
    facts.title_tag = unescaped(title.text_content()) if title is not None else None
    body = tree.find("body")
    if body is not None:
        _collect_visible(body, facts)
        facts.lead = _shown_lead(body, facts)
    return facts


def _discussion(objects: list[dict[str, Any]]) -> bool:
    return any(_types(item) & _DISCUSSION_TYPES for item in objects)


def _microdata_discussion(tree: lxml_html.HtmlElement) -> bool:
    """A thread or a Q&A page typed in microdata (<div itemtype="https://schema.org/QAPage">)."""
    kinds = (kind.rstrip("/").rpartition("/")[2] for kind in _ITEM_TYPES(tree))
    return any(kind in _DISCUSSION_TYPES for kind in kinds)


def _forum_software(facts: PageFacts) -> bool:
    return any(_FORUM_GENERATORS.search(name) for name in facts.meta.get("generator", ()))


def is_thread_address(url: str | None) -> bool:
    """Whether an address is a forum thread's ("/viewtopic.php?t=12", "/forums/…",
    "/threads/…")."""
    return bool(url) and _THREAD_ADDRESS.search(urlsplit(url).path) is not None


def _shown_lead(body: lxml_html.HtmlElement, facts: PageFacts) -> str | None:
    """The standfirst: an element showing the summary the page declares (JSON-LD or meta
    description). Templates print it in the article's header, apart from the body's
    container, so the content scorer alone would leave it out."""
    declared = [text_of(article.get("description")) for article in facts.articles[:1]]
    declared.append(facts.first_meta("description", "og:description", "twitter:description"))
    summaries = {" ".join(text.split()) for text in declared if text}
    summaries = {text for text in summaries if len(text) >= _MIN_LEAD_CHARS}
    if not summaries:
        return None
    probes = _probes(summaries)  # one or two
    for element in _LEAD_CANDIDATES(body, first=probes[0], second=probes[-1]):
        shown = " ".join(element.text_content().split())
        if len(shown) >= _MIN_LEAD_CHARS and any(_same_lead(shown, s) for s in summaries):
            return clean_text(shown)
    return None


def _probes(summaries: set[str]) -> list[str]:
    """The longest of each summary's first words: an element showing it must hold it."""
    return sorted(max(summary.split()[:_PROBE_WORDS], key=len) for summary in summaries)


def _same_lead(shown: str, declared: str) -> bool:
    """The same text, or the declared one cut short with an ellipsis."""
    if shown == declared:
        return True
    cut = declared.rstrip(".… ")
    return cut != declared and len(cut) >= _MIN_LEAD_CHARS and shown.startswith(cut)


def _collect_visible(body: lxml_html.HtmlElement, facts: PageFacts) -> None:
    facts.headings.extend(clean_text(h1.text_content()) for h1 in body.iter("h1"))
    about_other_items = _OtherItems()

    def dates_for(element: lxml_html.HtmlElement, own: list[str]) -> list[str]:
        """Where a date the element shows goes: among the page's own (`own`), or, inside a
        box about other pages, among theirs (no date of the page, but a clue to its zone)."""
        return facts.other_dates if about_other_items(element) else own

    updates: list[str] = []
    for element in _NEAR_HEADLINE(body):
        own = dates_for(element, facts.headline_dates)
        _collect_date_near_headline(element, own, updates if own is facts.headline_dates else own)
    facts.headline_dates.extend(updates)  # ("Updated March 9, first published March 3")
    for element in _TIMES(body):
        moment = element.get("datetime") or element.get("content")
        if moment and moment.strip():
            dates_for(element, facts.times).append(moment.strip())
    for element in body.iter(etree.Element):  # one pass, one cheap test for most elements
        if _MARKING.isdisjoint(element.keys()) and element.tag != "time":
            continue
        names = (element.get("class"), element.get("id"), element.get("itemprop"))
        rel = element.get("rel")
        dated, authored = _marks_of(names)
        if element.tag == "time" or dated:
            _collect_shown_date(element, dates_for(element, facts.shown_dates))
        if (authored or "author" in (rel or "").split()) and not about_other_items(element):
            _collect_byline(element, facts)  # (a teaser's or a comment's credit is theirs)
    for link in _AUTHOR_LINKS(body):
        if _AUTHOR_PAGE.search(link.get("href", "")) and not about_other_items(link):
            _collect_byline(link, facts, facts.author_links)


class _OtherItems:
    """Whether an element sits in a box about other pages (a sidebar's recent posts, related
    stories, comments, menus, the footer): their dates and credits are theirs, not the
    page's (their dates only a clue to the site's zone). An article's own `<footer>` or
    `<aside>` ("Posted by … on …") is the article's. Each box of a page is judged once."""

    def __init__(self) -> None:
        self._known: dict[lxml_html.HtmlElement, bool] = {}

    def __call__(self, element: lxml_html.HtmlElement) -> bool:
        path: list[lxml_html.HtmlElement] = []
        verdict = False
        for node in chain((element,), element.iterancestors()):
            if node in self._known:
                verdict = self._known[node]
                break
            if node.tag in ("body", "html"):  # (their classes describe the whole page)
                break
            path.append(node)
            if (own := _other_items_box(node)) is not None:  # the innermost box decides
                verdict = own
                break
        self._known.update(dict.fromkeys(path, verdict))
        return verdict


def other_items_boxes(body: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The outermost boxes about other pages in `body`, in page order."""
    boxes: list[lxml_html.HtmlElement] = []
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue
        if _other_items_box(node):
            boxes.append(node)  # (and not what it holds)
        else:
            stack.extend(reversed(node))
    return boxes


def _other_items_box(node: lxml_html.HtmlElement) -> bool | None:
    """Whether `node` is a box about other pages; None where it is no box of either kind
    (its ancestors decide)."""
    if node.tag in _OTHER_ITEMS_TAGS and not _in_article(node, node.iterancestors()):
        return _holds_no_headline(node)
    names = f"{node.get('class', '')} {node.get('id', '')}"
    if not names.isspace() and _names_other_items(names):
        return _holds_no_headline(node)
    return None


def _holds_no_headline(box: lxml_html.HtmlElement) -> bool:
    """A box that holds the page's `<h1>` is its layout ("page--with-sidebar"), not a box
    about other pages."""
    return box.find(".//h1") is None


def _in_article(box: lxml_html.HtmlElement, ancestors: Iterable) -> bool:
    """A `<footer>` or `<aside>` inside an `<article>`, or named as the article's own
    (`<footer class="article-author">`)."""
    if box.tag == "nav":
        return False
    own_names = f"{box.get('class', '')} {box.get('id', '')}".lower()
    return _ARTICLE_NAMES.search(own_names) is not None or any(
        node.tag == "article" for node in ancestors
    )


@lru_cache(maxsize=8192)
def _names_other_items(names: str) -> bool:
    """A box named like one about other pages, and not like the article ("article-with-
    sidebar" is the article's)."""
    names = names.lower()
    return _OTHER_ITEMS.search(names) is not None and _ARTICLE_NAMES.search(names) is None


def _marks_of(names: tuple[str | None, ...]) -> tuple[bool, bool]:
    """Whether an element's class, id or itemprop marks a date and an author; each judged
    on its own (class strings repeat, ids are unique) and cached."""
    dated = authored = False
    for name in names:
        if name:
            date_word, author_word = _name_marks(name)
            dated, authored = dated or date_word, authored or author_word
    return dated, authored


@lru_cache(maxsize=8192)
def _name_marks(names: str) -> tuple[bool, bool]:
    """Whether one class, id or itemprop value marks a date and an author."""
    names = names.lower()  # (the patterns are lower case: a case-blind search is slower)
    return bool(_DATE_NAMES.search(names)), bool(_MARKED_AUTHOR.search(names))


def _collect_shown_date(element: lxml_html.HtmlElement, dates: list[str]) -> None:
    if element.tag == "time" or _DATE_NAMES.search(element.get("class", "").lower()):
        text = clean_text(element.text_content())
        if 0 < len(text) <= _MAX_DATE_CHARS:
            dates.append(text)


def _collect_byline(
    element: lxml_html.HtmlElement, facts: PageFacts, into: list[str] | None = None
) -> None:
    text = _byline_text(element).strip()
    if 0 < len(text) <= _MAX_BYLINE_CHARS:
        (facts.bylines if into is None else into).append(clean_text(text))


def _byline_text(element: lxml_html.HtmlElement) -> str:
    """An `itemprop=author` person names itself in a nested `itemprop=name` (beside a job
    title or a bio); a `<meta itemprop=author>` in its `content`."""
    if "author" in (element.get("itemprop") or ""):
        names = [name.get("content") or name.text_content() for name in _NESTED_NAME(element)]
        if any(name.strip() for name in names):
            return ", ".join(name for name in names if name.strip())
    if element.tag == "meta":
        return element.get("content") or ""
    return element.text_content()


def _collect_date_near_headline(
    element: lxml_html.HtmlElement, dates: list[str], updates: list[str]
) -> None:
    """A printed date in the lines right under the headline (bylines, "Updated: ..."); one
    labelled as the last update goes to `updates`, read after the others."""
    for text in (element.text, element.tail):
        last = 0
        for match in _PRINTED_DATE.finditer(text or ""):
            label = text[max(last, match.start() - _LABEL_REACH) : match.start()]
            (updates if UPDATED_LABEL.search(label) else dates).append(match.group(0))
            last = match.end()


def _language(tree: lxml_html.HtmlElement) -> str | None:
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip()
    return lang or None


def _json_ld_objects(text: str) -> list[dict[str, Any]]:
    try:
        data = orjson.loads(text.strip().encode("utf-8", "replace"))
    except orjson.JSONDecodeError:
        return []
    return list(_walk(data))


def _article_objects(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items = [item for item in objects if _types(item) & _ARTICLE_TYPES]
    # A page's WebPage object describes the page, its NewsArticle the story: story first.
    return sorted(items, key=lambda item: _types(item) <= {"WebPage"})


def _organizations(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        item["@id"]: item
        for item in objects
        if isinstance(item.get("@id"), str) and _types(item) & _ORGANIZATION_TYPES
    }


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in JSON-LD: top-level lists, `@graph`, nested `mainEntity`, in document
    order. A loop, not recursion: JSON may nest a thousand levels deep."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            nested = (item.get(key) for key in ("@graph", "mainEntity", "mainEntityOfPage"))
            pending.extend(reversed([value for value in nested if isinstance(value, list | dict)]))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def names_of(value: Any, *, organizations: bool = False) -> list[str]:
    """Names from a JSON-LD author value: a string, an object, or a list of them. Objects
    typed as organizations count only when they are wire services, or when `organizations`
    is asked for (a publisher's own name is not an author)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        given = item.get("name") if isinstance(item, dict) else item
        is_organization = isinstance(item, dict) and bool(_types(item) & _ORGANIZATION_TYPES)
        # ("name": ["Travis Andersen", "Adam Sennott"]: one object for the story's writers)
        for name in given if isinstance(given, list) else [given]:
            if not isinstance(name, str) or not name.strip():
                continue
            if organizations or not is_organization or agency_name(name):
                names.append(unescaped(name))
    return names


def text_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return unescaped(value) if isinstance(value, str) and value.strip() else None


def unescaped(text: str) -> str:
    """Declared values are often escaped twice ("&amp;#8217;" in the source)."""
    return clean_text(html.unescape(text) if "&" in text else text)
