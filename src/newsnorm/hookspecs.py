"""The hooks of the newsnorm pipeline, in the order they run for each document.

Every hook is documented in docs/plugins.md with its exact signature; a test fails
when one is missing there or has no test of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsnorm.document import Document, OutletProfile, Source

hookspec = pluggy.HookspecMarker("newsnorm")
hookimpl = pluggy.HookimplMarker("newsnorm")


@hookspec
def newsnorm_register_outlets(register: Callable[[OutletProfile], None]) -> None:
    """Once, when the plugins load: call `register(profile)` for each outlet you know."""


@hookspec(firstresult=True)
def newsnorm_read_document(source: Source) -> Document | None:
    """First stage: parse the source into a Document, or return None if it is not yours."""


@hookspec(firstresult=True)
def newsnorm_recognize_outlet(
    document: Document, outlets: list[OutletProfile]
) -> OutletProfile | None:
    """Second stage, unless the caller forced an outlet: say which outlet this is."""


@hookspec
def newsnorm_remove_noise(document: Document) -> None:
    """Third stage: remove blocks that are not the article, with `document.remove`."""


@hookspec
def newsnorm_extract_metadata(document: Document) -> None:
    """Fourth stage: fill `document.meta`, taking the blocks it came from out of the body."""


@hookspec
def newsnorm_finish_record(document: Document, record: dict[str, Any]) -> None:
    """Last stage: adjust the JSON-ready record in place before it is validated."""


@hookspec
def newsnorm_ninjs_item(record: dict[str, Any], item: dict[str, Any], version: str) -> None:
    """Writing ninjs (`--format ninjs`, `newsnorm.formats.ninjs_item`): add to the IPTC
    ninjs item in place, from the validated record; `version` is "2.2" or "3.1"."""
