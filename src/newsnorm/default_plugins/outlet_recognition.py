"""Recognises the outlet by URL domain first, then by the outlet's signature in the text."""

from __future__ import annotations

from newsnorm.document import Document, OutletProfile
from newsnorm.hookspecs import hookimpl


@hookimpl(trylast=True)
def newsnorm_recognize_outlet(
    document: Document, outlets: list[OutletProfile]
) -> OutletProfile | None:
    if document.url:
        for profile in outlets:
            if profile.recognises_url(document.url):
                return profile
    for profile in outlets:
        if profile.matches_content is not None and profile.matches_content(document):
            return profile
    return None
