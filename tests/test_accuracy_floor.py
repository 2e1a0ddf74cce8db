"""Accuracy floors on fixed slices of the three shared corpora, set just under the measured scores
(benchmarks/compare.py gives the full figures). A drop below a floor is a regression."""

from __future__ import annotations

import gzip
import json

import pytest
from helpers import shared_path
from shingles import corpus_f1, precision_recall

import newsnorm

EVERY = 6  # a fixed slice: every sixth page in key order
FLOORS = {"scrapinghub": 0.975, "naeb": 0.93, "fundus-publishers": 0.945}
METADATA_FLOORS = {
    "naeb": {"title": 0.95, "date": 0.85, "authors": 0.79},
    "fundus-publishers": {"title": 0.84, "date": 0.97, "authors": 0.79},
}


def corpus_slice(name: str, gold_file: str) -> list[tuple[dict, bytes]]:
    root = shared_path("corpora", name)
    gold = json.loads((root / gold_file).read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[::EVERY]:
        path = root / "html" / f"{key}.html.gz"
        if path.exists():
            pages.append((gold[key], gzip.decompress(path.read_bytes())))
    return pages


def article_or_none(item: dict, content: bytes) -> newsnorm.Article | None:
    try:
        return newsnorm.normalize(content, url=item["url"])
    except newsnorm.NormalizeError:
        return None


@pytest.mark.parametrize(
    ("name", "gold_file"),
    [
        ("scrapinghub", "ground-truth.json"),
        ("naeb", "articles.json"),
        ("fundus-publishers", "articles.json"),
    ],
)
def test_body_f1_stays_above_its_floor(name, gold_file):
    pairs = []
    for item, content in corpus_slice(name, gold_file):
        article = article_or_none(item, content)
        pairs.append(precision_recall(article.text if article else "", item["articleBody"]))
    f1, precision, recall = corpus_f1(pairs)
    assert f1 >= FLOORS[name], f"{name}: F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f})"


@pytest.mark.parametrize("name", ["naeb", "fundus-publishers"])
def test_title_date_and_authors_stay_above_their_floors(name):
    scores: dict[str, list[float]] = {"title": [], "date": [], "authors": []}
    for item, content in corpus_slice(name, "articles.json"):
        article = article_or_none(item, content)
        title = " ".join((article.title or "").split()) if article else ""
        scores["title"].append(title == " ".join(item["title"].split()))
        published = article.published.isoformat()[:10] if article and article.published else ""
        scores["date"].append(published == (item["date"] or "")[:10])
        credited = [*article.authors, *article.agencies] if article else []
        scores["authors"].append(set_f1(credited, item["authors"]))
    means = {key: sum(values) / len(values) for key, values in scores.items()}
    floors = METADATA_FLOORS[name]
    assert all(means[key] >= floor for key, floor in floors.items()), means


def set_f1(got: list[str], want: list[str] | str | None) -> float:
    """Authors as a set; NAEB's gold is a comma-separated string, fundus's a list."""
    if isinstance(want, str) or want is None:
        want = (want or "").split(",")
    mine, theirs = (
        {" ".join(n.split()) for n in got} - {""},
        {" ".join(n.split()) for n in want} - {""},
    )
    if not mine and not theirs:
        return 1.0
    shared = len(mine & theirs)
    return 2 * shared / (len(mine) + len(theirs)) if shared else 0.0
