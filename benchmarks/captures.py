"""The captures corpus (../shared/corpora/captures/SOURCE.txt): plain-text copies of NAEB and
fundus-publishers pages, each with the gold of its page, and the HTML of the same pages.

A capture's key is "<corpus>-<page>"; its gold record names the source corpus and the page's key
there (`corpus`, `page`). The gold is given the source record's `publisher` and `country` (the
fundus-publishers grouping and gold language come from them). SAME_PAGES is the HTML of the
captured pages as a corpus of its own, run with newsnorm only when the HTML corpora it needs
were not run in full (same_pages takes those runs' outputs otherwise).
"""

from __future__ import annotations

import json
from pathlib import Path

from extractors import Extracted

CAPTURES = "captures"
SAME_PAGES = "captures-html"  # the HTML pages the captures were made from
SOURCES = ("naeb", "fundus-publishers")  # the corpora the captures come from
SOURCE_FIELDS = ("publisher", "country")  # fundus-publishers' grouping, copied into the gold
Selected = tuple[str, dict, Path]  # key, gold record, page file


def selection(shared: Path, limit: int | None) -> list[Selected]:
    """The captures in key order, each with its gold record and its text file."""
    root = shared / "corpora" / CAPTURES
    gold = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    sources = {name: _gold(shared, name) for name in SOURCES}
    chosen = [
        (key, _with_source_fields(gold[key], sources), root / "text" / f"{key}.txt")
        for key in sorted(gold)
    ]
    return chosen[:limit] if limit else chosen


def html_selection(shared: Path, limit: int | None) -> list[Selected]:
    """The same captures with the HTML page each was made from."""
    return [
        (key, item, shared / "corpora" / item["corpus"] / "html" / f"{item['page']}.html.gz")
        for key, item, _ in selection(shared, limit)
    ]


def _gold(shared: Path, corpus: str) -> dict[str, dict]:
    return json.loads((shared / "corpora" / corpus / "articles.json").read_text(encoding="utf-8"))


def _with_source_fields(item: dict, sources: dict[str, dict[str, dict]]) -> dict:
    source = sources[item["corpus"]][item["page"]]
    return item | {name: source[name] for name in SOURCE_FIELDS if name in source}


def source_key(item: dict) -> tuple[str, str]:
    """The capture's page: (source corpus, key there)."""
    return item["corpus"], item["page"]


def needs_same_pages(captured: list[dict], run_keys: dict[str, list[str]]) -> bool:
    """Whether some captured page is not among the HTML pages of the run (corpus -> keys)."""
    present = {(corpus, key) for corpus, keys in run_keys.items() for key in keys}
    return any(source_key(item) not in present for item in captured)


def same_pages(
    outputs: dict[str, list[Extracted]],
    seconds: dict[str, list[float]],
    run_keys: dict[str, list[str]],
    captured: list[dict],
) -> tuple[list[Extracted], list[float]]:
    """A tool's outputs and CPU seconds on the HTML of each captured page, in the captures'
    order: its SAME_PAGES run if it made one, else picked from its runs of the source corpora."""
    if SAME_PAGES in outputs:
        return outputs[SAME_PAGES], seconds[SAME_PAGES]
    where = {(corpus, key): i for corpus, keys in run_keys.items() for i, key in enumerate(keys)}
    places = [(corpus, where[corpus, page]) for corpus, page in map(source_key, captured)]
    return (
        [outputs[corpus][i] for corpus, i in places],
        [seconds[corpus][i] for corpus, i in places],
    )
