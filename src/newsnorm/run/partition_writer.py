"""Writing one partition of a run into an output directory (local or object storage,
through fsspec): its records as `part-NNNNN.jsonl.gz`, its failures as `errors-NNNNN.jsonl`.

Each file is written under a temporary name of its own and moved into place only when
complete, errors first: a part file in place means its partition is done, so a task that
dies half-way (and is run again) or a resumed run never leaves a partition half-written or
written twice. Same partition, same bytes: gzip without a name or a time inside."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

import fsspec

from newsnorm.run import batch
from newsnorm.run.failure import Failure
from newsnorm.run.line_files import gzip_writer
from newsnorm.run.outcome import write_outcome
from newsnorm.run.partitions import PartFiles, Partition
from newsnorm.run.progress import Tally
from newsnorm.run.report import Reporter
from newsnorm.run.settings import Settings

_TEMPORARY_SUFFIX = ".tmp"


@dataclass(frozen=True)
class PartResult:
    """What became of one partition's documents (plain data, sent back from a worker)."""

    number: int
    converted: int
    failed: int
    skipped: int
    failures: tuple = ()  # the first few Failures, for the person watching
    warned: int = 0  # records with plugin warnings

    def add_to(self, tally: Tally) -> None:
        tally.converted += self.converted
        tally.warned += self.warned
        tally.failed += self.failed
        tally.skipped += self.skipped


def write_partition(
    partition: Partition, destination: str, settings: Settings, *, workers: int = 1
) -> PartResult:
    """Convert `partition` and write its files into `destination` (a directory URL)."""
    fs, root = fsspec.core.url_to_fs(destination)
    fs.makedirs(root, exist_ok=True)
    documents = partition.documents(settings.fields, settings.max_bytes)
    outcomes = batch.convert(documents, settings, workers=workers, as_lines=True)
    part_temp = temporary_path(root, partition.part)
    errors_temp = temporary_path(root, partition.errors)
    try:
        tally, shown = Tally(), _FirstFailures()
        with (
            fs.open(part_temp, "wb") as raw,
            gzip_writer(raw) as records,
            fs.open(errors_temp, "wb") as errors,
        ):
            # Unlike a run into one file, no flush after each line: a part is all or nothing.
            for outcome in outcomes:
                write_outcome(outcome, records, errors, tally, shown)
        _move_into_place(fs, root, partition, part_temp, errors_temp, tally.failed)
    finally:
        for temp in (part_temp, errors_temp):
            if fs.exists(temp):
                fs.rm(temp)
    return PartResult(
        partition.number,
        tally.converted,
        tally.failed,
        tally.skipped,
        tuple(shown.kept),
        tally.warned,
    )


def completed(destination: str) -> set[int]:
    """The numbers of the partitions whose part file is in place in `destination`."""
    fs, root = fsspec.core.url_to_fs(destination)
    if not fs.exists(root):
        return set()
    names = (path.rsplit("/", 1)[-1] for path in fs.ls(root, detail=False))
    return {part.number for name in names if (part := PartFiles.of_records(name)) is not None}


class _FirstFailures(Reporter):
    """The first few failures of a partition, without their traces: what is sent back for
    the person watching (the rest are in its errors file)."""

    SHOWN = 5

    def __init__(self) -> None:
        self.kept: list[Failure] = []

    def failure(self, failure: Failure) -> None:
        if len(self.kept) < self.SHOWN:
            self.kept.append(replace(failure, trace=""))


def _move_into_place(fs, root: str, partition: Partition, part_temp, errors_temp, failed: int):
    errors_path = f"{root}/{partition.errors}"
    if failed:
        fs.mv(errors_temp, errors_path)
    elif fs.exists(errors_path):  # left by an earlier attempt that failed differently
        fs.rm(errors_path)
    fs.mv(part_temp, f"{root}/{partition.part}")


def temporary_path(root: str, name: str) -> str:
    """Where to write `name` until it is complete: hidden, and a name no other attempt (a
    retried task, a second run) uses."""
    return f"{root}/.{name}.{uuid.uuid4().hex}{_TEMPORARY_SUFFIX}"


def is_temporary(path: str) -> bool:
    """Whether `path` is one that `temporary_path` gives (left by an attempt that died)."""
    return path.rsplit("/", 1)[-1].startswith(".") and path.endswith(_TEMPORARY_SUFFIX)
