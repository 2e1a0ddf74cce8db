"""The outlet an HTML page declares: its domain from the address it gives itself, its name
from `og:site_name`, the JSON-LD `publisher` and `application-name`.

The name, when the declarations disagree:

1. Each declared name is cut to its name when it carries a tagline ("Isthmus | Madison,
   Wisconsin", "Sci.News: Breaking Science News"): the part that agrees with the page's
   domain or another declaration, else the first.
2. Spellings of one name count together ("pcgamer", "PC Gamer"; "BostonGlobe.com", "The
   Boston Globe"), and the name more declarations give wins: a template's stray
   `og:site_name` ("Security", "Premium") loses to a publisher and an application name that
   agree.
3. Between names given as often, the one that agrees with the page's domain wins, then the
   first in source order: `og:site_name` (the name the site gives its pages), the JSON-LD
   `publisher` (often the company rather than the masthead: "Tamedia AG" for Tages-Anzeiger,
   and on syndicated copies the original's), `application-name` (often a slug or the page's
   title).
4. When such names are all mastheads that share nothing with each other or with the
   domain, the page contradicts itself (a story shared across a network's sites under a
   sister site's name) and gives no name. A company's name beside a masthead ("Coastal Media
   Holdings") is its owner's, no contradiction; names in other scripts than Latin can't be
   compared with a domain. Step 3 decides then.

Of one name's spellings, the record gets the one a reader sees: with spaces, then not a
lower-case slug ("nationalpost"), then not a host ("ESPN.com").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsnorm.document import host_of
from newsnorm.html.meta import PageFacts, text_of, unescaped
from newsnorm.outlet.names import (
    agrees_with_host,
    bare_host,
    clean_name,
    comparable,
    is_agency,
    is_company_name,
    name_key,
    related,
    shared_run,
)

_TAGLINE = re.compile(r"\s+[|–—·»-]\s+|\s*\|\s*|(?<=\w):\s+")
_PERSON = "Person"
_MIN_SHARED_BETWEEN_NAMES = 4
_MIN_KEY = 3  # a shorter name (once spaces and dots go) must agree with the domain


@dataclass(frozen=True)
class Declared:
    """A value the page declares, and where."""

    source: str
    value: str


def declared_host(facts: PageFacts) -> Declared | None:
    """The host of the address the page gives itself: its canonical link, else `og:url`.
    When they name different sites, `og:url`: syndicated copies point their canonical link
    at the original (aol.com → cbsnews.com) and keep their own address in `og:url`; when one
    is the other's subdomain, the parent (social.techcrunch.com, techcrunch.com)."""
    canonical = _host("<link rel=canonical>", facts.canonical_url)
    shared = _host("meta og:url", facts.first_meta("og:url"))
    if canonical is None or shared is None or canonical.value == shared.value:
        return canonical or shared
    if canonical.value.endswith("." + shared.value):
        return shared
    return canonical if shared.value.endswith("." + canonical.value) else shared


def declared_names(facts: PageFacts) -> list[Declared]:
    """Every name the page gives its site, in source order, whitespace squeezed; not the
    story's title. Cleaned once a tagline is cut (chosen_name): with it, a name is long."""
    raw = [
        *_meta_names(facts, "og:site_name"),
        *(Declared("JSON-LD publisher", name) for name in publisher_names(facts)),
        *_meta_names(facts, "application-name"),
    ]
    titles = _titles(facts)
    spaced = [Declared(d.source, " ".join(d.value.split())) for d in raw]
    return list(dict.fromkeys(d for d in spaced if d.value and d.value.casefold() not in titles))


def publisher_names(facts: PageFacts) -> list[str]:
    """The organizations the page's stories name as `publisher` (resolving a reference to
    an organization elsewhere in its JSON-LD), without people and wire services: a wire
    service as publisher is a syndicated story's, not the site's."""
    names = []
    for article in facts.articles:
        for item in _listed(article.get("publisher")):
            name = _organization_name(_resolved(item, facts.organizations))
            if name and not is_agency(name):
                names.append(name)
    return list(dict.fromkeys(names))


def chosen_name(names: list[Declared], host: str | None) -> Declared | None:
    """The outlet's name among the declared ones (see the module's docstring)."""
    names = [cut for name in names if (cut := _without_tagline(name, names, host))]
    groups = _grouped(names)
    if not groups:
        return None
    ranked = sorted(groups, key=lambda group: _rank(group, names, host), reverse=True)
    best = ranked[0]
    if len(name_key(best[0].value)) < _MIN_KEY and not agrees_with_host(best[0].value, host):
        return None  # "U.S.": a section's label, not a site's name
    tied = [group for group in ranked if _support(group, names) == _support(best, names)]
    if len(tied) > 1 and host and _contradicting(tied, host):
        return None
    return _shown_spelling(best)


def _meta_names(facts: PageFacts, name: str) -> list[Declared]:
    return [Declared(f"meta {name}", unescaped(value)) for value in facts.meta.get(name, ())]


def _contradicting(tied: list[list[Declared]], host: str) -> bool:
    """Mastheads given as often that share nothing, with each other or with the domain (step
    4 of the module's docstring). A company's name beside a masthead is its owner's."""
    values = [group[0].value for group in tied]
    if any(agrees_with_host(value, host) or is_company_name(value) for value in values):
        return False
    return all(comparable(value) for value in values) and _unrelated(tied)


def _host(source: str, url: str | None) -> Declared | None:
    host = host_of(url)
    return Declared(source, host) if host and bare_host(host) == host else None


def _titles(facts: PageFacts) -> set[str]:
    """The story's title as the page declares it: an `application-name` that is the story's
    title names no site. (Not `<title>`: a page without a story title has the site's name
    there.)"""
    article = facts.articles[0] if facts.articles else {}
    declared = (
        text_of(article.get("headline")),
        facts.first_meta("og:title"),
        facts.first_meta("twitter:title"),
    )
    return {" ".join(title.split()).casefold() for title in declared if title}


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _resolved(item: Any, organizations: dict[str, dict[str, Any]]) -> Any:
    """A reference (`{"@id": ...}`) as the object it refers to, when the page has it."""
    if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
        return organizations.get(item["@id"], item)
    return item


def _organization_name(item: Any) -> str | None:
    if isinstance(item, str):
        return item
    if not isinstance(item, dict):
        return None
    kind = item.get("@type")
    kinds = set(kind) if isinstance(kind, list) else {kind}
    return None if _PERSON in kinds else text_of(item.get("name"))


def _without_tagline(name: Declared, names: list[Declared], host: str | None) -> Declared | None:
    """The name without a tagline, cleaned (clean_name); None when it is no name."""
    parts = [part for part in _TAGLINE.split(name.value) if clean_name(part)]
    if len(parts) < 2:
        cleaned = clean_name(name.value)
        return Declared(name.source, cleaned) if cleaned else None
    others = [other.value for other in names if other is not name]
    for part in parts:
        if agrees_with_host(part, host) or any(related(part, other) for other in others):
            return Declared(name.source, clean_name(part) or part)
    return Declared(name.source, clean_name(parts[0]) or parts[0])


def _unrelated(groups: list[list[Declared]]) -> bool:
    """Whether names share nothing: not a run of letters ("LBCIV7", "LBCI Lebanon" do)."""
    keys = [name_key(group[0].value) for group in groups]
    return all(
        shared_run(first, second) < _MIN_SHARED_BETWEEN_NAMES
        for index, first in enumerate(keys)
        for second in keys[index + 1 :]
    )


def _grouped(names: list[Declared]) -> list[list[Declared]]:
    """The names by spelling of one name (same key), in order of first appearance."""
    groups: dict[str, list[Declared]] = {}
    for name in names:
        groups.setdefault(name_key(name.value), []).append(name)
    return [group for key, group in groups.items() if key]


def _support(group: list[Declared], names: list[Declared]) -> int:
    """How many sources give this name, or one holding it ("Insider", "Business Insider")."""
    return len({name.source for name in names if related(name.value, group[0].value)})


def _rank(group: list[Declared], names: list[Declared], host: str | None) -> tuple:
    first = names.index(group[0])
    return (_support(group, names), agrees_with_host(group[0].value, host), -first)


def _shown_spelling(group: list[Declared]) -> Declared:
    def shown(name: Declared) -> tuple[bool, bool, bool]:
        text = name.value
        spaced = " " in text
        host = bare_host(text) is not None
        slug = not spaced and not host and text == text.lower()
        return (spaced, not slug, not host)

    return max(group, key=shown)  # max keeps the first of equals
