"""Each metadata field of the record with the source its value came from and the
candidates it beat, read from the document's evidence (newsnorm.evidence)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsnorm.evidence import Candidate, Change, Evidence, FieldLog, shown

# The record's metadata fields, in the record's order.
FIELDS = ("outlet.name", "outlet.domain", "title", "subtitle", "section", "byline", "authors",
          "agencies", "published", "updated", "dateline", "language", "tags", "canonical_url",
          "images")  # fmt: skip
# A record field inside an object, and the metadata field the evidence names it by.
_EVIDENCE_NAMES = {"outlet.name": "outlet_name", "outlet.domain": "outlet_domain"}


@dataclass(frozen=True)
class FieldRow:
    """A field's value, where it came from, the values it beat, and earlier settings."""

    name: str
    value: str
    source: str | None  # None: nothing set it
    plugin: str | None
    beaten: tuple[Candidate, ...]
    agreeing: tuple[Candidate, ...]  # other sources that gave the same value
    earlier: tuple[Change, ...]


def field_rows(evidence: Evidence, record: dict[str, Any]) -> list[FieldRow]:
    return [
        _row(name, evidence.fields.get(_EVIDENCE_NAMES.get(name, name)), _value(record, name))
        for name in FIELDS
    ]


def _value(record: dict[str, Any], name: str) -> Any:
    """The record's value of `name`; `outlet.name` is `record["outlet"]["name"]`."""
    value: Any = record
    for key in name.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _row(name: str, log: FieldLog | None, value: Any) -> FieldRow:
    changes = [c for c in log.changes if c.value] if log else []
    last = changes[-1] if changes else None
    source = None
    if last is not None:
        source = last.source or f"set by the plugin {last.plugin}"
    text = shown(_images(value) if name == "images" else value)
    others = [c for c in (log.candidates if log else []) if not (last and c == last.chosen)]
    return FieldRow(
        name=name,
        value=text,
        source=source,
        plugin=last.plugin if last else None,
        beaten=tuple(c for c in others if c.value != text),
        agreeing=tuple(c for c in others if c.value == text),
        earlier=tuple(changes[:-1]),
    )


def _images(value: Any) -> list[str]:
    """Image URLs as text: the report never loads anything from the page."""
    return [" — ".join(filter(None, (i.get("url"), i.get("caption")))) for i in value or []]
