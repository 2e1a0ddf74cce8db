"""Calling plugins: the one way every stage's hooks are called, the pipeline's and the
exports' (`newsnorm_ninjs_item`) alike. The pipeline adds what only it needs around these
(noting who changed the document, isolating third parties: pipeline.py, isolation.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsnorm.errors import NormalizeError

if TYPE_CHECKING:
    import pluggy


def implementations(pm: pluggy.PluginManager, hook: str) -> list[Any]:
    """The hook's implementations in the order pluggy calls them (tryfirst first, trylast
    last: pluggy walks its list from the end, so do we)."""
    return list(reversed(getattr(pm.hook, hook).get_hookimpls()))


def invoke(impl: Any, kwargs: dict[str, Any]) -> Any:
    """One plugin's hook, with the document knowing who acts (for `removed[].rule`)."""
    document = kwargs.get("document")
    if document is not None:
        # Removals are credited to the plugin's name, or to the outlet key a profile has.
        document.acting_plugin = getattr(impl.plugin, "credit_name", impl.plugin_name)
    return impl.function(*(kwargs[name] for name in impl.argnames))


def call_one(impl: Any, stage: str, kwargs: dict[str, Any]) -> Any:
    """`invoke`, with a failure named for the user: the plugin and the stage, at that
    stage. A NormalizeError is the plugin's own verdict on the document and passes as is."""
    try:
        return invoke(impl, kwargs)
    except NormalizeError:
        raise
    except Exception as exc:
        message = f"plugin {impl.plugin_name} failed in {stage}: {type(exc).__name__}: {exc}"
        raise NormalizeError(message, stage=stage, plugin=impl.plugin_name) from exc
