"""newsnorm beside trafilatura, readability-lxml and newspaper4k on the shared corpora.

Run on demand, not in CI; `make bench` installs the peers (the `bench` extra) and runs

    cd benchmarks && ../.venv/bin/python compare.py [--shared PATH] [--tools a,b] [--limit N]

Each tool runs in a fresh child process ("spawn"), one after another, on pages read and
gunzipped into memory beforehand (runner.py): the CPU time is the extraction loop's only and
the peak memory is that child's. Scores (scoring.py): body F1, precision and recall with the
4-gram shingle metric of corpora/scrapinghub/SOURCE.txt on both corpora; NAEB title accuracy,
author F1 and date accuracy. Prints a markdown table and, unless --no-write, writes it to
results.md with a chart in results.png. --shared defaults to $NEWSNORM_SHARED, else the
`shared` directory beside the repository.
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
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from importlib import metadata
from pathlib import Path

from extractors import DISTRIBUTIONS, TOOLS
from results_file import replace_section
from runner import GOLD_FILES, Run, run_tool, selection
from scoring import body_scores, metadata_scores

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASE = "trafilatura"  # the speed column is also given as a ratio to this tool's
COLUMNS = [  # (header, key in a score row, format)
    ("scrapinghub F1", "scrapinghub F1", ".3f"),
    ("P", "scrapinghub P", ".3f"),
    ("R", "scrapinghub R", ".3f"),
    ("NAEB F1", "naeb F1", ".3f"),
    ("P", "naeb P", ".3f"),
    ("R", "naeb R", ".3f"),
    ("NAEB title acc", "title", ".3f"),
    ("NAEB author F1", "authors", ".3f"),
    ("NAEB date acc", "date", ".3f"),
    ("docs/CPU-s (scrapinghub)", "scrapinghub rate", ".1f"),
    (f"× {BASE}", "ratio", ".2f"),
    ("peak MiB", "peak", ".0f"),
]


def measure(tool: str, shared: Path, limit: int | None) -> Run:
    """Run one tool in a fresh spawned process and wait for it."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_tool, tool, shared, limit).result()


def score(run: Run, gold: dict[str, list[dict]]) -> dict[str, float]:
    row = {"peak": run.peak_mib}
    for corpus, items in gold.items():
        f1, precision, recall = body_scores(run.outputs[corpus], items)
        row |= {f"{corpus} F1": f1, f"{corpus} P": precision, f"{corpus} R": recall}
        row[f"{corpus} rate"] = len(items) / max(run.seconds[corpus], 1e-9)
    return row | metadata_scores(run.outputs["naeb"], gold["naeb"])


def add_ratios(rows: dict[str, dict[str, float]]) -> None:
    base = rows.get(BASE, {}).get("scrapinghub rate")
    for row in rows.values():
        row["ratio"] = row["scrapinghub rate"] / base if base else float("nan")


def table(rows: dict[str, dict[str, float]]) -> str:
    lines = [
        "| tool | " + " | ".join(header for header, _, _ in COLUMNS) + " |",
        "|---|" + "---:|" * len(COLUMNS),
    ]
    for tool, row in rows.items():
        cells = (_cell(row[key], spec) for _, key, spec in COLUMNS)
        lines.append(f"| {tool} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(value: float, spec: str) -> str:
    return "–" if math.isnan(value) else format(value, spec)


def notes(runs: list[Run], rows: dict[str, dict[str, float]], gold: dict, revision: str) -> str:
    def per_tool(values: dict[str, object]) -> str:
        return ", ".join(f"{tool} {value}" for tool, value in values.items())

    naeb_rates = {run.tool: f"{rows[run.tool]['naeb rate']:.1f}" for run in runs}
    low, high = (f(run.loaded_mib for run in runs) for f in (min, max))
    held = f"{low:.0f}" + (f"–{high:.0f}" if high - low >= 1 else "")
    return "\n".join(
        [
            f"- Machine: {machine()}.",
            f"- Versions: {versions(runs, revision)}.",
            f"- Pages: scrapinghub {len(gold['scrapinghub'])}, NAEB {len(gold['naeb'])} "
            "(NAEB records without a page are skipped).",
            f"- Docs per CPU-second on NAEB: {per_tool(naeb_rates)}.",
            "- Pages a tool raised on (scored as empty): "
            f"{per_tool({run.tool: _errors(run) for run in runs})}.",
            f"- Warnings the tools logged: {per_tool({run.tool: run.warnings for run in runs})}; "
            "network connections attempted (and refused): "
            f"{per_tool({run.tool: run.connections for run in runs})}.",
            f"- Peak memory includes {held} MiB for the interpreter and all pages held in "
            "memory (the child's peak before the tool was imported).",
            "- Settings (extractors.py): defaults, except newspaper4k's fetch_images (off: no "
            "image downloads). readability-lxml and newspaper4k get text decoded with w3lib; "
            "readability-lxml's HTML is made text with a line break after each block. It gives "
            "no author or date: its author F1 counts only the pages without a gold author. "
            f"PYTHONHASHSEED={os.environ.get('PYTHONHASHSEED')} (newspaper4k's NAEB bodies vary "
            "slightly with it).",
        ]
    )


def _errors(run: Run) -> str:
    kinds = Counter(error.split(":")[0] for errors in run.errors.values() for error in errors)
    listed = ", ".join(f"{kind} ×{count}" for kind, count in kinds.most_common())
    return f"{kinds.total()} ({listed})" if kinds else "0"


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


def write_results(text: str, rows: dict[str, dict[str, float]]) -> None:
    command = shlex.join(["python", "compare.py", *sys.argv[1:]])
    preamble = (
        f"Produced by `{command}` in benchmarks/ (what `make bench` runs). The numbers are "
        "from one run on one machine: speed is CPU time of the extraction loop alone, each "
        "tool in its own process, so compare the ratios rather than the rates across machines "
        "(they vary by tens of percent from run to run on a shared machine). Chart: "
        "[results.png](results.png).\n\n"
    )
    replace_section("Extraction", preamble + text)
    from chart import draw  # matplotlib only when writing

    draw(rows, HERE / "results.png")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSNORM_SHARED") or REPO.parent / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared), help="shared data root")
    parser.add_argument("--tools", type=_tools, default=list(TOOLS), help=",".join(TOOLS))
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser.parse_args()


def _tools(text: str) -> list[str]:
    tools = [name.strip() for name in text.split(",") if name.strip()]
    if unknown := sorted(set(tools) - set(TOOLS)):
        raise argparse.ArgumentTypeError(f"unknown tools {unknown}; known: {', '.join(TOOLS)}")
    return tools


def report_problems(run: Run) -> None:
    """On stderr: each distinct exception a tool raised, and the first warnings it logged."""
    errors = Counter(error for errors in run.errors.values() for error in errors)
    for error, count in errors.most_common():
        print(f"{run.tool}: raised on {count} page(s): {error}", file=sys.stderr)
    for sample in run.warning_samples:
        print(f"{run.tool}: logged {sample}", file=sys.stderr)


def main() -> int:
    args = parse_args()
    commit = revision()  # before the runs: src/ may change while they go on
    os.environ.setdefault("PYTHONHASHSEED", "0")  # children inherit it: reproducible outputs
    gold = {
        corpus: [item for item, _ in selection(args.shared, corpus, args.limit)]
        for corpus in GOLD_FILES
    }
    runs = []
    for tool in args.tools:
        try:
            runs.append(measure(tool, args.shared, args.limit))
        except Exception as error:  # a tool that cannot run at all is left out of the table
            print(f"{tool}: failed: {error!r}", file=sys.stderr)
            continue
        report_problems(runs[-1])
    if not runs:
        return 1
    rows = {run.tool: score(run, gold) for run in runs}
    add_ratios(rows)
    text = f"{table(rows)}\n\n{notes(runs, rows, gold, commit)}"
    print(text)
    if not args.no_write:
        write_results(text, rows)
    return 0 if len(runs) == len(args.tools) else 1


if __name__ == "__main__":
    sys.exit(main())
