"""One test per hook, each through a small plugin written for it, plus the meta-tests that
keep every hook tested and documented."""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import pytest

from newsnorm import Document, NormalizeError, OutletProfile, Source, hookimpl, hookspecs
from newsnorm.document import Block
from newsnorm.formats.ninjs import ninjs_item
from newsnorm.pipeline import Pipeline
from newsnorm.plugins import make_plugin_manager

DOCS = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"
STORY = "A headline for the test\n\nThe first paragraph of the story.\n\nADVERT\n\nThe end.\n"


def pipeline_with(plugin: object, name: str = "testplugin") -> Pipeline:
    pm = make_plugin_manager(load_installed=False)
    pm.register(plugin, name=name)
    return Pipeline(pm)


def run(plugin: object, content: str = STORY, **options):
    url = options.pop("url", None)
    source = Source(content, url=url, name="story.txt")
    return pipeline_with(plugin).run(source, **options)


def plugin_names(article) -> list[str]:
    return [plugin.name for plugin in article.provenance.plugins]


EXAMPLE = OutletProfile(key="example", name="Example Times", domain="example.com")


def test_hook_newsnorm_register_outlets():
    class Plugin:
        @hookimpl
        def newsnorm_register_outlets(self, register):
            register(EXAMPLE)

    article = run(Plugin(), url="https://news.example.com/a/1")
    assert article.outlet.model_dump() == {"name": "Example Times", "domain": "example.com"}
    assert run(Plugin(), outlet="Example Times").outlet.name == "Example Times"


def test_hook_newsnorm_read_document():
    class Plugin:
        @hookimpl
        def newsnorm_read_document(self, source):
            if not str(source.content).startswith("CSV:"):
                return None
            cells = str(source.content).removeprefix("CSV:").split(",")
            return Document(source, "csv", [Block(cell.strip()) for cell in cells])

    article = run(Plugin(), "CSV: First cell., Second cell.")
    assert article.provenance.input_format == "csv"
    assert [block.text for block in article.body] == ["First cell.", "Second cell."]
    assert run(Plugin()).provenance.input_format == "text"  # declined: the built-in reads it


def test_hook_newsnorm_recognize_outlet():
    class Plugin:
        @hookimpl
        def newsnorm_recognize_outlet(self, document, outlets):
            return EXAMPLE if "ADVERT" in [b.text for b in document.blocks] else None

    article = run(Plugin())
    assert article.outlet.name == "Example Times"
    assert "testplugin" in plugin_names(article)


def test_hook_newsnorm_remove_noise():
    class Plugin:
        @hookimpl
        def newsnorm_remove_noise(self, document):
            for block in list(document.live_blocks()):
                if block.text == "ADVERT":
                    document.remove(block, "advert")

    article = run(Plugin(), explain=True)
    assert "ADVERT" not in article.text
    assert {"rule": "testplugin:advert", "text": "ADVERT"} in [
        r.model_dump() for r in article.removed
    ]
    assert "testplugin" in plugin_names(article)


def test_hook_newsnorm_extract_metadata():
    class Plugin:
        @hookimpl
        def newsnorm_extract_metadata(self, document):
            document.meta.tags = ["testing"]
            first = next(document.live_blocks())
            document.meta.title = document.take(first, "title").upper()

    article = run(Plugin())
    assert article.tags == ["testing"]
    assert article.title == "A HEADLINE FOR THE TEST"  # ran before the built-in fallback
    assert not article.text.startswith("A headline")


def test_hook_newsnorm_finish_record():
    class Plugin:
        @hookimpl
        def newsnorm_finish_record(self, document, record):
            record["extensions"]["testplugin"] = {"blocks": len(record["body"])}

    article = run(Plugin())
    assert article.body  # the record the hook saw had the blocks the article has
    assert article.extensions == {"testplugin": {"blocks": len(article.body)}}
    assert "testplugin" in plugin_names(article)


def test_hook_newsnorm_ninjs_item():
    seen = []

    class Plugin:
        @hookimpl
        def newsnorm_ninjs_item(self, record, item, version):
            seen.append((record["title"], version))
            item["ednote" if version == "2.2" else "edNote"] = f"{record['word_count']} words"

    pm = make_plugin_manager(load_installed=False)
    pm.register(Plugin(), name="testplugin")
    article = Pipeline(pm).run(Source(STORY, name="story.txt"))
    assert ninjs_item(article, "2.2", pm)["ednote"] == f"{article.word_count} words"
    assert ninjs_item(article, "3.1", pm)["edNote"] == f"{article.word_count} words"
    assert seen == [(article.title, "2.2"), (article.title, "3.1")]


def test_a_plugin_failing_on_the_ninjs_item_is_named():
    class Plugin:
        @hookimpl
        def newsnorm_ninjs_item(self, record, item, version):
            raise KeyError("desk")

    pm = make_plugin_manager(load_installed=False)
    pm.register(Plugin(), name="testplugin")
    article = Pipeline(pm).run(Source(STORY, name="story.txt"))
    with pytest.raises(NormalizeError) as failure:
        ninjs_item(article, "3.1", pm)
    assert (failure.value.stage, failure.value.plugin) == ("ninjs", "testplugin")


def test_a_failing_plugin_is_named_in_the_error_under_strict_plugins():
    # Without strict_plugins the document survives (tests/test_plugin_isolation.py).
    class Plugin:
        @hookimpl
        def newsnorm_remove_noise(self, document):
            raise KeyError("boom")

    with pytest.raises(NormalizeError, match="plugin testplugin failed in noise") as caught:
        run(Plugin(), strict_plugins=True)
    assert caught.value.plugin == "testplugin"
    assert caught.value.stage == "noise"


def test_a_plugin_that_changes_nothing_is_not_credited():
    class Plugin:
        @hookimpl
        def newsnorm_remove_noise(self, document):
            list(document.live_blocks())

    assert "testplugin" not in plugin_names(run(Plugin()))


def test_a_plugin_that_changes_a_value_in_place_is_credited():
    class Plugin:
        @hookimpl
        def newsnorm_extract_metadata(self, document):
            document.meta.extensions.setdefault("testplugin", {})["seen"] = True

    assert "testplugin" in plugin_names(run(Plugin()))


HOOK_NAMES = sorted(
    name
    for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
    if name.startswith("newsnorm_")
)


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_every_hook_has_its_own_test(hook):
    assert hasattr(sys.modules[__name__], f"test_hook_{hook}")


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_every_hook_is_documented_with_its_signature(hook):
    docs = DOCS.read_text(encoding="utf-8")
    params = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert re.search(rf"^### `{hook}\({re.escape(params)}\)`", docs, re.MULTILINE), (
        f"docs/plugins.md needs a heading: ### `{hook}({params})`"
    )
