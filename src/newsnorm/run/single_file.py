"""A run into one JSON Lines file (or stdout): records in input order, errors into their own
file, every line written whole, and a resumed run goes on where the last one stopped. A
Parquet file of records takes the same records and errors, written whole at the end."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsnorm import formats
from newsnorm.inputs.document import InputDocument
from newsnorm.inputs.find import ReadMeter, find_documents, input_size
from newsnorm.run import batch
from newsnorm.run.line_files import LineWriter, open_lines
from newsnorm.run.outcome import Outcome, write_outcome
from newsnorm.run.progress import Progress, Tally
from newsnorm.run.report import Reporter
from newsnorm.run.settings import Settings
from newsnorm.run.stopping import Stop


def run_into_file(
    inputs: list[str],
    output: Path | None,
    errors: Path | None,
    *,
    settings: Settings,
    workers: int,
    resume: bool,
    reporter: Reporter,
) -> tuple[Tally, bool]:
    """(what became of the documents, whether the run was interrupted)."""
    meter, tally, done, stop = ReadMeter(), Tally(), set(), Stop()
    written = [path for path in (output, errors) if path is not None]
    documents = find_documents(
        inputs, settings.fields, meter, outputs=written, max_bytes=settings.max_bytes
    )
    # `done` is filled once the outputs are open; nothing is read before that. An unknown
    # outlet raises here, before anything is read.
    pending = _not_done(documents, done, tally)
    outcomes = batch.convert(pending, settings, workers=workers, as_lines=True)
    reporter.start(_progress(inputs, written, meter, reporter))
    with (
        stop.installed(),
        _records_writer(output, resume, settings.output_format) as writer,
        _lines_writer(errors, resume, None) as error_writer,
    ):
        done.update(writer.done, error_writer.done if error_writer else ())
        interrupted = _write_outcomes(outcomes, writer, error_writer, reporter, tally, stop)
        if interrupted and settings.output_format == formats.PARQUET:
            writer.abandon()  # half a run is no Parquet file to keep
    reporter.finish()
    if resume and done and not tally.already_done:
        reporter.note(
            f"warning: none of the {len(done)} records already in {output} came from"
            " these inputs; name them as the interrupted run did"
        )
    return tally, interrupted


def _progress(inputs, written, meter: ReadMeter, reporter: Reporter) -> Progress:
    # Sizing the input walks it once more: only worth it for a progress line.
    wanted = getattr(reporter, "show_progress", False)
    total = input_size(inputs, written) if wanted else None
    return Progress(enabled=False, total_work=total, work_done=meter.position)


def _not_done(documents: Iterable[InputDocument], done: set[str], tally: Tally):
    """The documents whose record (or error record) is not yet in a resumed run's output."""
    for document in documents:
        if document.name in done:
            tally.already_done += 1
        else:
            yield document


def _write_outcomes(
    outcomes: Iterable[Outcome], writer, error_writer, reporter: Reporter, tally: Tally, stop: Stop
) -> bool:
    """Write each outcome as it comes; True when interrupted (Ctrl-C or SIGTERM), which
    leaves every line written whole and counted."""
    try:
        for outcome in outcomes:
            with stop.held():
                write_outcome(outcome, writer, error_writer, tally, reporter)
            reporter.update(tally)
    except KeyboardInterrupt:
        return True
    return False


def _records_writer(path: Path | None, resume: bool, output_format: str):
    """Where the records go: a Parquet file, or JSON Lines (stdout when no path)."""
    if output_format == formats.PARQUET:
        from newsnorm.formats.parquet import open_parquet  # pyarrow: an optional extra

        return open_parquet(path)
    return _lines_writer(path, resume, LineWriter(sys.stdout.buffer))


@contextmanager
def _lines_writer(
    path: Path | None, resume: bool, unnamed: LineWriter | None
) -> Iterator[LineWriter | None]:
    """A writer for `path`, or `unnamed` (stdout, or no writer at all) when none is named."""
    if path is None:
        yield unnamed
        return
    with open_lines(path, resume=resume) as writer:
        yield writer
