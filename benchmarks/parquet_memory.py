"""The Parquet memory benchmark: does writing a Parquet file keep a run's memory bounded?

    python parquet_memory.py --shared ../../shared      # what `make bench-scale` runs too

It builds web archives of the corpus pages (by default 2,000 and 20,000 records, see
corpus_archive.py) and runs `newsnorm convert ARCHIVE -o x.jsonl` and `-o x.parquet` on
each, with every core, sampling memory as it goes: the peak resident size of the `newsnorm`
process itself (the one that writes the file: VmHWM, the kernel's own high-water mark) and
the peak proportional set size of its whole process tree, as scale.py measures it. Memory
that stays flat from 2,000 to 20,000 records is bounded. The table goes into
docs/formats.md (between the `parquet-memory` markers) and on stdout.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from compare import machine, revision
from corpus_archive import corpus_pages, write_warc
from scale import _pss_kib, _tree, proc_kib

HERE = Path(__file__).resolve().parent
FORMATS_DOC = HERE.parent / "docs" / "formats.md"
BEGIN, END = "<!-- parquet-memory -->", "<!-- /parquet-memory -->"
BIN = Path(sys.executable).parent
_SAMPLE_SECONDS = 0.25


@dataclass
class Run:
    records: int
    suffix: str
    seconds: float = 0.0
    writer_mib: float = 0.0  # the newsnorm process's own peak resident size
    tree_mib: float = 0.0  # the peak PSS of it and its workers together
    file_mib: float = 0.0
    row_groups: int | None = None


def measure(archive: Path, run: Run, output: Path, workers: int) -> None:
    command = [str(BIN / "newsnorm"), "convert", str(archive), "-o", str(output)]
    command += ["--workers", str(workers), "--quiet"]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    sampler = threading.Thread(target=_sample, args=(process, run), daemon=True)
    sampler.start()
    if process.wait() not in (0, 1):  # 1: some pages failed, a result, not a crash
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    run.seconds = time.monotonic() - started
    sampler.join()
    run.file_mib = output.stat().st_size / 2**20
    if output.suffix == ".parquet":
        import pyarrow.parquet as pq

        run.row_groups = pq.ParquetFile(output).metadata.num_row_groups
    output.unlink()


def _sample(process: subprocess.Popen, run: Run) -> None:
    while process.poll() is None:
        run.writer_mib = max(run.writer_mib, _high_water_kib(process.pid) / 1024)
        run.tree_mib = max(run.tree_mib, sum(_pss_kib(pid) for pid in _tree(process.pid)) / 1024)
        time.sleep(_SAMPLE_SECONDS)


def _high_water_kib(pid: int) -> int:
    """The peak resident size of `pid` so far (0 once it has gone)."""
    return proc_kib(pid, "status", "VmHWM:")


def table(runs: list[Run], workers: int) -> str:
    rows = [
        "| records | output | seconds | docs/s | newsnorm process peak RSS | process tree peak PSS"
        " | file | row groups |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        rows.append(
            f"| {run.records:,} | `{run.suffix}` | {run.seconds:.0f} | "
            f"{run.records / run.seconds:.1f} | {run.writer_mib:.0f} MiB | "
            f"{run.tree_mib:.0f} MiB | {run.file_mib:.1f} MiB | {run.row_groups or ''} |"
        )
    return "\n".join(rows) + "\n\n" + _ratios(runs) + _setting(workers)


def _ratios(runs: list[Run]) -> str:
    """Each format's peak at the large archive over its peak at the small one."""
    lines = []
    for suffix in dict.fromkeys(run.suffix for run in runs):
        small, large = (run for run in runs if run.suffix == suffix)
        lines.append(
            f"`{suffix}`: {large.records // small.records}× the records, "
            f"{large.writer_mib / small.writer_mib:.2f}× the newsnorm process's peak, "
            f"{large.tree_mib / small.tree_mib:.2f}× the tree's."
        )
    return " ".join(lines) + "\n\n"


def _setting(workers: int) -> str:
    return (
        f"`newsnorm convert ARCHIVE -o FILE --workers {workers}` on gzipped web archives of the"
        f" corpus pages (`python benchmarks/parquet_memory.py`, run by `make bench-scale`),"
        f" memory sampled every {_SAMPLE_SECONDS} s. Machine: {machine()}; newsnorm"
        f" {revision()}.\n"
    )


def replace_table(text: str) -> None:
    document = FORMATS_DOC.read_text(encoding="utf-8")
    before, rest = document.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    FORMATS_DOC.write_text(f"{before}{BEGIN}\n{text}{END}{after}", encoding="utf-8")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSNORM_SHARED") or HERE.parent.parent / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared), help="shared data root")
    parser.add_argument("--records", default="2000,20000", help="small,large archive sizes")
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    workers = len(os.sched_getaffinity(0))
    runs = []
    with tempfile.TemporaryDirectory(prefix="newsnorm-parquet-") as work:
        pages = corpus_pages(args.shared)
        for records in (int(n) for n in args.records.split(",")):
            archive = Path(work, f"{records}.warc.gz")
            write_warc(pages, records, archive)
            for suffix in (".jsonl", ".parquet"):
                run = Run(records, suffix)
                measure(archive, run, Path(work, f"out{suffix}"), workers)
                print(f"{records} records to {suffix}: {run.seconds:.0f}s, newsnorm process"
                      f" {run.writer_mib:.0f} MiB, tree {run.tree_mib:.0f} MiB",
                      file=sys.stderr)  # fmt: skip
                runs.append(run)
    runs.sort(key=lambda run: (run.suffix != ".jsonl", run.records))
    text = table(runs, workers)
    print(text)
    if not args.no_write:
        replace_table(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
