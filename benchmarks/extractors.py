"""Each tool behind one call: raw page bytes and URL in, body text, title, authors, date and
language out.

newsnorm and trafilatura take the page bytes and detect the encoding themselves (trafilatura's
own command line reads files as bytes). readability-lxml and newspaper4k get text, decoded the
way newspaper4k decodes the pages it downloads (w3lib: byte-order mark, declared charset,
else UTF-8); readability-lxml could take bytes too, but then guesses undeclared encodings with
the pure-Python chardet, which doubles its time. Decoding is inside the timed call for every
tool. Peers run with default settings, except that newspaper4k's `fetch_images` is off: it
would download images to choose a top image, which nothing here scores. A tool is imported
only when its factory is called, in its own process.

Authors: newsnorm splits a byline into people (`authors`) and wire services (`agencies`); the
gold lists mix the two, so both count here. The peers give one list each, used as it is.
Language: newsnorm's `language`, trafilatura's `language` (filled only when a target language
is asked for, so none with the defaults used here), newspaper4k's `meta_lang` (the page's
declared language); readability-lxml gives none. Outlet: newsnorm's `outlet.name` (named only by
an outlet plugin); the peers name none.

Plain-text captures (the captures corpus): newsnorm reads text itself and gets the capture's
bytes as they are. The peers read HTML only, so each gets the capture as an HTML page with one
`<p>` per non-empty line (lines_as_html), made inside the timed call: it is part of what giving
a peer a capture costs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

TOOLS = ("newsnorm", "trafilatura", "readability", "newspaper4k")
READS_TEXT = ("newsnorm",)  # the tools given a plain-text capture as it is
DISTRIBUTIONS = {
    "newsnorm": "newsnorm",
    "trafilatura": "trafilatura",
    "readability": "readability-lxml",
    "newspaper4k": "newspaper4k",
}
PLACEHOLDER_URL = "https://example.invalid/article"  # newspaper4k needs some URL
# With lxml's block tags, the elements that end a line when readability-lxml's HTML becomes
# text, so that neighbouring paragraphs' words are not glued together as by text_content().
LINE_TAGS = ("br", "article", "aside", "figcaption", "figure", "footer", "header", "section")
# The page around a capture's lines; the charset is declared so that every peer decodes UTF-8.
CAPTURE_PAGE = (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{}</body></html>\n'
)


@dataclass
class Extracted:
    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # the calendar day, YYYY-MM-DD
    language: str | None = None  # a language tag as the tool gives it ("de-AT", "en")
    outlet: str | None = None  # the outlet's name, as newsnorm's outlet plugins give it
    error: str | None = None  # "Type: message" when the tool raised (the output is then empty)


Extractor = Callable[[bytes, str | None], Extracted]


def load(tool: str) -> Extractor:
    """Import a tool and return its extraction call."""
    return _FACTORIES[tool]()


def for_captures(tool: str, extract: Extractor) -> Extractor:
    """The tool's call on plain-text captures: as it is, or through lines_as_html."""
    if tool in READS_TEXT:
        return extract
    return lambda content, url: extract(lines_as_html(content), url)


def lines_as_html(content: bytes) -> bytes:
    """A UTF-8 capture as an HTML page: one `<p>` per non-empty line, its text escaped."""
    lines = (line.strip() for line in content.decode("utf-8", errors="replace").splitlines())
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in lines if line)
    return CAPTURE_PAGE.format(paragraphs).encode("utf-8")


def _day(value: date | str | None) -> str | None:
    """YYYY-MM-DD from a date, a datetime (its own time zone's day) or an ISO string."""
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()[:10]
    return value[:10] if value else None


def _as_text(content: bytes) -> str:
    from w3lib.encoding import html_to_unicode  # a newspaper4k dependency

    return html_to_unicode(None, content, default_encoding="utf-8")[1]


def _newsnorm() -> Extractor:
    import newsnorm

    def extract(content: bytes, url: str | None) -> Extracted:
        try:
            article = newsnorm.normalize(content, url=url)
        except newsnorm.NormalizeError:  # no article on the page: an empty output
            return Extracted()
        authors = [*article.authors, *article.agencies]  # the gold mixes people and agencies
        published, outlet = _day(article.published), article.outlet.name
        return Extracted(article.text, article.title, authors, published, article.language, outlet)

    return extract


def _trafilatura() -> Extractor:
    import trafilatura

    def extract(content: bytes, url: str | None) -> Extracted:
        result = trafilatura.bare_extraction(content, url=url, with_metadata=True)
        if result is None:
            return Extracted()
        authors = [name for name in (result.author or "").split(";") if name.strip()]
        return Extracted(
            result.text or "", result.title, authors, _day(result.date), result.language
        )

    return extract


def _readability() -> Extractor:
    from lxml import html
    from lxml.html.defs import block_tags
    from readability import Document

    line_tags = [*block_tags, *LINE_TAGS]

    def extract(content: bytes, url: str | None) -> Extracted:
        document = Document(_as_text(content), url=url)
        summary = html.fromstring(document.summary(html_partial=True))
        return Extracted(_text(summary, line_tags), document.short_title())  # no author, date

    return extract


def _text(tree: HtmlElement, line_tags: list[str]) -> str:
    for element in tree.iter(*line_tags):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def _newspaper() -> Extractor:
    import newspaper

    def extract(content: bytes, url: str | None) -> Extracted:
        article = newspaper.Article(url or PLACEHOLDER_URL, fetch_images=False)
        article.download(input_html=_as_text(content))
        article.parse()
        published, language = _day(article.publish_date), article.meta_lang or None
        return Extracted(article.text, article.title, article.authors, published, language)

    return extract


_FACTORIES: dict[str, Callable[[], Extractor]] = {
    "newsnorm": _newsnorm,
    "trafilatura": _trafilatura,
    "readability": _readability,
    "newspaper4k": _newspaper,
}
