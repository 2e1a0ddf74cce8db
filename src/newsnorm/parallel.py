"""Converting on several processes. Documents go out in windows (two in flight), outcomes
come back in input order, so the output is the same bytes as a one-process run and memory
stays bounded by the windows, however long the input."""

from __future__ import annotations

import itertools
import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from typing import Any

from newsnorm.batch import Outcome, convert_one
from newsnorm.input_document import InputDocument
from newsnorm.pipeline import Pipeline, default_pipeline

_DOCUMENTS_PER_WORKER = 16  # per window: enough to keep workers busy, few in memory
_pipeline: Pipeline | None = None
_options: dict[str, Any] = {}


def convert_parallel(
    documents: Iterable[InputDocument], workers: int, **options: Any
) -> Iterator[Outcome]:
    """`batch.convert`'s outcomes, in the same order, computed by `workers` processes, each
    with the default pipeline (installed plugins and built-ins)."""
    documents = iter(documents)
    window_size = workers * _DOCUMENTS_PER_WORKER
    first = list(itertools.islice(documents, window_size))
    if len(first) < 2:  # nothing to share out: no pool to start
        pipeline = default_pipeline()
        yield from (convert_one(pipeline, document, **options) for document in first)
        return
    with _context().Pool(workers, initializer=_start_worker, initargs=(options,)) as pool:
        # Two windows in flight: workers start on the next while this one is written out.
        current = pool.map_async(_convert_in_worker, first)
        while current is not None:
            window = list(itertools.islice(documents, window_size))
            upcoming = pool.map_async(_convert_in_worker, window) if window else None
            yield from current.get()
            current = upcoming


def _context():
    """fork where the platform has it (fast start, plugins already loaded), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start_worker(options: dict[str, Any]) -> None:
    global _pipeline, _options
    # Ctrl-C and SIGTERM are the parent's to handle: it stops the pool and closes the output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _pipeline = default_pipeline()
    _options = options


def _convert_in_worker(document: InputDocument) -> Outcome:
    return convert_one(_pipeline, document, **_options)
