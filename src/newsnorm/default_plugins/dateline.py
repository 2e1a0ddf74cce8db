"""Datelines: "SEOUL:" or "SEOUL, Nov 1 (Reuters) -" opening the first paragraph."""

from __future__ import annotations

from newsnorm import evidence
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl
from newsnorm.text.datelines import find_dateline


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    meta = document.meta
    first = next(document.live_blocks(), None)
    if meta.dateline is not None or first is None or first.type != "paragraph":
        return
    dateline = find_dateline(first.text)
    if dateline is None:
        return
    meta.dateline = dateline.place
    evidence.chose(document, "dateline", "the first paragraph's dateline", dateline.prefix)
    if dateline.agency and dateline.agency not in meta.agencies:
        evidence.chose(document, "agencies", "the first paragraph's dateline", dateline.prefix)
        meta.agencies = [*meta.agencies, dateline.agency]
    document.cut_prefix(first, dateline.prefix, "dateline")
