"""Start-up: what one page through each tool's command line costs, the interpreter's start,
the imports and the first page together (what a user pays per call from a shell script).
CPU seconds (user + system) and peak memory of the child, best of five runs each, so that
the machine's noise counts least. Writes the "Start-up" section of results.md.

    python startup.py --shared ../../shared
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
from pathlib import Path

from results_file import replace_section

RUNS = 5
PAGE = "corpora/scrapinghub/html"  # the first page of scrapinghub, by name
BIN = Path(sys.executable).parent


def commands(page: Path, out: Path) -> dict[str, tuple[list[str], Path | None]]:
    """Each command, and the file given on its standard input (None: none)."""
    return {
        "newsnorm --help": ([str(BIN / "newsnorm"), "--help"], None),
        "newsnorm convert PAGE": ([str(BIN / "newsnorm"), "convert", str(page), "-o", str(out)],
                                  None),
        "trafilatura --help": ([str(BIN / "trafilatura"), "--help"], None),
        "trafilatura < PAGE": ([str(BIN / "trafilatura")], page),
    }  # fmt: skip


def cost(command: list[str], stdin: Path | None) -> tuple[float, float]:
    """CPU seconds and peak MiB of one run of `command` in a child of its own."""
    pid = os.fork()
    if pid == 0:  # the child: its own rusage, nothing else of ours
        with open(stdin or os.devnull, "rb") as given, open(os.devnull, "wb") as null:
            os.dup2(given.fileno(), 0)
            os.dup2(null.fileno(), 1)
            os.dup2(null.fileno(), 2)
            os.execv(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(command: list[str], stdin: Path | None) -> tuple[float, float]:
    runs = [cost(command, stdin) for _ in range(RUNS)]
    return min(seconds for seconds, _ in runs), min(mib for _, mib in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../../shared"))
    args = parser.parse_args()
    first = sorted((args.shared / PAGE).glob("*.html.gz"))[0]
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "page.html"
        page.write_bytes(gzip.decompress(first.read_bytes()))
        rows = {
            name: best(*given) for name, given in commands(page, Path(work) / "out.jsonl").items()
        }
    convert, peer = rows["newsnorm convert PAGE"][0], rows["trafilatura < PAGE"][0]
    lines = ["| command | CPU s (best of 5) | peak MiB |", "|---|---:|---:|"]
    lines += [f"| `{name}` | {seconds:.2f} | {mib:.0f} |" for name, (seconds, mib) in rows.items()]
    body = "\n".join(lines) + (
        f"\n\n- One page ({first.name[:16]}…, scrapinghub's first) through newsnorm's command"
        f" line costs {convert / peer:.2f}× trafilatura's, start-up included (target ≤ 1)."
        " Child processes timed by their own rusage."
    )
    print(body)
    replace_section("Start-up", body)


if __name__ == "__main__":
    main()
