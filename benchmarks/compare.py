"""newsnorm beside trafilatura, readability-lxml and newspaper4k on the shared corpora.

Run on demand, not in CI; `make bench` installs the peers (the `bench` extra) and runs

    cd benchmarks && ../.venv/bin/python compare.py [--shared PATH] [--tools a,b]
        [--corpora a,b] [--limit N] [--worst N] [--no-write]

Each tool runs in a fresh child process ("spawn"), one after another, on pages read and
gunzipped into memory beforehand (runner.py): the CPU time is the extraction loop's only and
the peak memory is that child's. Scores (scoring.py): body F1, precision and recall with the
4-gram shingle metric of corpora/scrapinghub/SOURCE.txt on every corpus; title accuracy, author
F1, date and language accuracy on NAEB and fundus-publishers, whose pages are also broken down
by country and by language (tables.py). The captures corpus (plain-text copies of NAEB and
fundus pages, captures.py) is scored the same way and reported beside newsnorm on the HTML of
the same pages (captures_report.py). Prints the markdown tables and, unless --no-write, writes
them to results.md (section "Extraction" for the HTML corpora, with a chart in results.png;
section "Captures"), rewriting only the sections of the corpora that ran. --worst N prints
newsnorm's N worst pages of each corpus by body F1 on stderr. --shared defaults to
$NEWSNORM_SHARED, else the `shared` directory beside the repository.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import platform
import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from importlib import metadata
from pathlib import Path

import captures_report
from captures import CAPTURES, SAME_PAGES, SOURCES, needs_same_pages
from extractors import DISTRIBUTIONS, TOOLS, Extracted
from languages import gold_languages
from results_file import replace_section
from runner import CORPORA, GOLD_FILES, Run, run_tool, selection
from scoring import PageScore, page_scores, summary
from tables import (
    LABELS,
    Corpus,
    Rows,
    body_columns,
    breakdown,
    metadata_columns,
    speed_columns,
    table,
)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASE = "trafilatura"  # the speed column is also given as a ratio to this tool's
FUNDUS = "fundus-publishers"
FAILED = 0.5  # a page where every tool's body F1 is below this is listed in the notes
Scored = dict[str, list[PageScore]]  # corpus -> one score per page


def measure(tool: str, shared: Path, limit: int | None, corpora: list[str]) -> Run:
    """Run one tool in a fresh spawned process and wait for it."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_tool, tool, shared, limit, corpora).result()


def load_corpus(shared: Path, name: str, limit: int | None) -> Corpus:
    keys, items = [], []
    for key, item, _ in selection(shared, name, limit):
        keys.append(key)
        items.append(item)
    return Corpus(name, keys, items, gold_languages(name, keys, items))


def tool_corpora(tool: str, corpora: dict[str, Corpus]) -> list[str]:
    """The corpora a tool runs on: those chosen, and for newsnorm the HTML of the captured
    pages when the chosen HTML corpora do not hold them all."""
    names = list(corpora)
    if tool == "newsnorm" and CAPTURES in corpora:
        keys = {name: corpora[name].keys for name in SOURCES if name in corpora}
        if needs_same_pages(corpora[CAPTURES].items, keys):
            names.append(SAME_PAGES)
    return names


def score_pages(run: Run, corpora: dict[str, Corpus]) -> Scored:
    """Every page's scores; a tool that gives no language on a corpus is not scored on it there
    ("–"), whichever other corpora ran."""
    return {
        name: page_scores(
            run.outputs[name],
            corpus.items,
            corpus.languages if _speaks(run.outputs[name]) else [None] * len(corpus.items),
        )
        for name, corpus in corpora.items()
        if name in run.outputs
    }


def _speaks(outputs: list[Extracted]) -> bool:
    return any(out.language for out in outputs)


def score_row(run: Run, scored: Scored) -> dict[str, float]:
    row = {"peak": run.peak_mib, "own": run.peak_mib - run.loaded_mib}
    for name, pages in scored.items():
        row |= {f"{name} {score}": value for score, value in summary(pages).items()}
        row[f"{name} rate"] = len(pages) / max(run.seconds[name], 1e-9)
    return row


def add_ratios(rows: Rows, corpus: str) -> None:
    base = rows.get(BASE, {}).get(f"{corpus} rate")
    for row in rows.values():
        row["ratio"] = row[f"{corpus} rate"] / base if base else math.nan


def report(
    runs: list[Run], rows: Rows, scored: dict[str, Scored], corpora: dict[str, Corpus], commit: str
) -> str:
    """The Extraction section: the HTML corpora (`corpora` holds only those)."""
    names = list(corpora)
    parts = [
        "### Body text\n\n" + table(rows, body_columns(names)),
        "### Speed and memory\n\n" + table(rows, speed_columns(names, BASE)),
    ]
    if columns := metadata_columns(names):
        parts.insert(1, "### Metadata\n\n" + table(rows, columns))
    parts.append(notes(runs, scored, corpora, commit))
    if FUNDUS in corpora:
        parts.append(fundus_breakdowns(corpora[FUNDUS], {t: s[FUNDUS] for t, s in scored.items()}))
    return "\n\n".join(parts)


def fundus_breakdowns(corpus: Corpus, scored: dict[str, list[PageScore]]) -> str:
    tools = list(scored)
    intro = (
        f"Weakest first (by {tools[0]}'s body F1). Body F1 for every tool; title accuracy, "
        f"author F1 and date accuracy for {' and '.join(tools[:2])}; language accuracy for "
        f"{tools[0]}. "
        "Languages are those of fundus_languages.json (see the notes above). Groups of one or "
        "two pages say little on their own."
    )
    return "\n\n".join(
        [
            f"### {FUNDUS} by country\n\n{intro}",
            breakdown(corpus, scored, "country"),
            f"### {FUNDUS} by language",
            breakdown(corpus, scored, "language"),
        ]
    )


def notes(
    runs: list[Run], scored: dict[str, Scored], corpora: dict[str, Corpus], revision: str
) -> str:
    def per_tool(values: dict[str, object]) -> str:
        return ", ".join(f"{tool} {value}" for tool, value in values.items())

    low, high = (f(run.loaded_mib for run in runs) for f in (min, max))
    held = f"{low:.0f}" + (f"–{high:.0f}" if high - low >= 1 else "")
    lines = [
        f"- Machine: {machine()}.",
        f"- Versions: {versions(runs, revision)}.",
        f"- Pages: {pages_note(corpora)}.",
        f"- Pages a tool raised on or returned no body for (scored as empty), "
        f"{' / '.join(LABELS[name] for name in corpora)}: "
        f"{per_tool({run.tool: _empties(run, corpora) for run in runs})}."
        + "".join(
            f" {run.tool} raised {errors}." for run in runs if (errors := _errors(run, corpora))
        ),
        f"- Warnings the tools logged (on every corpus of the run): "
        f"{per_tool({run.tool: run.warnings for run in runs})}; "
        "network connections attempted (and refused): "
        f"{per_tool({run.tool: run.connections for run in runs})}.",
        f"- Peak memory includes {held} MiB for the interpreter and all pages held in "
        "memory (the child's peak before the tool was imported); MiB above the pages is the "
        "peak less that, the tool's own (the memory a process streaming its pages needs "
        "beyond the interpreter).",
        *SETTINGS,
        *failed_everywhere(scored, corpora),
    ]
    return "\n".join(lines)


def pages_note(corpora: dict[str, Corpus]) -> str:
    parts = []
    for name, corpus in corpora.items():
        text = f"{LABELS[name]} {len(corpus.items)}"
        if name == "naeb":
            text += " (records without a page are skipped)"
        if name == FUNDUS:
            publishers = {item["publisher"] for item in corpus.items}
            countries = {item["country"] for item in corpus.items}
            text += (
                f" ({len(publishers)} publishers, {len(countries)} countries; page files "
                "without a gold record are not used)"
            )
        parts.append(text)
    return ", ".join(parts)


SETTINGS = [
    "- Settings (extractors.py): defaults, except newspaper4k's fetch_images (off: no "
    "image downloads). readability-lxml and newspaper4k get text decoded with w3lib; "
    "readability-lxml's HTML is made text with a line break after each block. It gives "
    "no author or date: its author F1 counts only the pages without a gold author, its date "
    "accuracy nothing. "
    f"PYTHONHASHSEED={os.environ.get('PYTHONHASHSEED', '0')} (newspaper4k's NAEB bodies vary "
    "slightly with it).",
    "- Authors: newsnorm's `authors` (people) and `agencies` (wire services) together, as the "
    "gold lists mix them; each peer's one author list as it is. Names compared as a set "
    "after whitespace normalisation, F1 per page (both empty = 1).",
    "- Language accuracy: on the primary subtag (`de-AT` counts as `de`; `nb` and `no` are "
    "the same). newsnorm gives `language`, newspaper4k `meta_lang` (the page's declared "
    "language); trafilatura's `language` stays empty unless a target language is asked for, "
    "and readability-lxml has none: –. Gold: NAEB pages are English except three (one "
    "Spanish, two Italian; languages.py); for fundus-publishers, fundus_languages.json maps "
    "each of the 165 publishers to the ISO 639-1 code of its pages' language, annotated by "
    "hand from the gold titles and bodies (per publisher in multilingual countries: be, ca, "
    "ch, es, il, ind, it, jp, lu, tz, za), not from the pages' markup, which says English on "
    "the isiZulu, isiXhosa and Swahili pages. scrapinghub mixes languages and has no gold "
    "language: not scored.",
]


def failed_everywhere(scored: dict[str, Scored], corpora: dict[str, Corpus]) -> list[str]:
    """A note listing the pages where no tool got a body F1 of FAILED or more."""
    if not scored:
        return []
    found = []
    for name, corpus in corpora.items():
        for index, key in enumerate(corpus.keys):
            best = max(pages[name][index].f1 for pages in scored.values())
            if best < FAILED:
                found.append(f"{LABELS[name]} `{key}` ({best:.2f})")
    listed = "; ".join(found) if found else "none"
    return [f"- Pages where every tool's body F1 is below {FAILED} (the best one): {listed}."]


def _empties(run: Run, names: Iterable[str]) -> str:
    counts = (sum(not out.text.strip() for out in run.outputs[name]) for name in names)
    return " / ".join(str(count) for count in counts)


def _errors(run: Run, names: Iterable[str]) -> str:
    kinds = Counter(error.split(":")[0] for name in names for error in run.errors[name])
    return ", ".join(f"{kind} ×{count}" for kind, count in kinds.most_common())


def machine() -> str:
    cpu = f"{os.cpu_count()} CPUs" + (f" ({model})" if (model := _cpu_model()) else "")
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return f"Python {platform.python_version()}, {platform.platform()}, {cpu}, {when}"


def _cpu_model() -> str | None:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return platform.processor() or None
    return next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")), None)


def versions(runs: list[Run], revision: str) -> str:
    names = [DISTRIBUTIONS[run.tool] for run in runs] + ["lxml"]
    described = {name: f"{name} {_version(name)}" for name in names}
    if "newsnorm" in described:
        described["newsnorm"] += f" ({revision})"
    return ", ".join(described.values())


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def revision() -> str:
    """The commit newsnorm was measured at, flagging uncommitted changes in src/."""
    git = ["git", "-C", str(REPO)]
    try:
        commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], **_QUIET).stdout.strip()
        dirty = subprocess.run([*git, "status", "--porcelain", "--", "src"], **_QUIET).stdout
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"
    return f"commit {commit}" + (", uncommitted changes in src/" if dirty.strip() else "")


_QUIET = {"capture_output": True, "text": True, "check": True}


def write_results(extraction: str, captured: str, rows: Rows) -> None:
    """The sections of the corpora that ran; the chart with the HTML corpora's."""
    command = shlex.join(["python", "compare.py", *sys.argv[1:]])
    preamble = (
        f"Produced by `{command}` in benchmarks/ (what `make bench` runs). The numbers are "
        "from one run on one machine: speed is CPU time of the extraction loop alone, each "
        "tool in its own process, so compare the ratios rather than the rates across machines "
        "(they vary by tens of percent from run to run on a shared machine)."
    )
    if captured:
        replace_section("Captures", f"{preamble}\n\n{captured}")
    if extraction:
        replace_section(
            "Extraction", f"{preamble} Chart: [results.png](results.png).\n\n{extraction}"
        )
        from chart import draw  # matplotlib only when writing

        draw(rows, HERE / "results.png")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSNORM_SHARED") or REPO.parent / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared), help="shared data root")
    parser.add_argument("--tools", type=_choice(TOOLS), default=list(TOOLS), help=",".join(TOOLS))
    corpora = list(CORPORA)
    parser.add_argument("--corpora", type=_choice(corpora), default=corpora, help=",".join(corpora))
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help=WORST_HELP)
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser.parse_args()


WORST_HELP = "print newsnorm's N worst pages of each corpus by body F1 on stderr"


def _choice(known: tuple[str, ...] | list[str]) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        names = [name.strip() for name in text.split(",") if name.strip()]
        if unknown := sorted(set(names) - set(known)):
            raise argparse.ArgumentTypeError(f"unknown {unknown}; known: {', '.join(known)}")
        return [name for name in known if name in names]  # the usual order, whatever was typed

    return parse


def report_problems(run: Run) -> None:
    """On stderr: each distinct exception a tool raised, and the first warnings it logged."""
    errors = Counter(error for errors in run.errors.values() for error in errors)
    for error, count in errors.most_common():
        print(f"{run.tool}: raised on {count} page(s): {error}", file=sys.stderr)
    for sample in run.warning_samples:
        print(f"{run.tool}: logged {sample}", file=sys.stderr)


def report_worst(run: Run, scored: Scored, corpora: dict[str, Corpus], count: int) -> None:
    """On stderr: the tool's `count` lowest body F1 pages of each corpus, for a developer to
    open: key, F1, precision, recall and the start of what the tool extracted."""
    for name, corpus in corpora.items():
        pages = scored[name]
        print(f"{run.tool}: {count} worst pages of {name} by body F1", file=sys.stderr)
        for index in sorted(range(len(pages)), key=lambda i: pages[i].f1)[:count]:
            page, text = pages[index], " ".join(run.outputs[name][index].text.split())[:80]
            print(
                f"  {corpus.keys[index]}  F1 {page.f1:.3f}  P {page.precision:.3f}  "
                f"R {page.recall:.3f}  {text!r}",
                file=sys.stderr,
            )


def measure_all(args: argparse.Namespace, corpora: dict[str, Corpus]) -> list[Run]:
    runs = []
    for tool in args.tools:
        try:
            runs.append(measure(tool, args.shared, args.limit, tool_corpora(tool, corpora)))
        except Exception as error:  # a tool that cannot run at all is left out of the table
            print(f"{tool}: failed: {error!r}", file=sys.stderr)
            continue
        report_problems(runs[-1])
    return runs


def main() -> int:
    args = parse_args()
    commit = revision()  # before the runs: src/ may change while they go on
    os.environ.setdefault("PYTHONHASHSEED", "0")  # children inherit it: reproducible outputs
    corpora = {name: load_corpus(args.shared, name, args.limit) for name in args.corpora}
    if not (runs := measure_all(args, corpora)):
        return 1
    scored = {run.tool: score_pages(run, corpora) for run in runs}
    rows: Rows = {run.tool: score_row(run, scored[run.tool]) for run in runs}
    html = {name: corpus for name, corpus in corpora.items() if name in GOLD_FILES}
    extraction = captured = ""
    if html:
        add_ratios(rows, next(iter(html)))
        extraction = report(runs, rows, _only(scored, html), html, commit)
    if CAPTURES in corpora:
        context = [f"- Machine: {machine()}.", f"- Versions: {versions(runs, commit)}."]
        captured = captures_report.section(runs, scored, corpora, context)
    print("\n\n".join(text for text in (extraction, captured) if text))
    for run in runs:
        if run.tool == "newsnorm" and args.worst:
            report_worst(run, scored[run.tool], corpora, args.worst)
    if not args.no_write:
        write_results(extraction, captured, rows)
    return 0 if len(runs) == len(args.tools) else 1


def _only(scored: dict[str, Scored], corpora: dict[str, Corpus]) -> dict[str, Scored]:
    return {tool: {name: scored[tool][name] for name in corpora} for tool in scored}


if __name__ == "__main__":
    sys.exit(main())
