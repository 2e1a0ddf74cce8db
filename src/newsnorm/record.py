"""Turning a finished working document into the JSON-ready record."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from newsnorm.document import Document, host_of
from newsnorm.model import SCHEMA_VERSION
from newsnorm.version import __version__


def build_record(document: Document, *, explain: bool) -> dict[str, Any]:
    """The record's fields from the document; `id` is set by the finish stage."""
    meta = document.meta
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": None,
        "url": document.url,
        "canonical_url": meta.canonical_url,
        "outlet": _outlet(document),
        **{name: getattr(meta, name) for name in _COPIED_FIELDS},
        "published": _iso(meta.published),
        "updated": _iso(meta.updated),
        "body": [{"type": b.type, "text": b.text} for b in document.live_blocks() if b.text],
        "images": [asdict(image) for image in meta.images],
        "provenance": {
            "source": document.source.name,
            "input_format": document.input_format,
            "plugins": [],
            "newsnorm_version": __version__,
        },
        "extensions": meta.extensions,
    }
    if explain:
        record["removed"] = [{"rule": r.rule, "text": r.text} for r in document.removed]
    return record


_COPIED_FIELDS = (
    "title",
    "subtitle",
    "section",
    "byline",
    "authors",
    "agencies",
    "dateline",
    "language",
    "tags",
)


def _iso(moment: date | datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _outlet(document: Document) -> dict[str, str | None]:
    """The recognised outlet's profile first, then what the document says (the metadata
    stage's `outlet_name` and `outlet_domain`); the domain of the URL before a declared one."""
    profile, meta = document.outlet, document.meta
    name = (profile.name if profile else None) or meta.outlet_name
    domain = (profile.domain if profile else None) or host_of(document.url) or meta.outlet_domain
    return {"name": name, "domain": domain}
