"""Keeping a faulty third-party plugin from costing the document.

Before an installed plugin's noise, metadata or finish hook runs, the pipeline takes a
`Checkpoint` of what the hook may change; when the hook raises, the document and record go
back to that checkpoint, so the plugin's changes are rolled back whole rather than left
half-applied, and the record notes a warning instead of failing. Built-in plugins and the
reading stages are not isolated: their failure means the document cannot be trusted.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from newsnorm.document import Document
from newsnorm.stages import IsolatedStage


@dataclass(frozen=True)
class RolledBack:
    """A plugin hook that raised and whose changes were rolled back (the record notes it as
    a `newsnorm.model.PluginWarning` in `provenance.warnings`)."""

    plugin: str
    stage: IsolatedStage
    error: str

    @classmethod
    def of(cls, plugin: str, stage: IsolatedStage, error: BaseException) -> RolledBack:
        return cls(plugin, stage, f"{type(error).__name__}: {error}")

    def as_record(self) -> dict[str, str]:
        return {"plugin": self.plugin, "stage": self.stage, "error": self.error}


class Checkpoint:
    """What a hook may change, copied before it runs: the blocks' state, the list of
    removals, the metadata and outlet, and the record of the finish stage."""

    def __init__(self, document: Document | None, record: dict[str, Any] | None) -> None:
        self.document = document
        self.record = record
        self.record_copy = copy.deepcopy(record) if record is not None else None
        if document is not None:
            self.blocks = list(document.blocks)
            self.block_states = [(b.text, b.type, b.removed_by, b.node) for b in document.blocks]
            self.removed = list(document.removed)
            self.meta = document.meta.copy()
            self.outlet, self.edits = document.outlet, document._edits
            self.had_soup = document._soup is not None

    def restore(self) -> None:
        if self.document is not None:
            self._restore_document(self.document)
        if self.record is not None:
            self.record.clear()
            self.record.update(self.record_copy)

    def _restore_document(self, document: Document) -> None:
        document.blocks[:] = self.blocks
        for block, (text, kind, removed_by, node) in zip(
            self.blocks, self.block_states, strict=True
        ):
            block.text, block.type, block.removed_by, block.node = text, kind, removed_by, node
        document.removed[:] = self.removed
        document.meta, document.outlet, document._edits = self.meta, self.outlet, self.edits
        # The plugin may have changed the BeautifulSoup tree; copying a tree before every
        # hook would cost more than the rare rebuild, so a failed hook's tree is dropped.
        if self.had_soup or document._soup is not None:
            document._soup = None
