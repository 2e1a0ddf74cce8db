"""`explain`: run one page through the real pipeline with evidence kept, and gather what
the report shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsnorm.document import Document, Source
from newsnorm.explain.blocks import block_rows, removal_cuts
from newsnorm.explain.fields import field_rows
from newsnorm.explain.page import Cut, Report
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, read_capped, within_cap
from newsnorm.pipeline import pipeline_with
from newsnorm.profiles import ProfileText


def explain(
    content: bytes | str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    profiles: tuple[ProfileText, ...] = (),
) -> Report:
    """The report of one document (an HTML page or a text capture, bytes or text), as
    `normalize` would convert it with the same `url`, `outlet` and `source`, and the outlet
    `profiles` of a run (`--profiles`) besides the installed ones. Raises NormalizeError when
    the document cannot be read, UnknownOutletError for `outlet`, ProfileError for a
    profile that is not valid."""
    within_cap(content, max_bytes)
    document, record = pipeline_with(profiles).traced(
        Source(content, url=url, name=source), outlet=outlet
    )
    return _report(document, record)


def explain_file(
    path: str | Path,
    *,
    url: str | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    profiles: tuple[ProfileText, ...] = (),
) -> Report:
    """`explain` of a file (gzipped or not), named by its path. OSError when unreadable."""
    with open(path, "rb") as stream:
        content = read_capped(stream, max_bytes)
    return explain(
        content, url=url, outlet=outlet, source=str(path), max_bytes=max_bytes, profiles=profiles
    )


def default_report_path(page: str | Path) -> Path:
    """Where `newsnorm explain` writes by default: here, the page's name without its
    extensions (.html.gz, .txt) and with .explain.html."""
    name = Path(page).name
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt"):
        name = name.removesuffix(suffix)
    return Path(f"{name or 'page'}.explain.html")


def _report(document: Document, record: dict[str, Any]) -> Report:
    assert document.evidence is not None  # a traced run keeps it
    return Report(
        source=document.source.name,
        url=document.url,
        outlet=document.outlet.name if document.outlet else None,
        input_format=document.input_format,
        plugins=tuple(p["name"] for p in record["provenance"]["plugins"]),
        blocks=tuple(block_rows(document)),
        cuts=tuple(Cut(text, rule, plugin) for plugin, rule, text in removal_cuts(document)),
        fields=tuple(field_rows(document.evidence, record)),
    )
