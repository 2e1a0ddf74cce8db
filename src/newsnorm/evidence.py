"""What metadata extraction saw and chose, kept only when a run is explained.

`newsnorm explain` puts an `Evidence` on the document; every other run leaves
`document.evidence` None, and the helpers here then do nothing (or, for `first_found`,
exactly what an `a or b or c` chain does). Extraction code names each candidate value
with its source ("JSON-LD headline", "meta og:title", "visible byline"); the pipeline
notes which plugin changed which field, so a plugin that sets a field directly is its
source.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Protocol


class Explainable(Protocol):
    """What the helpers need of a document (newsnorm.document.Document has both): its
    evidence, None unless the run is explained, and the plugin acting on it."""

    evidence: Evidence | None
    acting_plugin: str


# The document's metadata (newsnorm.document.Metadata): a dataclass whose fields are watched.
WatchedMetadata = Any

# A source's name and a function giving its value: read only when needed.
Offer = tuple[str, Callable[[], Any]]


@dataclass(frozen=True)
class Candidate:
    """A value a plugin saw for a field, where it came from, and who saw it."""

    value: str
    source: str
    plugin: str


@dataclass(frozen=True)
class Change:
    """A plugin set a field to `value`, from the candidate it chose when it named one."""

    plugin: str
    value: Any
    chosen: Candidate | None

    @property
    def source(self) -> str | None:
        return self.chosen.source if self.chosen else None


@dataclass
class FieldLog:
    candidates: list[Candidate] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    choice: Candidate | None = None  # the acting plugin's pick, until the pipeline settles


class Evidence:
    """Candidates and changes, per metadata field."""

    def __init__(self) -> None:
        self.fields: dict[str, FieldLog] = {}
        self._before: WatchedMetadata | None = None
        self._plugin = "newsnorm"

    def log(self, name: str) -> FieldLog:
        return self.fields.setdefault(name, FieldLog())

    def saw(self, name: str, source: str, value: Any, plugin: str) -> None:
        candidate = Candidate(shown(value), source, plugin)
        if value and candidate not in self.log(name).candidates:
            self.log(name).candidates.append(candidate)

    def chose(self, name: str, source: str, value: Any, plugin: str) -> None:
        self.saw(name, source, value, plugin)
        self.log(name).choice = Candidate(shown(value), source, plugin)

    def watch(self, meta: WatchedMetadata, plugin: str) -> None:
        """Before a plugin runs: remember the fields, to tell afterwards what it changed."""
        self._before, self._plugin = copy.deepcopy(meta), plugin

    def settle(self, meta: WatchedMetadata) -> None:
        """After a plugin ran: a change for each field it changed, with its chosen source."""
        before, self._before = self._before, None
        for item in fields(meta):
            value = getattr(meta, item.name)
            if before is None or getattr(before, item.name) != value:
                self._changed(item.name, value)
        for log in self.fields.values():
            log.choice = None

    def _changed(self, name: str, value: Any) -> None:
        log = self.log(name)
        choice = log.choice if log.choice and log.choice.plugin == self._plugin else None
        log.changes.append(Change(self._plugin, copy.deepcopy(value), choice))


def saw(document: Explainable, name: str, source: str, value: Any) -> None:
    """Note a candidate value for field `name`, when the run is explained."""
    if document.evidence is not None:
        document.evidence.saw(name, source, value, document.acting_plugin)


def chose(document: Explainable, name: str, source: str, value: Any) -> None:
    """Note the value the acting plugin picks for field `name`, when the run is explained."""
    if document.evidence is not None:
        document.evidence.chose(name, source, value, document.acting_plugin)


def first_found(document: Explainable, name: str, offers: Iterable[Offer]) -> Any:
    """The first offered value that is not empty (else the last one read), as `a or b`
    would give. Explained, every offer is read and noted, and the first is the choice."""
    if document.evidence is None:
        value = None
        for _, get in offers:
            value = get()
            if value:
                return value
        return value
    found: tuple[str, Any] | None = None
    value = None
    for source, get in offers:
        value = get()
        saw(document, name, source, value)
        found = found or ((source, value) if value else None)
    if found is None:
        return value
    chose(document, name, *found)
    return found[1]


def shown(value: Any) -> str:
    """A field's value as one line of text for a person."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(shown(item) for item in value)
    if hasattr(value, "url") and hasattr(value, "caption"):  # an ImageRef
        return " — ".join(filter(None, (value.url, value.caption, value.credit)))
    return "" if value is None else str(value)
