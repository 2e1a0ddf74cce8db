"""The `newsnorm` command as a user meets it: output, errors, exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from helpers import SHARED, shared_path
from typer.testing import CliRunner

from newsnorm.cli import app
from newsnorm.validation import validate_lines

runner = CliRunner()
SAMPLES = SHARED / "samples" / "text"
NEWSNORM = str(Path(sys.executable).with_name("newsnorm"))
STORY = "Storm closes ports\n\nBy Jane Doe\n\nPorts closed on Monday as the storm came.\n"


def records(data: bytes) -> list[dict]:
    return [orjson.loads(line) for line in data.splitlines()]


def test_directory_to_output_file(tmp_path):
    out = tmp_path / "out" / "articles.jsonl"
    result = runner.invoke(app, ["convert", str(SAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = out.read_bytes()
    assert len(records(written)) == len(list(SAMPLES.glob("*.txt")))
    assert list(validate_lines(written.splitlines())) == []
    assert result.stderr == ""  # success in a script is silent


def test_output_is_byte_identical_across_runs():
    first = runner.invoke(app, ["convert", str(SAMPLES), "--explain"]).stdout_bytes
    second = runner.invoke(app, ["convert", str(SAMPLES), "--explain"]).stdout_bytes
    assert first == second and first


@pytest.mark.parametrize("command", ["convert", "export", "dedup"])
def test_dash_output_is_stdout(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)  # a file named '-' would land here
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    converted = runner.invoke(app, ["convert", "story.txt"]).stdout_bytes
    (tmp_path / "records.jsonl").write_bytes(converted)
    source = "story.txt" if command == "convert" else "records.jsonl"
    result = runner.invoke(app, [command, source, "-o", "-"])
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in records(result.stdout_bytes)] == ["Storm closes ports"]
    assert not (tmp_path / "-").exists()


def test_bad_inputs_are_reported_and_the_rest_converted(tmp_path):
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\r\n\t\n")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [NEWSNORM, "convert", str(tmp_path), str(binary), str(missing)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert [r["title"] for r in records(result.stdout)] == ["Storm closes ports"]
    errors = result.stderr.decode().splitlines()
    assert f"newsnorm: error: {tmp_path / 'blank.txt'}: the document is empty" in errors
    assert f"newsnorm: error: {tmp_path / 'empty.txt'}: the document is empty" in errors
    assert f"newsnorm: error: {binary}: binary content, not a text document" in errors
    assert any(line.startswith(f"newsnorm: error: {missing}: cannot read") for line in errors)
    assert "Traceback" not in result.stderr.decode()
    assert errors[-1].startswith("newsnorm: 5 documents: 1 converted, 4 failed, 0 skipped in ")


def test_debug_shows_the_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["convert", str(empty), "--debug"])
    assert result.exit_code == 1
    assert "Traceback" in result.stderr


def test_stdin_with_url(tmp_path):
    url = "https://www.brecorder.com/news/40390001/story"
    capture = (SAMPLES / "brecorder-lee-xi.txt").read_bytes()
    result = runner.invoke(app, ["convert", "-", "--url", url], input=capture)
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout_bytes)
    assert record["url"] == url
    assert record["outlet"] == {"name": "Business Recorder", "domain": "brecorder.com"}
    assert record["provenance"]["source"] == "<stdin>"


def test_forced_outlet_by_key_and_unknown_outlet(tmp_path):
    capture = tmp_path / "capture.txt"
    capture.write_text(STORY, encoding="utf-8")
    forced = runner.invoke(app, ["convert", str(capture), "--outlet", "brecorder"])
    assert records(forced.stdout_bytes)[0]["outlet"]["name"] == "Business Recorder"
    unknown = runner.invoke(app, ["convert", str(capture), "--outlet", "nope"])
    assert unknown.exit_code == 2
    assert "unknown outlet 'nope' (known: brecorder, newsmania)" in unknown.stderr


def test_url_with_many_inputs_is_a_usage_error():
    result = runner.invoke(app, ["convert", str(SAMPLES), "--url", "https://example.com/"])
    assert result.exit_code == 2


@pytest.mark.parametrize("flag", [[], ["--all"]])
def test_plugins_lists_both_outlet_plugins(flag):
    listing = orjson.loads(runner.invoke(app, ["plugins", *flag]).stdout_bytes)
    by_name = {entry["name"]: entry for entry in listing}
    for name in ("brecorder", "newsmania"):
        assert by_name[name]["distribution"] == f"newsnorm-{name}"
        assert "newsnorm_remove_noise" in by_name[name]["hooks"]
    assert ("newsnorm.text_input" in by_name) == bool(flag)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("newsnorm ")


def test_the_cli_starts_without_what_only_some_commands_need():
    """`newsnorm --help` and a one-page convert load neither Dask, pyarrow, NumPy, jsonschema
    nor the explain report: each command imports what it alone needs (start-up is issue 25's
    cost, measured in benchmarks; this checks the imports)."""
    heavy = ["dask", "distributed", "pyarrow", "numpy", "jsonschema", "newsnorm.explain",
             "newsnorm.dedup", "newsnorm.learn", "newsnorm.authoring"]  # fmt: skip
    page = shared_path("samples", "text", "newsmania-lee-xi.txt")
    code = (
        "import sys\nfrom newsnorm.cli import app\n"
        f"sys.argv = ['newsnorm', 'convert', {str(page)!r}, '--quiet']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        f"print(' '.join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.stdout.startswith('{"schema_version"')  # the record was written
    assert shown.stderr.split() == []
