"""A plugin's hook implementations against newsnorm's hook specs (hookspecs.py).

pluggy takes a marked function whose name is no hook (a typo) without a word and never
calls it, and ignores a `newsnorm_*` function that was not marked @hookimpl; both leave a
plugin silently doing less than its author meant, so they are failures here.
"""

from __future__ import annotations

import inspect
from difflib import get_close_matches
from typing import Any

from newsnorm import hookspecs
from newsnorm.authoring.findings import Finding

PREFIX = "newsnorm_"
# Where pluggy's HookimplMarker("newsnorm") keeps a marked function's options.
IMPL_ATTRIBUTE = "newsnorm_impl"
SPEC_ATTRIBUTE = "newsnorm_spec"
CHECK = "hooks"


def hook_specs() -> dict[str, list[str]]:
    """Each hook's name and argument names."""
    return {
        name: list(inspect.signature(function).parameters)
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, SPEC_ATTRIBUTE)
    }


def check_hooks(plugin: Any) -> list[Finding]:
    """One FAIL per problem with the plugin's hooks, or one ok naming the hooks."""
    specs = hook_specs()
    implemented, problems = [], []
    for attribute, function in _routines(plugin):
        options = getattr(function, IMPL_ATTRIBUTE, None)
        if options is not None:
            hook = options.get("specname") or attribute
            implemented.append(hook)
            problems += _impl_problems(attribute, hook, function, specs)
        elif attribute.startswith(PREFIX):
            problems.append(_unmarked(attribute, specs))
    if problems:
        return [Finding("FAIL", CHECK, problem) for problem in problems]
    if not implemented:
        return [Finding("warn", CHECK, "none: the plugin implements no hook")]
    return [Finding("ok", CHECK, ", ".join(sorted(implemented)))]


def _routines(plugin: Any) -> list[tuple[str, Any]]:
    # Looked up statically, as pluggy does, so that no property of a plugin object runs.
    return inspect.getmembers_static(plugin, inspect.isroutine)


def _impl_problems(attribute: str, hook: str, function: Any, specs: dict) -> list[str]:
    if hook not in specs:
        return [f"{attribute} is not a newsnorm hook{_did_you_mean(hook, specs)}"]
    extra = [name for name in _required_arguments(function) if name not in specs[hook]]
    if not extra:
        return []
    return [
        f"{attribute}: argument(s) {', '.join(extra)} not among the hook's"
        f" ({', '.join(specs[hook])}), so pluggy refuses the plugin"
    ]


def _required_arguments(function: Any) -> list[str]:
    """The arguments pluggy passes by name: positional ones without a default."""
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    parameters = inspect.signature(function).parameters.values()
    return [p.name for p in parameters if p.kind in positional and p.default is p.empty]


def _unmarked(attribute: str, specs: dict) -> str:
    hint = "" if attribute in specs else _did_you_mean(attribute, specs)
    return f"{attribute} is not marked @hookimpl, so newsnorm never calls it{hint}"


def _did_you_mean(name: str, specs: dict) -> str:
    close = get_close_matches(name, specs, n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]}?)"
    return f" (the hooks: {', '.join(sorted(specs))})"
