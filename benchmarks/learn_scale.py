"""The learning benchmark: `newsnorm convert --learn` against a plain `newsnorm convert` on
web archives of the shared corpus pages (by default 2,000 and 20,000 records), each command
in its own process tree, with every core; what the learning pass costs in time and memory.

    python learn_scale.py --shared ../../shared     # part of `make bench-scale`

Time is the median of `--repeats` interleaved runs of each command on the small archive, and
one run each on the large one; memory is sampled on one run of each (proportional set size
of the process tree, as scale.py does). The table goes into results.md, under "Learning".
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from compare import machine, revision
from corpus_archive import corpus_pages, write_warc
from results_file import replace_section
from scale import BIN, Timing, measure_memory, measure_time

TARGET_TIME, TARGET_MEMORY = 1.3, 1.1


def command(archive: Path, output: Path, *, learn: bool) -> list[str]:
    convert = [str(BIN / "newsnorm"), "convert", str(archive), "-o", str(output), "--quiet"]
    return [*convert, "--learn"] if learn else convert


def table(rows: list[tuple[Timing, Timing]]) -> str:
    lines = [
        "| records | plain s | --learn s | time × plain | plain MiB | --learn MiB | memory ×"
        " plain |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for plain, learned in rows:
        time_ratio = _median(learned) / _median(plain)
        lines.append(
            f"| {plain.records:,} | {_median(plain):.1f} | {_median(learned):.1f} "
            f"| {time_ratio:.2f} | {plain.peak_mib:.0f} | {learned.peak_mib:.0f} "
            f"| {learned.peak_mib / plain.peak_mib:.2f} |"
        )
    (_, small), (_, large) = rows
    growth = large.peak_mib / small.peak_mib
    return "\n".join(lines) + (
        f"\n\n- `--learn` costs at most {max(_median(b) / _median(a) for a, b in rows):.2f}× a"
        f" plain convert (target ≤ {TARGET_TIME}×); its peak memory at {large.records:,}"
        f" records is {growth:.2f}× the peak at {small.records:,} (target ≤ {TARGET_MEMORY}×).\n"
        "- Seconds per run: " + _seconds(rows)
    )


def _seconds(rows: list[tuple[Timing, Timing]]) -> str:
    runs = (timing for pair in rows for timing in pair)
    return "; ".join(
        f"{t.label} {t.records:,}: {', '.join(f'{s:.1f}' for s in t.seconds)}" for t in runs
    )


def _median(timing: Timing) -> float:
    return statistics.median(timing.seconds)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSNORM_SHARED") or Path(__file__).resolve().parents[2] / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared), help="shared data root")
    parser.add_argument("--records", default="2000,20000", help="small,large archive sizes")
    parser.add_argument("--repeats", type=int, default=3, help="runs on the small archive")
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    cores = len(os.sched_getaffinity(0))
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsnorm-learn-") as work:
        pages = corpus_pages(args.shared)
        for index, records in enumerate(int(n) for n in args.records.split(",")):
            archive = Path(work, f"{records}.warc.gz")
            write_warc(pages, records, archive)
            pair = (Timing("plain", records, cores), Timing("--learn", records, cores))
            runs = [
                (pair[0], command(archive, Path(work, "plain.jsonl"), learn=False)),
                (pair[1], command(archive, Path(work, "learn.jsonl"), learn=True)),
            ]
            measure_memory(runs, keep_time=index > 0)
            if index == 0:
                measure_time(runs, args.repeats)
            rows.append(pair)
    setting = f"- Machine: {machine()}; newsnorm {revision()}; {cores} workers.\n"
    body = table(rows) + "\n" + setting
    print(body)
    if not args.no_write:
        replace_section("Learning", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
