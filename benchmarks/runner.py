"""What runs in a tool's own child process: read and gunzip every page, import the tool, warm it
up on one page, then time the extraction loop of each corpus with the child's CPU clock.

The child refuses network connections (counting the attempts) and tallies the warnings the
tools log instead of letting them reach the terminal.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import resource
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import extractors
from extractors import Extracted, Extractor

GOLD_FILES = {
    "scrapinghub": "ground-truth.json",
    "naeb": "articles.json",
    "fundus-publishers": "articles.json",
}
Page = tuple[str | None, bytes]  # URL, raw page bytes
Selected = tuple[str, dict, Path]  # key, gold record, page file


@dataclass
class Run:
    """One tool's outputs and costs, sent back to the parent process."""

    tool: str
    outputs: dict[str, list[Extracted]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per corpus
    errors: dict[str, list[str]] = field(default_factory=dict)  # "Type: message", one a page
    loaded_mib: float = 0.0  # peak resident set after reading the pages, before the import
    peak_mib: float = 0.0  # peak resident set at the end
    connections: int = 0  # network connections attempted (and refused)
    warnings: int = 0  # log records of level WARNING or above, Python warnings included
    warning_samples: list[str] = field(default_factory=list)


def selection(shared: Path, corpus: str, limit: int | None) -> list[Selected]:
    """Gold records in key order with their page files. Records without a page (a few in NAEB)
    are skipped; pages without a record (fundus-publishers has some) are never read."""
    root = shared / "corpora" / corpus
    gold = json.loads((root / GOLD_FILES[corpus]).read_text(encoding="utf-8"))
    triples = ((key, gold[key], root / "html" / f"{key}.html.gz") for key in sorted(gold))
    chosen = [(key, item, path) for key, item, path in triples if path.exists()]
    return chosen[:limit] if limit else chosen


def load_pages(shared: Path, corpus: str, limit: int | None) -> list[Page]:
    return [
        (item.get("url"), gzip.decompress(path.read_bytes()))
        for _, item, path in selection(shared, corpus, limit)
    ]


def run_tool(tool: str, shared: Path, limit: int | None, corpora: list[str]) -> Run:
    """The child's whole job on the named corpora; the parent scores the outputs."""
    run = Run(tool)
    _refuse_network(run)
    _tally_warnings(run)
    pages = {corpus: load_pages(shared, corpus, limit) for corpus in corpora}
    run.loaded_mib = _peak_mib()
    extract = extractors.load(tool)
    _warm_up(extract, pages)
    for corpus, corpus_pages in pages.items():
        outputs, run.errors[corpus], run.seconds[corpus] = _extract_all(extract, corpus_pages)
        run.outputs[corpus] = outputs
        _progress(run, corpus)
    run.peak_mib = _peak_mib()
    return run


def _extract_all(extract: Extractor, pages: list[Page]) -> tuple[list[Extracted], list[str], float]:
    """Outputs, what the tool raised (an empty output for that page), CPU seconds of the loop."""
    outputs, errors = [], []
    start = time.process_time()
    for url, content in pages:
        try:
            outputs.append(extract(content, url))
        except Exception as error:
            outputs.append(Extracted())
            errors.append(f"{type(error).__name__}: {str(error).strip()[:150]}")
    return outputs, errors, time.process_time() - start


def _warm_up(extract: Extractor, corpora: dict[str, list[Page]]) -> None:
    """Lazy imports, compiled patterns and caches filled before the clock starts."""
    first = next((pages[0] for pages in corpora.values() if pages), None)
    if first is not None:
        with contextlib.suppress(Exception):
            extract(first[1], first[0])


def _progress(run: Run, corpus: str) -> None:
    pages, seconds = len(run.outputs[corpus]), max(run.seconds[corpus], 1e-9)
    print(
        f"{run.tool:<12} {corpus:<17} {pages:4d} pages {seconds:7.1f} CPU-s "
        f"{pages / seconds:6.1f} docs/CPU-s {len(run.errors[corpus]):3d} errors",
        file=sys.stderr,
        flush=True,
    )


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _refuse_network(run: Run) -> None:
    """There is no network to use: make every attempt fail at once, and count it."""
    connect = socket.socket.connect

    def refuse(*_args: object, **_kwargs: object) -> None:
        run.connections += 1
        raise OSError("network access is disabled in the benchmark")

    def guarded_connect(sock: socket.socket, address: object) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            refuse()
        connect(sock, address)

    socket.getaddrinfo = refuse
    socket.socket.connect = guarded_connect


class _Tally(logging.Handler):
    def __init__(self, run: Run) -> None:
        super().__init__(logging.WARNING)
        self.run = run

    def emit(self, record: logging.LogRecord) -> None:
        self.run.warnings += 1
        sample = f"{record.name}: {str(record.msg).strip().splitlines()[0]}"[:200]
        if len(self.run.warning_samples) < 5 and sample not in self.run.warning_samples:
            self.run.warning_samples.append(sample)


def _tally_warnings(run: Run) -> None:
    logging.captureWarnings(True)
    logging.getLogger().addHandler(_Tally(run))
