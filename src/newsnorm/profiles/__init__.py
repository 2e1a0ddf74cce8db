"""Declarative outlet profiles: an outlet's domains, time zone and language, the boxes and
lines that are never its articles and where its fields are, in a TOML file, no Python.

    profile = load_profile("example.toml")             # ProfileError if it is not valid
    profiles = profiles_in_paths(["profiles/"])        # files and directories
    profiles = profiles_in_package("newsnorm_example")  # a package's *.toml files

Profiles load from the `newsnorm.profiles` entry points, NEWSNORM_PROFILES and `--profiles`;
each is the plugin `profile:KEY` (see docs/plugins.md, "Outlet profiles").
"""

from newsnorm.profiles.loading import (
    ENTRY_POINT_GROUP,
    ENVIRONMENT,
    Profile,
    ProfileError,
    ProfileText,
    installed_profiles,
    load_profile,
    parse_profile,
    profile_texts,
    profiles_in_package,
    profiles_in_paths,
)
from newsnorm.profiles.plugin import ProfilePlugin, ProfileRules, register_profiles

__all__ = [
    "ENTRY_POINT_GROUP",
    "ENVIRONMENT",
    "Profile",
    "ProfileError",
    "ProfilePlugin",
    "ProfileRules",
    "ProfileText",
    "installed_profiles",
    "load_profile",
    "parse_profile",
    "profile_texts",
    "profiles_in_package",
    "profiles_in_paths",
    "register_profiles",
]
