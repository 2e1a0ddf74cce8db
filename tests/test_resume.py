"""An interrupted run leaves whole lines only, and `--resume` goes on from there without
writing any record twice."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from html_pages import page, paragraphs
from typer.testing import CliRunner

from newsnorm.cli import app
from newsnorm.run.line_files import open_lines


def stories(directory: Path, count: int) -> Path:
    directory.mkdir()
    for n in range(count):
        body = paragraphs(3, start=n * 3, word=f"Story{n}")
        (directory / f"{n:02d}.html").write_text(
            page(f"<article><h1>Story {n}</h1>{body}</article>")
        )
    (directory / "zz-empty.txt").write_text("")  # one failure, so --errors has a line
    return directory


def convert(*args: str) -> int:
    return CliRunner().invoke(app, ["convert", *args]).exit_code


def test_resume_after_a_cut_keeps_whole_lines_and_adds_only_the_rest(tmp_path):
    inputs = stories(tmp_path / "in", 6)
    for name in ("out.jsonl", "out.jsonl.gz"):
        full, cut = tmp_path / f"full-{name}", tmp_path / f"cut-{name}"
        errors = tmp_path / f"errors-{name}.jsonl"
        assert convert(str(inputs), "-o", str(full), "--errors", str(errors)) == 1
        data = full.read_bytes()
        cut.write_bytes(data[: len(data) // 2])  # as if the run had been killed mid-write
        # 0: the empty file's failure is already in --errors, so this run converts only
        assert convert(str(inputs), "-o", str(cut), "--errors", str(errors), "--resume") == 0
        assert lines(cut) == lines(full) and len(lines(full)) == 6
        assert len(errors.read_text().splitlines()) == 1  # the failure is not written again


def test_open_lines_drops_a_partial_last_line_and_lists_what_is_done(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(
        b'{"provenance": {"source": "a.html"}}\n{"source": "b.txt", "stage": "read"}\n{"prov'
    )
    with open_lines(path, resume=True) as writer:
        assert writer.done == {"a.html", "b.txt"}
        writer.write(b'{"provenance": {"source": "c.html"}}\n')
    assert path.read_bytes().count(b"\n") == 3 and path.read_bytes().endswith(b'"c.html"}}\n')
    with open_lines(path) as writer:  # without resume the file starts empty
        assert writer.done == set()
    assert path.read_bytes() == b""


def test_resume_needs_an_output_file(tmp_path):
    result = CliRunner().invoke(app, ["convert", str(stories(tmp_path / "in", 1)), "--resume"])
    assert result.exit_code == 2 and "--resume needs --output" in result.stderr


def test_sigterm_stops_cleanly_and_resume_finishes_the_run(tmp_path):
    inputs = stories(tmp_path / "in", 2)
    output = tmp_path / "out.jsonl"
    newsnorm = str(Path(sys.executable).with_name("newsnorm"))
    command = [newsnorm, "convert", str(inputs), "-", "-o", str(output), "--workers", "1"]
    # stdin stays open, so the run waits there after converting the directory.
    run = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_lines(output, 2)
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 130 and b"--resume" in stderr
    assert len(lines(output)) == 2
    resumed = CliRunner().invoke(app, ["convert", str(inputs), "-o", str(output), "--resume"])
    assert resumed.exit_code == 1  # the empty file fails again: no --errors file remembers it
    assert "2 already done" in resumed.stderr and len(lines(output)) == 2


def wait_for_lines(path: Path, count: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} never reached {count} lines")


def lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.splitlines()]


def test_outputs_inside_the_input_directory_are_not_read_back(tmp_path):
    inputs = stories(tmp_path / "in", 2)
    output, errors = inputs / "out.jsonl", inputs / "errors.jsonl"
    for extra in ([], ["--resume"]):
        result = CliRunner().invoke(
            app, ["convert", str(inputs), "-o", str(output), "--errors", str(errors), *extra]
        )
        assert result.exit_code in (0, 1)
        assert len(lines(output)) == 2 and len(errors.read_text().splitlines()) == 1


def test_an_output_may_not_overwrite_an_input_or_the_other_output(tmp_path):
    page_file = stories(tmp_path / "in", 1) / "00.html"
    before = page_file.read_bytes()
    for args in (
        [str(page_file), "-o", str(page_file)],
        [str(page_file), "-o", str(tmp_path / "out.jsonl"), "--errors", str(page_file)],
        [str(page_file), "-o", str(tmp_path / "same"), "--errors", str(tmp_path / "same")],
    ):
        result = CliRunner().invoke(app, ["convert", *args])
        assert result.exit_code == 2 and "usage error" in result.stderr
    assert page_file.read_bytes() == before


def test_a_signal_waits_until_the_line_being_written_is_done():
    import os

    import pytest

    from newsnorm.run.stopping import Stop

    stop, written = Stop(), []
    with stop.installed(), pytest.raises(KeyboardInterrupt), stop.held():
        os.kill(os.getpid(), signal.SIGTERM)
        written.append("the whole line")
    assert written == ["the whole line"] and stop.requested
