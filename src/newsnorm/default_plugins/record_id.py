"""A stable id: from the canonical URL (or the URL), else from the title and text."""

from __future__ import annotations

import hashlib
from typing import Any

from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl


@hookimpl(trylast=True)
def newsnorm_finish_record(document: Document, record: dict[str, Any]) -> None:
    record["id"] = article_id(record)


def article_id(record: dict[str, Any]) -> str:
    address = record.get("canonical_url") or record.get("url")
    if address:
        key = "url\0" + address
    else:
        text = "\n\n".join(block["text"] for block in record["body"])
        key = "content\0" + (record.get("title") or "") + "\0" + text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
