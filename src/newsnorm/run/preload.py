"""Imported once, by the forkserver that a LocalCluster's worker processes are forked from,
so that each worker starts with what converting loads on first use already loaded: newsnorm's
modules, the built-in plugins and the language detector (about 1 CPU-s a worker, spent
on the cores the run's planning needs). No pipeline is built here: each worker builds its own
from the plugins installed when it starts, as a spawned worker would.

Only an optimisation: whatever fails here is left for the worker to meet itself, so the
forkserver (which stops on an error in a module it preloads) always starts."""

from __future__ import annotations

import contextlib
import importlib


def _load() -> None:
    from newsnorm.plugins import DEFAULT_PLUGINS

    for module in DEFAULT_PLUGINS:
        importlib.import_module(module)
    from newsnorm.default_plugins.language import detect

    detect("A sentence in English, for the language detector to load.")


with contextlib.suppress(Exception):
    _load()
