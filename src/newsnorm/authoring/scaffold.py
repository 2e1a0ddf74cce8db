"""`newsnorm new-plugin`: a ready outlet plugin distribution from the templates beside this
module (template/, package data), filled in with string.Template.

    newsnorm-NAME/
        pyproject.toml              entry points `newsnorm` and `newsnorm.profiles`
        README.md
        src/newsnorm_NAME/__init__.py   KEY and the outlet's hooks, empty
        src/newsnorm_NAME/NAME.toml     the outlet's profile
        tests/test_NAME.py          golden cases, and newsnorm finding the plugin
        tests/cases/README.md       how to add a golden case
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import asdict, dataclass
from importlib.resources import files
from pathlib import Path
from string import Template

from newsnorm.errors import UsageError
from newsnorm.version import __version__

# Lowercase words of letters and digits joined by single hyphens or underscores: a name
# that is at once an entry-point name, an outlet key, and (hyphens made underscores) part
# of a Python package name.
NAME = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
# Dot-separated labels of letters, digits and inner hyphens, the last one not all digits.
DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?")
MAX_DOMAIN_LENGTH = 253

# Template file -> where it goes in the plugin; the target is itself a template.
FILES = (
    ("pyproject.toml.tmpl", "pyproject.toml"),
    ("README.md.tmpl", "README.md"),
    ("plugin.py.tmpl", "src/$package/__init__.py"),
    ("profile.toml.tmpl", "src/$package/$name.toml"),
    ("test_plugin.py.tmpl", "tests/test_$module.py"),
    ("cases-README.md.tmpl", "tests/cases/README.md"),
)


class ScaffoldError(UsageError):
    """A plugin cannot be made: a bad name or domain, or the directory exists already."""


@dataclass(frozen=True)
class PluginNames:
    """Every name of one plugin, made from the one its author chose."""

    name: str  # entry-point name and outlet key: "acme-news"
    module: str  # the name as a Python identifier: "acme_news"
    package: str  # "newsnorm_acme_news"
    distribution: str  # "newsnorm-acme-news", also the directory's name
    title: str  # the outlet's display name (--title, else made from the name: "Acme News")
    domain: str
    newsnorm_version: str = __version__


def plugin_names(name: str, domain: str, title: str | None = None) -> PluginNames:
    """The plugin's names; ScaffoldError when `name`, `domain` or `title` cannot be used."""
    if not NAME.fullmatch(name):
        raise ScaffoldError(
            f"plugin name {name!r} is not usable: use lowercase letters and digits, words"
            " joined by - or _, starting with a letter (e.g. acme or acme-news)"
        )
    module = name.replace("-", "_")
    return PluginNames(
        name=name,
        module=module,
        package=f"newsnorm_{module}",
        distribution=f"newsnorm-{name.replace('_', '-')}",
        title=_checked_title(title) if title is not None else _title_of(name),
        domain=_checked_domain(domain),
    )


def _title_of(name: str) -> str:
    return " ".join(word.capitalize() for word in re.split(r"[-_]", name))


def _checked_title(title: str) -> str:
    """The outlet's name as given; it goes into TOML strings and docstrings as it is, so
    quotes, backslashes and control characters are refused rather than escaped."""
    cleaned = " ".join(title.split())
    if not cleaned or any(c in cleaned for c in '"\\') or not cleaned.isprintable():
        raise ScaffoldError(f"--title {title!r}: give the outlet's name without quotes or \\")
    return cleaned


def _checked_domain(domain: str) -> str:
    cleaned = domain.strip().lower()
    if "/" in cleaned:
        raise ScaffoldError(f"--domain {domain!r}: give the domain alone (acme.example), not a URL")
    if len(cleaned) > MAX_DOMAIN_LENGTH or not DOMAIN.fullmatch(cleaned):
        raise ScaffoldError(f"--domain {domain!r} is not a domain name like acme.example")
    return cleaned


def new_plugin(
    name: str, domain: str, directory: Path = Path("."), title: str | None = None
) -> Path:
    """Write the plugin `newsnorm-NAME/` into `directory` (made if missing) and return its
    path; `title` is the outlet's name (default: made from NAME). An existing
    `newsnorm-NAME/` is never touched: ScaffoldError."""
    names = plugin_names(name, domain, title)
    target = Path(directory) / names.distribution
    if target.exists():
        raise ScaffoldError(f"{target} exists already: remove it or choose another --dir")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed into place, so that a failure half-way leaves
    # no half-made plugin that the next attempt would refuse to overwrite.
    staging = target.with_name(f".{names.distribution}.{os.getpid()}.partial")
    try:
        staging.mkdir()
        _write_files(staging, names)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _write_files(root: Path, names: PluginNames) -> None:
    values = asdict(names)
    template_dir = files("newsnorm.authoring") / "template"
    for template_name, target in FILES:
        text = Template(template_dir.joinpath(template_name).read_text(encoding="utf-8"))
        path = root / Template(target).substitute(values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.substitute(values), encoding="utf-8")
