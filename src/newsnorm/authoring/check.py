"""`newsnorm check-plugin`: is a plugin ready to ship? Each check gives findings (see
findings.py): it loads, its hooks match the specs, its golden cases pass, its rules are
named as the schema wants, it claims no document of another outlet by content (claims.py),
its profiles validate.

    findings = check_plugin("brecorder")        # an installed plugin, by entry-point name
    findings = check_module("my_pkg.plugin")    # a module, installed or not
    findings = check_plugin("brecorder", others=["pages/"])  # and other outlets' pages
    print(report(findings)); ok = passed(findings)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pluggy

from newsnorm.authoring.cases import check_cases
from newsnorm.authoring.claims import CHECK as CLAIMS_CHECK
from newsnorm.authoring.claims import check_other_outlets, other_documents
from newsnorm.authoring.findings import Finding
from newsnorm.authoring.hooks import check_hooks
from newsnorm.authoring.profile_check import check_profiles
from newsnorm.authoring.target import (
    PluginTarget,
    case_directories,
    installed_plugin,
    module_plugin,
)
from newsnorm.pipeline import Pipeline
from newsnorm.plugins import make_plugin_manager
from newsnorm.profiles import ProfileError


def check_plugin(name: str, others: Iterable[str] = ()) -> list[Finding]:
    """Check the installed plugin `name`, its content match also against the documents
    under `others`; UnknownPluginError when there is no such plugin, UsageError when
    `others` gives no document."""
    return run_checks(installed_plugin(name), others)


def check_module(
    module_name: str, name: str | None = None, others: Iterable[str] = ()
) -> list[Finding]:
    """Check the plugin in `module_name`, registered as `name`, as `check_plugin` does;
    UnknownPluginError when there is no such module."""
    return run_checks(module_plugin(module_name, name), others)


def run_checks(target: PluginTarget, others: Iterable[str] = ()) -> list[Finding]:
    documents = other_documents(others)  # first: a wrong path is a usage error
    try:
        plugin = target.load()
    except Exception as exc:  # whatever the plugin's own import raises
        return [Finding("FAIL", "loads", f"{target.module_name}: {type(exc).__name__}: {exc}")]
    try:
        pm, refusal = _manager_with(plugin, target.name)
    except ProfileError as exc:  # an installed profile (this plugin's, or another's) is broken
        pm, refusal, profile_problem = None, None, str(exc)
    else:
        profile_problem = None
    findings = [_load_finding(target, refusal), *check_hooks(plugin)]
    if pm is not None:
        places = case_directories(plugin, target.distribution)
        findings += check_cases(Pipeline(pm), pm.get_name(plugin), places)
        findings.append(check_other_outlets(pm, plugin, documents))
    elif profile_problem is not None:
        findings.append(Finding("FAIL", "golden cases", f"not run: {profile_problem}"))
        findings.append(Finding("n/a", CLAIMS_CHECK, f"not run: {profile_problem}"))
    return findings + check_profiles(target)


def _manager_with(plugin: Any, name: str) -> tuple[pluggy.PluginManager | None, str | None]:
    """Every installed plugin and the built-ins, as `newsnorm convert` runs them, with this
    plugin among them; or pluggy's reason for refusing it."""
    pm = make_plugin_manager()
    if not pm.is_registered(plugin):
        try:
            pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            return None, _first_and_last_lines(exc)
    return pm, None


def _first_and_last_lines(exc: Exception) -> str:
    """pluggy's messages put the plugin and hook first and the reason last, with the code in
    between; the ValueError of a name taken lists every plugin after its first line."""
    lines = str(exc).splitlines() or [type(exc).__name__]
    if isinstance(exc, ValueError):
        return lines[0]
    return "; ".join(dict.fromkeys([lines[0], lines[-1]]))


def _load_finding(target: PluginTarget, refusal: str | None) -> Finding:
    if refusal is not None:
        return Finding("FAIL", "loads", f"pluggy refuses it: {refusal}")
    where = target.distribution
    version = f" ({where.name} {where.version})" if where is not None else ""
    return Finding("ok", "loads", f"{target.name} = {target.module_name}{version}")
