"""Small web archives and JSON Lines files built for tests of how containers are read."""

from __future__ import annotations

import gzip
import io

from html_pages import page, paragraphs
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def story(n: int) -> str:
    return page(f"<article><h1>Story number {n}</h1>{paragraphs(2)}</article>")


def archive(
    count: int, *, compression: str = "members", without_ids: tuple[int, ...] = ()
) -> bytes:
    """A web archive of `count` responses, each followed by a request record. Every fifth
    response is an image (a document to skip), every seventh an HTTP 404; the responses
    numbered in `without_ids` have no WARC-Record-ID. `compression`: "members" (each
    record its own gzip member), "none", or "stream" (the whole file one gzip stream)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compression == "members")
    for n in range(count):
        url = f"https://example.com/{n}"
        kind, body = ("image/png", b"\x89PNG\r\n") if n % 5 == 4 else ("text/html", story(n))
        status = "404 Not Found" if n % 7 == 6 else "200 OK"
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        payload = io.BytesIO(body if isinstance(body, bytes) else body.encode())
        response = writer.create_warc_record(url, "response", payload=payload,
                                             http_headers=headers)  # fmt: skip
        if n in without_ids:
            response.rec_headers.remove_header("WARC-Record-ID")
        writer.write_record(response)
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")],
                                   is_http_request=True)  # fmt: skip
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                      http_headers=request))  # fmt: skip
    data = buffer.getvalue()
    return gzip.compress(data, mtime=0) if compression == "stream" else data


def page_text(n: int) -> str:
    """A page's plain text as a WET conversion record holds it: its title, then a line
    per paragraph."""
    lines = [f"Story number {n}"]
    lines += [f"Paragraph {k} of story {n} has enough words to be article text." for k in (1, 2)]
    return "\n".join(lines) + "\n"


def wet_archive(count: int, *, compression: str = "members", empty: tuple[int, ...] = ()) -> bytes:
    """A WET file as Common Crawl writes one: a warcinfo record, then one text/plain
    conversion record per page, referring (WARC-Refers-To) to its response in another
    file. Pages numbered in `empty` have no text; `compression` as for `archive`."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compression == "members")
    writer.write_record(writer.create_warcinfo_record("crawl.warc.wet.gz", {"software": "t"}))
    for n in range(count):
        text = "" if n in empty else page_text(n)
        refers = {"WARC-Refers-To": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"}
        writer.write_record(_conversion(writer, f"https://example.com/{n}", text, refers))
    data = buffer.getvalue()
    return gzip.compress(data, mtime=0) if compression == "stream" else data


def mixed_archive(count: int, *, compressed: bool = True) -> bytes:
    """An archive holding pages as responses and as conversion records, in turn: (0) an
    HTML response, a metadata record and the conversion of that response; (1) a PDF
    response and its conversion; (2) a conversion alone; (3) a conversion written before
    its HTML response."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    for n in range(count):
        for record in _page_records(writer, n):
            writer.write_record(record)
    return buffer.getvalue()


def _page_records(writer: WARCWriter, n: int) -> list:
    url, text = f"https://example.com/{n}", page_text(n)
    if n % 4 == 2:
        return [_conversion(writer, url, text, {})]
    if n % 4 == 1:
        response = _response(writer, url, "application/pdf", b"%PDF-1.4")
    else:
        response = _response(writer, url, "text/html", story(n).encode())
    refers = {"WARC-Refers-To": response.rec_headers.get_header("WARC-Record-ID")}
    conversion = _conversion(writer, url, text, refers)
    if n % 4 == 0:
        fields = io.BytesIO(b"fetchTimeMs: 12\n")
        kind = "application/warc-fields"
        metadata = writer.create_warc_record(url, "metadata", payload=fields,
                                             warc_content_type=kind)  # fmt: skip
        return [response, metadata, conversion]
    return [conversion, response] if n % 4 == 3 else [response, conversion]


def _response(writer: WARCWriter, url: str, kind: str, body: bytes):
    headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                     http_headers=headers)  # fmt: skip


def _conversion(writer: WARCWriter, url: str, text: str, headers: dict[str, str]):
    return writer.create_warc_record(url, "conversion", payload=io.BytesIO(text.encode()),
                                     warc_content_type="text/plain",
                                     warc_headers_dict=headers)  # fmt: skip


def json_lines(count: int) -> bytes:
    """`count` lines of page records, with a blank line, invalid JSON and a record without
    a page among them."""
    lines = []
    for n in range(count):
        if n % 6 == 3:
            lines.append(b"")
        elif n % 6 == 5:
            lines.append(b"{not json")
        elif n % 8 == 7:
            lines.append(b'{"url": "https://example.com/no-page"}')
        else:
            lines.append(
                b'{"url": "https://example.com/%d", "html": "%s"}' % (n, story(n).encode())
            )
    return b"\n".join(lines) + b"\n"
