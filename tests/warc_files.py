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
