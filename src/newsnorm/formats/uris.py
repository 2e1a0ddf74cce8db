"""Addresses as ninjs wants them: absolute URIs (RFC 3986), or nothing."""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

# What RFC 3986 allows in a path or query as it is; everything else (spaces, non-ASCII
# letters, `|`, `{`, `[`…) is percent-encoded. `%` stays: addresses usually come encoded.
_KEEP = ":/?#@!$&'()*+,;=-._~%"
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def web_uri(address: str | None, base: str | None = None) -> str | None:
    """`address` (resolved against `base` when relative) as an absolute http(s) URI, or
    None: a `data:` placeholder or an empty string locates nothing."""
    if not address or not address.strip():
        return None
    address = address.strip()
    if base and not _SCHEME.match(address):
        base = web_uri(base)
        address = urljoin(base, address) if base else address
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return _encoded(address)


def _encoded(address: str) -> str:
    scheme_and_rest, hash_mark, fragment = address.partition("#")
    encoded = quote(_BARE_PERCENT.sub("%25", scheme_and_rest), safe=_KEEP.replace("#", ""))
    if hash_mark:  # a second `#` is not allowed in a fragment
        encoded += "#" + quote(_BARE_PERCENT.sub("%25", fragment), safe=_KEEP.replace("#", ""))
    return encoded
