"""Accuracy floors on fixed slices of the shared corpora, set just under the measured scores
(benchmarks/compare.py gives the full figures). A drop below a floor is a regression."""

from __future__ import annotations

import gzip
import json

import pytest
from helpers import shared_path
from shingles import corpus_f1, precision_recall

import newsnorm

EVERY = 6  # a fixed slice: every sixth page in key order
FLOORS = {"scrapinghub": 0.98, "naeb": 0.93}
NAEB_METADATA_FLOORS = {"title": 0.95, "date": 0.85}


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
    ("name", "gold_file"), [("scrapinghub", "ground-truth.json"), ("naeb", "articles.json")]
)
def test_body_f1_stays_above_its_floor(name, gold_file):
    pairs = []
    for item, content in corpus_slice(name, gold_file):
        article = article_or_none(item, content)
        pairs.append(precision_recall(article.text if article else "", item["articleBody"]))
    f1, precision, recall = corpus_f1(pairs)
    assert f1 >= FLOORS[name], f"{name}: F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f})"


def test_naeb_title_and_date_stay_above_their_floors():
    titles, dates = [], []
    for item, content in corpus_slice("naeb", "articles.json"):
        article = article_or_none(item, content)
        title = " ".join((article.title or "").split()) if article else ""
        titles.append(title == " ".join(item["title"].split()))
        published = article.published.isoformat()[:10] if article and article.published else ""
        dates.append(published == (item["date"] or "")[:10])
    scores = {"title": sum(titles) / len(titles), "date": sum(dates) / len(dates)}
    assert all(scores[key] >= floor for key, floor in NAEB_METADATA_FLOORS.items()), scores
