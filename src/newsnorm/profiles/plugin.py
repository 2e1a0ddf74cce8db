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
from newsnorm.document import Document, OutletProfile, host_belongs_to
from newsnorm.hookspecs import hookimpl
from newsnorm.profiles.html_rules import CompiledHtmlRules, read_fields, remove_boxes
from newsnorm.profiles.loading import Profile
from newsnorm.profiles.model import ProfileSpec
from newsnorm.profiles.template_rules import CompiledTemplate, apply_template, recognises
from newsnorm.profiles.text_rules import CompiledTextRules, read_byline, remove_lines
from newsnorm.stages import HTML, TEXT

PLUGIN_PREFIX = "profile:"
LEARNED_PREFIX = "learned:"


class ProfilePlugin:
    """The hooks of one profile, with its selectors and patterns compiled once."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.outlet = outlet_of(profile.spec)
        self.html = CompiledHtmlRules.of(profile.spec.html)
        self.text = CompiledTextRules.of(profile.spec.text)
        self.template = CompiledTemplate.of(profile.spec.template)
        learned = profile.spec.template is not None
        # the pipeline credits removals to the outlet's key
        self.credit_name = LEARNED_PREFIX + profile.key if learned else profile.key

    @hookimpl
    def newsnorm_register_outlets(self, register: Callable[[OutletProfile], None]) -> None:
        if self.profile.spec.template is None:
            register(self.outlet)

    def _applies(self, document: Document) -> bool:
        if self.profile.spec.template is None:
            return document.outlet_is(self.profile.key)
        url = document.url or declared_url(document)
        if url and self.outlet.recognises_url(url):
            return True
        return self.template is not None and recognises(document, self.template)

    @hookimpl
    def newsnorm_remove_noise(self, document: Document) -> None:
        if not self._applies(document):
            return
        if self.template is not None:
            apply_template(document, self.template, self.credit_name)
        if document.input_format == HTML:
            remove_boxes(document, self.html)
        elif document.input_format == TEXT:
            remove_lines(document, self.text)

    @hookimpl
    def newsnorm_extract_metadata(self, document: Document) -> None:
        if not self._applies(document):
            return
        if document.input_format == HTML:
            read_fields(document, self.html)
        elif document.input_format == TEXT:
            read_byline(document, self.text, self.outlet.timezone)


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
    an earlier one (a file given on the command line over an installed one)."""
    for profile in profiles:
        name = plugin_name(profile.key)
        if pm.get_plugin(name) is not None:
            pm.unregister(name=name)
        pm.register(ProfilePlugin(profile), name=name)
