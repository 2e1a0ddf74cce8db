"""newsnorm alone on the shared corpora: body shingle F1 (scrapinghub, NAEB), NAEB title
accuracy, author F1 and date accuracy, documents per CPU-second. Run on demand:

    .venv/bin/python benchmarks/baseline.py [../shared]

The side-by-side harness with trafilatura, readability-lxml and newspaper4k (issue 4) is not
written yet; this script gives the numbers it will be compared against.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from shingles import corpus_f1, precision_recall

import newsnorm


def convert(path: Path, url: str | None):
    try:
        return newsnorm.normalize(gzip.decompress(path.read_bytes()), url=url)
    except newsnorm.NormalizeError:
        return None


def scrapinghub(root: Path) -> str:
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    start, pairs = time.process_time(), []
    for key, item in sorted(gold.items()):
        article = convert(root / "html" / f"{key}.html.gz", item["url"])
        pairs.append(precision_recall(article.text if article else "", item["articleBody"]))
    rate = len(pairs) / (time.process_time() - start)
    return f"| scrapinghub | {_scores(pairs)} |  |  |  | {rate:.0f} |"


def naeb(root: Path) -> str:
    gold = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    start, pairs, titles, authors, dates = time.process_time(), [], [], [], []
    for key, item in sorted(gold.items()):
        path = root / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        article = convert(path, item.get("url"))
        pairs.append(precision_recall(article.text if article else "", item["articleBody"]))
        titles.append(_same(article and article.title, item["title"]))
        authors.append(_set_f1(set(article.authors) if article else set(), item["authors"]))
        published = article and article.published and article.published.isoformat()[:10]
        dates.append(published == (item["date"] or "")[:10])
    rate = len(pairs) / (time.process_time() - start)
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    metadata = f"{mean(titles):.3f} | {mean(authors):.3f} | {mean(dates):.3f}"
    return f"| naeb | {_scores(pairs)} | {metadata} | {rate:.0f} |"


def _scores(pairs: list[tuple[float, float]]) -> str:
    return " | ".join(f"{value:.3f}" for value in corpus_f1(pairs))


def _same(got: str | None, want: str) -> bool:
    return " ".join((got or "").split()) == " ".join(want.split())


def _set_f1(got: set[str], want_text: str) -> float:
    want = {name.strip() for name in (want_text or "").split(",") if name.strip()}
    if not got and not want:
        return 1.0
    shared = len(got & want)
    precision, recall = shared / len(got) if got else 0.0, shared / len(want) if want else 0.0
    return 2 * precision * recall / (precision + recall) if shared else 0.0


if __name__ == "__main__":
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared") / "corpora"
    print("| corpus | body F1 | P | R | title acc | author F1 | date acc | docs/CPU-s |")
    print("|---|---|---|---|---|---|---|---|")
    print(scrapinghub(shared / "scrapinghub"))
    print(naeb(shared / "naeb"))
