"""The body metric of the scrapinghub benchmark (see ../shared/corpora/scrapinghub/SOURCE.txt):
word 4-gram shingles, lower-cased \\w+ tokens, multiset precision and recall per page."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 0)))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    """Per-page precision and recall; an empty side scores 1.0 only against an empty other."""
    got, want = shingles(predicted), shingles(gold)
    shared = sum((got & want).values())
    precision = shared / sum(got.values()) if got else float(not want)
    recall = shared / sum(want.values()) if want else float(not got)
    return precision, recall


def corpus_f1(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(F1, mean precision, mean recall) over pages, F1 of the two means."""
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    return 2 * precision * recall / (precision + recall or 1), precision, recall
