"""An article as an IPTC ninjs item (News in JSON), version 2.2 or 3.1.

The item is built once in 3.1's spelling (`firstCreated`, `contentType`…); version 2.2
names the same properties in lower case. docs/formats.md has the mapping, field by field,
and what has no place in ninjs (it goes nowhere rather than into a wrong property).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsnorm.formats.body_html import body_html
from newsnorm.formats.uris import web_uri
from newsnorm.hookcalls import call_one, implementations
from newsnorm.stages import STAGE_OF_HOOK

if TYPE_CHECKING:
    import pluggy

    from newsnorm.model import Article, Image

VERSIONS = ("2.2", "3.1")
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json#"


def ninjs_item(
    article: Article, version: str = "2.2", pm: pluggy.PluginManager | None = None
) -> dict[str, Any]:
    """The ninjs item of `article`, valid against the IPTC schema of `version`, with what
    the plugins of `pm` (default: every installed plugin) add through `newsnorm_ninjs_item`."""
    if version not in VERSIONS:
        raise ValueError(f"ninjs version {version!r}: newsnorm writes {' and '.join(VERSIONS)}")
    item = _spelled(_item(article, version), version)
    _add_from_plugins(article, item, version, pm)
    return item


def article_uri(article: Article) -> str:
    """The page's address, else a URN from the record's id: ninjs needs one for each item."""
    return web_uri(article.url or article.canonical_url) or f"urn:newsnorm:article:{article.id}"


def _item(article: Article, version: str) -> dict[str, Any]:
    uri = article_uri(article)
    item: dict[str, Any] = {
        "uri": uri,
        "standard": _standard(version),
        "type": "text",
        **_dates(article),
        "language": article.language,
        "headlines": _headlines(article),
        "by": article.byline or ", ".join([*article.authors, *article.agencies]) or None,
        "people": [{"name": name, "rel": "author"} for name in article.authors],
        "infoSources": _info_sources(article),
        "located": article.dateline,
        "subjects": [{"name": tag} for tag in article.tags],
        "descriptions": _date_descriptions(article),
        "bodies": _bodies(article),
        "associations": _pictures(article),
        "altIds": _alt_ids(article, uri),
    }
    return {key: value for key, value in item.items() if value not in (None, [])}


def _standard(version: str) -> dict[str, str]:
    return {"name": "ninjs", "version": version, "schema": SCHEMA_URI.format(version=version)}


def _dates(article: Article) -> dict[str, str]:
    """Only date-times: ninjs has no place for a date alone at item level, and midnight
    UTC would be a time nobody printed (a date alone goes into `descriptions`)."""
    published, updated = _moments(article)
    dates = {"firstCreated": _date_time(published)}
    # An update known only by its day still came after `published`: no versionCreated then.
    dates["versionCreated"] = _date_time(updated) or (
        _date_time(published) if updated is None else None
    )
    return {key: value for key, value in dates.items() if value}


def _moments(article: Article) -> tuple[str | None, str | None]:
    """`published` and `updated` exactly as the record writes them."""
    moments = article.model_dump(mode="json", include={"published", "updated"})
    return moments["published"], moments["updated"]


def _date_time(moment: str | None) -> str | None:
    return moment if moment and "T" in moment else None


def _date_descriptions(article: Article) -> list[dict[str, str]]:
    """`published` and `updated` when only their day is known, as the record has them."""
    roles = zip(("published", "updated"), _moments(article), strict=True)
    return [{"role": role, "value": day} for role, day in roles if day and "T" not in day]


def _headlines(article: Article) -> list[dict[str, str]]:
    roles = (("main", article.title), ("sub", article.subtitle))
    return [{"role": role, "value": text} for role, text in roles if text]


def _info_sources(article: Article) -> list[dict[str, str]]:
    """The outlet as publisher, each wire service as agency."""
    sources = [{"name": agency, "role": "agency"} for agency in article.agencies]
    outlet = {"name": article.outlet.name, "literal": article.outlet.domain}
    outlet = {key: value for key, value in outlet.items() if value}
    if outlet:
        sources.insert(0, {**outlet, "role": "publisher"})
    return sources


def _bodies(article: Article) -> list[dict[str, Any]]:
    if not article.body:
        return []
    counts = {"charCount": len(article.text), "wordCount": article.word_count}
    return [
        {"role": "main", "contentType": "text/plain", **counts, "value": article.text},
        {"role": "main", "contentType": "text/html", **counts, "value": body_html(article.body)},
    ]


def _pictures(article: Article) -> list[dict[str, Any]]:
    base = article.canonical_url or article.url
    return [_picture(article, image, n, base) for n, image in enumerate(article.images, 1)]


def _picture(article: Article, image: Image, number: int, base: str | None) -> dict[str, Any]:
    """One image as an associated picture item: its caption, its credit, its address."""
    name = f"picture{number}"
    href = web_uri(image.url, base)
    picture: dict[str, Any] = {
        "name": name,
        "uri": href or f"urn:newsnorm:article:{article.id}:{name}",
        "type": "picture",
    }
    if image.caption:
        picture["descriptions"] = [{"role": "caption", "value": image.caption}]
    if image.credit:
        picture["by"] = image.credit
    if href:
        picture["renditions"] = [{"name": "original", "href": href}]
    return picture


def _alt_ids(article: Article, uri: str) -> list[dict[str, str]]:
    ids = [{"role": "newsnorm-id", "value": article.id}]
    canonical = web_uri(article.canonical_url)
    if canonical and canonical != uri:
        ids.append({"role": "canonical-url", "value": canonical})
    if article.duplicate_of:
        ids.append({"role": "newsnorm-duplicate-of", "value": article.duplicate_of})
    if article.story:
        ids.append({"role": "newsnorm-story", "value": article.story})
    return ids


def _spelled(value: Any, version: str) -> Any:
    """3.1's property names, or 2.2's (the same in lower case)."""
    if version == "3.1":
        return value
    if isinstance(value, dict):
        return {key.lower(): _spelled(inner, version) for key, inner in value.items()}
    if isinstance(value, list):
        return [_spelled(inner, version) for inner in value]
    return value


def _add_from_plugins(
    article: Article, item: dict[str, Any], version: str, pm: pluggy.PluginManager | None
) -> None:
    """Each plugin's `newsnorm_ninjs_item` in turn; one that raises fails the document,
    named, at stage `ninjs`."""
    if pm is None:
        from newsnorm.plugins import get_plugin_manager  # loading plugins only when asked

        pm = get_plugin_manager()
    hook = "newsnorm_ninjs_item"
    impls = implementations(pm, hook)
    record = article.to_record() if impls else {}
    arguments = {"record": record, "item": item, "version": version}
    for impl in impls:
        call_one(impl, STAGE_OF_HOOK[hook], arguments)
