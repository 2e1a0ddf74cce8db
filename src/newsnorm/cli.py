"""The `newsnorm` command: parses arguments, calls the Python API, prints."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer
from typer.core import TyperGroup

from newsnorm import formats, run
from newsnorm.errors import NewsnormError, NormalizeError, UsageError
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, Fields
from newsnorm.inputs.find import STDIN
from newsnorm.pipeline import pipeline_with
from newsnorm.plugins import describe_plugins
from newsnorm.profiles import ProfileText, profile_texts
from newsnorm.profiles.loading import environment_paths
from newsnorm.run.report import Stderr
from newsnorm.run.settings import DEFAULT_TIMEOUT, Settings, cores
from newsnorm.version import __version__

DEFAULT_MIN_PAGES = Settings.learn_min_pages


class _Commands(TyperGroup):
    """newsnorm's commands, with the errors newsnorm raises mapped to what a user sees in one
    place: what they asked wrongly (UsageError: a bad option, an unknown outlet or plugin, a
    profile that is not valid) is a usage error, exit 2; anything else newsnorm refused, one
    error line, exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            _usage_error(str(exc))
        except NewsnormError as exc:  # a cluster whose workers differ from this machine
            _err(f"newsnorm: error: {exc}")
            raise typer.Exit(EXIT_FAILED) from None


app = typer.Typer(
    cls=_Commands,
    help="Turn raw news documents into clean, canonical article records (JSON Lines).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped by Ctrl-C

ProfilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--profiles",
        help="Outlet profiles to use: a TOML file or a directory of them (repeatable; also"
        " NEWSNORM_PROFILES). See docs/plugins.md, 'Outlet profiles'.",
    ),
]
HtmlFieldOption = Annotated[
    str | None, typer.Option(help="JSON Lines inputs: the field holding the page.")
]
UrlFieldOption = Annotated[
    str | None, typer.Option(help="JSON Lines inputs: the field holding its address.")
]
MinPagesOption = Annotated[
    int,
    typer.Option(
        min=2, help="Learn the template of outlets with at least this many different pages."
    ),
]


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


CONVERT_HELP = "\n\n".join(
    [
        "Normalise documents into one JSON Lines record each.",
        "Inputs: text captures and HTML pages (gzipped or not), web archives (.warc,"
        " .warc.gz: one document per HTML response and per plain-text conversion record;"
        " Common Crawl's WET files, .warc.wet.gz), JSON Lines dumps (.jsonl, .ndjson,"
        " gzipped or not: one document per line), directories (recursive), globs, URLs"
        " (s3://, gs://, https://, through fsspec) and - for stdin.",
        "Output: one JSON Lines file (or stdout), in input order. A directory (-o DIR/, or a"
        " bucket URL) gets a partitioned run instead: part-NNNNN.jsonl.gz and"
        " errors-NNNNN.jsonl per partition, each moved into place when complete, and"
        " _manifest.json; with --dask the partitions are converted on a Dask cluster, and"
        " --resume converts only those without a part (see docs/scale.md). A file named"
        " *.parquet gets a Parquet file of records (the 'parquet' extra; docs/formats.md).",
    ]
)


@app.command(help=CONVERT_HELP)
def convert(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories, URLs (s3://, gs://, https://), globs, or -."),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write JSON Lines here (- or none: stdout). A directory (DIR/, or a URL of object"
            " storage) gets part files, errors and a manifest per partition.",
        ),
    ] = None,
    url: Annotated[str | None, typer.Option(help="The page address of a single input.")] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Force an outlet by key or name (see `plugins`).")
    ] = None,
    explain: Annotated[
        bool, typer.Option(help="List what was removed, and by which rule, in each record.")
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of failures.")] = False,
    strict_plugins: Annotated[
        bool,
        typer.Option(
            help="Fail a document when an installed plugin fails on it. By default it is"
            " converted without that plugin's changes, with a warning in"
            " provenance.warnings."
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="No summary line, even on failure; no dashboard address."
        ),
    ] = False,
    errors: Annotated[
        str | None,
        typer.Option(help="Also write one JSON Lines error record per failed document here."),
    ] = None,
    html_field: HtmlFieldOption = None,
    url_field: UrlFieldOption = None,
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
            " --errors) and convert only the documents (or partitions) not there yet."
        ),
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Convert on a Dask cluster: 'local' (a LocalCluster here) or a scheduler's"
            " address (tcp://host:8786). Needs --output DIR and the 'dask' extra.",
            rich_help_panel="Distributed runs",
        ),
    ] = None,
    dask_workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="With --dask local: worker processes (default: the machine's cores).",
            rich_help_panel="Distributed runs",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="What each line is: 'record' (newsnorm's own, the default), 'ninjs' (an IPTC"
            " ninjs 2.2 item) or 'ninjs3' (ninjs 3.1); or 'parquet', records as rows of a"
            " Parquet file (also chosen by -o FILE.parquet). See docs/formats.md.",
        ),
    ] = formats.RECORD,
    partition_size: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Documents per partition of a run into a directory: a task, a part file"
            " (default: about 16 partitions per worker, of 50 to 500 documents).",
            rich_help_panel="Distributed runs",
        ),
    ] = None,
    profiles: ProfilesOption = None,
    learn: Annotated[
        bool,
        typer.Option(
            help="Learn each outlet's template from the inputs first (a first pass over"
            " them), and remove it: see `newsnorm learn` and docs/learning.md.",
        ),
    ] = False,
    min_pages: MinPagesOption = DEFAULT_MIN_PAGES,
    dedup: Annotated[
        bool,
        typer.Option(
            help="Give each record duplicate_of and story (as `newsnorm dedup` does): the"
            " records are linked once all are converted (into a directory too, on --dask as"
            " well). See docs/dedup.md.",
        ),
    ] = False,
) -> None:
    """`newsnorm convert`; what it does for a user is CONVERT_HELP."""
    settings = Settings(
        url=url,
        outlet=outlet,
        explain=explain,
        strict_plugins=strict_plugins,
        timeout=timeout,
        max_bytes=max_bytes,
        fields=_fields(html_field, url_field),
        profiles=_profiles(profiles),
        output_format=output_format,
        learn=learn,
        learn_min_pages=min_pages,
        dedup=dedup,
    )
    reporter = Stderr(show_progress=not quiet and sys.stderr.isatty(), debug=debug, quiet=quiet)
    summary = run.convert(
        paths,
        _stdout_if_dash(output),
        errors=errors,
        settings=settings,
        workers=workers,
        resume=resume,
        reporter=reporter,
        dask=dask,
        dask_workers=dask_workers,
        documents_per_partition=partition_size,
    )
    _finish(summary, quiet=quiet)


def _finish(summary: run.Summary, *, quiet: bool) -> None:
    """The summary line (on failure, or for a person at a terminal), then the exit status."""
    if summary.interrupted:
        if summary.resumable:
            _err(f"newsnorm: interrupted: {summary.line()}; run again with --resume to go on")
        else:
            _err(f"newsnorm: interrupted: {summary.line()}; no Parquet file was written")
        raise typer.Exit(EXIT_INTERRUPTED)
    if not quiet and (summary.failed or summary.warned or sys.stderr.isatty()):
        _err(f"newsnorm: {summary.line()}")
    if summary.failed:
        raise typer.Exit(EXIT_FAILED)


def _profiles(paths: list[Path] | None) -> tuple[ProfileText, ...]:
    """The texts of the run's profiles, NEWSNORM_PROFILES's then --profiles': they travel
    with the run to every process that converts (a cluster's workers have no files of ours).
    One that is not valid is a usage error (ProfileError), before anything is read."""
    return tuple(profile_texts([*environment_paths(), *(paths or [])]))


def _fields(html_field: str | None, url_field: str | None) -> Fields:
    defaults = Fields()
    return Fields(
        html=(html_field,) if html_field else defaults.html,
        url=(url_field,) if url_field else defaults.url,
    )


@app.command("learn")
def learn_templates(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories, URLs, globs: what `convert` reads, not -."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The directory to write the drafts into.")
    ],
    min_pages: MinPagesOption = DEFAULT_MIN_PAGES,
    html_field: HtmlFieldOption = None,
    url_field: UrlFieldOption = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Bytes one document may have; a longer one is skipped.")
    ] = DEFAULT_MAX_BYTES,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes to read with (default: the machine's cores)."),
    ] = None,
) -> None:
    """Learn each outlet's template (the runs of lines its pages repeat) from a batch of its
    pages, and write one draft profile per outlet into --output, to review and use with
    --profiles. Prints outlet, pages, rules and the share of its pages' lines removed."""
    from newsnorm.learn import learn, template_shares

    if STDIN in paths:
        raise UsageError("learn reads its inputs twice, and stdin cannot be: write a file")
    fields = _fields(html_field, url_field)
    workers = workers or cores()
    learned = learn(paths, fields=fields, max_bytes=max_bytes, min_pages=min_pages, workers=workers)
    shares = template_shares(paths, learned, fields=fields, max_bytes=max_bytes, workers=workers)
    output.mkdir(parents=True, exist_ok=True)
    typer.echo(f"{'outlet':40} {'pages':>6} {'rules':>6} {'removed':>8}")
    for draft in learned.drafts:
        (output / draft.file_name).write_text(draft.text(), encoding="utf-8")
        typer.echo(f"{draft.key:40} {draft.pages:6} {draft.rules:6} {shares[draft.key]:8.1%}")
    _err(
        f"newsnorm: {len(learned.drafts)} drafts written into {output}, from"
        f" {learned.documents} documents ({learned.groups} outlets or templates;"
        f" {learned.unreadable} unreadable)"
    )


@app.command("dedup")
def dedup_records(
    paths: Annotated[
        list[str],
        typer.Argument(help="JSON Lines files of records (.gz or not), directories of them, -."),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here (- or none: stdout); a directory (DIR/) gets a part-NNNNN.jsonl.gz per"
            " input file.",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="'record' (the default), 'ninjs', 'ninjs3', or 'parquet' (also chosen by"
            " -o FILE.parquet).",
        ),
    ] = formats.RECORD,
    errors: Annotated[
        str | None,
        typer.Option(help="Also write one JSON Lines error record per line that is no record."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes to read with (default: the machine's cores)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Read on a Dask cluster, a task per input file (a partitioned run's parts):"
            " 'local' or a scheduler's address. Needs the 'dask' extra.",
        ),
    ] = None,
) -> None:
    """Give every record `duplicate_of` (the id of the record it copies, word for word or
    nearly, else null) and `story` (one id for every record of the same story), in input
    order. Prints records, exact copies, near copies and stories with more than one record;
    a line that is no record is reported (exit 1) and left out."""
    from newsnorm.dedup import dedup
    from newsnorm.run.outcome import error_record

    problems = []

    def on_problem(failure) -> None:
        problems.append(failure)
        _err(f"newsnorm: {failure.message()}")

    summary = dedup(
        paths, _stdout_if_dash(output), output_format=output_format,
        workers=workers or cores(), dask=dask, on_problem=on_problem,
    )  # fmt: skip
    if errors is not None:
        Path(errors).write_bytes(b"".join(error_record(failure) for failure in problems))
    _err(f"newsnorm: {summary.line()}")
    if problems:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="JSON Lines files, or - for stdin.")],
) -> None:
    """Check records against the article schema; print each problem with its line."""
    bad = 0
    for path in paths:
        from newsnorm.validation import validate_lines  # jsonschema: only to validate

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
def export(
    path: Annotated[str, typer.Argument(help="A JSON Lines file of records (.gz or not), or -.")],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write here (- or none: stdout).")
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="'ninjs' (IPTC ninjs 2.2), 'ninjs3' (3.1), 'record', or 'parquet' (also"
            " chosen by -o FILE.parquet).",
        ),
    ] = formats.RECORD,
) -> None:
    """Re-shape records already made, without extracting again: one line per valid record;
    each invalid line is reported with its number (exit 1) and the others still exported."""
    try:
        from newsnorm.formats.export import export_file

        summary = export_file(path, _stdout_if_dash(output), output_format, on_problem=_err)
    except OSError as exc:
        _usage_error(f"cannot read {path}: {exc.strerror or exc}")
    if summary.invalid:
        _err(f"newsnorm: {summary.exported} exported, {summary.invalid} invalid line(s) left out")
        raise typer.Exit(EXIT_FAILED)


@app.command()
def schema() -> None:
    """Print the article JSON Schema (schemas/article.v1.json)."""
    from newsnorm.schema import article_schema_json

    sys.stdout.buffer.write(article_schema_json())


@app.command("plugins")
def list_plugins(
    all_: Annotated[bool, typer.Option("--all", help="Include the built-in plugins.")] = False,
    profiles: ProfilesOption = None,
) -> None:
    """List the loaded plugins, their versions and hooks, as JSON; an outlet profile is the
    plugin `profile:KEY`, with the file it came from."""
    pm = pipeline_with(_profiles(profiles)).pm
    listing = [_listed(info) for info in describe_plugins(pm, include_builtin=all_)]
    sys.stdout.buffer.write(orjson.dumps(listing, option=orjson.OPT_INDENT_2) + b"\n")


def _listed(info) -> dict:
    entry = {
        "name": info.name,
        "distribution": info.distribution,
        "version": info.version,
        "hooks": list(info.hooks),
    }
    if info.origin is not None:
        entry["origin"] = info.origin
    return entry


@app.command("new-plugin")
def new_plugin(
    name: Annotated[str, typer.Argument(help="The plugin's name: lowercase, like acme-news.")],
    domain: Annotated[str, typer.Option(help="The outlet's domain, like acme.example.")],
    directory: Annotated[
        Path, typer.Option("--dir", help="Where to make newsnorm-NAME/ (default: here).")
    ] = Path("."),
    title: Annotated[
        str | None,
        typer.Option(help="The outlet's name, as records give it (default: from NAME)."),
    ] = None,
) -> None:
    """Make a ready outlet plugin, newsnorm-NAME/: package, profile, README and tests."""
    from newsnorm.authoring import scaffold

    target = scaffold.new_plugin(name, domain, directory, title)
    # The test extra brings pytest: a fresh environment has none.
    install = shlex.quote(f"{target}[test]")
    typer.echo(
        f"made {target}; next: pip install -e {install} && pytest {shlex.quote(str(target))}"
    )


@app.command("check-plugin")
def check_plugin(
    name: Annotated[
        str | None,
        typer.Argument(help="The plugin's name (its `newsnorm` entry point; see `plugins`)."),
    ] = None,
    module: Annotated[
        str | None,
        typer.Option(help="Check the plugin in this module instead, installed or not."),
    ] = None,
    others: Annotated[
        list[str] | None,
        typer.Option(
            "--others",
            metavar="PATH",
            help="Captures or pages of other outlets (a file, directory, glob or web"
            " archive; repeatable) the plugin must not claim by content, besides those"
            " newsnorm ships.",
        ),
    ] = None,
) -> None:
    """Check a plugin: it loads, its hooks match the specs, its golden cases pass, its rule
    names are valid, it claims no capture or page of another outlet by content, its profiles
    validate. Exit 1 when a check fails."""
    from newsnorm.authoring import check
    from newsnorm.authoring.findings import passed, report

    if name is None and module is None:
        _usage_error("name the plugin to check (see `newsnorm plugins`), or give --module")
    paths = others or []
    if module:
        findings = check.check_module(module, name, paths)
    else:
        findings = check.check_plugin(name, paths)
    typer.echo(report(findings))
    if not passed(findings):
        raise typer.Exit(EXIT_FAILED)


EXPLAIN_HELP = "\n\n".join(
    [
        "Write an HTML report of what newsnorm does with one page: its text blocks in order"
        " (removed ones struck through with their rule and plugin), the main-content region"
        " the extractor chose, and each metadata field with its source and the candidates"
        " it beat.",
        "The report is one self-contained file: open it in a browser. By default it is"
        " written here as PAGE's name with .explain.html; -o - prints it.",
    ]
)


@app.command("explain", help=EXPLAIN_HELP)
def explain_page(
    page: Annotated[str, typer.Argument(help="An HTML page or a text capture (gzipped or not).")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Where to write the report; - for stdout."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="The page's address.")] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Force an outlet by key or name (see `plugins`).")
    ] = None,
    profiles: ProfilesOption = None,
) -> None:
    """`newsnorm explain`; what it does for a user is EXPLAIN_HELP."""
    from newsnorm import explain  # the report's renderer: only for this command

    texts = _profiles(profiles)
    try:
        report = explain.explain_file(page, url=url, outlet=outlet, profiles=texts)
    except OSError as exc:
        _err(f"newsnorm: error: cannot read {page}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_FAILED) from None
    except NormalizeError as exc:  # the page itself: named in the message
        _err(f"newsnorm: error: {page}: {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    if output == "-":
        sys.stdout.write(explain.render(report))
        return
    target = Path(output) if output else explain.default_report_path(page)
    target.write_text(explain.render(report), encoding="utf-8")
    typer.echo(str(target))


def _stdout_if_dash(output: str | None) -> str | None:
    """`-o -` is stdout, as for every Unix tool, not a file named '-'."""
    return None if output == STDIN else output


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
