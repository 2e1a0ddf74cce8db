"""Scores against the gold records of the shared corpora (see their SOURCE.txt files).

Bodies: the 4-gram shingle metric of shingles.py on both corpora. NAEB metadata: titles by exact
match after whitespace normalisation, authors as a set (F1 per page), dates on the calendar day.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors import Extracted
from shingles import corpus_f1, precision_recall


def body_scores(outputs: list[Extracted], gold: list[dict]) -> tuple[float, float, float]:
    """(F1, mean precision, mean recall) of the bodies over the corpus."""
    pairs = zip(outputs, gold, strict=True)
    return corpus_f1([precision_recall(out.text, item["articleBody"]) for out, item in pairs])


def metadata_scores(outputs: list[Extracted], gold: list[dict]) -> dict[str, float]:
    """NAEB title accuracy, mean author F1 and date accuracy."""
    pairs = list(zip(outputs, gold, strict=True))
    return {
        "title": mean(same(out.title, item["title"]) for out, item in pairs),
        "authors": mean(set_f1(set(out.authors), item["authors"]) for out, item in pairs),
        "date": mean(same_day(out.published, item["date"]) for out, item in pairs),
    }


def same(got: str | None, want: str | None) -> bool:
    """Equal after whitespace normalisation; a missing value is the empty string."""
    return " ".join((got or "").split()) == " ".join((want or "").split())


def set_f1(got: set[str], want_text: str | None) -> float:
    """F1 of a tool's author names against the gold comma-separated list; both empty = 1.0."""
    got = {" ".join(name.split()) for name in got} - {""}
    want = {" ".join(name.split()) for name in (want_text or "").split(",")} - {""}
    if not got and not want:
        return 1.0
    shared = len(got & want)
    if not shared:
        return 0.0
    precision, recall = shared / len(got), shared / len(want)
    return 2 * precision * recall / (precision + recall)


def same_day(got: str | None, want: str | None) -> bool:
    """Same YYYY-MM-DD day; an empty gold date is matched only by giving no date."""
    return (got or "")[:10] == (want or "")[:10]


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")
