"""Bytes to text: byte-order marks, a declared charset, UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

from newsnorm.errors import NormalizeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text: NUL and the C0 controls other than tab, LF, FF, CR, ESC.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# Codecs Python has that no page is written in (escape processing, domain names) and UTF-7,
# which browsers refuse: a page declaring one is read as if it declared nothing.
_NOT_PAGE_ENCODINGS = {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "utf-7"}
_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.05  # random bytes (images, archives) hold about 10%
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode a document, never failing on bad bytes; raise NormalizeError for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if _looks_binary(data):
        raise NormalizeError("binary content, not a text document", stage="read")
    text = _decoded(data, declared)
    # A few stray NULs in a page browsers show as text: dropped (no parser or record takes them).
    return text.replace("\x00", "") if "\x00" in text else text


def _decoded(data: bytes, declared: str | None) -> str:
    for codec in _codecs_to_try(_known_codec(declared)):
        try:
            return data.decode(codec)
        except UnicodeError:  # a declaration that lies, or a codec that cannot decode bytes
            continue
    import charset_normalizer  # on first need: 5 MiB, for the few pages no codec reads

    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def _codecs_to_try(declared: str | None) -> tuple[str, ...]:
    """UTF-8 before a declared charset: bytes that are valid UTF-8 beyond ASCII are almost
    never meant as another encoding, while pages re-saved as UTF-8 by a crawler or a CMS
    often keep a stale ``charset=iso-8859-1`` (read as such, every accent is mojibake).
    A declared UTF-16 or UTF-32 is the exception: its bytes are never valid UTF-8 text."""
    if declared is None or declared == "utf-8":  # each codec tried once
        return ("utf-8",)
    if declared.startswith(("utf-16", "utf-32")):
        return (declared, "utf-8")
    return ("utf-8", declared)


def without_surrogates(text: str) -> str:
    """Text a caller built with lone surrogates (no encoding can write them) gets U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _known_codec(name: str | None) -> str | None:
    """The codec a declared charset names, if it is a text encoding (not base64, zlib)."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    return info.name


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if not sample:
        return False
    # Judged by the share of control bytes, not by one NUL: browsers show a page with a
    # stray run of NULs as text, while images and archives hold them everywhere.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # one pass, in C
    return controls / len(sample) > _MAX_CONTROL_SHARE
