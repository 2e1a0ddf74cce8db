"""The record's outlet when the document says whose it is: `meta.outlet_name` and
`meta.outlet_domain`, which the record's `outlet` takes after a recognised outlet's profile.

- domain: the recognised outlet's profile; else the document's URL; else, for an HTML page,
  the address it gives itself (newsnorm.outlet.declared.declared_host), and for a text
  capture, a bare host its copyright line names ("© 2024 example.com");
- name: the recognised outlet's profile; else, for an HTML page, the name it declares
  (`og:site_name`, JSON-LD `publisher`, `application-name`: see newsnorm.outlet.declared), and
  for a text capture, its footer's line naming the site beside its group
  (newsnorm.outlet.mastheads), else the owner its copyright line names
  (newsnorm.outlet.notices). Nothing is guessed from ordinary text.

Every candidate is noted for `newsnorm explain`, with its source.
"""

from __future__ import annotations

from newsnorm import evidence
from newsnorm.document import Document, host_of
from newsnorm.hookspecs import hookimpl
from newsnorm.outlet.declared import Declared, chosen_name, declared_host, declared_names
from newsnorm.outlet.mastheads import footer_masthead
from newsnorm.outlet.notices import Notice, site_notice
from newsnorm.stages import TEXT

_PROFILE = "the outlet's profile"
_URL = "the document's URL"
_NOTICE = "the copyright line"
_MASTHEAD = "the footer's line naming the site"


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    meta = document.meta
    if meta.outlet_name and meta.outlet_domain and document.evidence is None:
        return
    if document.page is not None:
        domain, names, chosen = _declared_by_page(document)
    elif document.input_format == TEXT:
        domain, names, chosen = _named_by_footer(document)
    else:  # another reader's document: only what is known of it
        domain, names, chosen = _known_domain(document), [], None
    profile = document.outlet
    if profile is not None:  # a recognised outlet's profile comes before what is declared
        names, chosen = [Declared(_PROFILE, profile.name), *names], Declared(_PROFILE, profile.name)
    _fill(document, "outlet_domain", [domain] if domain else [], domain)
    _fill(document, "outlet_name", names, chosen)


Found = tuple[Declared | None, list[Declared], Declared | None]  # domain, names seen, name


def _declared_by_page(document: Document) -> Found:
    domain = _known_domain(document) or declared_host(document.page)
    names = declared_names(document.page)
    return domain, names, chosen_name(names, domain.value if domain else None)


def _named_by_footer(document: Document) -> Found:
    lines = [block.text for block in document.blocks]  # removed ones too: the footer is
    notice = site_notice(lines)
    names = _footer_names(lines, notice)
    return _text_domain(document, notice), names, names[0] if names else None


def _text_domain(document: Document, notice: Notice | None) -> Declared | None:
    known = _known_domain(document)
    if known or notice is None or notice.domain is None:
        return known
    return Declared(_NOTICE, notice.domain)


def _known_domain(document: Document) -> Declared | None:
    profile = document.outlet
    if profile is not None and profile.domain:
        return Declared(_PROFILE, profile.domain)
    host = host_of(document.url)
    return Declared(_URL, host) if host else None


def _footer_names(lines: list[str], notice: Notice | None) -> list[Declared]:
    """The names a capture's footer gives, best first: the site's own name beside its group
    ("TechRadar is part of Future US Inc"), then the copyright line's owner (often the
    group: "Future US")."""
    masthead = footer_masthead(lines)
    names = [Declared(_MASTHEAD, masthead)] if masthead else []
    if notice is not None and notice.name:
        names.append(Declared(_NOTICE, notice.name))
    return names


def _fill(document: Document, name: str, seen: list[Declared], chosen: Declared | None) -> None:
    """Set field `name` to the chosen value unless an earlier plugin set it; explained, note
    every value seen and the one chosen."""
    for candidate in seen:
        evidence.saw(document, name, candidate.source, candidate.value)
    if getattr(document.meta, name) or chosen is None:
        return
    evidence.chose(document, name, chosen.source, chosen.value)
    setattr(document.meta, name, chosen.value)
