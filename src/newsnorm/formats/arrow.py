"""The article record as an Arrow schema: the columns of a Parquet file of records.

Written out by hand rather than derived at run time, so that a change to the files people
load is a change someone made on purpose; a test walks the record model and fails when a
field of it has no column here (or a column no field). Column order is the record's own
order, so a row read back and dumped as JSON gives the record's bytes.

- Dates (`published`, `updated`) stay the ISO strings of the record: a day alone
  (`2025-11-01`) or a date-time with its UTC offset. A timestamp column would have to turn
  a day into midnight UTC, a precision the page never gave.
- `extensions`, one free-form object per plugin, is its JSON text: Parquet needs one type
  per column, and plugins' objects have none in common.
- `removed` is null unless the run had `--explain`; `provenance.warnings` is null unless a
  plugin failed on the article; `story` (and so `duplicate_of`) is null unless the records
  were deduplicated.
"""

from __future__ import annotations

import pyarrow as pa

from newsnorm.model import SCHEMA_VERSION
from newsnorm.version import __version__


def _text(name: str, *, nullable: bool = True) -> pa.Field:
    return pa.field(name, pa.string(), nullable=nullable)


def _required(name: str, kind: pa.DataType) -> pa.Field:
    return pa.field(name, kind, nullable=False)


def _list_of(*fields: pa.Field) -> pa.DataType:
    return pa.list_(pa.struct(list(fields)))


_TEXTS = pa.list_(pa.string())
_BLOCKS = _list_of(_text("type", nullable=False), _text("text", nullable=False))
_IMAGES = _list_of(_text("url"), _text("caption"), _text("credit"))
_OUTLET = pa.struct([_text("name"), _text("domain")])
_PROVENANCE = pa.struct(
    [
        _text("source"),
        _text("input_format", nullable=False),
        _required("plugins", _list_of(_text("name", nullable=False), _text("version"))),
        _text("newsnorm_version", nullable=False),
        pa.field(
            "warnings",
            _list_of(
                _text("plugin", nullable=False),
                _text("stage", nullable=False),
                _text("error", nullable=False),
            ),
        ),
    ]
)
_REMOVALS = _list_of(_text("rule", nullable=False), _text("text", nullable=False))

# The keys of the file's metadata: what the rows are, and what wrote them.
SCHEMA_VERSION_KEY = "newsnorm.schema_version"
NEWSNORM_VERSION_KEY = "newsnorm.version"
EXTENSIONS_KEY = "newsnorm.extensions"

ARTICLE_SCHEMA = pa.schema(
    [
        _text("schema_version", nullable=False),
        _text("id", nullable=False),
        _text("url"),
        _text("canonical_url"),
        _required("outlet", _OUTLET),
        _text("title"),
        _text("subtitle"),
        _text("section"),
        _text("byline"),
        _required("authors", _TEXTS),
        _required("agencies", _TEXTS),
        _text("published"),
        _text("updated"),
        _text("dateline"),
        _text("language"),
        _required("tags", _TEXTS),
        _required("body", _BLOCKS),
        _required("images", _IMAGES),
        _required("provenance", _PROVENANCE),
        _text("extensions", nullable=False),
        pa.field("removed", _REMOVALS),
        _text("duplicate_of"),
        _text("story"),
        _text("text", nullable=False),
        _required("word_count", pa.int64()),
    ],
    metadata={
        SCHEMA_VERSION_KEY: SCHEMA_VERSION,
        NEWSNORM_VERSION_KEY: __version__,
        EXTENSIONS_KEY: "JSON text of the record's extensions object",
    },
)
