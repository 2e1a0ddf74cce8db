"""A faulty installed plugin costs only its own changes: the document is converted without
them (rolled back, not half-applied), the record says so in `provenance.warnings`, and
`--strict-plugins` fails the document instead. Reading stages and newsnorm's own plugins
still fail the document."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import faulty_plugin
import orjson
import pytest

from newsnorm import NormalizeError, Source, hookimpl
from newsnorm.pipeline import Pipeline
from newsnorm.plugins import make_plugin_manager
from newsnorm.validation import validate_lines

STORY = (
    "Storm closes ports\n\nPorts closed on Monday as the storm reached the coast.\n\n"
    "Ships waited offshore.\n"
)
BIN = Path(sys.executable).parent


def pipeline_with(plugin: object, name: str = "faulty") -> Pipeline:
    pm = make_plugin_manager(load_installed=False)
    pm.register(plugin, name=name)
    return Pipeline(pm)


def without_plugin() -> dict:
    return Pipeline(make_plugin_manager(load_installed=False)).record(
        Source(STORY, name="story.txt"), explain=True
    )


def test_a_failing_plugin_is_rolled_back_in_every_stage_and_warned_about():
    record = pipeline_with(faulty_plugin).record(Source(STORY, name="story.txt"), explain=True)
    warnings = record["provenance"].pop("warnings")
    assert warnings == [
        {
            "plugin": "faulty",
            "stage": "noise",
            "error": "AttributeError: 'NoneType' object has no attribute 'text'",
        },
        {"plugin": "faulty", "stage": "metadata", "error": "KeyError: 'byline'"},
        {"plugin": "faulty", "stage": "finish", "error": "ValueError: cannot finish"},
    ]
    assert record == without_plugin()  # nothing it did before raising is left


def test_the_record_with_warnings_is_valid_and_old_records_stay_valid():
    article = pipeline_with(faulty_plugin).run(Source(STORY, name="story.txt"))
    record = article.to_record()
    assert list(validate_lines([orjson.dumps(record)])) == []
    assert [w["stage"] for w in record["provenance"]["warnings"]] == [
        "noise",
        "metadata",
        "finish",
    ]
    assert "warnings" not in without_plugin()["provenance"]


def test_strict_plugins_fails_the_document_naming_the_plugin():
    with pytest.raises(NormalizeError) as failure:
        pipeline_with(faulty_plugin).run(Source(STORY, name="s.txt"), strict_plugins=True)
    assert failure.value.stage == "noise"
    assert failure.value.plugin == "faulty"
    assert "AttributeError" in str(failure.value)


def test_a_working_plugin_after_a_failing_one_still_applies():
    class Editor:
        @hookimpl
        def newsnorm_extract_metadata(self, document):
            document.meta.section = "Weather"

    pm = make_plugin_manager(load_installed=False)
    pm.register(faulty_plugin, name="faulty")
    pm.register(Editor(), name="editor")
    article = Pipeline(pm).run(Source(STORY, name="story.txt"))
    assert article.section == "Weather"
    assert [p.name for p in article.provenance.plugins if p.name == "editor"] == ["editor"]
    assert "faulty" not in [p.name for p in article.provenance.plugins]


def test_a_plugins_own_verdict_still_fails_the_document():
    class Refuser:
        @hookimpl
        def newsnorm_remove_noise(self, document):
            raise NormalizeError("not an article: a live blog index", stage="noise")

    with pytest.raises(NormalizeError, match="live blog index"):
        pipeline_with(Refuser()).run(Source(STORY, name="story.txt"))


def test_reading_stages_and_builtin_plugins_are_not_isolated():
    class BadReader:
        @hookimpl(tryfirst=True)
        def newsnorm_read_document(self, source):
            raise OSError("disk on fire")

    with pytest.raises(NormalizeError) as failure:
        pipeline_with(BadReader()).run(Source(STORY, name="story.txt"))
    assert failure.value.stage == "read"
    with pytest.raises(NormalizeError) as failure:  # a plugin of newsnorm's own
        pipeline_with(faulty_plugin, name="newsnorm.faulty").run(Source(STORY, name="s.txt"))
    assert failure.value.stage == "noise"


@pytest.fixture(scope="module")
def installed_faulty_plugin(tmp_path_factory):
    """The faulty plugin as a real installed distribution (an entry point in the `newsnorm`
    group), for the command line; uninstalled after the tests."""
    project = tmp_path_factory.mktemp("faulty") / "newsnorm-faulty-selftest"
    (project / "src" / "faulty_selftest").mkdir(parents=True)
    source = Path(faulty_plugin.__file__).read_text(encoding="utf-8")
    (project / "src" / "faulty_selftest" / "__init__.py").write_text(source, encoding="utf-8")
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    pip("uninstall", "--yes", "newsnorm-faulty-selftest")
    installed = pip("install", "--no-deps", "--no-build-isolation", "--editable", project)
    assert installed.returncode == 0, installed.stderr
    try:
        yield
    finally:
        pip("uninstall", "--yes", "newsnorm-faulty-selftest")


PYPROJECT = textwrap.dedent(
    """\
    [build-system]
    requires = ["hatchling>=1.18"]
    build-backend = "hatchling.build"

    [project]
    name = "newsnorm-faulty-selftest"
    version = "0.0.1"

    [project.entry-points.newsnorm]
    faulty-selftest = "faulty_selftest"

    [tool.hatch.build.targets.wheel]
    packages = ["src/faulty_selftest"]
    """
)


def pip(*args: str | Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pip", "--quiet", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def ten_documents(folder: Path) -> Path:
    folder.mkdir()
    for number in range(10):
        text = f"Story {number} of the day\n\nParagraph one of story {number}.\n\nThe end.\n"
        (folder / f"story-{number}.txt").write_text(text, encoding="utf-8")
    return folder


def newsnorm(*args: str | Path) -> subprocess.CompletedProcess:
    command = [str(BIN / "newsnorm"), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_batch_through_a_faulty_installed_plugin(installed_faulty_plugin, tmp_path, workers):
    inputs = ten_documents(tmp_path / "in")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    done = newsnorm("convert", inputs, "-o", out, "--errors", errors, "--workers", workers)
    assert done.returncode == 0, done.stderr
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == 10
    assert all(
        [w["plugin"] for w in r["provenance"]["warnings"]] == ["faulty-selftest"] * 3
        for r in records
    )
    assert "10 converted (10 with plugin warnings" in done.stderr
    assert errors.read_bytes() == b""

    strict = newsnorm("convert", inputs, "-o", out, "--errors", errors, "--strict-plugins")
    assert strict.returncode == 1
    assert out.read_bytes() == b""
    failures = [orjson.loads(line) for line in errors.read_bytes().splitlines()]
    assert len(failures) == 10
    assert {(f["stage"], f["plugin"]) for f in failures} == {("noise", "faulty-selftest")}
    assert "0 converted, 10 failed" in strict.stderr
