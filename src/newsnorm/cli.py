"""The `newsnorm` command: parses arguments, calls the Python API, prints."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import orjson
import typer

from newsnorm.errors import UnknownOutletError
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, InputDocument
from newsnorm.inputs.find import STDIN, Fields, ReadMeter, find_documents, input_size
from newsnorm.plugins import describe_plugins, get_plugin_manager
from newsnorm.run import batch
from newsnorm.run.output import LineWriter, open_lines
from newsnorm.run.progress import Progress, Tally
from newsnorm.run.stopping import Stop
from newsnorm.schema import article_schema_json
from newsnorm.validation import validate_lines
from newsnorm.version import __version__

app = typer.Typer(
    help="Turn raw news documents into clean, canonical article records (JSON Lines).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_TIMEOUT = 10.0  # seconds a document; pages take well under one
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped by Ctrl-C


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"newsnorm {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Turn raw news documents into clean, canonical article records (JSON Lines)."""


@app.command()
def convert(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON Lines here, not stdout.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="The page address of a single input.")] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Force an outlet by key or name (see `plugins`).")
    ] = None,
    explain: Annotated[
        bool, typer.Option(help="List what was removed, and by which rule, in each record.")
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of failures.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line, even on failure.")
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(help="Also write one JSON Lines error record per failed document here."),
    ] = None,
    html_field: Annotated[
        str | None, typer.Option(help="JSON Lines inputs: the field holding the page.")
    ] = None,
    url_field: Annotated[
        str | None, typer.Option(help="JSON Lines inputs: the field holding its address.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes to convert with (default: the machine's cores)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option(min=0, help="Seconds one document may take (0: no limit).")
    ] = DEFAULT_TIMEOUT,
    max_bytes: Annotated[
        int,
        typer.Option(
            min=1, help="Bytes one document may have after decompression; a longer one fails."
        ),
    ] = DEFAULT_MAX_BYTES,
    resume: Annotated[
        bool,
        typer.Option(
            help="Go on with an interrupted run: keep the records already in --output (and"
            " --errors) and convert only the documents not there yet."
        ),
    ] = False,
) -> None:
    """Normalise documents into one JSON Lines record each.

    Inputs: text captures and HTML pages (gzipped or not), web archives (.warc, .warc.gz:
    one document per HTML response), JSON Lines dumps (.jsonl, .ndjson, gzipped or not: one
    document per line), directories (recursive) and - for stdin."""
    if url and (len(paths) != 1 or Path(paths[0]).is_dir()):
        _usage_error("--url applies to a single file or - (stdin)")
    if resume and output is None:
        _usage_error("--resume needs --output: it goes on with the records already there")
    _check_outputs(paths, output, errors)
    meter, tally, done, stop = ReadMeter(), Tally(), set(), Stop()
    try:
        written = [path for path in (output, errors) if path is not None]
        documents = find_documents(
            paths, _fields(html_field, url_field), meter, outputs=written, max_bytes=max_bytes
        )
        # `done` is filled once the outputs are open; nothing is read before that.
        outcomes = batch.convert(
            _not_done(documents, done, tally),
            url=url,
            outlet=outlet,
            explain=explain,
            workers=workers or _cores(),
            timeout=timeout,
            as_lines=True,
            max_bytes=max_bytes,
        )
    except UnknownOutletError as exc:
        _usage_error(str(exc))
    shown = not quiet and sys.stderr.isatty()
    progress = Progress(
        enabled=shown,
        # Sizing the input walks it once more: only worth it for a progress line.
        total_bytes=input_size(paths, written) if shown else None,
        bytes_read=meter.position,
    )
    with (
        stop.installed(),
        _lines_writer(output, resume, LineWriter(sys.stdout.buffer)) as writer,
        _lines_writer(errors, resume, None) as error_writer,
    ):
        done.update(writer.done, error_writer.done if error_writer else ())
        interrupted = _write_outcomes(outcomes, writer, error_writer, progress, tally, stop, debug)
    progress.clear()
    if resume and done and not tally.already_done:
        _err(
            f"newsnorm: warning: none of the {len(done)} records already in {output} came from"
            " these inputs; name them as the interrupted run did"
        )
    _finish(tally, progress, quiet=quiet, interrupted=interrupted)


def _check_outputs(paths: list[str], output: Path | None, errors: Path | None) -> None:
    """Before any file is opened: no output may overwrite an input, or the other output."""
    written = [path.resolve() for path in (output, errors) if path is not None]
    if len(written) == 2 and written[0] == written[1]:
        _usage_error("--output and --errors must be different files")
    for raw in paths:
        if raw != STDIN and Path(raw).resolve() in written:
            _usage_error(f"{raw} is both an input and an output")


def _finish(tally: Tally, progress: Progress, *, quiet: bool, interrupted: bool) -> None:
    """The summary line (on failure, or for a person at a terminal), then the exit status."""
    summary = tally.summary(progress.elapsed())
    if interrupted:
        _err(f"newsnorm: interrupted: {summary}; run again with --resume to go on")
        raise typer.Exit(EXIT_INTERRUPTED)
    if not quiet and (tally.failed or sys.stderr.isatty()):
        _err(f"newsnorm: {summary}")
    if tally.failed:
        raise typer.Exit(EXIT_FAILED)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _fields(html_field: str | None, url_field: str | None) -> Fields:
    defaults = Fields()
    return Fields(
        html=(html_field,) if html_field else defaults.html,
        url=(url_field,) if url_field else defaults.url,
    )


def _not_done(documents: Iterable[InputDocument], done: set[str], tally: Tally):
    """The documents whose record (or error record) is not yet in a resumed run's output."""
    for document in documents:
        if document.name in done:
            tally.already_done += 1
        else:
            yield document


def _write_outcomes(
    outcomes, writer, error_writer, progress, tally: Tally, stop: Stop, debug: bool
) -> bool:
    """Write each outcome as it comes; True when interrupted (Ctrl-C or SIGTERM), which
    leaves every line written whole and counted."""
    try:
        for outcome in outcomes:
            with stop.held():
                _write_outcome(outcome, writer, error_writer, progress, tally, debug)
            progress.update(tally)
    except KeyboardInterrupt:
        return True
    return False


def _write_outcome(outcome, writer, error_writer, progress, tally: Tally, debug: bool) -> None:
    if (line := outcome.record_line()) is not None:
        writer.write(line)
        tally.converted += 1
    elif outcome.failure is not None:
        tally.failed += 1
        _report_failure(outcome.failure, error_writer, progress, debug=debug)
    else:
        tally.skipped += 1


def _report_failure(failure, error_writer: LineWriter | None, progress: Progress, *, debug: bool):
    if error_writer is not None:
        error_writer.write(batch.error_record(failure))
    progress.clear()
    _err(f"newsnorm: error: {failure.message()}")
    if debug:
        sys.stderr.write(failure.trace)


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


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="JSON Lines files, or - for stdin.")],
) -> None:
    """Check records against the article schema; print each problem with its line."""
    bad = 0
    for path in paths:
        for problem in validate_lines(_read_lines(path)):
            bad += 1
            typer.echo(f"{path}: {problem}")
    if bad:
        _err(f"newsnorm: {bad} problem(s) found")
        raise typer.Exit(EXIT_FAILED)


def _read_lines(path: str) -> list[bytes]:
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as exc:
        _usage_error(f"cannot read {path}: {exc.strerror or exc}")
    return data.splitlines()


@app.command()
def schema() -> None:
    """Print the article JSON Schema (schemas/article.v1.json)."""
    sys.stdout.buffer.write(article_schema_json())


@app.command("plugins")
def list_plugins(
    all_: Annotated[bool, typer.Option("--all", help="Include the built-in plugins.")] = False,
) -> None:
    """List the loaded plugins, their versions and hooks, as JSON."""
    infos = describe_plugins(get_plugin_manager(), include_builtin=all_)
    listing = [
        {
            "name": i.name,
            "distribution": i.distribution,
            "version": i.version,
            "hooks": list(i.hooks),
        }
        for i in infos
    ]
    sys.stdout.buffer.write(orjson.dumps(listing, option=orjson.OPT_INDENT_2) + b"\n")


def _usage_error(message: str):
    _err(f"newsnorm: usage error: {message}")
    raise typer.Exit(EXIT_USAGE)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    """Entry point: an unexpected error is one line on stderr unless --debug was given."""
    try:
        app()
    except Exception as exc:
        if "--debug" in sys.argv:
            raise
        _err(f"newsnorm: internal error: {type(exc).__name__}: {exc} (run with --debug)")
        sys.exit(EXIT_FAILED)
