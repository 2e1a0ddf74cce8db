"""A profile at work: a plugin (`profile:KEY`) that registers the profile's outlet and, on
that outlet's documents only, applies its rules. Its removals are credited `KEY:RULE`, like
those of the outlet's Python plugin, if it has one.

A learned profile (one with a `template`) names no outlet: records keep the outlet the
page declares. It applies its rules to the documents on its domains or that its template
recognises, credited `learned:KEY:RULE`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pluggy

from newsnorm.default_plugins.outlet_recognition import declared_url
from newsnorm.document import Document, OutletProfile, host_belongs_to, host_of
from newsnorm.hookspecs import hookimpl
from newsnorm.profiles.html_rules import CompiledHtmlRules, read_fields, remove_boxes
from newsnorm.profiles.loading import Profile
from newsnorm.profiles.model import ProfileSpec
from newsnorm.profiles.template_rules import CompiledTemplate, apply_template, matched_pairs
from newsnorm.profiles.text_rules import CompiledTextRules, read_byline, remove_lines
from newsnorm.stages import HTML, TEXT

PLUGIN_PREFIX = "profile:"
LEARNED_PREFIX = "learned:"


class ProfileRules:
    """One profile's rules, with its selectors and patterns compiled once."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.outlet = outlet_of(profile.spec)
        self.html = CompiledHtmlRules.of(profile.spec.html)
        self.text = CompiledTextRules.of(profile.spec.text)
        self.template = CompiledTemplate.of(profile.spec.template)
        learned = profile.spec.template is not None
        # the pipeline credits removals to the outlet's key
        self.credit_name = LEARNED_PREFIX + profile.key if learned else profile.key

    def remove_noise(self, document: Document) -> None:
        if self.template is not None:
            apply_template(document, self.template, self.credit_name)
        if document.input_format == HTML:
            remove_boxes(document, self.html)
        elif document.input_format == TEXT:
            remove_lines(document, self.text)

    def extract_metadata(self, document: Document) -> None:
        if document.input_format == HTML:
            read_fields(document, self.html)
        elif document.input_format == TEXT:
            read_byline(document, self.text, self.outlet.timezone)


class ProfilePlugin(ProfileRules):
    """The hooks of one outlet's profile: its outlet, and its rules on its documents."""

    @hookimpl
    def newsnorm_register_outlets(self, register: Callable[[OutletProfile], None]) -> None:
        register(self.outlet)

    @hookimpl
    def newsnorm_remove_noise(self, document: Document) -> None:
        if document.outlet_is(self.profile.key):
            self.remove_noise(document)

    @hookimpl
    def newsnorm_extract_metadata(self, document: Document) -> None:
        if document.outlet_is(self.profile.key):
            self.extract_metadata(document)


class LearnedProfile(ProfileRules):
    """A learned profile, listed as `profile:KEY`: its rules are applied by the one plugin
    of every learned profile (newsnorm.learned_templates), which finds a document's in one look."""


class LearnedTemplates:
    """The learned profiles' hooks: a document with an address gets the profile of its
    host (or of a domain above it), one without the profile whose template it shares
    most. One plugin for hundreds of outlets: a hook call each, not hundreds."""

    credit_name = "newsnorm"  # each profile's own removals are credited to it, as it acts

    def __init__(self) -> None:
        self.profiles: dict[str, LearnedProfile] = {}
        self._by_domain: dict[str, LearnedProfile] = {}

    def add(self, profile: LearnedProfile) -> None:
        self.profiles[profile.profile.key] = profile  # a later one of the key replaces
        self._by_domain = {
            domain.removeprefix("www."): learned
            for learned in self.profiles.values()
            for domain in learned.profile.spec.domains
        }

    def _profile_of(self, document: Document) -> LearnedProfile | None:
        found = document.marks.get(_FOUND_MARK, _UNSEEN)
        if found is _UNSEEN:
            found = document.marks[_FOUND_MARK] = self._find(document)
        return found

    def _find(self, document: Document) -> LearnedProfile | None:
        url = document.url or declared_url(document)
        if url:  # a page with an address is its host's
            host = host_of(url) or ""
            parts = host.split(".")
            domains = (".".join(parts[index:]) for index in range(len(parts) - 1))
            return next((self._by_domain[d] for d in domains if d in self._by_domain), None)
        scored = (
            (matched_pairs(document, learned.template), learned)
            for learned in self.profiles.values()
            if learned.template is not None
        )
        best = max(
            ((score, learned) for score, learned in scored if score >= learned.template.recognise),
            key=lambda item: item[0],
            default=(0, None),
        )
        return best[1]

    @hookimpl
    def newsnorm_remove_noise(self, document: Document) -> None:
        if (learned := self._profile_of(document)) is not None:
            _acting(document, learned, learned.remove_noise)

    @hookimpl
    def newsnorm_extract_metadata(self, document: Document) -> None:
        if (learned := self._profile_of(document)) is not None:
            _acting(document, learned, learned.extract_metadata)


_FOUND_MARK = "learn.profile"
_UNSEEN = object()
LEARNED_PLUGIN = "newsnorm.learned_templates"  # built in: listed with `plugins --all`


def _acting(document: Document, learned: LearnedProfile, apply: Callable[[Document], None]):
    """Apply a learned profile's rules, its removals credited to it."""
    acting, document.acting_plugin = document.acting_plugin, learned.credit_name
    try:
        apply(document)
    finally:
        document.acting_plugin = acting


def outlet_of(spec: ProfileSpec) -> OutletProfile:
    """The outlet a profile describes. With one domain, records name it; with several, the
    page's own host is the record's domain."""
    domains = tuple(domain.removeprefix("www.") for domain in spec.domains)
    return OutletProfile(
        key=spec.key,
        name=spec.name,
        domain=domains[0] if len(domains) == 1 else None,
        timezone=spec.timezone,
        language=spec.language,
        matches_url=lambda url: any(host_belongs_to(url, domain) for domain in domains),
    )


def plugin_name(key: str) -> str:
    return PLUGIN_PREFIX + key


def register_profiles(pm: pluggy.PluginManager, profiles: Iterable[Profile]) -> None:
    """Each profile as the plugin `profile:KEY`; a later profile of the same key replaces
    an earlier one (a file given on the command line over an installed one). A learned
    profile is listed so too, and applied by the built-in plugin `newsnorm.learned_templates`."""
    for profile in profiles:
        name = plugin_name(profile.key)
        if pm.get_plugin(name) is not None:
            pm.unregister(name=name)
        if profile.spec.template is None:
            pm.register(ProfilePlugin(profile), name=name)
            continue
        learned = LearnedProfile(profile)
        pm.register(learned, name=name)
        _learned_templates(pm).add(learned)


def _learned_templates(pm: pluggy.PluginManager) -> LearnedTemplates:
    plugin = pm.get_plugin(LEARNED_PLUGIN)
    if plugin is None:
        plugin = LearnedTemplates()
        pm.register(plugin, name=LEARNED_PLUGIN)
    return plugin
