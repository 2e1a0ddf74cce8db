"""The whole pipeline in one place: read, recognise the outlet, remove noise, extract
metadata, finish the record. Each stage is a hook (see hookspecs.py).

Hook implementations are called one by one, in pluggy's order, so that the pipeline knows
which plugin changed the document (for `provenance.plugins` and `removed[].rule`) and which
one failed (for the error message).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

import pluggy
from pydantic import ValidationError

from newsnorm import plugins as plugin_registry
from newsnorm.document import Document, Metadata, OutletProfile, Source
from newsnorm.errors import NormalizeError, UnknownOutletError
from newsnorm.evidence import Evidence
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, within_cap
from newsnorm.model import Article
from newsnorm.record import build_record
from newsnorm.text.decoding import without_surrogates


class Pipeline:
    """Runs documents through the hooks of one plugin manager."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self.pm = pm
        self.outlets = plugin_registry.registered_outlets(pm)
        self.versions = {
            name: plugin_registry.plugin_version(pm, name) for name, _ in pm.list_name_plugin()
        }

    def find_outlet(self, name: str) -> OutletProfile:
        """The outlet registered under `name` (its key or its display name)."""
        wanted = name.strip().casefold()
        for profile in self.outlets:
            if wanted in (profile.key.casefold(), profile.name.casefold()):
                return profile
        known = ", ".join(sorted(p.key for p in self.outlets)) or "none installed"
        raise UnknownOutletError(f"unknown outlet {name!r} (known: {known})")

    def run(self, source: Source, *, outlet: str | None = None, explain: bool = False) -> Article:
        return validated(self.record(source, outlet=outlet, explain=explain))

    def record(
        self, source: Source, *, outlet: str | None = None, explain: bool = False
    ) -> dict[str, Any]:
        """The JSON-ready record of `source` before it is validated against the schema:
        `newsnorm check-plugin` reads a plugin's rule names there even when they make the
        record invalid."""
        return self._run(source, outlet, explain, None)[1]

    def traced(
        self, source: Source, *, outlet: str | None = None
    ) -> tuple[Document, dict[str, Any]]:
        """The finished document, with the evidence of its metadata (newsnorm.evidence), and
        its record with `removed` filled: what `newsnorm explain` shows."""
        return self._run(source, outlet, True, Evidence())

    def _run(
        self, source: Source, outlet: str | None, explain: bool, evidence: Evidence | None
    ) -> tuple[Document, dict[str, Any]]:
        source = _encodable(source)
        forced = self.find_outlet(outlet) if outlet else None
        changed_by: list[str] = []
        document = self._first("newsnorm_read_document", "read", changed_by, source=source)
        if document is None:
            raise NormalizeError("no reader accepts this input", stage="read")
        if evidence is not None:
            document.evidence = evidence
            evidence.watch(Metadata(), changed_by[-1])
            evidence.settle(document.meta)  # what the reader found: the page's images
        document.outlet = forced or self._first(
            "newsnorm_recognize_outlet",
            "recognize",
            changed_by,
            document=document,
            outlets=self.outlets,
        )
        self._each("newsnorm_remove_noise", "noise", changed_by, document=document)
        self._each("newsnorm_extract_metadata", "metadata", changed_by, document=document)
        record = build_record(document, explain=explain)
        self._each("newsnorm_finish_record", "finish", changed_by, document=document, record=record)
        record["provenance"]["plugins"] = [
            {"name": name, "version": self.versions.get(name)} for name in changed_by
        ]
        return document, record

    def _impls(self, hook: str) -> list[Any]:
        # pluggy walks its list from the end (tryfirst first, trylast last); so do we.
        return list(reversed(getattr(self.pm.hook, hook).get_hookimpls()))

    def _first(self, hook: str, stage: str, changed_by: list[str], **kwargs: Any) -> Any:
        """Call implementations until one returns something; it counts as a change."""
        for impl in self._impls(hook):
            result = self._call_one(impl, stage, kwargs)
            if result is not None:
                _note(changed_by, impl.plugin_name)
                return result
        return None

    def _each(self, hook: str, stage: str, changed_by: list[str], **kwargs: Any) -> None:
        """Call every implementation, noting those that changed the document or record."""
        document = kwargs["document"]
        for impl in self._impls(hook):
            before = _snapshot(kwargs)
            if document.evidence is not None:
                document.evidence.watch(document.meta, impl.plugin_name)
            self._call_one(impl, stage, kwargs)
            if document.evidence is not None:
                document.evidence.settle(document.meta)
            if _snapshot(kwargs) != before:
                _note(changed_by, impl.plugin_name)

    def _call_one(self, impl: Any, stage: str, kwargs: dict[str, Any]) -> Any:
        document = kwargs.get("document")
        if document is not None:
            document.acting_plugin = impl.plugin_name
        try:
            return impl.function(*(kwargs[name] for name in impl.argnames))
        except NormalizeError:
            raise
        except Exception as exc:
            message = f"plugin {impl.plugin_name} failed in {stage}: {type(exc).__name__}: {exc}"
            raise NormalizeError(message, stage=stage, plugin=impl.plugin_name) from exc


def _note(changed_by: list[str], plugin_name: str) -> None:
    if plugin_name not in changed_by:
        changed_by.append(plugin_name)


def _snapshot(kwargs: dict[str, Any]) -> tuple[Any, ...]:
    document, record = kwargs.get("document"), kwargs.get("record")
    return (document.fingerprint() if document else None, repr(record) if record else None)


def validated(record: dict[str, Any]) -> Article:
    """The Article of a JSON-ready record; NormalizeError (stage `validate`) if invalid."""
    try:
        return Article.model_validate(record)
    except ValidationError as exc:
        raise NormalizeError(f"record is not valid: {exc}", stage="validate") from exc


@cache
def default_pipeline() -> Pipeline:
    return Pipeline(plugin_registry.get_plugin_manager())


def _encodable(source: Source) -> Source:
    """The caller's strings with lone surrogates replaced: a record must be valid UTF-8."""
    changes = {
        field: without_surrogates(value)
        for field in ("content", "url", "name")
        if isinstance(value := getattr(source, field), str)
    }
    return replace(source, **changes)


def normalize(
    content: bytes | str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    explain: bool = False,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Normalise one document into an Article.

    `content` is the raw document (bytes in any encoding, or text). `url` is its address
    when known; `outlet` forces an outlet by key or name; `explain` fills `removed`;
    `source` names the input in `provenance.source`. Raises NormalizeError when the
    document cannot be normalised (DocumentTooLarge, stage `read`, when `content` is
    longer than `max_bytes`), UnknownOutletError for an unknown `outlet`.
    """
    within_cap(content, max_bytes)
    return default_pipeline().run(
        Source(content, url=url, name=source), outlet=outlet, explain=explain
    )
