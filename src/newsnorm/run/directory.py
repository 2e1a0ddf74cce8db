"""A run into an output directory (local or object storage): one part file per partition,
a manifest, and a resumed run that converts only the partitions without a part in place.
The partitions are converted by an executor: `LocalParts` here, `DaskParts` on a cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import fsspec

from newsnorm import formats
from newsnorm.errors import UsageError
from newsnorm.plugins import installed_versions
from newsnorm.run import manifest as manifests
from newsnorm.run.partitions import Mapper, Partition, Plan, map_here, plan
from newsnorm.run.parts import PartResult, completed, is_temporary, write_partition
from newsnorm.run.progress import Progress, Tally
from newsnorm.run.report import Reporter
from newsnorm.run.settings import Settings


class PartExecutor(Protocol):
    map: Mapper

    def workers(self) -> int: ...

    def write(
        self, partitions: list[Partition], destination: str, settings: Settings
    ) -> Iterator[PartResult]: ...

    def check_versions(self, versions: dict) -> None: ...


class LocalParts:
    """Partitions one after the other, each on this machine's process pool."""

    def __init__(self, workers: int) -> None:
        self.processes = workers

    def workers(self) -> int:
        return 1  # partitions go one at a time, each on every process

    map = staticmethod(map_here)

    def write(self, partitions, destination, settings) -> Iterator[PartResult]:
        for partition in partitions:
            yield write_partition(partition, destination, settings, workers=self.processes)

    def check_versions(self, versions: dict) -> None:
        """One machine: the plugins loaded here are the ones used."""


def convert_to_directory(
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
    planned = plan(
        inputs, size, workers=executor.workers(), outputs=local_output, mapper=executor.map
    )
    versions = installed_versions()
    executor.check_versions(versions)  # before the manifest: a refused run writes nothing
    manifest = _manifest(inputs, destination, planned, versions, old)
    if old is None and settings.output_format != formats.RECORD:  # records: as before
        manifest["output_format"] = settings.output_format
        manifests.save(destination, manifest)
    partitions = planned.partitions
    tally, done = Tally(), completed(destination) if old else set()
    _count_done(manifest, destination, done, partitions, tally)
    pending = [partition for partition in partitions if partition.number not in done]
    written = [0]
    reporter.start(Progress(False, total_work=len(pending), work_done=lambda: written[0]))
    try:
        for result in executor.write(pending, destination, settings):
            written[0] += 1
            _record(result, manifest, destination, tally, reporter)
    except KeyboardInterrupt:
        reporter.finish()
        return tally, True
    reporter.finish()
    _remove_temporaries(destination)
    return tally, False


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


def _record(result: PartResult, manifest, destination, tally: Tally, reporter) -> None:
    result.add_to(tally)
    manifests.record(manifest, result)
    manifests.save(destination, manifest)
    for failure in result.failures:
        reporter.failure(failure)
    if result.failed > len(result.failures):
        more = result.failed - len(result.failures)
        errors = manifest["partitions"][result.number]["errors"]
        reporter.note(f"{more} more failure(s) in {errors}")
    reporter.update(tally)


def _remove_temporaries(destination: str) -> None:
    """Files of attempts that died (a killed worker's half-written part)."""
    fs, root = fsspec.core.url_to_fs(destination)
    for path in fs.ls(root, detail=False):
        if is_temporary(path):
            fs.rm(path)
