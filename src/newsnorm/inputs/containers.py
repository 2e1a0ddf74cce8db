"""Documents inside containers, read as streams: the response and conversion records of web
archives (WARC, through warcio; Common Crawl's WET files are conversion records) and the
records of JSON Lines dumps. A record that cannot be read becomes a document with a
`problem`, so it ends as an error record naming it; the rest go on."""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

import orjson
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsnorm.inputs.document import (
    DEFAULT_MAX_BYTES,
    Fields,
    InputDocument,
    read_at_most,
    starts_with_gzip,
)

_HTML_TYPES = ("text/html", "application/xhtml")
# What a conversion record without a Content-Type holds (WET files declare it).
_PLAIN_TEXT = "text/plain"
DOCUMENT_RECORDS = ("response", "conversion")  # the WARC record types that are documents
_SKIP_STEP = 1 << 20  # a line past the cap is passed over this many bytes at a time
# What warcio raises for a damaged archive (AttributeError: a record without its URI).
ARCHIVE_DAMAGE = (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error, AttributeError)


def warc_documents(
    name: str, stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES, *, first: int = 0
) -> Iterator[InputDocument]:
    """One document per response record and per conversion record (a page's plain text,
    as in WET files), named `FILE#<record id>`, with the record's target URI as its URL.
    A response brings its HTTP Content-Type (and so its charset) as media type, a
    conversion its plain-text type. Responses that are not successful HTML pages, and
    conversions that are empty, not plain text or the text of the response just converted,
    come as documents to skip, with why; a body (decoded) longer than `max_bytes` as one
    too large, its rest passed over unread. `stream` may start at a record boundary inside
    the file (a span): `first` documents of the file came before it, so names that count
    records count on from there."""
    records = iter(ArchiveIterator(stream))
    place = _Place(first)
    broken = False
    while not broken:
        with warcio_notes_silenced():  # never around a yield: our own stderr stays ours
            document, broken = _next_warc_document(name, records, place, max_bytes)
        if document is None:
            return
        yield document
        place.count += 1


class _Place:
    """Where a read of an archive has got to: documents so far (this file's), and the id of
    the last response record while it is converted and no conversion record has come since:
    a conversion that refers to it (WARC-Refers-To) is the same page as text, skipped. So
    spans must not start at a conversion that refers to the response before it (see
    `newsnorm.inputs.spans`); a read starting anywhere else decides as a whole read does."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.converted_response: str | None = None


def _next_warc_document(name: str, records, place: _Place, max_bytes: int):
    """(the next response or conversion as a document or None at the end, whether the
    archive broke)"""
    try:
        for record in records:
            if record.rec_type == "response":
                document = _warc_document(name, record, place.count, max_bytes)
                converted = document.content is not None
                place.converted_response = record_id(record) if converted else None
                return document, False
            if record.rec_type == "conversion":
                return _conversion_document(name, record, place, max_bytes), False
        return None, False
    except ARCHIVE_DAMAGE as exc:
        reason = f"broken web archive after {place.count} record(s): {type(exc).__name__}: {exc}"
        return InputDocument(f"{name}#record-{place.count + 1}", problem=reason), True


def warcio_notes_silenced() -> contextlib.AbstractContextManager:
    """warcio prints its repair notes ("Record not followed by newline") to stderr."""
    return contextlib.redirect_stderr(io.StringIO())


def _skip_reason(record: Any) -> str | None:
    """Why a response is not a page to convert: an error or redirect, or not HTML."""
    headers = record.http_headers
    if headers is None:  # not HTTP (dns:, ftp:): its WARC Content-Type says what it is
        kind = record.rec_headers.get_header("Content-Type") or "no content type"
        return None if kind.lower().startswith(_HTML_TYPES) else f"not an HTML page ({kind})"
    status = headers.get_statuscode() or ""
    if status and not status.startswith("2"):
        return f"HTTP status {status}"
    kind = headers.get_header("Content-Type")
    if kind and not kind.lower().startswith(_HTML_TYPES):
        return f"not an HTML page ({kind})"
    return None


def _content_type(record: Any) -> str | None:
    headers = record.http_headers
    return headers.get_header("Content-Type") if headers is not None else None


def record_id(record: Any) -> str | None:
    """A WARC record's WARC-Record-ID, if it has one."""
    return record.rec_headers.get_header("WARC-Record-ID")


def _source_name(name: str, record: Any, count: int) -> str:
    """A record's document name: by its record id, else by its place in the file."""
    return f"{name}#{record_id(record) or f'record-{count + 1}'}"


def _warc_document(name: str, record: Any, count: int, max_bytes: int) -> InputDocument:
    """The response as a document."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = _source_name(name, record, count)
    if skip := _skip_reason(record):
        return InputDocument(source, url=url, skip=skip)
    return _with_body(InputDocument(source, url=url), record, max_bytes, _content_type(record))


def _conversion_document(name: str, record: Any, place: _Place, max_bytes: int) -> InputDocument:
    """The conversion record (a page as plain text) as a text capture to convert."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = _source_name(name, record, place.count)
    converted, place.converted_response = place.converted_response, None
    kind = record.rec_headers.get_header("Content-Type") or _PLAIN_TEXT
    if converted is not None and record.rec_headers.get_header("WARC-Refers-To") == converted:
        return InputDocument(
            source, url=url, skip=f"the text of the response before it ({converted}), converted"
        )
    if not kind.lower().startswith(_PLAIN_TEXT):
        return InputDocument(source, url=url, skip=f"not plain text ({kind})")
    document = _with_body(InputDocument(source, url=url), record, max_bytes, kind)
    if isinstance(document.content, bytes) and not document.content.strip():
        return InputDocument(source, url=url, skip="an empty text")
    return document


def _with_body(
    document: InputDocument, record: Any, max_bytes: int, media_type: str | None
) -> InputDocument:
    """`document` with the record's body as its content, or with why it has none."""
    try:
        # warcio decodes chunking and Content-Encoding as it goes; reading on to the next
        # record passes over what is left of this one in steps, never all of it at once.
        content = read_at_most(record.content_stream(), max_bytes + 1)
    except Exception as exc:  # a damaged body (bad chunking, bad content encoding)
        return replace(document, problem=f"cannot read the record's body: {exc}")
    if len(content) > max_bytes:
        return replace(document, too_large=max_bytes)
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # the archive ends inside this record
        return replace(document, problem=f"truncated record: {missing} bytes missing")
    return replace(document, content=content, media_type=media_type)


def jsonl_documents(
    name: str,
    stream: BinaryIO,
    fields: Fields,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    first: int = 0,
) -> Iterator[InputDocument]:
    """One document per line, named `FILE:LINE`; the page and its URL come from the first
    of `fields.html` and `fields.url` that the record has. A line longer than `max_bytes`
    is one document too large, the rest of it passed over unread. `stream` may start at a
    line inside the file (a span): `first` lines came before it, so lines count on."""
    number = first
    try:
        with _maybe_gunzipped(stream) as lines:
            for number, line in enumerate(_capped_lines(lines, max_bytes), start=first + 1):
                if line is None:
                    yield InputDocument(f"{name}:{number}", too_large=max_bytes)
                elif line.strip():
                    yield _jsonl_document(f"{name}:{number}", line, fields)
    except (OSError, EOFError) as exc:
        yield InputDocument(
            f"{name}:{number + 1}", problem=f"cannot read past line {number}: {exc}"
        )


def _maybe_gunzipped(stream: BinaryIO) -> contextlib.AbstractContextManager[BinaryIO]:
    if starts_with_gzip(stream):
        return gzip.open(stream)
    return contextlib.nullcontext(stream)


def _capped_lines(lines: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line, or None for one longer than `max_bytes` (its newline aside), which is
    read no further than that and then passed over in steps."""
    while line := lines.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := lines.readline(_SKIP_STEP)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_document(source: str, line: bytes, fields: Fields) -> InputDocument:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return InputDocument(source, problem=f"invalid JSON: {exc}")
    if not isinstance(record, dict):
        return InputDocument(source, problem="the line is not a JSON object")
    html = next((record[key] for key in fields.html if isinstance(record.get(key), str)), None)
    url = next((record[key] for key in fields.url if isinstance(record.get(key), str)), None)
    if html is None:
        wanted = ", ".join(fields.html)
        return InputDocument(
            source, url=url, problem=f"no page text in the record (fields: {wanted})"
        )
    # Already text: the page's own charset declaration no longer applies.
    return InputDocument(source, content=html, url=url)
