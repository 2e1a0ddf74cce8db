"""The dedup benchmark: `newsnorm dedup` on the records of a web archive of the shared
corpus pages (20,000 records; its first 2,000 for the memory check), on one process, with
CPU seconds (user + system of the process and its children, start-up included) and peak
memory; beside it, datasketch used by hand (dedup_peer.py) on the same records.

    python dedup_scale.py --shared ../../shared          # part of `make bench-scale`

The archive repeats the corpus pages (corpus_archive.py), so most of its records are exact
copies of another: as a crawl with the same pages under several addresses is. The table
goes into results.md, under "Deduplication".
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from compare import machine, revision
from corpus_archive import corpus_pages, write_warc
from results_file import replace_section
from scale import BIN, run_sampled

HERE = Path(__file__).resolve().parent
TARGET_RATE, TARGET_MEMORY = 2000, 1.1


def dedup_command(records: Path, output: Path) -> list[str]:
    return [str(BIN / "newsnorm"), "dedup", str(records), "-o", str(output), "--workers", "1"]


def peer_command(records: Path) -> list[str]:
    return [sys.executable, str(HERE / "dedup_peer.py"), str(records)]


def cpu_seconds(command: list[str]) -> float:
    """User and system CPU seconds of one run of `command` and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def records_of(shared: Path, work: Path, records: int) -> Path:
    """The records of an archive of `records` pages, converted with every core."""
    archive, converted = work / "crawl.warc.gz", work / "records.jsonl"
    write_warc(corpus_pages(shared), records, archive)
    convert = [str(BIN / "newsnorm"), "convert", str(archive), "-o", str(converted), "--quiet"]
    subprocess.run(convert, check=True)
    return converted


def first_lines(source: Path, count: int, target: Path) -> Path:
    with source.open("rb") as lines, target.open("wb") as out:
        for _, line in zip(range(count), lines, strict=False):
            out.write(line)
    return target


def measure(records: dict[int, Path], work: Path, repeats: int) -> list[dict]:
    rows = []
    for count, path in records.items():
        row = {"records": count}
        for label, command in (
            ("newsnorm", dedup_command(path, work / "linked.jsonl")),
            ("peer", peer_command(path)),
        ):
            row[f"{label} cpu"] = statistics.median(cpu_seconds(command) for _ in range(repeats))
            row[f"{label} mib"] = run_sampled(command)[1]
            print(f"{label} {count}: {row[f'{label} cpu']:.1f} CPU s", file=sys.stderr)
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| records | newsnorm CPU s | records / CPU s | peak MiB | datasketch by hand CPU s"
        " | records / CPU s | peak MiB | CPU × peer |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        n = row["records"]
        lines.append(
            f"| {n:,} | {row['newsnorm cpu']:.1f} | {n / row['newsnorm cpu']:,.0f}"
            f" | {row['newsnorm mib']:.0f} | {row['peer cpu']:.1f} | {n / row['peer cpu']:,.0f}"
            f" | {row['peer mib']:.0f} | {row['newsnorm cpu'] / row['peer cpu']:.2f} |"
        )
    small, large = rows[0], rows[-1]
    growth = large["newsnorm mib"] / small["newsnorm mib"]
    return "\n".join(lines) + (
        f"\n\n- newsnorm links {large['records'] / large['newsnorm cpu']:,.0f} records per"
        f" CPU-second at {large['records']:,} records (target ≥ {TARGET_RATE:,}), start-up"
        f" included; its peak memory at {large['records']:,} is {growth:.2f}× the peak at"
        f" {small['records']:,} (target ≤ {TARGET_MEMORY}×).\n"
        "- The peer finds candidate copies only: no check of its candidates, no stories."
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSNORM_SHARED") or Path(__file__).resolve().parents[2] / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared), help="shared data root")
    parser.add_argument("--records", default="2000,20000", help="small,large record counts")
    parser.add_argument("--repeats", type=int, default=3, help="CPU runs of each (median)")
    parser.add_argument("--converted", type=Path, help="records already converted (≥ large)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    small, large = (int(n) for n in args.records.split(","))
    with tempfile.TemporaryDirectory(prefix="newsnorm-dedup-") as work:
        work = Path(work)
        converted = args.converted or records_of(args.shared, work, large)
        records = {
            small: first_lines(converted, small, work / "small.jsonl"),
            large: first_lines(converted, large, work / "large.jsonl"),
        }
        rows = measure(records, work, args.repeats)
    body = table(rows) + f"\n- Machine: {machine()}; newsnorm {revision()}; one process.\n"
    print(body)
    if not args.no_write:
        replace_section("Deduplication", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
