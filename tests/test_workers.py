"""Several worker processes give the same bytes, in the same order, as one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import shared_path


def run_convert(*args: str) -> subprocess.CompletedProcess:
    newsnorm = Path(sys.executable).with_name("newsnorm")
    command = [str(newsnorm), "convert", *args]
    return subprocess.run(command, capture_output=True, check=False)


def test_two_workers_write_what_one_writes(tmp_path):
    pages = sorted(shared_path("corpora", "scrapinghub", "html").glob("*.html.gz"))[:24]
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"")
    inputs = [str(p) for p in pages[:12]] + [str(broken)] + [str(p) for p in pages[12:]]
    one = run_convert(*inputs, "--workers", "1", "--explain")
    two = run_convert(*inputs, "--workers", "2", "--explain")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 24
    assert one.stderr.splitlines()[0] == two.stderr.splitlines()[0]  # the same error line
