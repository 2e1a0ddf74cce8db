"""The `newsnorm` command: parses arguments, calls the Python API, prints."""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, BinaryIO

import orjson
import typer

from newsnorm import batch
from newsnorm.errors import UnknownOutletError
from newsnorm.inputs import STDIN, Fields, find_documents
from newsnorm.plugins import describe_plugins, get_plugin_manager
from newsnorm.progress import Progress
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
) -> None:
    """Normalise documents into one JSON Lines record each.

    Inputs: text captures and HTML pages (gzipped or not), web archives (.warc, .warc.gz:
    one document per HTML response), JSON Lines dumps (.jsonl, .ndjson, gzipped or not: one
    document per line), directories (recursive) and - for stdin."""
    if url and (len(paths) != 1 or Path(paths[0]).is_dir()):
        _usage_error("--url applies to a single file or - (stdin)")
    fields = _fields(html_field, url_field)
    try:
        documents = find_documents(paths, fields)
        outcomes = batch.convert(
            documents,
            url=url,
            outlet=outlet,
            explain=explain,
            workers=workers or _cores(),
            timeout=timeout,
        )
    except UnknownOutletError as exc:
        _usage_error(str(exc))
    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    with _output_stream(output) as stream, _errors_stream(errors) as error_stream:
        converted, failed = _write_outcomes(outcomes, stream, error_stream, progress, debug=debug)
    progress.clear()
    # Quiet on success in scripts; a person at a terminal, or any failure, gets a summary.
    if not quiet and (failed or sys.stderr.isatty()):
        _err(f"newsnorm: {converted} converted, {failed} failed in {progress.elapsed():.1f}s")
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _fields(html_field: str | None, url_field: str | None) -> Fields:
    defaults = Fields()
    return Fields(
        html=(html_field,) if html_field else defaults.html,
        url=(url_field,) if url_field else defaults.url,
    )


@contextmanager
def _errors_stream(errors: Path | None) -> Iterator[BinaryIO | None]:
    if errors is None:
        yield None
        return
    with _output_stream(errors) as stream:
        yield stream


def _write_outcomes(
    outcomes,
    stream: BinaryIO,
    error_stream: BinaryIO | None,
    progress: Progress,
    *,
    debug: bool,
) -> tuple[int, int]:
    converted = failed = 0
    for outcome in outcomes:
        if outcome.article is not None:
            stream.write(batch.dumps(outcome.article))
            stream.flush()
            converted += 1
        else:
            failed += 1
            _report_failure(outcome.failure, error_stream, progress, debug=debug)
        progress.update(converted, failed)
    return converted, failed


def _report_failure(failure, error_stream: BinaryIO | None, progress: Progress, *, debug: bool):
    if error_stream is not None:
        error_stream.write(batch.error_record(failure))
    progress.clear()
    _err(f"newsnorm: error: {failure.message()}")
    if debug:
        sys.stderr.write(failure.trace)


@contextmanager
def _output_stream(output: Path | None) -> Iterator[BinaryIO]:
    """stdout, or a temporary file renamed over `output` only once it is complete."""
    if output is None:
        yield sys.stdout.buffer
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    try:
        with os.fdopen(handle, "wb") as stream, _maybe_gzipped(stream, output) as target:
            yield target
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


@contextmanager
def _maybe_gzipped(stream: BinaryIO, output: Path) -> Iterator[BinaryIO]:
    """`.gz` outputs are compressed, with no name or time inside: same input, same bytes."""
    if not output.name.endswith(".gz"):
        yield stream
        return
    with gzip.GzipFile(filename="", mode="wb", fileobj=stream, mtime=0) as compressed:
        yield compressed


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
