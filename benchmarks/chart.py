"""results.png: body F1 per corpus and metadata accuracy per tool (grouped bars) beside
documents per CPU-second."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot  # after choosing the backend

BODIES = [  # (key in a score row, label)
    ("scrapinghub F1", "scrapinghub"),
    ("naeb F1", "NAEB"),
    ("fundus-publishers F1", "fundus"),
]
METADATA = [
    ("naeb title", "NAEB\ntitle"),
    ("naeb authors", "NAEB\nauthors"),
    ("naeb date", "NAEB\ndate"),
    ("naeb language", "NAEB\nlanguage"),
    ("fundus-publishers title", "fundus\ntitle"),
    ("fundus-publishers authors", "fundus\nauthors"),
    ("fundus-publishers date", "fundus\ndate"),
    ("fundus-publishers language", "fundus\nlanguage"),
]
Rows = dict[str, dict[str, float]]


def draw(rows: Rows, path: Path) -> None:
    figure, (bodies, fields, speed) = pyplot.subplots(
        1, 3, figsize=(15, 4.6), gridspec_kw={"width_ratios": [1.7, 3.6, 1.3]}
    )
    _bars(bodies, rows, _present(rows, BODIES), "Body F1 (higher is better)", labels=True)
    _bars(fields, rows, _present(rows, METADATA), "Metadata: accuracy (authors: F1)", labels=False)
    _speed(speed, rows)
    handles, names = bodies.get_legend_handles_labels()
    figure.legend(handles, names, loc="upper center", ncol=len(rows), frameon=False)
    figure.tight_layout(rect=(0, 0, 1, 0.93))
    figure.savefig(path, dpi=110)
    pyplot.close(figure)


def _present(rows: Rows, scores: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The scores some tool has (a --corpora run leaves some out)."""
    return [(key, label) for key, label in scores if any(key in row for row in rows.values())]


def _bars(
    axes: pyplot.Axes, rows: Rows, scores: list[tuple[str, str]], title: str, labels: bool
) -> None:
    width = 0.8 / len(rows)
    for n, (tool, row) in enumerate(rows.items()):
        positions = [i - 0.4 + (n + 0.5) * width for i in range(len(scores))]
        values = [_zero(row.get(key, math.nan)) for key, _ in scores]
        bars = axes.bar(positions, values, width, label=tool, color=f"C{n}")
        if labels:  # the body scores differ by hundredths: print them
            axes.bar_label(bars, fmt="%.3f", fontsize=7.5, rotation=90, padding=2)
    axes.set_xticks(range(len(scores)), [label for _, label in scores], fontsize=8.5)
    axes.set_ylim(0, 1.15)
    axes.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    axes.grid(axis="y", alpha=0.3)
    axes.set_title(title, fontsize=10)


def _zero(value: float) -> float:
    """A score the tool does not give (NaN) is drawn as no bar."""
    return 0.0 if math.isnan(value) else value


def _speed(axes: pyplot.Axes, rows: Rows) -> None:
    rates_given = _rates(rows)
    key = "scrapinghub rate" if "scrapinghub rate" in rates_given else rates_given[0]
    rates = [row[key] for row in rows.values()]
    bars = axes.bar(range(len(rows)), rates, color=[f"C{n}" for n in range(len(rows))])
    axes.bar_label(bars, fmt="%.0f", fontsize=8)
    axes.set_xticks(range(len(rows)), list(rows), fontsize=8, rotation=20)
    axes.set_ylim(0, max(rates) * 1.15)
    axes.grid(axis="y", alpha=0.3)
    axes.set_title(f"Docs per CPU-second ({key.removesuffix(' rate')})", fontsize=10)


def _rates(rows: Rows) -> list[str]:
    first = next(iter(rows.values()))
    return [key for key in first if key.endswith(" rate")]
