"""The plugin under check: found by its `newsnorm` entry-point name, or by its module (for
a plugin not installed, or in tests); its distribution, and where its files are."""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import Distribution, entry_points, packages_distributions
from importlib.metadata import distribution as find_distribution
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from newsnorm.errors import UsageError
from newsnorm.plugins import ENTRY_POINT_GROUP

MODULE_PREFIX = "newsnorm_"


class UnknownPluginError(UsageError):
    """No installed plugin by that name, or no module by that name."""


@dataclass(frozen=True)
class PluginTarget:
    name: str  # registered under it: rules are credited `name:rule`
    module_name: str
    load: Callable[[], Any]
    distribution: Distribution | None


def installed_plugin(name: str) -> PluginTarget:
    """The installed plugin whose `newsnorm` entry point is `name`."""
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            return PluginTarget(name, ep.module, ep.load, ep.dist)
    installed = ", ".join(sorted(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)))
    raise UnknownPluginError(f"no installed plugin {name!r} (installed: {installed or 'none'})")


def module_plugin(module_name: str, name: str | None = None) -> PluginTarget:
    """The plugin in module `module_name`, registered as `name` (default: the module's last
    part without `newsnorm_`)."""
    name = name or module_name.rsplit(".", 1)[-1].removeprefix(MODULE_PREFIX)
    if not _importable(module_name):
        raise UnknownPluginError(f"no module {module_name!r}")
    dists = packages_distributions().get(module_name.split(".", 1)[0], [])
    dist = find_distribution(dists[0]) if dists else None
    return PluginTarget(name, module_name, lambda: importlib.import_module(module_name), dist)


def _importable(module_name: str) -> bool:
    try:
        return importlib.util.find_spec(module_name) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def case_directories(plugin: Any, dist: Distribution | None) -> list[Path]:
    """Where a plugin's golden cases may be, in order: `cases/` in its package (shipped as
    package data), then `tests/cases/` of the project it was installed from."""
    package_file = getattr(plugin, "__file__", None)
    if package_file is None:
        return []
    package_dir = Path(package_file).parent
    places = [package_dir / "cases"]
    root = project_root(dist, package_dir)
    if root is not None:
        places.append(root / "tests" / "cases")
    return places


def project_root(dist: Distribution | None, package_dir: Path) -> Path | None:
    """The source tree of an editable or local install, from the distribution's
    direct_url.json; else a pyproject.toml just above the package (flat or src layout)."""
    source = _direct_url_directory(dist)
    if source is not None:
        return source
    for candidate in (package_dir.parent, package_dir.parent.parent):
        if (candidate / "pyproject.toml").is_file():
            return candidate
    return None


def _direct_url_directory(dist: Distribution | None) -> Path | None:
    text = dist.read_text("direct_url.json") if dist is not None else None
    if not text:
        return None
    url = urlparse(json.loads(text).get("url", ""))
    path = Path(unquote(url.path))
    return path if url.scheme == "file" and path.is_dir() else None
