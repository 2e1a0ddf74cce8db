"""A run into an output directory (local or object storage): one part file per partition,
a manifest, and a resumed run that converts only the partitions without a part in place.
The partitions are converted by an executor: `LocalParts` here, `DaskParts` on a cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

import fsspec

from newsnorm import formats
from newsnorm.errors import UsageError
from newsnorm.plugins import installed_versions
from newsnorm.run import manifest as manifests
from newsnorm.run.partition_writer import PartResult, completed, is_temporary, write_partition
from newsnorm.run.partitions import (
    Mapper,
    PartFiles,
    Partition,
    Plan,
    map_here,
    plan,
    plan_while_scanning,
)
from newsnorm.run.progress import Progress, Tally
from newsnorm.run.report import Reporter
from newsnorm.run.settings import Settings


class PartExecutor(Protocol):
    map: Mapper
    # Whether it takes partitions one by one while they are planned here (a cluster on this
    # machine): planning then ends after converting has started.
    converts_while_planning: bool

    def workers(self) -> int: ...

    def ready(self) -> bool:
        """Whether it can take work now, without waiting."""

    def write(
        self, partitions: Iterable[Partition], destination: str, settings: Settings
    ) -> Iterator[PartResult]: ...

    def check_versions(self, versions: dict) -> None: ...


class LocalParts:
    """Partitions one after the other, each on this machine's process pool."""

    converts_while_planning = False

    def __init__(self, workers: int) -> None:
        self.processes = workers

    def workers(self) -> int:
        return 1  # partitions go one at a time, each on every process

    map = staticmethod(map_here)

    def ready(self) -> bool:
        return True

    def write(self, partitions, destination, settings) -> Iterator[PartResult]:
        for partition in partitions:
            yield write_partition(partition, destination, settings, workers=self.processes)

    def check_versions(self, versions: dict) -> None:
        """One machine: the plugins loaded here are the ones used."""


def run_into_directory(
    inputs: list[str],
    destination: str,
    *,
    settings: Settings,
    executor: PartExecutor,
    resume: bool,
    reporter: Reporter,
    documents_per_partition: int | None,
) -> tuple[Tally, bool]:
    """(what became of the documents, whether the run was interrupted)."""
    old = _earlier_run(inputs, destination, resume, settings.output_format)
    size = old["documents_per_partition"] if old else documents_per_partition
    local_output = [Path(destination)] if "://" not in destination else []
    workers = executor.workers()
    book = _RunManifest(inputs, destination, settings, reporter)
    scanning = None
    if old is None and executor.converts_while_planning:
        scanning = plan_while_scanning(inputs, size, workers=workers, outputs=local_output)
    if scanning is None:
        planned = plan(inputs, size, workers=workers, outputs=local_output, mapper=executor.map)
        executor.check_versions(book.versions)  # before the manifest: a refused run writes nothing
        partitions = book.open(planned, old)
    else:
        partitions = _planning_meanwhile(*scanning, book, executor)
    reporter.start(book.progress)
    try:
        for result in executor.write(partitions, destination, settings):
            book.record(result)
    except KeyboardInterrupt:
        reporter.finish()
        return book.tally, True
    reporter.finish()
    _remove_temporaries(destination)
    return book.tally, False


def _planning_meanwhile(size: int, scanning, book: _RunManifest, executor) -> _Planning:
    """The partitions, planned here while the executor starts and then as it takes them;
    the manifest is made when planning ends (a refused run has none)."""
    partitions = _Planning(scanning, lambda planned: book.open(Plan(size, planned)))
    partitions.until(executor.ready)
    executor.check_versions(book.versions)
    return partitions


class _Planning:
    """Partitions as they are planned, remembered; `on_end(all of them)` once the executor
    has taken the last (so after its version check, even when planning ended before)."""

    def __init__(self, partitions: Iterator[Partition], on_end: Callable) -> None:
        self._coming, self._on_end = partitions, on_end
        self.planned: list[Partition] = []

    def until(self, ready: Callable[[], bool]) -> None:
        """Plan until `ready()` (or the end), to be given out later."""
        while not ready() and self._next() is not None:
            pass

    def __iter__(self) -> Iterator[Partition]:
        given = 0
        while given < len(self.planned) or self._next() is not None:
            given += 1
            yield self.planned[given - 1]
        self._on_end(self.planned)

    def _next(self) -> Partition | None:
        partition = next(self._coming, None)
        if partition is not None:
            self.planned.append(partition)
        return partition


class _RunManifest:
    """The run's manifest and counts. Results that come before the manifest is made (while
    planning goes on) are counted at once and noted in it when it is."""

    def __init__(self, inputs, destination: str, settings: Settings, reporter: Reporter) -> None:
        self.inputs, self.destination, self.reporter = inputs, destination, reporter
        self.output_format = settings.output_format
        self.versions = installed_versions()
        self.tally, self.written = Tally(), 0
        self.progress = Progress(False, work_done=lambda: self.written)
        self.manifest: dict | None = None
        self._waiting: list[PartResult] = []

    def open(self, planned: Plan, old: dict | None = None) -> list[Partition]:
        """Make (or, resuming, check) the manifest; the partitions still to write."""
        self.manifest = _manifest(self.inputs, self.destination, planned, self.versions, old)
        if old is None and self.output_format != formats.RECORD:  # records: as before
            self.manifest["output_format"] = self.output_format
            manifests.save(self.destination, self.manifest)
        partitions = planned.partitions
        done = completed(self.destination) if old else set()
        _count_done(self.manifest, self.destination, done, partitions, self.tally)
        pending = [partition for partition in partitions if partition.number not in done]
        self.progress.total_work = len(pending)
        for result in self._waiting:
            self._note(result)
        self._waiting.clear()
        return pending

    def record(self, result: PartResult) -> None:
        self.written += 1
        result.add_to(self.tally)
        if self.manifest is None:
            self._waiting.append(result)
        else:
            self._note(result)
        for failure in result.failures:
            self.reporter.failure(failure)
        if result.failed > len(result.failures):
            more = result.failed - len(result.failures)
            self.reporter.note(f"{more} more failure(s) in {PartFiles(result.number).errors}")
        self.reporter.update(self.tally)

    def _note(self, result: PartResult) -> None:
        manifests.record(self.manifest, result)
        manifests.save(self.destination, self.manifest)


def _earlier_run(
    inputs: list[str], destination: str, resume: bool, output_format: str
) -> dict | None:
    """The manifest of the run to go on with (None for a new run); a UsageError when the
    directory holds a run that this one must not mix with."""
    old = manifests.load(destination)
    if old is None:
        return None
    if not resume:
        raise UsageError(
            f"{destination} already holds a run's output: add --resume to go on with it,"
            " or write into an empty directory"
        )
    if old["inputs"] != list(inputs):
        raise UsageError(f"--resume: {destination} was made from other inputs: {old['inputs']}")
    if old.get("output_format", formats.RECORD) != output_format:
        made = old.get("output_format", formats.RECORD)
        raise UsageError(f"--resume: {destination} holds --format {made}, not {output_format}")
    return old


def _manifest(inputs, destination, planned: Plan, versions, old: dict | None) -> dict:
    """The manifest to fill in: the interrupted run's, or a new one."""
    if old is not None:
        if not manifests.same_plan(old, planned.partitions):
            raise UsageError(
                f"the inputs changed since the run in {destination} was started:"
                " its partitions are not these inputs' partitions"
            )
        return old
    manifest = manifests.new(inputs, planned, versions)
    manifests.save(destination, manifest)
    return manifest


def _count_done(manifest, destination, done: set[int], partitions, tally: Tally) -> None:
    """Partitions whose part is in place count as already done (counted again from their
    files when the manifest missed them: the run stopped between the two)."""
    for partition in partitions:
        if partition.number not in done:
            continue
        if not manifests.finished(manifest, partition.number):
            manifests.record(manifest, _recount(destination, partition))
        entry = manifest["partitions"][partition.number]
        tally.already_done += entry["converted"] + entry["failed"] + entry["skipped"]


def _recount(destination: str, partition: Partition) -> PartResult:
    fs, root = fsspec.core.url_to_fs(destination)
    with fs.open(f"{root}/{partition.part}", "rb", compression="gzip") as part:
        converted = sum(1 for _ in part)
    errors = f"{root}/{partition.errors}"
    failed = 0
    if fs.exists(errors):
        with fs.open(errors, "rb") as lines:
            failed = sum(1 for _ in lines)
    return PartResult(partition.number, converted, failed, 0)  # skipped ones leave no line


def _remove_temporaries(destination: str) -> None:
    """Files of attempts that died (a killed worker's half-written part)."""
    fs, root = fsspec.core.url_to_fs(destination)
    for path in fs.ls(root, detail=False):
        if is_temporary(path):
            fs.rm(path)
