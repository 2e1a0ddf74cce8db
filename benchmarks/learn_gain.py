"""What learning gives on the shared corpora: `newsnorm convert DIR` against `newsnorm convert
DIR --learn`, each corpus's pages in one folder as the corpus ships them (no addresses: the
outlets are found by what their pages share), body precision, recall and F1 per page scored
as compare.py scores them, and the pages learning moved.

    python learn_gain.py --shared ../../shared     # part of `make bench`

The table goes into results.md, under "Learning on the shared corpora". Targets (issue 23):
on the captures, F1 with --learn at least 0.93 and recall within 0.01 of plain; on every
HTML corpus, F1 not lower than plain.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import orjson
from compare import revision
from results_file import replace_section
from runner import CORPORA, selection
from scale import BIN
from shingles import corpus_f1, precision_recall

SECTION = "Learning on the shared corpora"
CAPTURES_TARGET, RECALL_MARGIN = 0.93, 0.01
MOVED = 0.001  # a page's F1 changed by more than this


def convert(folder: Path, output: Path, *, learn: bool, workers: int) -> None:
    command = [str(BIN / "newsnorm"), "convert", str(folder), "-o", str(output), "--quiet"]
    command += ["--workers", str(workers), *(["--learn"] if learn else [])]
    subprocess.run(command, check=True)


def bodies(output: Path) -> dict[str, str]:
    """Each record's body text by its file's name (errors give no body)."""
    found = {}
    for line in output.read_bytes().splitlines():
        record = orjson.loads(line)
        name = Path(record["provenance"]["source"]).name
        found[name] = "\n".join(block["text"] for block in record.get("body") or [])
    return found


def page_scores(output: Path, chosen: list) -> list[tuple[float, float, float]]:
    """(precision, recall, F1) of every chosen page, in the selection's order."""
    texts = bodies(output)
    scores = []
    for _, item, path in chosen:
        precision, recall = precision_recall(texts.get(path.name, ""), item["articleBody"])
        scores.append((precision, recall, _f1(precision, recall)))
    return scores


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def measure(shared: Path, corpus: str, workers: int, scratch: Path) -> dict:
    chosen = selection(shared, corpus, None)
    folder = chosen[0][2].parent
    runs = {}
    for learn in (False, True):
        output = scratch / f"{corpus}-{'learn' if learn else 'plain'}.jsonl"
        convert(folder, output, learn=learn, workers=workers)
        runs[learn] = page_scores(output, chosen)
    plain, learned = runs[False], runs[True]
    changes = [after[2] - before[2] for before, after in zip(plain, learned, strict=True)]
    return {
        "corpus": corpus,
        "pages": len(chosen),
        "plain": _summary(plain),
        "learn": _summary(learned),
        "better": sum(change > MOVED for change in changes),
        "worse": sum(change < -MOVED for change in changes),
        "worst": min(changes),
    }


def _summary(scores: list[tuple[float, float, float]]) -> list[float]:
    """Mean precision and recall, and the corpus F1 of the extraction table (of the means)."""
    f1, precision, recall = corpus_f1([(precision, recall) for precision, recall, _ in scores])
    return [precision, recall, f1]


def table(rows: list[dict]) -> str:
    lines = [
        "| corpus | pages | plain F1 | --learn F1 | gain | plain P / R | --learn P / R | pages"
        " better / worse | worst page |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        (pp, pr, pf), (lp, lr, lf) = row["plain"], row["learn"]
        lines.append(
            f"| {row['corpus']} | {row['pages']} | {pf:.4f} | {lf:.4f} | {lf - pf:+.4f} |"
            f" {pp:.3f} / {pr:.3f} | {lp:.3f} / {lr:.3f} | {row['better']} / {row['worse']} |"
            f" {row['worst']:+.3f} |"
        )
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    notes = []
    for row in rows:
        plain, learned = row["plain"], row["learn"]
        if row["corpus"] == "captures":
            met = learned[2] >= CAPTURES_TARGET and abs(learned[1] - plain[1]) <= RECALL_MARGIN
            notes.append(
                f"- captures: --learn F1 {learned[2]:.4f} (target ≥ {CAPTURES_TARGET}), recall"
                f" {learned[1]:.4f} vs plain {plain[1]:.4f} (target within {RECALL_MARGIN}):"
                f" {'met' if met else 'not met'}."
            )
        else:
            met = learned[2] >= plain[2]
            notes.append(
                f"- {row['corpus']}: --learn F1 {learned[2]:.4f} vs plain {plain[2]:.4f}"
                f" (target: not lower): {'met' if met else 'not met'}."
            )
    return notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../../shared"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--scratch", type=Path, default=Path("learn-gain-output"))
    args = parser.parse_args()
    args.scratch.mkdir(parents=True, exist_ok=True)
    rows = []
    for corpus in CORPORA:
        print(f"learn_gain: {corpus} …", file=sys.stderr)
        rows.append(measure(args.shared, corpus, args.workers, args.scratch))
    text = table(rows)
    notes = verdicts(rows)
    print(text, *notes, sep="\n")
    header = (
        f"Produced by `python learn_gain.py` in benchmarks/ (part of `make bench`) at"
        f" {revision()}: each corpus's pages in one folder, `newsnorm convert` against"
        " `newsnorm convert --learn`, body scored as in the extraction table (F1 of the mean"
        f" precision and recall; a page moved when its own F1 changed by more than {MOVED})."
    )
    replace_section(SECTION, "\n\n".join([header, text, "\n".join(notes)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
