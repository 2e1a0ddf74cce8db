"""The report as one self-contained HTML page: the style inline, no script, and nothing
the browser would load (the page's images appear as their URLs, in text). Every piece of
the page's text is escaped. The output depends on the page alone: no clock, no paths."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from importlib.resources import files
from itertools import groupby

from newsnorm.evidence import shown
from newsnorm.explain.blocks import LEFT_OUT, REMOVED, BlockRow
from newsnorm.explain.fields import FieldRow
from newsnorm.explain.page import Cut, Report

_STYLE = files("newsnorm.explain").joinpath("report.css").read_text(encoding="utf-8")


def render(report: Report) -> str:
    title = f"newsnorm explain: {report.source or report.url or 'a document'}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        *_header(report, title),
        *_legend(),
        *_metadata(report.fields),
        *_blocks(report.blocks),
        *_cuts(report.cuts),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _header(report: Report, title: str) -> Iterator[str]:
    yield f'<header><h1>{escape(title)}</h1><dl class="facts">'
    facts = (
        ("URL", report.url),
        ("Outlet", report.outlet),
        ("Read as", report.input_format),
        ("Plugins that changed it", ", ".join(report.plugins)),
    )
    for name, value in facts:
        yield f"<dt>{name}</dt><dd>{escape(value or '—')}</dd>"
    yield "</dl></header>"


def _legend() -> Iterator[str]:
    yield '<section id="legend"><h2>Legend</h2><ul class="legend">'
    yield '<li><span class="block kept sample">Kept: in the record\'s body</span></li>'
    yield (
        '<li><span class="block removed sample"><del>Removed</del>'
        '<span class="rule">rule · plugin</span></span></li>'
    )
    yield '<li><span class="region sample">Main-content region: where the article is</span></li>'
    yield '<li><span class="block left-out sample">Left out: not read as the article</span></li>'
    yield "</ul></section>"


def _metadata(rows: Iterable[FieldRow]) -> Iterator[str]:
    yield '<section id="metadata"><h2>Metadata</h2><table>'
    yield '<colgroup><col class="name"><col class="value"><col class="source"><col></colgroup>'
    yield "<thead><tr><th>Field</th><th>Value</th><th>Source</th><th>Candidates it beat</th>"
    yield "</tr></thead><tbody>"
    for row in rows:
        yield f'<tr class="field" data-field="{row.name}"><th scope="row">{row.name}</th>'
        yield _cell("value", row.value, "not found")
        yield _source_cell(row)
        yield _beaten_cell(row)
        yield "</tr>"
    yield "</tbody></table></section>"


def _cell(kind: str, text: str, empty: str) -> str:
    if not text:
        return f'<td class="{kind} empty">{empty}</td>'
    return f'<td class="{kind}">{escape(text)}</td>'


def _source_cell(row: FieldRow) -> str:
    if row.source is None:
        return '<td class="source-cell empty">—</td>'
    earlier = "".join(
        f'<span class="earlier">earlier: {escape(shown(c.value))} '
        f"({escape(c.source or 'set')} by {escape(c.plugin)})</span>"
        for c in row.earlier
    )
    agreeing = ", ".join(
        escape(c.source if c.plugin == row.plugin else f"{c.source} ({c.plugin})")
        for c in row.agreeing
    )
    agreeing = f'<span class="earlier">also given by: {agreeing}</span>' if agreeing else ""
    plugin = f'<span class="plugin">by {escape(row.plugin or "")}</span>'
    source = f'<span class="source">{escape(row.source)}</span>'
    return f'<td class="source-cell">{source}{plugin}{agreeing}{earlier}</td>'


def _beaten_cell(row: FieldRow) -> str:
    if not row.beaten:
        return '<td class="beaten empty">none</td>'
    items = "".join(
        f'<li><span class="candidate">{escape(c.value)}</span> '
        f'<span class="candidate-source">({escape(c.source)}, {escape(c.plugin)})</span></li>'
        for c in row.beaten
    )
    return f'<td class="beaten"><ul>{items}</ul></td>'


def _blocks(rows: Iterable[BlockRow]) -> Iterator[str]:
    yield '<section id="blocks"><h2>Text blocks, in page order</h2>'
    for region, group in groupby(rows, key=lambda row: row.region):
        if region is not None:
            label = f"Main-content region: {escape(region)}"
            yield f'<div class="region"><p class="region-label">{label}</p>'
        yield from (_block(row) for row in group)
        if region is not None:
            yield "</div>"
    yield "</section>"


def _block(row: BlockRow) -> str:
    opening = f'<p class="block {row.status}" data-type="{row.type}">'
    return f"{opening}{_block_text(row)}{_where(row.path)}</p>"


def _block_text(row: BlockRow) -> str:
    if row.status == REMOVED:
        return _struck(row.text, f"{row.rule} · {row.plugin}")
    if row.status == LEFT_OUT:
        note = "left out" if row.region else "outside the main region"
        return f'<span class="text">{escape(row.text)}</span><span class="note">{note}</span>'
    return escape(row.text)


def _where(path: str | None) -> str:
    """The block's element as a CSS path: what a profile's `[html] remove` selects."""
    return "" if path is None else f'<code class="where">{escape(path)}</code>'


def _cuts(cuts: Iterable[Cut]) -> Iterator[str]:
    cuts = list(cuts)
    if not cuts:
        return
    yield '<section id="cuts"><h2>Cut from the start of a block</h2>'
    for cut in cuts:
        label = f"{cut.rule} · {cut.plugin}"
        yield f'<p class="block removed">{_struck(cut.text, label)}</p>'
    yield "</section>"


def _struck(text: str, label: str) -> str:
    return f'<del>{escape(text)}</del><span class="rule">{escape(label)}</span>'
