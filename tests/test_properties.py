"""Property-based tests (hypothesis): whatever goes in, something sane comes out.

Arbitrary bytes, arbitrary text and generated HTML-ish markup (nested tags, boilerplate-ish
attributes, JSON-LD, meta tags, lying charsets, entities, NULs, unclosed tags), fed to
`newsnorm.normalize` and to `newsnorm convert` as plain files, gzipped files, JSON Lines dumps
and web archives, give a record valid against the published schema or a clean refusal (a
`NormalizeError`, an error record), never another exception and never a hang; every document
ends as exactly one record or one error record; the same input always gives the same bytes.

This generalises the seeded fuzz test of test_robustness.py: the examples are generated and
shrunk by hypothesis, derandomised so that every run checks the same ones. As there, a
`NormalizeError` that names a plugin is a plugin that crashed: a bug, not a refusal.
"""

from __future__ import annotations

import gzip
import operator
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from test_containers import warc_bytes
from typer.testing import CliRunner

from newsnorm import NormalizeError, normalize
from newsnorm.cli import app
from newsnorm.run.deadline import time_limit
from newsnorm.run.outcome import dumps
from newsnorm.validation import validate_lines

# A hang is a failure twice over: a slow example fails hypothesis' deadline, and one that
# never ends is stopped by the time limit (DocumentTimeout is no NormalizeError).
FUZZ = settings(
    max_examples=60,
    deadline=2000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HANG_SECONDS = 20
# Hypothesis gives each test 2000 more frames than Python's default, which would hide
# recursion too deep for a program of its own; newsnorm runs with this many free frames.
FREE_FRAMES = 1000
# The stages that refuse a document; `validate` would mean newsnorm built an invalid record.
REFUSING_STAGES = {"read", "recognize", "noise", "metadata", "finish"}
OUTLETS = [None, "brecorder", "newsmania"]

# ---------------------------------------------------------------------------------------
# Strategies

ODD_PIECES = [
    *"\x00\x01\x0b\x0c\x1b\r\t\n\u00a0\u00ad\u200b\u200e\u202e\u2028\u2029\ufeff\ufffd",
    "\r\n", "e\u0301", "\U0001f4f0", "\U0010ffff",
    "&amp;", "&#0;", "&#x110000;", "&#xD800;", "&#65;", "&#x;", "&nbsp;", "&bogus;", "&",
    "<", ">", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "</",
    '"', "'", "“", "”", "—", "•", "▼",
    "By ", "By Jane Doe and Reuters", "Published: ", "Updated ", "SEOUL: ", "March 3, 2025",
    "2025-13-45T99:99", "Related Articles", "Read more", "Comments",
]  # fmt: skip
odd_text = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(ODD_PIECES),
        st.builds(operator.mul, st.sampled_from(ODD_PIECES), st.integers(2, 300)),  # runs
    ),
    max_size=8,
).map("".join)

CONTAINER_TAGS = [
    "p", "div", "article", "main", "section", "header", "footer", "nav", "aside", "h1", "h2",
    "h3", "span", "a", "b", "figure", "figcaption", "blockquote", "ul", "ol", "li", "pre",
    "time", "script", "style", "title", "noscript", "table", "td", "template", "svg", "form",
    "iframe", "textarea", "button",
]  # fmt: skip
VOID_TAGS = ["br", "img", "meta", "hr", "link", "source", "input", "wbr"]
ATTRIBUTE_NAMES = [
    "class", "id", "hidden", "style", "datetime", "itemprop", "itemtype", "rel", "name",
    "property", "content", "src", "href", "alt", "lang", "aria-hidden", "role", "type",
    "charset", "http-equiv", "data-x", "CLASS",
]  # fmt: skip
ATTRIBUTE_VALUES = [
    "related", "comments", "caption", "byline", "author", "credit", "share", "nav", "menu",
    "newsletter", "cookie", "ad", "promo", "story-body", "article-body", "content", "hidden",
    "display:none", "visibility: hidden", "application/ld+json", "text/javascript", "canonical",
    "og:title", "og:site_name", "article:published_time", "article:author", "description",
    "keywords", "datePublished", "headline", "2025-03-03T10:00:00Z", "2025-03-03", "2025-13-45",
    "https://example.com/2025/03/03/storm", "https://www.brecorder.com/news/1", "/relative",
    "//host", "javascript:void(0)", "en", "zz-ZZ", "", "true", "content-type",
    "text/html; charset=utf-7",
]  # fmt: skip
# Declared charsets: real ones, misspelt and unknown ones, and odd text codecs Python knows.
CHARSETS = [
    "utf-8", "UTF8", "iso-8859-1", "windows-1251", "shift_jis", "gb2312", "utf-16",
    "utf-16-be", "utf-32", "utf-7", "x-user-defined", "unicode-escape", "idna", "bogus", "",
]  # fmt: skip
# Codecs Python knows that are no text encodings: their own test, which fails for now.
NON_TEXT_CODECS = ["base64", "rot13", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "punycode"]
JSON_LD_KEYS = [
    "@context", "@type", "@graph", "headline", "name", "author", "creator", "publisher",
    "datePublished", "dateModified", "articleBody", "articleSection", "keywords", "image",
    "url", "mainEntity", "mainEntityOfPage", "inLanguage", "description",
]  # fmt: skip
JSON_LD_STRINGS = [
    "NewsArticle", "Article", "WebPage", "Person", "Organization", "Reuters", "Jane Doe", "",
    " ", "2025-03-03T10:00:00+05:00", "2025-02-30", "yesterday", "https://example.com/a",
]  # fmt: skip

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(JSON_LD_STRINGS),
        odd_text,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(JSON_LD_KEYS), inner, max_size=5),
    ),
    max_leaves=6,
)


@st.composite
def attributes(draw) -> str:
    name = draw(st.sampled_from(ATTRIBUTE_NAMES))
    form = draw(st.sampled_from(["bare", '"', "'", "unquoted"]))
    if form == "bare":
        return f" {name}"
    value = draw(st.one_of(st.sampled_from(ATTRIBUTE_VALUES + CHARSETS), odd_text))
    quote = "" if form == "unquoted" else form
    return f" {name}={quote}{value}{quote}"


@st.composite
def json_ld(draw) -> str:
    data = orjson.dumps(draw(json_values)).decode()
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # cut short
    return f'<script type="application/ld+json">{data}</script>'


@st.composite
def charset_declaration(draw, charsets: list[str] = CHARSETS) -> str:
    charset = draw(st.sampled_from(charsets))
    if draw(st.booleans()):
        return f'<meta charset="{charset}">'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'


def void_element() -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, slash: f"<{tag}{''.join(attrs)}{slash}>",
        st.sampled_from(VOID_TAGS),
        st.lists(attributes(), max_size=3),
        st.sampled_from(["", "/", " /"]),
    )


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A tag around children; sometimes left unclosed, sometimes closed by the wrong tag."""
    return st.builds(
        lambda tag, attrs, inner, end: f"<{tag}{''.join(attrs)}>{''.join(inner)}{end(tag)}",
        st.sampled_from(CONTAINER_TAGS),
        st.lists(attributes(), max_size=3),
        st.lists(children, max_size=5),
        st.sampled_from([lambda tag: f"</{tag}>"] * 4 + [lambda tag: "", lambda tag: "</div>"]),
    )


markup_nodes = st.recursive(
    st.one_of(
        odd_text,
        void_element(),
        json_ld(),
        charset_declaration(),
        st.sampled_from(CONTAINER_TAGS).map(lambda tag: f"</{tag}>"),  # stray end tags
    ),
    element,
    max_leaves=20,
)


@st.composite
def markup(draw) -> str:
    """A page: sometimes a whole document with a head, sometimes a fragment."""
    body = "".join(draw(st.lists(markup_nodes, max_size=6)))
    shape = draw(st.sampled_from(["page", "bare page", "fragment"]))
    if shape == "fragment":
        return body
    head_parts = st.one_of(charset_declaration(), json_ld(), void_element(), markup_nodes)
    head = "".join(draw(st.lists(head_parts, max_size=4)))
    if shape == "bare page":
        return f"<html><head>{head}<body>{body}"
    lang = draw(st.sampled_from(["", ' lang="en"', ' lang="ur-PK"', " lang", ' lang="\x00"']))
    return f"<!DOCTYPE html><html{lang}><head>{head}</head><body>{body}</body></html>"


@st.composite
def markup_documents(draw) -> bytes | str:
    """Markup as text, or as bytes in some encoding (not necessarily the declared one)."""
    text = draw(markup())
    encoding = draw(st.sampled_from([None, "utf-8", "utf-8-sig", "utf-16", "cp1252", "koi8-r"]))
    return text if encoding is None else text.encode(encoding, errors="xmlcharrefreplace")


urls = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "https://example.com/2025/03/03/storm",
            "https://www.brecorder.com/news/40300000/storm",
            "https://newsmania.in/world/lee-xi",
            "http://[::1",
            "https://ex ample.com/%zz?q=\u00e9#frag",
            "not a url",
            "",
        ]
    ),
    odd_text,
)
options = st.fixed_dictionaries(
    {"url": urls, "outlet": st.sampled_from(OUTLETS), "explain": st.booleans()}
)

STORY = "<h1>Storm closes ports</h1><p>Ports closed on Monday as the storm came ashore.</p>"
# Depths at the limits of libxml2 (256), Python's recursion (1000) and orjson (1024).
depths = st.one_of(st.sampled_from([255, 256, 257, 999, 1000, 1023, 1024]), st.integers(1, 1100))
JSON_NESTINGS = {
    "list": ("[", "]"),
    "@graph": ('{"@graph":', "}"),
    "mainEntity": ('{"mainEntity":[', "]}"),
}


@st.composite
def deeply_nested_pages(draw) -> str:
    """A story inside deeply nested tags, or beside deeply nested JSON-LD."""
    depth = draw(depths)
    nesting = draw(st.sampled_from(["tags", *JSON_NESTINGS]))
    if nesting == "tags":
        tag = draw(st.sampled_from(CONTAINER_TAGS))
        return f"<html><body>{f'<{tag}>' * depth}{STORY}{f'</{tag}>' * depth}"
    opening, closing = JSON_NESTINGS[nesting]
    data = opening * depth + "{}" + closing * depth
    return f'<html><script type="application/ld+json">{data}</script><body>{STORY}'


pages_declaring_no_text_encoding = st.builds(
    lambda declaration, body, encoding: f"<html><head>{declaration}<body>{body}".encode(
        encoding, "xmlcharrefreplace"
    ),
    charset_declaration(NON_TEXT_CODECS),
    markup(),
    st.sampled_from(["utf-8", "cp1252"]),
)
text_with_lone_surrogates = st.lists(
    st.one_of(st.text(max_size=30), markup(), st.integers(0xD800, 0xDFFF).map(chr)),
    min_size=1,
    max_size=6,
).map("".join)

# ---------------------------------------------------------------------------------------
# Checks


@contextmanager
def python_default_stack() -> Iterator[None]:
    """Python's default recursion limit, counted from here rather than from `main`."""
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + FREE_FRAMES)
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def normalized(content: bytes | str, **kwargs) -> bytes | None:
    """The record's JSON Lines bytes after checking them against the schema, or None when
    newsnorm refused the document the way it promises to."""
    try:
        with time_limit(HANG_SECONDS), python_default_stack():
            article = normalize(content, **kwargs)
    except NormalizeError as error:
        assert str(error).strip(), "a NormalizeError without a message"
        assert error.plugin is None, f"a plugin raised (a bug, not bad input): {error}"
        assert error.stage in REFUSING_STAGES, f"stage {error.stage!r}: {error}"
        return None
    line = dumps(article)
    assert [str(problem) for problem in validate_lines([line])] == []
    return line


def converted(files: dict[str, bytes], expected: int) -> None:
    """`newsnorm convert` on these files gives, for each of the `expected` documents in
    them, exactly one valid record or one error record, and a clean exit."""
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        for name, data in files.items():
            (root / name).write_bytes(data)
        out, errors = root / "out" / "records.jsonl", root / "out" / "errors.jsonl"
        paths = [str(root / name) for name in files]
        arguments = [*paths, "-o", str(out), "--errors", str(errors), "--workers", "1"]
        with python_default_stack():
            result = CliRunner().invoke(app, ["convert", *arguments])
        records, failures = out.read_bytes().splitlines(), errors.read_bytes().splitlines()
    # CliRunner catches what escapes the command: only exits (typer.Exit) may.
    escaped = result.exception
    assert escaped is None or isinstance(escaped, SystemExit), repr(escaped)
    assert result.exit_code == (1 if failures else 0), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert len(records) + len(failures) == expected, result.stderr
    assert [str(problem) for problem in validate_lines(records)] == []
    sources = [orjson.loads(line)["provenance"]["source"] for line in records]
    for line in failures:
        failure = orjson.loads(line)
        assert failure["message"].strip() and failure["error"], failure
        assert failure["stage"] in REFUSING_STAGES, failure
        assert "plugin" not in failure, f"a plugin raised (a bug, not bad input): {failure}"
        sources.append(failure["source"])
    assert len(set(sources)) == len(sources), f"a document with two lines: {sources}"


def as_bytes(content: bytes | str) -> bytes:
    return content.encode() if isinstance(content, str) else content


def gzipped(data: bytes, cut: int | None = None) -> bytes:
    whole = gzip.compress(data, mtime=0)
    return whole if cut is None else whole[: cut % (len(whole) + 1)]


@pytest.fixture(autouse=True, scope="module")
def _loaded_pipeline():
    """Plugins, parsers and the schema loaded before the first example is timed."""
    for content in ("Storm closes ports\n\nPorts closed on Monday.\n", f"<html>{STORY}"):
        normalized(content)


# ---------------------------------------------------------------------------------------
# The Python API


@settings(FUZZ, max_examples=150)
@given(content=st.binary(max_size=4000), options=options)
def test_any_bytes_give_a_valid_record_or_a_normalize_error(content, options):
    normalized(content, **options)


@settings(FUZZ, max_examples=150)
@given(content=st.text(max_size=4000), options=options)
def test_any_text_gives_a_valid_record_or_a_normalize_error(content, options):
    normalized(content, **options)


@settings(FUZZ, max_examples=100)
@given(content=markup_documents(), options=options)
def test_any_markup_gives_a_valid_record_or_a_normalize_error(content, options):
    normalized(content, **options)


@FUZZ
@given(
    content=st.one_of(st.binary(max_size=2000), st.text(max_size=2000), markup_documents()),
    options=options,
)
def test_the_same_input_gives_the_same_bytes(content, options):
    first = normalized(content, **options)
    assert normalized(content, **options) == first


# Bugs these found, each pinned with its smallest example: JSON-LD nested ~1000 deep
# (RecursionError), text with lone surrogates, a charset that is not a text encoding.

DEEP_JSON_LD = f'<html><script type="application/ld+json">{"[" * 1000}{"]" * 1000}</script>'


@FUZZ
@example(content=DEEP_JSON_LD + STORY)
@given(content=deeply_nested_pages())
def test_deep_nesting_gives_a_valid_record_or_a_normalize_error(content):
    normalized(content)


@FUZZ
@example(content="\ud800", options={"url": None, "outlet": None, "explain": False})
@example(
    content="\ud800", options={"url": "https://example.com/a", "outlet": None, "explain": False}
)
@given(content=text_with_lone_surrogates, options=options)
def test_text_with_lone_surrogates_gives_a_valid_record_or_a_normalize_error(content, options):
    normalized(content, **options)


@FUZZ
@example(content=b'<html><head><meta charset="base64"><body>', options={})
@given(content=pages_declaring_no_text_encoding, options=options)
def test_a_charset_naming_no_text_encoding_gives_a_valid_record_or_a_normalize_error(
    content, options
):
    # The same decoding serves a web archive's HTTP charset: `Content-Type: text/html;
    # charset=base64` in a WARC response fails the same way in `newsnorm convert`.
    normalized(content, **options)


# ---------------------------------------------------------------------------------------
# `newsnorm convert`

plain_files = st.tuples(
    st.one_of(st.binary(max_size=2000), markup_documents().map(as_bytes)),
    st.sampled_from([".txt", ".html", ".htm", ".xhtml", ""]),
    st.sampled_from(["plain", "gzip", "cut gzip"]),
    st.integers(0, 4000),
)


@FUZZ
@given(files=st.lists(plain_files, min_size=1, max_size=3))
def test_convert_gives_each_file_one_record_or_one_error(files):
    named = {}
    for number, (content, suffix, compression, cut) in enumerate(files):
        assume(not content.startswith(b"WARC/"))  # a web archive, whatever its name
        if compression == "plain":
            named[f"{number}{suffix}"] = content
        else:
            named[f"{number}{suffix}.gz"] = gzipped(content, cut if "cut" in compression else None)
    converted(named, expected=len(files))


jsonl_lines = st.one_of(
    st.binary(max_size=300).map(lambda line: line.replace(b"\n", b"")),
    json_values.map(orjson.dumps),
    st.builds(
        lambda field, page, url: orjson.dumps({field: page, "url": url}),
        st.sampled_from(["html", "content", "raw_html", "page", "body", "title"]),
        st.one_of(markup(), st.text(max_size=500), json_values),
        urls,
    ),
)


@FUZZ
@given(lines=st.lists(jsonl_lines, max_size=6), newline=st.booleans(), compress=st.booleans())
def test_convert_gives_each_json_lines_record_one_record_or_one_error(lines, newline, compress):
    data = b"\n".join(lines) + (b"\n" if newline else b"")
    assume(not data.startswith(b"WARC/"))
    expected = sum(1 for line in lines if line.strip())  # blank lines are no documents
    if compress:
        converted({"dump.jsonl.gz": gzipped(data)}, expected)
    else:
        converted({"dump.jsonl": data}, expected)


CONTENT_TYPES = [
    "text/html",
    "TEXT/HTML",
    "application/xhtml+xml",
    "image/png",
    "text/plain",
    *(f"text/html; charset={charset}" for charset in CHARSETS),
]
STATUSES = ["200 OK", "204 No Content", "301 Moved Permanently", "404 Not Found"]
warc_responses = st.tuples(
    st.text(st.characters(min_codepoint=0x21, exclude_categories=["C", "Z"]), max_size=20).map(
        lambda path: f"https://example.com/{path}"
    ),
    st.sampled_from(CONTENT_TYPES),
    st.one_of(st.binary(max_size=1000), markup_documents().map(as_bytes)),
    st.sampled_from(STATUSES),
)


@FUZZ
@given(responses=st.lists(warc_responses, min_size=1, max_size=3), compress=st.booleans())
def test_convert_gives_each_web_archive_page_one_record_or_one_error(responses, compress):
    statuses = {url: status for url, _, _, status in responses}
    records = [(url, kind, body) for url, kind, body, _ in responses]
    archive = warc_bytes(records, gzipped=compress, statuses=statuses)
    pages = [  # successful HTML responses; the others are skipped
        url
        for url, kind, _ in records
        if statuses[url].startswith("2")
        and kind.lower().startswith(("text/html", "application/xhtml"))
    ]
    converted({"crawl.warc.gz" if compress else "crawl.warc": archive}, len(pages))
