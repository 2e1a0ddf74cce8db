"""Scores against the gold records of the shared corpora (see their SOURCE.txt files).

Bodies: the 4-gram shingle metric of shingles.py on every corpus. Metadata, where the gold has
it (NAEB and fundus-publishers): titles by exact match after whitespace normalisation, authors
as a set (F1 per page), dates on the calendar day, languages on the primary subtag
(languages.py gives the gold). Each page is scored on its own (page_scores), so that any group
of pages, a corpus or one country's, is summed up the same way (summary).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Iterable
from dataclasses import dataclass

from extractors import Extracted
from languages import same_language
from shingles import corpus_f1, precision_recall

METADATA = ("title", "authors", "date", "language")


@dataclass
class PageScore:
    """One page's scores; a metadata score is None where there is no gold for it."""

    precision: float
    recall: float
    title: float | None = None
    authors: float | None = None
    date: float | None = None
    language: float | None = None

    @property
    def f1(self) -> float:
        return 2 * self.precision * self.recall / (self.precision + self.recall or 1)


def page_scores(
    outputs: list[Extracted], gold: list[dict], languages: list[str | None]
) -> list[PageScore]:
    """Every page's scores; `languages` holds the gold language of each page, or None."""
    return [
        _page(out, item, language)
        for out, item, language in zip(outputs, gold, languages, strict=True)
    ]


def _page(out: Extracted, item: dict, language: str | None) -> PageScore:
    score = PageScore(*precision_recall(out.text, item["articleBody"]))
    if "title" in item:  # NAEB and fundus-publishers: all their metadata, or none
        score.title = float(same(out.title, item["title"]))
        score.authors = set_f1(out.authors, item["authors"])
        score.date = float(same_day(out.published, item["date"]))
    if language is not None:
        score.language = float(same_language(out.language, language))
    return score


def summary(pages: list[PageScore]) -> dict[str, float]:
    """Body F1, mean P and R, and the mean of each metadata score (NaN where none is given)."""
    f1, precision, recall = corpus_f1([(page.precision, page.recall) for page in pages])
    row = {"F1": f1, "P": precision, "R": recall}
    for name in METADATA:
        row[name] = mean(value for page in pages if (value := getattr(page, name)) is not None)
    return row


def same(got: str | None, want: str | None) -> bool:
    """Equal after whitespace normalisation; a missing value is the empty string."""
    return " ".join((got or "").split()) == " ".join((want or "").split())


def set_f1(got: Iterable[str], want: str | list[str] | None) -> float:
    """F1 of a tool's author names against the gold's (see gold_names). Both empty = 1.0."""
    got, wanted = _names(got), _names(gold_names(want))
    if not got and not wanted:
        return 1.0
    shared = len(got & wanted)
    if not shared:
        return 0.0
    precision, recall = shared / len(got), shared / len(wanted)
    return 2 * precision * recall / (precision + recall)


def gold_names(want: str | list[str] | None) -> list[str]:
    """The gold's author names: a list (fundus-publishers, the captures of its pages), or a
    string: comma-separated names (NAEB), or a Python list's repr, as a list flattened to text
    by an export would read ("['A', 'B']")."""
    if isinstance(want, list):
        return want
    text = (want or "").strip()
    if text.startswith("[") and text.endswith("]"):
        try:
            names = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            names = None
        if isinstance(names, list):
            return [str(name) for name in names]
    return text.split(",")


def _names(names: Iterable[str]) -> set[str]:
    return {" ".join(name.split()) for name in names} - {""}


def same_day(got: str | None, want: str | None) -> bool:
    """Same YYYY-MM-DD day; an empty gold date is matched only by giving no date."""
    return (got or "")[:10] == (want or "")[:10]


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else math.nan
