"""The plugin tutorial of docs/plugins.md, as a reader would follow it: its profile and its
hook, taken from the docs as written, remove the National Post's boxes on the outlet's pages
(both shared ones, not only the page the tutorial shows) and change nothing on other
outlets' pages."""

from __future__ import annotations

import gzip
import json
import re
import types

import pytest
from helpers import REPO, shared_path

from newsnorm import Source
from newsnorm.pipeline import Pipeline
from newsnorm.plugins import make_plugin_manager
from newsnorm.profiles import ProfileText

GUIDE = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
PAGES = shared_path("corpora", "fundus-publishers", "html")
GOLD = json.loads(shared_path("corpora", "fundus-publishers", "articles.json").read_text("utf-8"))
OUTLET_PAGES = sorted(key for key in GOLD if GOLD[key]["publisher"] == "NationalPost")
OTHER_PAGES = sorted(key for key in GOLD if GOLD[key]["publisher"] != "NationalPost")[::6]
NOISE = ("We apologize, but this video has failed to load.", "NP Posted", "Our website is the")


def block_after(marker: str, language: str) -> str:
    found = re.search(rf"<!-- {marker} -->\n```{language}\n(.*?)```", GUIDE, re.S)
    assert found, f"docs/plugins.md has no {language} block after <!-- {marker} -->"
    return found.group(1)


def tutorial_pipeline() -> Pipeline:
    profile = ProfileText("nationalpost.toml", block_after("tutorial-profile", "toml"))
    module = types.ModuleType("newsnorm_nationalpost")
    exec(compile(block_after("tutorial-plugin", "python"), "tutorial", "exec"), vars(module))
    pm = make_plugin_manager(load_installed=False, profiles=(profile,))
    pm.register(module, name="nationalpost")
    return Pipeline(pm)


def record(pipeline: Pipeline, key: str) -> dict:
    page = gzip.decompress((PAGES / f"{key}.html.gz").read_bytes())
    source = Source(page, url=GOLD[key]["url"], name=key)
    return pipeline.run(source, explain=True).to_record()


@pytest.fixture(scope="module")
def pipelines() -> tuple[Pipeline, Pipeline]:
    return tutorial_pipeline(), Pipeline(make_plugin_manager(load_installed=False))


@pytest.mark.parametrize("key", OUTLET_PAGES)
def test_the_tutorial_plugin_removes_the_outlet_s_boxes(pipelines, key):
    with_plugin, without = (record(pipeline, key) for pipeline in pipelines)
    assert with_plugin["outlet"]["name"] == "National Post"
    assert not [line for line in NOISE if line in with_plugin["text"]]
    rules = {removal["rule"] for removal in with_plugin["removed"]}
    assert {"nationalpost:newsletter", "nationalpost:sign-off"} <= rules
    # The story itself stays: every gold paragraph kept without the plugin is still kept.
    gold = [p for p in GOLD[key]["articleBody"].split("\n\n") if len(p) > 80]
    kept_before = [p for p in gold if p in without["text"]]
    assert kept_before and all(p in with_plugin["text"] for p in kept_before)


def test_the_tutorial_plugin_leaves_other_outlets_alone(pipelines):
    with_plugin, without = pipelines
    for key in OTHER_PAGES:
        assert record(with_plugin, key) == record(without, key), key
