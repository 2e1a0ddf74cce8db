"""The captures section of results.md: each tool on the plain-text captures beside newsnorm on
the HTML of the same pages, over all captures, per source corpus and per gold language.

A view is one tool's outputs on those pages in the captures' order, with their scores and each
page's CPU seconds, so that every group of pages is summed up the same way (row).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from captures import CAPTURES, SAME_PAGES, SOURCES, same_pages
from extractors import Extracted
from runner import Run
from scoring import PageScore, page_scores, summary
from tables import LABELS, Column, Corpus, Rows, table

HTML_VIEW = "newsnorm, HTML"
COMPARED = ("newsnorm, capture", "trafilatura, capture", HTML_VIEW)  # in every breakdown
# The outlets of the plugins in plugins/ (newsnorm-brecorder, newsnorm-newsmania): none of the
# captured pages is theirs, so any outlet name newsnorm gives here is wrong.
PLUGIN_OUTLETS = ("Business Recorder", "News Mania")
COLUMNS: list[Column] = [
    ("F1", "F1", ".3f"),
    ("P", "P", ".3f"),
    ("R", "R", ".3f"),
    ("title acc", "title", ".3f"),
    ("author F1", "authors", ".3f"),
    ("date acc", "date", ".3f"),
    ("language acc", "language", ".3f"),
    ("raised / empty", "failures", ""),
    ("docs/CPU-s", "rate", ".1f"),
]


@dataclass
class View:
    """One tool's run on the captured pages: outputs, scores and CPU seconds, page by page."""

    label: str
    outputs: list[Extracted]
    scores: list[PageScore]
    seconds: list[float]


def views(runs: list[Run], scored: dict[str, dict], corpora: dict[str, Corpus]) -> list[View]:
    """Every tool on the captures, then newsnorm on the HTML of the same pages."""
    found = [
        View(f"{run.tool}, capture", run.outputs[CAPTURES], scored[run.tool][CAPTURES], seconds)
        for run in runs
        if (seconds := run.page_seconds.get(CAPTURES)) is not None
    ]
    if newsnorm := next((run for run in runs if run.tool == "newsnorm"), None):
        found.append(html_view(newsnorm, corpora))
    return found


def html_view(run: Run, corpora: dict[str, Corpus]) -> View:
    captured = corpora[CAPTURES]
    keys = {name: corpora[name].keys for name in SOURCES if name in run.outputs}
    outputs, seconds = same_pages(run.outputs, run.page_seconds, keys, captured.items)
    return View(
        HTML_VIEW, outputs, page_scores(outputs, captured.items, captured.languages), seconds
    )


def section(
    runs: list[Run], scored: dict[str, dict], corpora: dict[str, Corpus], context: list[str]
) -> str:
    """The markdown of the section: the table, its notes (after the `context` lines: machine,
    versions) and the per-language table."""
    captured, found = corpora[CAPTURES], views(runs, scored, corpora)
    compared = [view for view in found if view.label in COMPARED]
    by_language = language_groups(captured, compared)
    return "\n\n".join(
        [
            INTRO,
            table(rows(source_groups(captured), found), COLUMNS, ("pages", "run")),
            "\n".join([*context, notes(runs, found, captured)]),
            "### Captures by language\n\n" + LANGUAGE_INTRO,
            table(rows(by_language, compared), COLUMNS, ("language (pages)", "run")),
        ]
    )


INTRO = (
    "The plain-text captures of NAEB and fundus-publishers pages (corpora/captures), without "
    "their URL; newsnorm reads them as they are, the peers as an HTML page with one `<p>` per "
    "line. Beside them, newsnorm on the HTML of the same pages (with its URL, as in the "
    "Extraction section). Scored as the HTML corpora; raised / empty: pages the tool raised "
    "on / gave no body for without raising."
)
LANGUAGE_INTRO = (
    "newsnorm and trafilatura on the captures and newsnorm on the HTML of the same pages, by "
    "gold language (a capture has its page's: languages.py), weakest first by newsnorm's body "
    "F1 on the captures. Groups of one or two pages say little on their own."
)


def source_groups(corpus: Corpus) -> dict[str, list[int]]:
    """All pages, then those of each source corpus (a --limit run may have none of one)."""
    groups = {"all": list(range(len(corpus.items)))}
    for name in SOURCES:
        if indices := [i for i, item in enumerate(corpus.items) if item["corpus"] == name]:
            groups[LABELS[name]] = indices
    return groups


def language_groups(corpus: Corpus, compared: list[View]) -> dict[str, list[int]]:
    """Pages by gold language, weakest first by the first view's body F1, then most pages."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, language in enumerate(corpus.languages):
        groups[language or "?"].append(index)

    def weakness(name: str) -> tuple[float, int]:
        pages = [compared[0].scores[i] for i in groups[name]] if compared else []
        return (summary(pages)["F1"] if pages else 0.0, -len(groups[name]))

    return {name: groups[name] for name in sorted(groups, key=weakness)}


def rows(groups: dict[str, list[int]], found: list[View]) -> Rows:
    """One row per group and view: (`group (pages)`, view label)."""
    return {
        (f"{name} ({len(indices)})", view.label): row(view, indices)
        for name, indices in groups.items()
        for view in found
    }


def row(view: View, indices: list[int]) -> dict[str, float | str]:
    outputs = [view.outputs[i] for i in indices]
    raised = sum(out.error is not None for out in outputs)
    empty = sum(out.error is None and not out.text.strip() for out in outputs)
    seconds = sum(view.seconds[i] for i in indices)
    return summary([view.scores[i] for i in indices]) | {
        "failures": f"{raised} / {empty}",
        "rate": len(indices) / max(seconds, 1e-9),
    }


def notes(runs: list[Run], found: list[View], corpus: Corpus) -> str:
    counts = Counter(item["corpus"] for item in corpus.items)
    sources = ", ".join(f"{LABELS[name]} {counts[name]}" for name in SOURCES)
    lines = [
        f"- Pages: {len(corpus.items)} captures ({sources}); the pages whose capture shows less "
        "than half of the gold article are not in the corpus (its SOURCE.txt).",
        "- Inputs: newsnorm gets each capture's bytes with url=None. trafilatura, readability-"
        "lxml and newspaper4k read HTML only: each gets the capture as a UTF-8 HTML page with "
        "one `<p>` per non-empty line, its text HTML-escaped (extractors.lines_as_html), made "
        "inside the timed call, and url=None (newspaper4k's placeholder URL). That page declares "
        "no language, so newspaper4k, which gives the declared one, gives none: –.",
        html_note(runs),
        *speed_note(found),
        *outlet_notes(found),
    ]
    return "\n".join(lines)


def html_note(runs: list[Run]) -> str:
    newsnorm = next((run for run in runs if run.tool == "newsnorm"), None)
    if newsnorm is None:
        return "- newsnorm did not run: no HTML row."
    how = (
        "a run of newsnorm on those pages alone (the run's NAEB and fundus pages, if any, did "
        "not hold them all)"
        if SAME_PAGES in newsnorm.outputs
        else "this run's NAEB and fundus outputs, picked by each capture's `corpus` and `page`"
    )
    return f"- {HTML_VIEW}: the HTML pages the captures were made from, with their URL; from {how}."


def speed_note(found: list[View]) -> list[str]:
    rates = {view.label: row(view, list(range(len(view.outputs))))["rate"] for view in found}
    if (rate := rates.get("newsnorm, capture")) is None:
        return []
    against = [
        f"{rate / rates[label]:.1f}× {phrase}"
        for label, phrase in SPEED_AGAINST.items()
        if label in rates
    ]
    return [
        f"- Speed: newsnorm reads {rate:.0f} captures per CPU-second (target ≥ 100)"
        + (f": {' and '.join(against)}" if against else "")
        + "."
    ]


SPEED_AGAINST = {  # what newsnorm's rate on the captures is compared with
    "trafilatura, capture": "trafilatura's rate on the captures",
    HTML_VIEW: "its own on the HTML of the same pages",
}


def outlet_notes(found: list[View]) -> list[str]:
    """The outlet names newsnorm gave. None of these pages is from a plugin's outlet, so a
    plugin's name is always wrong; other names are what the pages declare (docs/record.md)."""
    lines = []
    for view in found:
        if not view.label.startswith("newsnorm"):
            continue
        names = Counter(out.outlet for out in view.outputs if out.outlet)
        plugins = ", ".join(f"{name} {names.get(name, 0)}" for name in PLUGIN_OUTLETS)
        others = sum(count for name, count in names.items() if name not in PLUGIN_OUTLETS)
        lines.append(
            f"- Outlets ({view.label}): {sum(names.values())} of {len(view.outputs)} records name "
            f"an outlet: a plugin's ({plugins}), wrong on every one of these pages, none of "
            f"which is from an outlet newsnorm has a plugin for; declared by the page {others} "
            "(its site name or copyright line: docs/record.md)."
        )
    return lines
