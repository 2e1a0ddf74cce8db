"""Reads HTML pages: encoding from BOM, HTTP-style meta declarations or detection; the
page's own metadata kept for the metadata stage; the article as typed blocks."""

from __future__ import annotations

import re

from newsnorm.document import Block, Document, Source
from newsnorm.errors import NormalizeError
from newsnorm.hookspecs import hookimpl
from newsnorm.html.content import content_blocks, parse
from newsnorm.html.meta import PageFacts, collect, is_thread_address, text_of
from newsnorm.html.prose import is_prose
from newsnorm.stages import HTML
from newsnorm.text.decoding import decode
from newsnorm.text.patterns import clean_text

_SNIFF_BYTES = 2048
_MIN_DECLARED_BODY = 500
_DECLARED_RATIO = 2
_LEAD_WITHIN = 5  # blocks at the top of the body where a standfirst would already be
_LOOKS_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# An XHTML page may declare its encoding only in its XML declaration, which comes first.
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)


@hookimpl(trylast=True)
def newsnorm_read_document(source: Source) -> Document | None:
    if not is_html(source):
        return None
    content = source.content
    text = content if isinstance(content, str) else page_text(content, source.media_type)
    tree = parse(text)
    page = collect(tree)
    page.discussion = page.discussion or is_thread_address(source.url)
    blocks, images = content_blocks(tree, text, discussion=page.discussion)
    blocks = _declared_body(page, blocks) or _with_lead(page.lead, blocks)
    if not blocks:
        raise NormalizeError("no article text found in the page", stage="read")
    document = Document(source=source, input_format=HTML, blocks=blocks, page=page, html=text)
    document.meta.images = images
    return document


def _declared_body(page: PageFacts, blocks: list[Block]) -> list[Block] | None:
    """The JSON-LD `articleBody`, when the page's markup gave far less than it declares
    (stories drawn by scripts, pages whose visible text is teasers)."""
    declared = next((text_of(a.get("articleBody")) for a in page.articles), None)
    extracted = sum(len(block.text) for block in blocks)
    if not declared or len(declared) < max(_MIN_DECLARED_BODY, extracted * _DECLARED_RATIO):
        return None
    lines = (clean_text(line) for line in declared.splitlines())
    return [Block(text=line) for line in lines if line]


def _with_lead(lead: str | None, blocks: list[Block]) -> list[Block]:
    """The standfirst the page shows above the story, when the body does not hold it yet."""
    if not blocks or not lead or not is_prose(lead):
        return blocks
    if any(lead in block.text or block.text in lead for block in blocks[:_LEAD_WITHIN]):
        return blocks
    return [Block(text=lead), *blocks]


def is_html(source: Source) -> bool:
    if source.media_type:
        return "html" in source.media_type.lower()
    head = source.content[:_SNIFF_BYTES]
    if isinstance(head, bytes):  # NULs out: UTF-16 and UTF-32 markup reads as ASCII
        head = head.replace(b"\x00", b"").decode("latin-1")
    return bool(_LOOKS_HTML.search(head))


def page_text(content: bytes, media_type: str | None) -> str:
    """The page decoded: the HTTP charset, else the one the page declares, else detected."""
    return decode(content, _http_charset(media_type) or _declared_charset(content))


def _http_charset(media_type: str | None) -> str | None:
    """An HTTP Content-Type's charset (a web archive record's) outranks the page's own."""
    match = _HTTP_CHARSET.search(media_type or "")
    return match.group(1) if match else None


def _declared_charset(content: bytes) -> str | None:
    head = content[: _SNIFF_BYTES * 4]
    match = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    return match.group(1).decode("ascii", "replace") if match else None
