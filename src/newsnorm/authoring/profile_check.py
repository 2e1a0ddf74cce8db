"""A plugin's outlet profiles (TOML files in the package its `newsnorm.profiles` entry point
names) validate: read through newsnorm.profiles, which says what is wrong and where."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from newsnorm.authoring.findings import Finding
from newsnorm.authoring.target import PluginTarget

PROFILES_GROUP = "newsnorm.profiles"
CHECK = "profile"


def profile_packages(target: PluginTarget) -> list[str]:
    """The packages the plugin's distribution declares profiles in; without a distribution
    (a module checked directly), those declared under the plugin's name."""
    if target.distribution is not None:
        declared = target.distribution.entry_points.select(group=PROFILES_GROUP)
    else:
        declared = entry_points(group=PROFILES_GROUP, name=target.name)
    return [ep.value for ep in declared]


def check_profiles(target: PluginTarget) -> list[Finding]:
    packages = profile_packages(target)
    if not packages:
        return [Finding("n/a", CHECK, f"none declared (no {PROFILES_GROUP} entry point)")]
    reader = _profile_reader()
    if reader is None:
        return [Finding("n/a", CHECK, "not available: this newsnorm has no newsnorm.profiles")]
    return [_check_package(package, *reader) for package in packages]


def _profile_reader() -> tuple[Callable[[str], list[Any]], type[Exception]] | None:
    """newsnorm.profiles' reader and its error, when this newsnorm has them."""
    try:
        from newsnorm.profiles import ProfileError, profiles_in_package
    except ImportError:
        return None
    return profiles_in_package, ProfileError


def _check_package(package: str, read: Callable, error: type[Exception]) -> Finding:
    try:
        profiles = read(package)
    except error as exc:
        return Finding("FAIL", CHECK, str(exc))
    if not profiles:
        return Finding("FAIL", CHECK, f"{package} declares profiles but ships no *.toml file")
    keys = ", ".join(profile.key for profile in profiles)
    return Finding("ok", CHECK, f"{package}: {keys}")
