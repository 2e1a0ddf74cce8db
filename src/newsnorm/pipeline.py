"""The whole pipeline in one place: read, recognise the outlet, remove noise, extract
metadata, finish the record. Each stage is a hook (see hookspecs.py).

Hook implementations are called one by one, in pluggy's order, so that the pipeline knows
which plugin changed the document (for `provenance.plugins` and `removed[].rule`) and which
one failed (for the error message). An installed plugin that fails in the noise, metadata or
finish stage costs only its own changes (see isolation.py), unless `strict_plugins`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import pluggy
from pydantic import ValidationError

from newsnorm import plugins as plugin_registry
from newsnorm.document import Document, Metadata, OutletProfile, Source
from newsnorm.errors import NormalizeError, UnknownOutletError
from newsnorm.evidence import Evidence
from newsnorm.hookcalls import call_one, implementations, invoke
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, within_cap
from newsnorm.isolation import Checkpoint, RolledBack
from newsnorm.model import Article
from newsnorm.profiles import ProfileText
from newsnorm.record import build_record
from newsnorm.stages import ISOLATED_STAGES, STAGE_OF_HOOK, Stage
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

    def run(
        self,
        source: Source,
        *,
        outlet: str | None = None,
        explain: bool = False,
        strict_plugins: bool = False,
    ) -> Article:
        return validated(
            self.record(source, outlet=outlet, explain=explain, strict_plugins=strict_plugins)
        )

    def record(
        self,
        source: Source,
        *,
        outlet: str | None = None,
        explain: bool = False,
        strict_plugins: bool = False,
    ) -> dict[str, Any]:
        """The JSON-ready record of `source` before it is validated against the schema:
        `newsnorm check-plugin` reads a plugin's rule names there even when they make the
        record invalid. `strict_plugins` fails the document when any plugin fails."""
        return self._run(source, outlet, explain, None, strict_plugins)[1]

    def traced(
        self, source: Source, *, outlet: str | None = None
    ) -> tuple[Document, dict[str, Any]]:
        """The finished document, with the evidence of its metadata (newsnorm.evidence), and
        its record with `removed` filled: what `newsnorm explain` shows."""
        return self._run(source, outlet, True, Evidence())

    def _run(
        self,
        source: Source,
        outlet: str | None,
        explain: bool,
        evidence: Evidence | None,
        strict_plugins: bool = False,
    ) -> tuple[Document, dict[str, Any]]:
        source = _encodable(source)
        forced = self.find_outlet(outlet) if outlet else None
        trace = _Trace(strict_plugins)
        document = self._first("newsnorm_read_document", trace, source=source)
        if document is None:
            raise NormalizeError("no reader accepts this input", stage="read")
        if evidence is not None:
            document.evidence = evidence
            evidence.watch(Metadata(), trace.changed_by[-1])
            evidence.settle(document.meta)  # what the reader found: the page's images
        document.outlet = forced or self._first(
            "newsnorm_recognize_outlet", trace, document=document, outlets=self.outlets
        )
        self._each("newsnorm_remove_noise", trace, document=document)
        self._each("newsnorm_extract_metadata", trace, document=document)
        record = build_record(document, explain=explain)
        self._each("newsnorm_finish_record", trace, document=document, record=record)
        provenance = record["provenance"]
        provenance["plugins"] = [
            {"name": name, "version": self.versions.get(name)} for name in trace.changed_by
        ]
        if trace.warnings:
            provenance["warnings"] = [warning.as_record() for warning in trace.warnings]
        return document, record

    def _impls(self, hook: str) -> list[Any]:
        return implementations(self.pm, hook)

    def _first(self, hook: str, trace: _Trace, **kwargs: Any) -> Any:
        """Call implementations until one returns something; it counts as a change."""
        stage = STAGE_OF_HOOK[hook]
        for impl in self._impls(hook):
            result = self._call_one(impl, stage, kwargs)
            if result is not None:
                trace.note(impl.plugin_name)
                return result
        return None

    def _each(self, hook: str, trace: _Trace, **kwargs: Any) -> None:
        """Call every implementation, noting those that changed the document or record, and
        rolling back an isolated one that fails."""
        stage = STAGE_OF_HOOK[hook]
        evidence = kwargs["document"].evidence
        before = _snapshot(kwargs)
        for impl in self._impls(hook):
            if evidence is not None:
                evidence.watch(kwargs["document"].meta, impl.plugin_name)
            applied = self._call_guarded(impl, stage, kwargs, trace)
            if evidence is not None:
                evidence.settle(kwargs["document"].meta)
            after = _snapshot(kwargs)  # (and the next hook's state before it runs)
            if applied and after != before:
                trace.note(impl.plugin_name)
            before = after

    def _call_guarded(self, impl: Any, stage: str, kwargs: dict, trace: _Trace) -> bool:
        """Call one implementation, isolated when it is a third party's; False when it failed
        and was rolled back."""
        if trace.strict or not _isolated(impl.plugin_name, stage):
            self._call_one(impl, stage, kwargs)
            return True
        return self._call_isolated(impl, stage, kwargs, trace)

    def _call_isolated(self, impl: Any, stage: str, kwargs: dict, trace: _Trace) -> bool:
        """Call a third-party hook; when it raises (other than a NormalizeError, its verdict
        on the document), undo its changes, note a warning and return False."""
        checkpoint = Checkpoint(kwargs.get("document"), kwargs.get("record"))
        try:
            invoke(impl, kwargs)
        except NormalizeError:
            raise
        except Exception as exc:
            checkpoint.restore()
            trace.warnings.append(RolledBack.of(impl.plugin_name, stage, exc))
            return False
        return True

    def _call_one(self, impl: Any, stage: str, kwargs: dict[str, Any]) -> Any:
        return call_one(impl, stage, kwargs)


@dataclass
class _Trace:
    """What one document's run learns about its plugins: which changed it, which failed."""

    strict: bool
    changed_by: list[str] = field(default_factory=list)
    warnings: list[RolledBack] = field(default_factory=list)

    def note(self, plugin_name: str) -> None:
        if plugin_name not in self.changed_by:
            self.changed_by.append(plugin_name)


def _isolated(plugin_name: str, stage: Stage) -> bool:
    return stage in ISOLATED_STAGES and not plugin_name.startswith(plugin_registry.BUILTIN_PREFIX)


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


@cache
def pipeline_with(profiles: tuple[ProfileText, ...] = ()) -> Pipeline:
    """The default pipeline with a run's profiles (`--profiles`) added: built once per
    process and set of profiles, so each worker process of a run builds it once."""
    if not profiles:
        return default_pipeline()
    return Pipeline(plugin_registry.make_plugin_manager(profiles=profiles))


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
    strict_plugins: bool = False,
) -> Article:
    """Normalise one document into an Article.

    `content` is the raw document (bytes in any encoding, or text). `url` is its address
    when known; `outlet` forces an outlet by key or name; `explain` fills `removed`;
    `source` names the input in `provenance.source`. Raises NormalizeError when the
    document cannot be normalised (DocumentTooLarge, stage `read`, when `content` is
    longer than `max_bytes`), UnknownOutletError for an unknown `outlet`. An installed
    plugin that fails in the noise, metadata or finish stage leaves the document without
    its changes and a warning in `provenance.warnings`; `strict_plugins` fails it instead.
    """
    within_cap(content, max_bytes)
    return default_pipeline().run(
        Source(content, url=url, name=source),
        outlet=outlet,
        explain=explain,
        strict_plugins=strict_plugins,
    )
