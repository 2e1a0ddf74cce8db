"""What the recognised outlet's profile says when no page says otherwise: its language."""

from __future__ import annotations

from newsnorm import evidence
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    if document.outlet is not None and document.meta.language is None:
        document.meta.language = document.outlet.language
        evidence.chose(document, "language", "the outlet's profile", document.outlet.language)
