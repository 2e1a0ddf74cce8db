"""The markdown tables of results.md: body scores, metadata and speed per tool, and the
fundus-publishers breakdown by country and by language.

A score row (compare.py) is keyed "<corpus> <score>": "naeb F1", "fundus-publishers date",
"scrapinghub rate", plus "ratio", "peak" and "own" (the peak above the pages held). NaN
prints as "–" (a tool that gives no such field, or a corpus without its gold).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from scoring import PageScore, summary

LABELS = {"scrapinghub": "scrapinghub", "naeb": "NAEB", "fundus-publishers": "fundus"}
METADATA_CORPORA = ("naeb", "fundus-publishers")  # the ones with gold metadata
OTHER = {"country": "language", "language": "country"}  # a breakdown lists the other grouping
PLURAL = {"country": "countries", "language": "languages"}
Column = tuple[str, str, str]  # header, key in a score row, format
RowName = str | tuple[str, ...]  # a tuple fills as many first columns
Rows = dict[RowName, dict[str, float | str]]


@dataclass
class Corpus:
    """A corpus's pages as scored: keys, gold records and gold languages, in the same order."""

    name: str
    keys: list[str]
    items: list[dict]
    languages: list[str | None]


def body_columns(corpora: list[str]) -> list[Column]:
    columns = []
    for corpus in corpora:
        label = LABELS[corpus]
        columns += [(f"{label} F1", f"{corpus} F1", ".3f")]
        columns += [(score, f"{corpus} {score}", ".3f") for score in ("P", "R")]
    return columns


def metadata_columns(corpora: list[str]) -> list[Column]:
    columns = []
    for corpus in (name for name in corpora if name in METADATA_CORPORA):
        label = LABELS[corpus]
        columns += [(f"{label} title acc", f"{corpus} title", ".3f")]
        columns += [("author F1", f"{corpus} authors", ".3f")]
        columns += [(header, f"{corpus} {key}", ".3f") for header, key in _LAST_METADATA]
    return columns


_LAST_METADATA = (("date acc", "date"), ("language acc", "language"))


def speed_columns(corpora: list[str], base: str) -> list[Column]:
    """Docs per CPU-second on each corpus; the ratio to `base` is the first corpus's."""
    first, *others = corpora
    columns = [(f"docs/CPU-s ({LABELS[first]})", f"{first} rate", ".1f")]
    columns += [(f"× {base}", "ratio", ".2f")]
    columns += [(f"docs/CPU-s ({LABELS[name]})", f"{name} rate", ".1f") for name in others]
    # The tool's own memory: its peak above the pages held and the bare interpreter.
    return [*columns, ("peak MiB", "peak", ".0f"), ("MiB above the pages", "own", ".0f")]


def table(rows: Rows, columns: list[Column], first: str | tuple[str, ...] = "tool") -> str:
    """A markdown table: the row names (one or more columns headed `first`), then `columns`."""
    heads = _cells(first)
    aligned = ("---|" if not spec else "---:|" for _, _, spec in columns)
    lines = [
        "| " + " | ".join([*heads, *(header for header, _, _ in columns)]) + " |",
        "|" + "---|" * len(heads) + "".join(aligned),
    ]
    for name, row in rows.items():
        cells = (cell(row.get(key, math.nan), spec) for _, key, spec in columns)
        lines.append("| " + " | ".join([*_cells(name), *cells]) + " |")
    return "\n".join(lines)


def _cells(name: RowName) -> tuple[str, ...]:
    return (name,) if isinstance(name, str) else name


def cell(value: float | str, spec: str) -> str:
    if isinstance(value, str):
        return value
    return "–" if math.isnan(value) else format(value, spec)


# The breakdown: every tool's body F1, metadata for the first two tools (newsnorm and
# trafilatura by default: the others trail on metadata), language for newsnorm.
def breakdown(corpus: Corpus, scored: dict[str, list[PageScore]], by: str) -> str:
    """One row per country (by="country") or language (by="language"), weakest first: by the
    first tool's body F1, then by the number of pages, most first."""
    groups = _groups(corpus, by)
    tools = list(scored)
    rows = {name: _group_row(corpus, indices, scored, by) for name, indices in groups.items()}
    order = sorted(rows, key=lambda name: (rows[name][f"{tools[0]} F1"], -rows[name]["pages"]))
    return table({name: rows[name] for name in order}, _breakdown_columns(tools, by), by)


def _groups(corpus: Corpus, by: str) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index in range(len(corpus.items)):
        groups[_label(corpus, index, by)].append(index)
    return groups


def _label(corpus: Corpus, index: int, by: str) -> str:
    if by == "country":
        return corpus.items[index]["country"]
    return corpus.languages[index] or "?"


def _group_row(
    corpus: Corpus, indices: list[int], scored: dict[str, list[PageScore]], by: str
) -> dict[str, float | str]:
    other = OTHER[by]
    row: dict[str, float | str] = {
        "pages": float(len(indices)),
        "publishers": float(len({corpus.items[i]["publisher"] for i in indices})),
        other: ", ".join(sorted({_label(corpus, i, other) for i in indices})),
    }
    for tool, pages in scored.items():
        for name, value in summary([pages[i] for i in indices]).items():
            row[f"{tool} {name}"] = value
    return row


def _breakdown_columns(tools: list[str], by: str) -> list[Column]:
    columns: list[Column] = [("pages", "pages", ".0f"), ("publishers", "publishers", ".0f")]
    columns += [(PLURAL[OTHER[by]], OTHER[by], "")]
    columns += [(f"{tool} F1", f"{tool} F1", ".3f") for tool in tools]
    for name, header in (("title", "title"), ("authors", "author F1"), ("date", "date")):
        columns += [(f"{tool} {header}", f"{tool} {name}", ".2f") for tool in tools[:2]]
    return [*columns, (f"{tools[0]} language", f"{tools[0]} language", ".2f")]
