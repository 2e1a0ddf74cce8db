"""Recognises the outlet by URL domain first, then by the outlet's signature in the text.
A page given without its address is placed by the address it declares (its canonical link,
else `og:url`)."""

from __future__ import annotations

from newsnorm.document import Document, OutletProfile
from newsnorm.hookspecs import hookimpl


@hookimpl(trylast=True)
def newsnorm_recognize_outlet(
    document: Document, outlets: list[OutletProfile]
) -> OutletProfile | None:
    url = document.url or declared_url(document)
    if url:
        for profile in outlets:
            if profile.recognises_url(url):
                return profile
    for profile in outlets:
        if profile.matches_content is not None and profile.matches_content(document):
            return profile
    return None


def declared_url(document: Document) -> str | None:
    """The address an HTML page gives itself, if any."""
    page = document.page
    if page is None:
        return None
    return page.canonical_url or page.first_meta("og:url")
