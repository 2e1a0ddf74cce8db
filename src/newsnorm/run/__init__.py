"""What a run is: find the documents, convert them on an executor (this process, a local
process pool, or a Dask cluster), write records and errors whole, resume, count, sum up.

The command `newsnorm convert` is argument parsing plus one call to `convert`, so a Python
program gets the same run: `newsnorm.run.convert(["crawl/"], "articles.jsonl", workers=4)`.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsnorm import formats
from newsnorm.errors import UsageError
from newsnorm.inputs.find import STDIN
from newsnorm.pipeline import pipeline_with
from newsnorm.run.progress import Tally
from newsnorm.run.report import Reporter
from newsnorm.run.settings import Settings, cores
from newsnorm.run.single_file import run_into_file

__all__ = ["Reporter", "Settings", "Summary", "UsageError", "convert"]


@dataclass(frozen=True)
class Summary:
    """What became of a run's documents; `interrupted` when Ctrl-C or SIGTERM stopped it."""

    tally: Tally
    seconds: float
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)
    resumable: bool = True  # False for a Parquet file: written whole, or not at all

    @property
    def failed(self) -> int:
        return self.tally.failed

    @property
    def warned(self) -> int:
        """Records converted without some installed plugin's changes, which failed."""
        return self.tally.warned

    def line(self) -> str:
        """`64 documents: 60 converted, 1 failed, 3 skipped in 2.1s`"""
        return self.tally.summary(self.seconds)


def convert(
    inputs: list[str],
    output: str | Path | None = None,
    *,
    errors: str | Path | None = None,
    settings: Settings | None = None,
    workers: int | None = None,
    resume: bool = False,
    reporter: Reporter | None = None,
    dask=None,
    dask_workers: int | None = None,
    documents_per_partition: int | None = None,
) -> Summary:
    """Convert every document of `inputs` (paths, directories, `-` for stdin) into one JSON
    Lines record each, into `output` (stdout when None; a Parquet file of records when it
    ends in `.parquet` or `settings.output_format` is "parquet"); failures as error records into
    `errors`. `workers` processes (default: the machine's cores). UsageError before anything
    is read when the request contradicts itself.

    An `output` that is a directory (an existing one, a name ending in "/", or any URL of
    object storage) gets a partitioned run: `part-NNNNN.jsonl.gz` and `errors-NNNNN.jsonl`
    per partition of about `documents_per_partition` documents (default: about 16 per
    worker, 50 to 500), and `_manifest.json`. `dask`
    (a `distributed.Client`, a scheduler address, or "local" for a LocalCluster of
    `dask_workers` processes) converts the partitions on a cluster. A profile that is not
    valid (installed, in NEWSNORM_PROFILES or in `settings.profiles`) raises ProfileError
    first."""
    settings = settings or Settings()
    output_format = formats.output_format_for(settings.output_format, output)
    settings = replace(settings, output_format=output_format)
    reporter = reporter or Reporter()
    pipeline_with(settings.profiles)  # a ProfileError stops the run before anything is read
    started = time.monotonic()
    if settings.learn:
        settings = with_learned_profiles(inputs, settings, reporter, workers or cores())
    if settings.dedup:
        return _convert_then_dedup(
            inputs, output, errors=errors, settings=settings, workers=workers, resume=resume,
            reporter=reporter, dask=dask, started=started, dask_workers=dask_workers,
            documents_per_partition=documents_per_partition,
        )  # fmt: skip
    if dask is not None or is_directory(output):
        tally, interrupted = _run_into_directory(
            inputs, output, errors, settings, workers, resume, reporter, dask, dask_workers,
            documents_per_partition,
        )  # fmt: skip
    else:
        output, errors = _path(output), _path(errors)
        _check_request(inputs, output, errors, settings, resume)
        tally, interrupted = run_into_file(
            inputs, output, errors, settings=settings, workers=workers or cores(),
            resume=resume, reporter=reporter,
        )  # fmt: skip
    resumable = output_format != formats.PARQUET
    return Summary(tally, time.monotonic() - started, interrupted, resumable=resumable)


def is_directory(output: str | Path | None) -> bool:
    """Whether `output` names a directory for a partitioned run rather than one file."""
    if output is None:
        return False
    text = str(output)
    if text.endswith("/") or Path(text).is_dir():
        return True
    scheme = text.split("://", 1)[0] if "://" in text else "file"
    return scheme not in ("file", "local")


def _run_into_directory(
    inputs, output, errors, settings, workers, resume, reporter, dask, dask_workers, size
):
    if output is None:
        raise UsageError("--dask writes a directory of parts: name it with --output")
    if str(output).endswith((".jsonl", ".jsonl.gz", ".ndjson", ".gz")):
        raise UsageError(f"--dask writes a directory of parts, not the file {output}")
    if STDIN in inputs:
        raise UsageError("stdin cannot be cut into partitions: write a file (-o FILE) instead")
    if settings.output_format == formats.PARQUET:
        raise UsageError(
            "a run into a directory writes JSON Lines parts, not Parquet: write one Parquet"
            " file (-o FILE.parquet), or `newsnorm export` each part"
        )
    if errors is not None:
        raise UsageError("a partitioned run writes its errors beside its parts: drop --errors")
    if settings.url:
        raise UsageError("--url applies to a single file, not a partitioned run")
    from newsnorm.run.cluster import (
        dask_parts,
    )  # fsspec, and Dask when asked: partitioned runs only
    from newsnorm.run.directory import LocalParts, run_into_directory

    if dask is None:
        executing = nullcontext(LocalParts(workers or cores()))
    else:
        executing = dask_parts(dask, dask_workers, reporter)
    with executing as executor:
        return run_into_directory(
            inputs, str(output), settings=settings, executor=executor, resume=resume,
            reporter=reporter, documents_per_partition=size,
        )  # fmt: skip


def _convert_then_dedup(inputs, output, *, settings, workers, reporter, dask, started, **run):
    """Convert into records in a temporary file (or, for a directory, temporary parts
    inside it), then deduplicate them into `output` in the run's format: every record's
    links need every other record first. `run`: convert's other arguments."""
    from newsnorm.dedup.extra import require_dedup_extra

    require_dedup_extra()
    if run.pop("resume"):
        raise UsageError("--dedup links every record to every other: it cannot --resume")
    from newsnorm.dedup import dedup

    into_parts = dask is not None or is_directory(output)
    plain = replace(settings, dedup=False, learn=False, output_format=formats.RECORD)
    with _spool(output, into_parts, settings.output_format) as spool:
        converted = f"{spool}/" if into_parts else spool / "records.jsonl"
        summary = convert(
            inputs, converted, settings=plain, workers=workers, reporter=reporter, dask=dask,
            **run,
        )  # fmt: skip
        if summary.interrupted:
            return replace(summary, resumable=False)
        linked = dedup(
            [str(spool)], output, output_format=settings.output_format, dask=dask,
            workers=(run["dask_workers"] if dask else None) or workers or cores(),
        )  # fmt: skip
        if into_parts:
            _keep_errors(spool, Path(output))
    reporter.news(f"dedup: {linked.line()}")
    return Summary(summary.tally, time.monotonic() - started, resumable=False)


@contextmanager
def _spool(output, into_parts: bool, output_format: str) -> Iterator[Path]:
    """Where the records wait to be linked: a temporary directory; for a run into a
    directory, a hidden one inside it, which a cluster's workers can reach as well."""
    if not into_parts:
        with tempfile.TemporaryDirectory(prefix="newsnorm-convert-") as spool:
            yield Path(spool)
        return
    if output is None:
        raise UsageError("--dask writes a directory of parts: name it with --output")
    if "://" in str(output):
        raise UsageError(f"--dedup writes into a local directory or a file, not {output}")
    from newsnorm.dedup.parts import check_destination

    check_destination(str(output), output_format)
    spool = Path(output) / f".newsnorm-converted-{uuid.uuid4().hex}"
    try:
        yield spool
    finally:
        shutil.rmtree(spool, ignore_errors=True)


def _keep_errors(spool: Path, output: Path) -> None:
    """The conversion's error records, beside the parts they belong with (a part per
    converted part, numbered alike)."""
    for errors in sorted(spool.glob("errors-*.jsonl")):
        shutil.move(errors, output / errors.name)


def with_learned_profiles(
    inputs: list[str], settings: Settings, reporter: Reporter, workers: int = 1
) -> Settings:
    """The settings with the templates learned from `inputs` as profiles, before the run's
    own (`--profiles`), which win over a learned one of the same key."""
    from newsnorm.learn import learn  # only runs that learn need it

    if STDIN in inputs:
        raise UsageError("--learn reads the inputs twice, and stdin cannot be: write a file")
    learned = learn(
        inputs, fields=settings.fields, max_bytes=settings.max_bytes,
        min_pages=settings.learn_min_pages, workers=workers,
    )  # fmt: skip
    reporter.news(
        f"learned {len(learned.drafts)} templates from {learned.documents} documents"
        f" ({learned.groups} outlets or templates)"
    )
    texts = tuple(draft.profile_text() for draft in learned.drafts)
    return replace(settings, profiles=texts + settings.profiles)


def _path(value: str | Path | None) -> Path | None:
    return None if value is None else Path(value)


def _check_request(
    inputs: list[str], output: Path | None, errors: Path | None, settings: Settings, resume: bool
) -> None:
    if settings.url and (len(inputs) != 1 or Path(inputs[0]).is_dir()):
        raise UsageError("--url applies to a single file or - (stdin)")
    if resume and output is None:
        raise UsageError("--resume needs --output: it goes on with the records already there")
    if resume and settings.output_format == formats.PARQUET:
        raise UsageError(
            "--resume cannot go on with a Parquet file: it is written whole when the run ends,"
            " so an interrupted run leaves none; convert to JSON Lines to resume, then"
            " `newsnorm export` the records to Parquet"
        )
    if resume and settings.output_format != formats.RECORD:
        raise UsageError(
            f"--resume reads each record's source back, and --format {settings.output_format}"
            " items have none: convert into a directory (-o DIR/) to resume by partition"
        )
    written = [path.resolve() for path in (output, errors) if path is not None]
    if len(written) == 2 and written[0] == written[1]:
        raise UsageError("--output and --errors must be different files")
    for raw in inputs:
        if raw != STDIN and Path(raw).resolve() in written:
            raise UsageError(f"{raw} is both an input and an output")
