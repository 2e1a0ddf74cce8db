"""What runs in a tool's own child process: read and gunzip every page, import the tool, and for
each corpus warm it up on one page, then time the extraction loop with the child's CPU clock
(each page's time too, so that any group of pages has its own rate).

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

import captures
import extractors
from captures import CAPTURES, SAME_PAGES, Selected
from extractors import Extracted, Extractor

GOLD_FILES = {  # the HTML corpora
    "scrapinghub": "ground-truth.json",
    "naeb": "articles.json",
    "fundus-publishers": "articles.json",
}
CORPORA = (*GOLD_FILES, CAPTURES)  # what --corpora chooses from
Page = tuple[str | None, bytes]  # URL, raw page bytes


@dataclass
class Run:
    """One tool's outputs and costs, sent back to the parent process."""

    tool: str
    outputs: dict[str, list[Extracted]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per corpus
    page_seconds: dict[str, list[float]] = field(default_factory=dict)  # and per page
    loaded_mib: float = 0.0  # peak resident set after reading the pages, before the import
    peak_mib: float = 0.0  # peak resident set at the end
    connections: int = 0  # network connections attempted (and refused)
    warnings: int = 0  # log records of level WARNING or above, Python warnings included
    warning_samples: list[str] = field(default_factory=list)

    @property
    def errors(self) -> dict[str, list[str]]:
        """What the tool raised, "Type: message" for each page it raised on, per corpus."""
        return {
            corpus: [out.error for out in outputs if out.error]
            for corpus, outputs in self.outputs.items()
        }


def selection(shared: Path, corpus: str, limit: int | None) -> list[Selected]:
    """Gold records in key order with their page files. Records without a page (a few in NAEB)
    are skipped; pages without a record (fundus-publishers has some) are never read."""
    if corpus == CAPTURES:
        return captures.selection(shared, limit)
    if corpus == SAME_PAGES:
        return captures.html_selection(shared, limit)
    root = shared / "corpora" / corpus
    gold = json.loads((root / GOLD_FILES[corpus]).read_text(encoding="utf-8"))
    triples = ((key, gold[key], root / "html" / f"{key}.html.gz") for key in sorted(gold))
    chosen = [(key, item, path) for key, item, path in triples if path.exists()]
    return chosen[:limit] if limit else chosen


def load_pages(shared: Path, corpus: str, limit: int | None) -> list[Page]:
    """Each page's URL and bytes; a capture is given without its URL, as a copied page has
    none."""
    return [
        (None if corpus == CAPTURES else item.get("url"), _content(path))
        for _, item, path in selection(shared, corpus, limit)
    ]


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def run_tool(tool: str, shared: Path, limit: int | None, corpora: list[str]) -> Run:
    """The child's whole job on the named corpora; the parent scores the outputs."""
    run = Run(tool)
    _refuse_network(run)
    _tally_warnings(run)
    pages = {corpus: load_pages(shared, corpus, limit) for corpus in corpora}
    run.loaded_mib = _peak_mib()
    extract = extractors.load(tool)
    for corpus, corpus_pages in pages.items():
        call = extractors.for_captures(tool, extract) if corpus == CAPTURES else extract
        _warm_up(call, corpus_pages)
        run.outputs[corpus], run.page_seconds[corpus], run.seconds[corpus] = _extract_all(
            call, corpus_pages
        )
        _progress(run, corpus)
    run.peak_mib = _peak_mib()
    return run


def _extract_all(
    extract: Extractor, pages: list[Page]
) -> tuple[list[Extracted], list[float], float]:
    """Outputs (an empty one, with the error, where the tool raised), each page's CPU seconds,
    and the CPU seconds of the whole loop."""
    outputs, seconds = [], []
    start = time.process_time()
    for url, content in pages:
        began = time.process_time()
        outputs.append(_extract_one(extract, content, url))
        seconds.append(time.process_time() - began)
    return outputs, seconds, time.process_time() - start


def _extract_one(extract: Extractor, content: bytes, url: str | None) -> Extracted:
    try:
        return extract(content, url)
    except Exception as error:
        return Extracted(error=f"{type(error).__name__}: {str(error).strip()[:150]}")


def _warm_up(extract: Extractor, pages: list[Page]) -> None:
    """Lazy imports, compiled patterns and caches filled before the clock starts (a corpus of
    captures takes other paths through a tool than one of pages)."""
    if pages:
        with contextlib.suppress(Exception):
            extract(pages[0][1], pages[0][0])


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
