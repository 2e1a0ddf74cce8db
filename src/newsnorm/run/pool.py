"""Converting on several processes. Documents go out in windows (two in flight), outcomes
come back in input order, so the output is the same bytes as a one-process run and memory
stays bounded by the windows, however long the input. A worker that dies (killed, out of
memory, crashed in C) costs one document, never the run."""

from __future__ import annotations

import itertools
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsnorm.inputs.document import InputDocument
from newsnorm.parallel import start_context
from newsnorm.pipeline import pipeline_with
from newsnorm.run.outcome import Outcome, convert_one
from newsnorm.run.settings import Settings

_DOCUMENTS_PER_WORKER = 16  # per window: enough to keep workers busy, few in memory
_DOCUMENTS_PER_TASK = 8  # a task per document costs the parent twice the CPU
_DIED = "the process converting it died (killed, out of memory, or crashed)"
Window = list[tuple[list[InputDocument], Future]]


def convert_in_processes(
    documents: Iterable[InputDocument], workers: int, settings: Settings, *, as_lines: bool
) -> Iterator[Outcome]:
    """`batch.convert`'s outcomes, in the same order, computed by `workers` processes, each
    with the default pipeline (installed plugins and built-ins) and the run's profiles."""
    documents = iter(documents)

    def next_window() -> list[InputDocument]:
        return list(itertools.islice(documents, workers * _DOCUMENTS_PER_WORKER))

    first = next_window()
    if len(first) < 2:  # nothing to share out: no pool to start
        pipeline = pipeline_with(settings.profiles)
        yield from (convert_one(pipeline, d, settings, as_lines=as_lines) for d in first)
        return
    pool, finished = _Workers(workers, (settings, as_lines)), False
    try:
        # Two windows in flight: workers start on the next while this one is written out.
        current = pool.submit(first)
        while current:
            upcoming = pool.submit(next_window())
            for index, (_, future) in enumerate(current):
                outcomes = _result(future)
                if outcomes is None:  # a worker died: what was in flight goes again, alone
                    pool.restart()
                    in_flight = (d for task, _ in current[index:] + upcoming for d in task)
                    yield from (pool.alone(document) for document in in_flight)
                    upcoming = pool.submit(next_window())
                    break
                yield from outcomes
            current = upcoming
        finished = True
    finally:
        pool.close(now=not finished)


class _Workers:
    """The process pool, started again when a worker's death breaks it."""

    def __init__(self, workers: int, job: tuple[Settings, bool]) -> None:
        self.workers, self.job = workers, job  # (the run's settings, as_lines): every task's
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, start_context(), initializer=_start_worker)

    def submit(self, documents: list[InputDocument]) -> Window:
        size = _DOCUMENTS_PER_TASK
        tasks = [documents[start : start + size] for start in range(0, len(documents), size)]
        return [(task, self.pool.submit(_convert_in_worker, task, *self.job)) for task in tasks]

    def alone(self, document: InputDocument) -> Outcome:
        """One document with nothing else in flight, so that a death is pinned on it."""
        outcomes = _result(self.pool.submit(_convert_in_worker, [document], *self.job))
        if outcomes is not None:
            return outcomes[0]
        self.restart()
        return Outcome.failed(document.name, "worker", _DIED, BrokenProcessPool(_DIED))

    def restart(self) -> None:
        self.close(now=True)
        self.pool = self._start()

    def close(self, *, now: bool) -> None:
        """Stop the workers: at once (interrupted, or the pool broke), or once they are idle.
        Always waits for the pool's own threads: leaving them to the interpreter's exit makes
        Python 3.11 print a traceback (a closed pipe) after a run that went well."""
        if now:  # the work in flight is not wanted; workers ignore Ctrl-C, so end them here
            processes = getattr(self.pool, "_processes", None) or {}  # private, but stable
            for process in list(processes.values()):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future) -> list[Outcome] | None:
    """The worker's outcomes; None when the pool broke before they came."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None


def _start_worker() -> None:
    # Ctrl-C and SIGTERM are the parent's to handle: it stops the pool and closes the output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _convert_in_worker(
    documents: list[InputDocument], settings: Settings, as_lines: bool
) -> list[Outcome]:
    """A task in a worker process: the pipeline is built once a process (pipeline_with is
    cached), the run's settings come with each task, so a worker holds no run state."""
    pipeline = pipeline_with(settings.profiles)
    return [convert_one(pipeline, d, settings, as_lines=as_lines) for d in documents]
