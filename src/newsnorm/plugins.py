"""Building the plugin manager: installed plugins first, then the built-in ones.

Installed plugins are found through the `newsnorm` entry-point group, installed outlet
profiles through `newsnorm.profiles` (see newsnorm.profiles). The environment variable
NEWSNORM_LOAD_PLUGINS, when set, names the only installed plugins and profile packages to load
(comma-separated; empty loads none): handy for debugging and for tests. NEWSNORM_PROFILES
names more profile files and directories; a run's `--profiles` come last.
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, PackageNotFoundError, entry_points
from importlib.metadata import version as metadata_version
from typing import Any

import pluggy

from newsnorm import hookspecs
from newsnorm.document import OutletProfile
from newsnorm.profiles import (
    Profile,
    ProfileRules,
    ProfileText,
    installed_profiles,
    parse_profile,
    profile_texts,
    register_profiles,
)
from newsnorm.profiles.loading import environment_paths
from newsnorm.version import __version__

ENTRY_POINT_GROUP = "newsnorm"
BUILTIN_PREFIX = "newsnorm."

# Built-in behaviour, in the order each hook calls it (all registered `trylast`, so
# installed plugins run before them and can pre-empt them).
DEFAULT_PLUGINS = (
    "newsnorm.default_plugins.html_input",
    "newsnorm.default_plugins.text_input",
    "newsnorm.default_plugins.outlet_recognition",
    "newsnorm.default_plugins.related_sections",
    "newsnorm.default_plugins.page_notices",
    "newsnorm.default_plugins.capture_region",  # after the notices: the article's lines
    "newsnorm.default_plugins.html_metadata",
    "newsnorm.default_plugins.capture_head",
    "newsnorm.default_plugins.headline",
    "newsnorm.default_plugins.byline",
    "newsnorm.default_plugins.dateline",
    "newsnorm.default_plugins.outlet_defaults",
    "newsnorm.default_plugins.outlet_declared",
    "newsnorm.default_plugins.language",  # after outlet_defaults: an outlet's language counts
    "newsnorm.default_plugins.record_id",
)


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]
    builtin: bool
    origin: str | None = None  # a profile's file (or `package:file`)


def make_plugin_manager(
    load_installed: bool = True, profiles: tuple[ProfileText, ...] = ()
) -> pluggy.PluginManager:
    """A fresh plugin manager with installed plugins and profiles (optional; with those
    NEWSNORM_PROFILES names), then `profiles`, then the built-ins. ProfileError when a
    profile is not valid: a run must not go on without the rules its user asked for."""
    pm = pluggy.PluginManager("newsnorm")
    pm.add_hookspecs(hookspecs)
    if load_installed:
        _load_installed(pm)
        register_profiles(pm, installed_profiles(_wanted()))
        register_profiles(pm, _parsed(profile_texts(environment_paths())))
    register_profiles(pm, _parsed(profiles))
    # pluggy calls `trylast` implementations in the order they were registered.
    for module_name in DEFAULT_PLUGINS:
        module = importlib.import_module(module_name)
        pm.register(module, name=BUILTIN_PREFIX + module_name.rsplit(".", 1)[-1])
    return pm


@cache
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, built on first use."""
    return make_plugin_manager()


def _wanted() -> set[str] | None:
    """The entry-point names NEWSNORM_LOAD_PLUGINS lets load; None for all."""
    wanted = os.environ.get("NEWSNORM_LOAD_PLUGINS")
    return None if wanted is None else {n.strip() for n in wanted.split(",") if n.strip()}


def _parsed(texts: list[ProfileText] | tuple[ProfileText, ...]) -> list[Profile]:
    return [parse_profile(text) for text in texts]


def _load_installed(pm: pluggy.PluginManager) -> None:
    names = _wanted()
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if names is None or ep.name in names:
            _load_one(pm, ep, with_distribution=names is None)
    _warn_unknown_hooks(pm)


def _load_one(pm: pluggy.PluginManager, ep: EntryPoint, *, with_distribution: bool) -> None:
    """One installed plugin. One that cannot be imported, or that pluggy refuses (a hook
    with an argument its spec lacks), is left out with a warning instead of stopping every
    command; `newsnorm check-plugin NAME` says what is wrong with it."""
    try:
        if with_distribution:  # pluggy's loader also notes the distribution, for versions
            pm.load_setuptools_entrypoints(ep.group, ep.name)
        else:
            pm.register(ep.load(), name=ep.name)
    except Exception as exc:
        reason = " ".join(str(exc).split())
        _log.warning(
            f"newsnorm: warning: plugin {ep.name} not loaded: {type(exc).__name__}: {reason}"
            f" (see `newsnorm check-plugin {ep.name}`)"
        )


def _warn_unknown_hooks(pm: pluggy.PluginManager) -> None:
    """pluggy accepts an implementation of a hook that has no spec (a misspelt name) and
    never calls it; say so, since the plugin then silently does less than its author meant."""
    for hook_name, caller in sorted(vars(pm.hook).items()):
        if isinstance(caller, pluggy.HookCaller) and not caller.has_spec():
            for impl in caller.get_hookimpls():
                _log.warning(
                    f"newsnorm: warning: plugin {impl.plugin_name}: {hook_name} is not a"
                    f" newsnorm hook (see `newsnorm check-plugin {impl.plugin_name}`)"
                )


def registered_outlets(pm: pluggy.PluginManager) -> list[OutletProfile]:
    """Every outlet profile the plugins register, in plugin order."""
    profiles: list[OutletProfile] = []
    pm.hook.newsnorm_register_outlets(register=profiles.append)
    return profiles


def plugin_version(pm: pluggy.PluginManager, name: str) -> str | None:
    if name.startswith(BUILTIN_PREFIX):
        return __version__
    plugin = pm.get_plugin(name)
    if isinstance(plugin, ProfileRules):
        return _distribution_version(plugin.profile.distribution)
    for candidate, dist in pm.list_plugin_distinfo():
        if candidate is plugin:
            return dist.version
    return None


def describe_plugins(pm: pluggy.PluginManager, include_builtin: bool = False) -> list[PluginInfo]:
    """What is loaded, sorted by name: for `newsnorm plugins`."""
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    infos = []
    for name, plugin in pm.list_name_plugin():
        builtin = name.startswith(BUILTIN_PREFIX)
        if builtin and not include_builtin:
            continue
        dist: Any = dists.get(id(plugin))
        hooks = tuple(sorted(hook.name for hook in pm.get_hookcallers(plugin) or []))
        if isinstance(plugin, ProfileRules):
            infos.append(_profile_info(name, plugin.profile, hooks))
            continue
        infos.append(
            PluginInfo(
                name=name,
                version=__version__ if builtin else getattr(dist, "version", None),
                distribution="newsnorm" if builtin else getattr(dist, "project_name", None),
                hooks=hooks,
                builtin=builtin,
            )
        )
    return sorted(infos, key=lambda info: info.name)


def _profile_info(name: str, profile: Profile, hooks: tuple[str, ...]) -> PluginInfo:
    version = _distribution_version(profile.distribution)
    return PluginInfo(name, version, profile.distribution, hooks, False, profile.origin)


def _distribution_version(distribution: str | None) -> str | None:
    if distribution is None:
        return None
    try:
        return metadata_version(distribution)
    except PackageNotFoundError:
        return None


def installed_versions(pm: pluggy.PluginManager | None = None) -> dict:
    """newsnorm's version and each installed plugin's, by name: what made a run's records,
    and what every worker of a cluster must have the same of."""
    infos = describe_plugins(pm or get_plugin_manager())
    # Profiles from files travel with a run's settings (or are read from the environment
    # where it runs): only installed ones are a worker's own.
    installed = [info for info in infos if info.origin is None or info.distribution]
    plugins = {info.name: info.version for info in installed}
    return {"newsnorm": __version__, "plugins": plugins}


def version_differences(here: dict, there: dict) -> list[str]:
    """What differs between two `installed_versions`, in words ("plugin x: 1.0 here, 1.1
    there"); empty when they agree."""
    differences = []
    if here["newsnorm"] != there["newsnorm"]:
        differences.append(f"newsnorm: {here['newsnorm']} here, {there['newsnorm']} there")
    for name in sorted(set(here["plugins"]) | set(there["plugins"])):
        mine, theirs = here["plugins"].get(name, _MISSING), there["plugins"].get(name, _MISSING)
        if mine != theirs:
            differences.append(f"plugin {name}: {mine} here, {theirs} there")
    return differences


_MISSING = "not installed"
_log = logging.getLogger("newsnorm.plugins")
