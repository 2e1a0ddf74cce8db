"""Documents inside containers, read as streams: response records of web archives (WARC,
through warcio) and the records of JSON Lines dumps. A record that cannot be read becomes a
document with a `problem`, so it ends as an error record naming it; the rest go on."""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
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
_SKIP_STEP = 1 << 20  # a line past the cap is passed over this many bytes at a time
# What warcio raises for a damaged archive (AttributeError: a record without its URI).
ARCHIVE_DAMAGE = (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error, AttributeError)


def warc_documents(
    name: str, stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES, *, first: int = 0
) -> Iterator[InputDocument]:
    """One document per response record, named `FILE#<record id>`, with the record's
    target URI as its URL and its HTTP Content-Type (and so its charset) as media type.
    Responses that are not successful HTML pages come as documents to skip, with why; a
    body (decoded) longer than `max_bytes` as one too large, its rest passed over unread.
    `stream` may start at a record boundary inside the file (a span): `first` documents of
    the file came before it, so names that count records count on from there."""
    records = iter(ArchiveIterator(stream))
    count, broken = first, False
    while not broken:
        with warcio_notes_silenced():  # never around a yield: our own stderr stays ours
            document, broken = _next_warc_document(name, records, count, max_bytes)
        if document is None:
            return
        yield document
        count += 1


def _next_warc_document(name: str, records, count: int, max_bytes: int):
    """(the next response as a document or None at the end, whether the archive broke)"""
    try:
        for record in records:
            if record.rec_type == "response":
                return _warc_document(name, record, count, max_bytes), False
        return None, False
    except ARCHIVE_DAMAGE as exc:
        reason = f"broken web archive after {count} record(s): {type(exc).__name__}: {exc}"
        return InputDocument(f"{name}#record-{count + 1}", problem=reason), True


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


def _warc_document(name: str, record: Any, count: int, max_bytes: int) -> InputDocument:
    """The response as a document, named by its record id (else its place in the file)."""
    record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record-{count + 1}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{name}#{record_id}"
    if skip := _skip_reason(record):
        return InputDocument(source, url=url, skip=skip)
    try:
        # warcio decodes chunking and Content-Encoding as it goes; reading on to the next
        # record passes over what is left of this one in steps, never all of it at once.
        content = read_at_most(record.content_stream(), max_bytes + 1)
    except Exception as exc:  # a damaged body (bad chunking, bad content encoding)
        return InputDocument(source, url=url, problem=f"cannot read the record's body: {exc}")
    if len(content) > max_bytes:
        return InputDocument(source, url=url, too_large=max_bytes)
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # the archive ends inside this record
        return InputDocument(source, url=url, problem=f"truncated record: {missing} bytes missing")
    return InputDocument(source, content=content, url=url, media_type=_content_type(record))


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
