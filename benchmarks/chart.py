"""results.png: accuracy per tool (grouped bars) beside documents per CPU-second."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot  # after choosing the backend

SCORES = [  # (key in a score row, label)
    ("scrapinghub F1", "scrapinghub\nbody F1"),
    ("naeb F1", "NAEB\nbody F1"),
    ("title", "NAEB\ntitle acc"),
    ("authors", "NAEB\nauthor F1"),
    ("date", "NAEB\ndate acc"),
]


def draw(rows: dict[str, dict[str, float]], path: Path) -> None:
    figure, (scores, speed) = pyplot.subplots(
        1, 2, figsize=(10, 4), gridspec_kw={"width_ratios": [3, 1.2]}
    )
    _scores(scores, rows)
    _speed(speed, rows)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)


def _scores(axes: pyplot.Axes, rows: dict[str, dict[str, float]]) -> None:
    width = 0.8 / len(rows)
    for n, (tool, row) in enumerate(rows.items()):
        positions = [i - 0.4 + (n + 0.5) * width for i in range(len(SCORES))]
        axes.bar(positions, [row[key] for key, _ in SCORES], width, label=tool, color=f"C{n}")
    axes.set_xticks(range(len(SCORES)), [label for _, label in SCORES], fontsize=9)
    axes.set_ylim(0, 1.12)
    axes.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    axes.grid(axis="y", alpha=0.3)
    axes.set_title("Accuracy (higher is better)", fontsize=10)
    axes.legend(fontsize=8, loc="upper center", ncol=len(rows), frameon=False)


def _speed(axes: pyplot.Axes, rows: dict[str, dict[str, float]]) -> None:
    rates = [row["scrapinghub rate"] for row in rows.values()]
    bars = axes.bar(range(len(rows)), rates, color=[f"C{n}" for n in range(len(rows))])
    axes.bar_label(bars, fmt="%.0f", fontsize=8)
    axes.set_xticks(range(len(rows)), list(rows), fontsize=8, rotation=20)
    axes.set_ylim(0, max(rates) * 1.15)
    axes.grid(axis="y", alpha=0.3)
    axes.set_title("Docs per CPU-second (scrapinghub)", fontsize=10)
