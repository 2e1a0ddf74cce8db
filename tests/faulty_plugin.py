"""A third-party plugin with bugs, for tests/test_plugin_isolation.py: each hook changes
the document (or record) first and then raises, as a plugin that forgets a None check does,
so the tests see both that it fails and that its half-made changes are undone."""

from __future__ import annotations

from newsnorm import hookimpl


@hookimpl
def newsnorm_remove_noise(document):
    for block in list(document.live_blocks())[:2]:
        document.remove(block, "half-done")
    document.blocks.pop()
    raise AttributeError("'NoneType' object has no attribute 'text'")


@hookimpl
def newsnorm_extract_metadata(document):
    document.meta.title = "A title it never meant to leave"
    document.meta.authors.append("Nobody")
    document.meta.extensions.setdefault("faulty", {})["half"] = True
    raise KeyError("byline")


@hookimpl
def newsnorm_finish_record(document, record):
    record["title"] = None
    record["extensions"]["faulty"] = {"half": True}
    raise ValueError("cannot finish")
