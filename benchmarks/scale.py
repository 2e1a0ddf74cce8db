"""The scale benchmark: the `newsnorm convert` command on web archives of the shared corpus
pages, with one worker and with every core, beside trafilatura on the same records.

    python scale.py --shared ../../shared            # what `make bench-scale` runs

It builds two archives (by default 2,000 and 20,000 records, see corpus_archive.py), then
times whole commands by wall clock, as a user waits for them, while sampling the memory of
the command's process tree (proportional set size, so pages shared by forked workers count
once). Throughput is the median of `--repeats` runs on the small archive; memory is compared
between the small and the large archive. The table goes into results.md, under "Scale".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from compare import machine, revision
from corpus_archive import corpus_pages, write_warc
from results_file import replace_section

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
# Reading a process's memory map takes that process's memory lock: sampled ten times a second,
# the many processes of a Dask cluster (nannies, workers, scheduler) lost seconds to it.
# Peaks of a run that lasts tens of seconds last far longer than half a second.
_SAMPLE_SECONDS = 0.5


@dataclass
class Timing:
    label: str
    records: int
    workers: int
    seconds: list[float] = field(default_factory=list)
    peak_mib: float = 0.0
    largest_mib: float = 0.0  # the largest single process: a worker's memory

    def rate(self) -> float:
        return self.records / statistics.median(self.seconds)


def newsnorm_command(archive: Path, workers: int, output: Path) -> list[str]:
    convert = [str(BIN / "newsnorm"), "convert", str(archive), "-o", str(output)]
    return [*convert, "--workers", str(workers), "--quiet"]


def dask_command(archive: Path, workers: int, output: Path) -> list[str]:
    """A partitioned run on a LocalCluster into a fresh directory (a run refuses to write
    over another's parts), the cluster's start included in its time, as a user waits."""
    convert = [str(BIN / "newsnorm"), "convert", str(archive), "-o", f"{output}/"]
    run = [*convert, "--dask", "local", "--dask-workers", str(workers), "--quiet"]
    return ["sh", "-c", f'rm -rf "{output}" && exec "$@"', "dask-run", *run]


def trafilatura_command(archive: Path, output: Path) -> list[str]:
    return [sys.executable, str(Path(__file__)), "--trafilatura-run", str(archive), str(output)]


def measure_memory(runs: list[tuple[Timing, list[str]]], *, keep_time: bool = False) -> None:
    """One run of each command with its memory sampled: its peaks (and, with `keep_time`,
    its time; the large archive's single runs)."""
    for timing, command in runs:
        elapsed, peak, largest = run_sampled(command)
        timing.peak_mib, timing.largest_mib = peak, largest
        if keep_time:
            timing.seconds.append(elapsed)
        print(f"{timing.label}: {timing.records} records in {elapsed:.1f}s (memory sampled), "
              f"peak {peak:.0f} MiB, largest process {largest:.0f} MiB",
              file=sys.stderr)  # fmt: skip


def measure_time(runs: list[tuple[Timing, list[str]]], repeats: int) -> None:
    """Each command once per round, round after round: a shared machine's speed drifts, and
    interleaving lets every command see the same drift. Not sampled: reading a process's
    memory map stalls it (some 5 ms a process), and a Dask cluster has more processes to
    stall than a process pool, so sampling would slow the two unequally. Every other round
    runs them in the reverse order, so that a drift in one direction favours none."""
    for round_number in range(repeats):
        for timing, command in runs if round_number % 2 == 0 else runs[::-1]:
            started = time.monotonic()
            _finished(subprocess.Popen(command, stdout=subprocess.DEVNULL), command)
            timing.seconds.append(time.monotonic() - started)
            print(f"{timing.label}: {timing.records} records in {timing.seconds[-1]:.1f}s",
                  file=sys.stderr)  # fmt: skip


def run_sampled(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak MiB of the process tree, peak MiB of its largest process) of one
    run of `command`."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = [0.0, 0.0]
    sampler = threading.Thread(target=_sample, args=(process, peak), daemon=True)
    sampler.start()
    _finished(process, command)
    elapsed = time.monotonic() - started
    sampler.join()
    return elapsed, peak[0], peak[1]


def _finished(process: subprocess.Popen, command: list[str]) -> None:
    if process.wait() not in (0, 1):  # 1: some pages failed, which is a result, not a crash
        raise RuntimeError(f"{command[0]} exited with {process.returncode}")


def _sample(process: subprocess.Popen, peak: list[float]) -> None:
    while process.poll() is None:
        sizes = [_pss_kib(pid) / 1024 for pid in _tree(process.pid)]
        peak[0] = max(peak[0], sum(sizes))
        peak[1] = max(peak[1], *sizes, 0.0)
        time.sleep(_SAMPLE_SECONDS)


def _tree(root: int) -> list[int]:
    parents = {pid: parent for pid, parent in map(_parent, Path("/proc").iterdir()) if pid}
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return tree


def _parent(entry: Path) -> tuple[int, int]:
    """(pid, parent pid) of a /proc entry; (0, 0) when it is not a live process."""
    if not entry.name.isdigit():
        return 0, 0
    try:
        after_name = (entry / "stat").read_text().rsplit(")", 1)[1]
        return int(entry.name), int(after_name.split()[1])
    except (OSError, IndexError, ValueError):
        return 0, 0


def _pss_kib(pid: int) -> int:
    return proc_kib(pid, "smaps_rollup", "Pss:")


def proc_kib(pid: int, file: str, field: str) -> int:
    """A size in KiB that /proc/PID/FILE gives on its line starting with `field` (0 once
    the process has gone)."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def trafilatura_run(archive: Path, output: Path) -> None:
    """trafilatura on each HTML response, reading the archive with warcio as newsnorm does;
    JSON with metadata, the nearest thing to newsnorm's records."""
    import orjson
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    with archive.open("rb") as stream, output.open("wb") as out:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            page = record.content_stream().read()
            extracted = trafilatura.extract(page, url=url, output_format="json", with_metadata=True)
            out.write(orjson.dumps(extracted) + b"\n")


def table(small: list[Timing], large: list[Timing], cores: int) -> str:
    one, every, dask, peer = small
    rows = [
        "| run | records | processes | docs/s | × trafilatura | peak MiB | largest process MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for timing in (*small, *large):
        ratio = timing.rate() / peer.rate()
        rows.append(
            f"| {timing.label} | {timing.records:,} | {timing.workers} | {timing.rate():.1f} "
            f"| {ratio:.2f} | {timing.peak_mib:.0f} | {timing.largest_mib:.0f} |"
        )
    return "\n".join(rows) + "\n\n" + _verdicts(one, every, dask, large, cores)


def _verdicts(one: Timing, every: Timing, dask: Timing, large: list[Timing], cores: int) -> str:
    speedup = every.rate() / one.rate()
    big, big_dask = large
    return (
        f"- {cores} cores: {speedup:.2f}× the one-worker rate (target ≥ 1.8× on 2 cores).\n"
        f"- Dask LocalCluster, {dask.workers} worker processes: {dask.rate() / every.rate():.2f}×"
        f" the rate of `--workers {every.workers}` (target ≥ 0.9×; its time includes starting "
        f"the cluster); round by round {_paired(every, dask)}.\n"
        f"- Peak memory at {big.records:,} records is {big.peak_mib / every.peak_mib:.2f}× the "
        f"peak at {every.records:,} (target ≤ 1.2× for 10× the input); on the Dask cluster "
        f"{big_dask.peak_mib / dask.peak_mib:.2f}×, and its largest single process "
        f"{big_dask.largest_mib / dask.largest_mib:.2f}×.\n"
        f"- Seconds per run (median of each list is used): "
        + "; ".join(
            f"{t.label} {', '.join(f'{s:.1f}' for s in t.seconds)}" for t in (one, every, dask)
        )
    )


def _paired(every: Timing, dask: Timing) -> str:
    """The ratio within each round, where both ran on the machine as it was then."""
    pairs = zip(every.seconds, dask.seconds, strict=True)
    return ", ".join(f"{processes / cluster:.2f}×" for processes, cluster in pairs)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSNORM_SHARED") or REPO.parent / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared), help="shared data root")
    parser.add_argument("--records", default="2000,20000", help="small,large archive sizes")
    parser.add_argument("--repeats", type=int, default=5, help="runs on the small archive")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--trafilatura-run", nargs=2, type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.trafilatura_run:
        trafilatura_run(*args.trafilatura_run)
        return 0
    setting = f"- Machine: {machine()}; newsnorm {revision()}, trafilatura {_trafilatura()}.\n"
    small_n, large_n = (int(n) for n in args.records.split(","))
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="newsnorm-scale-") as work:
        small, large, out = Path(work, "small.warc.gz"), Path(work, "large.warc.gz"), Path(work)
        pages = corpus_pages(args.shared)
        write_warc(pages, small_n, small)
        write_warc(pages, large_n, large)
        dask_label = f"newsnorm, Dask LocalCluster {cores} workers"
        timings = [
            Timing("newsnorm, 1 worker", small_n, 1),
            Timing(f"newsnorm, {cores} workers", small_n, cores),
            Timing(dask_label, small_n, cores),
            Timing("trafilatura", small_n, 1),
        ]
        commands = [
            newsnorm_command(small, 1, out / "a.jsonl"),
            newsnorm_command(small, cores, out / "b.jsonl"),
            dask_command(small, cores, out / "d"),
            trafilatura_command(small, out / "t.jsonl"),
        ]
        small_runs = list(zip(timings, commands, strict=True))
        measure_memory(small_runs)
        measure_time(small_runs, args.repeats)
        large_runs = [
            (Timing(f"newsnorm, {cores} workers", large_n, cores),
             newsnorm_command(large, cores, out / "c.jsonl")),
            (Timing(dask_label, large_n, cores), dask_command(large, cores, out / "e")),
        ]  # fmt: skip
        measure_memory(large_runs, keep_time=True)
    text = table(timings, [timing for timing, _ in large_runs], cores) + "\n" + setting
    print(text)
    if not args.no_write:
        replace_section("Scale", _preamble(args) + text)
    return 0


def _trafilatura() -> str:
    from importlib.metadata import version

    return version("trafilatura")


def _preamble(args: argparse.Namespace) -> str:
    return (
        f"Produced by `python scale.py` in benchmarks/ (what `make bench-scale` runs): "
        f"`newsnorm convert` on gzipped web archives of the corpus pages repeated to "
        f"{args.records.replace(',', ' and ')} records, timed by wall clock, docs/s the median "
        f"of {args.repeats} runs taken in turns with the other commands, every other round in "
        f"reverse order (one run for the large archive), peak memory the largest "
        f"sample (every {_SAMPLE_SECONDS} s) of the whole process tree's PSS, and of its largest "
        f"single process, in one more run of each (on the small archive, a run before the timed "
        f"ones, so that sampling does not slow them). trafilatura runs in one process on the "
        f"same records (read with warcio, JSON with metadata).\n\n"
    )


if __name__ == "__main__":
    sys.exit(main())
