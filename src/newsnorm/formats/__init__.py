"""The shapes newsnorm writes an article in: its own record (the default), or an IPTC
ninjs item (`ninjs` for version 2.2, `ninjs3` for 3.1). One JSON line each."""

from __future__ import annotations

from typing import TYPE_CHECKING

import orjson

from newsnorm.errors import UsageError
from newsnorm.formats.ninjs import ninjs_item

if TYPE_CHECKING:
    import pluggy

    from newsnorm.model import Article

RECORD = "record"
NINJS_VERSIONS = {"ninjs": "2.2", "ninjs3": "3.1"}
FORMATS = (RECORD, *NINJS_VERSIONS)

__all__ = ["FORMATS", "NINJS_VERSIONS", "RECORD", "checked_format", "line", "ninjs_item"]


def checked_format(name: str) -> str:
    """`name` when newsnorm writes that format; UsageError naming the ones it writes."""
    if name not in FORMATS:
        raise UsageError(f"unknown format {name!r} (known: {', '.join(FORMATS)})")
    return name


def line(
    article: Article, output_format: str = RECORD, pm: pluggy.PluginManager | None = None
) -> bytes:
    """The JSON line of `article` in `output_format`; the record's bytes never change."""
    if output_format == RECORD:
        return orjson.dumps(article.to_record()) + b"\n"
    version = NINJS_VERSIONS[checked_format(output_format)]
    return orjson.dumps(ninjs_item(article, version, pm)) + b"\n"
