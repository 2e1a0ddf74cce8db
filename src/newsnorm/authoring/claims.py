"""Does a plugin claim documents of other outlets? Its outlets' content matches
(`OutletProfile.matches_content`), and its own `newsnorm_recognize_outlet` if it has one, run
on documents of outlets it is not: the captures and pages newsnorm ships (other_outlets/,
invented outlets in several languages) and any the user names (`--others`). Each document
goes in without its address, as a copied capture arrives, so only its content can place it.

A claim is a FAIL: the claimed document gets the plugin's noise rules and byline parser and
its outlet's name, a wrong record that nothing later can tell from a right one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import pluggy

from newsnorm.authoring.findings import Finding
from newsnorm.document import Document, OutletProfile, Source
from newsnorm.errors import NewsnormError, NormalizeError, UsageError
from newsnorm.inputs.document import UnreadableDocument
from newsnorm.inputs.find import DOCUMENT_SUFFIXES, find_documents
from newsnorm.plugins import registered_outlets

CHECK = "other outlets"
BUNDLE = "other_outlets"  # package data beside this module
OTHERS_OPTION = "--others"


@dataclass(frozen=True)
class OtherDocuments:
    """The documents of other outlets to check against: newsnorm's own, then the user's."""

    shipped: list[Source]
    given: list[Source]

    @property
    def all(self) -> list[Source]:
        return [*self.shipped, *self.given]


def other_documents(paths: Iterable[str] = ()) -> OtherDocuments:
    """The bundled documents, and those under `paths` (files, directories, globs, URLs, web
    archives, as `newsnorm convert` reads them); UsageError when a path gives none, or a
    document in it cannot be read."""
    return OtherDocuments(shipped_documents(), [d for p in paths for d in given_documents(p)])


def shipped_documents() -> list[Source]:
    folder = files("newsnorm.authoring") / BUNDLE
    entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    return [
        Source(entry.read_bytes(), name=f"{BUNDLE}/{entry.name}")
        for entry in entries
        if entry.name.endswith(DOCUMENT_SUFFIXES)  # not the README
    ]


def given_documents(path: str) -> list[Source]:
    """The documents `path` names; UsageError naming the problem."""
    try:
        found = [doc for doc in find_documents([path]) if doc.skip is None]
        sources = [Source(doc.read(), name=doc.name) for doc in found]
    # A missing file, a pattern matching nothing, a broken archive record, a page too large.
    except (NewsnormError, UnreadableDocument, OSError) as exc:
        raise UsageError(f"{OTHERS_OPTION} {path}: {_reason(exc)}") from exc
    if not sources:
        raise UsageError(f"{OTHERS_OPTION} {path}: no captures or pages in it")
    return sources


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


def check_other_outlets(
    pm: pluggy.PluginManager, plugin: Any, documents: OtherDocuments
) -> Finding:
    """ok when the plugin claims none of `documents`; FAIL listing those it claims."""
    claimers = _claimers(pm, plugin)
    if not claimers:
        return Finding("n/a", CHECK, "the plugin recognises no outlet by content")
    claims: dict[str, list[str]] = {}
    unread: list[str] = []
    for source in documents.all:
        try:
            document = _read(pm, source)
        except Exception as exc:  # NormalizeError, or a reader plugin's own failure
            unread.append(f"{source.name}: not read: {type(exc).__name__}: {exc}")
            continue
        if found := _claims(claimers, document):
            claims[source.name] = found
    return _finding(claims, unread, documents)


# Says whether a document is claimed: "as NAME (how)", or None.
Claimer = Callable[[Document], str | None]


def _claimers(pm: pluggy.PluginManager, plugin: Any) -> list[Claimer]:
    """The plugin's outlets that match by content, and its own recognition hook, if any."""
    claimers: list[Claimer] = [
        _ContentMatch(profile)
        for profile in _outlets_of(pm, plugin)
        if profile.matches_content is not None
    ]
    hook = pm.hook.newsnorm_recognize_outlet
    own = [impl for impl in hook.get_hookimpls() if impl.plugin is plugin]
    if own:
        everyone = registered_outlets(pm)
        claimers += [_OwnRecognition(impl, everyone) for impl in own]
    return claimers


def _outlets_of(pm: pluggy.PluginManager, plugin: Any) -> list[OutletProfile]:
    profiles: list[OutletProfile] = []
    for impl in pm.hook.newsnorm_register_outlets.get_hookimpls():
        if impl.plugin is plugin:
            _call(impl, register=profiles.append)
    return profiles


def _call(impl: Any, **arguments: Any) -> Any:
    """One plugin's implementation of a hook, with the arguments it asks for by name."""
    return impl.function(*(arguments[name] for name in impl.argnames))


@dataclass(frozen=True)
class _ContentMatch:
    profile: OutletProfile

    def __call__(self, document: Document) -> str | None:
        if self.profile.matches_content(document):
            return f"as {self.profile.name} ({self.profile.key}: matches_content)"
        return None


@dataclass(frozen=True)
class _OwnRecognition:
    impl: Any  # pluggy's HookImpl of the plugin's newsnorm_recognize_outlet
    outlets: list[OutletProfile]

    def __call__(self, document: Document) -> str | None:
        profile = _call(self.impl, document=document, outlets=self.outlets)
        if profile is not None:
            return f"as {profile.name} (newsnorm_recognize_outlet)"
        return None


def _claims(claimers: list[Claimer], document: Document) -> list[str]:
    found = []
    for claimer in claimers:
        try:
            claim = claimer(document)
        except Exception as exc:  # a matcher that breaks on another outlet's document
            claim = f"recognition raises {type(exc).__name__}: {exc}"
        if claim is not None:
            found.append(claim)
    return found


def _read(pm: pluggy.PluginManager, source: Source) -> Document:
    """The document as the recognition stage gets it: from the first reader that takes it."""
    document = pm.hook.newsnorm_read_document(source=source)
    if document is None:
        raise NormalizeError("no reader accepts this input", stage="read")
    return document


def _finding(claims: dict[str, list[str]], unread: list[str], documents: OtherDocuments) -> Finding:
    total = len(documents.all)
    counted = f"{len(documents.shipped)} shipped with newsnorm, {len(documents.given)} given"
    if claims:
        details = [f"{name}: {claim}" for name, found in claims.items() for claim in found]
        message = f"{len(claims)} of {total} documents of other outlets claimed ({counted})"
        return Finding("FAIL", CHECK, message, (*details, *unread))
    if unread:
        message = f"none of {total - len(unread)} documents of other outlets claimed"
        return Finding("warn", CHECK, f"{message}; {len(unread)} not read", tuple(unread))
    return Finding("ok", CHECK, f"none of {total} documents of other outlets claimed ({counted})")
