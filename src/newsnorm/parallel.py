"""Work on several processes, in order and in bounded memory: batches of inputs go out a
few at a time (two per worker in flight), results come back in the order sent. Learning
templates and deduplicating read their inputs this way; `convert` has its own pool
(newsnorm.run.pool), which also survives a worker that dies."""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
BATCH = 16  # inputs a task: enough to cost more than sending them
IN_FLIGHT_PER_WORKER = 2


def map_in_processes(
    work: Callable[[list[Item]], list[Result]], items: Iterable[Item], workers: int
) -> Iterator[Result]:
    """`work` over batches of `items` on `workers` processes, results in input order."""
    batches = _batches(iter(items))
    with ProcessPoolExecutor(workers, mp_context=start_context()) as pool:
        pending = deque(
            pool.submit(work, batch)
            for batch in itertools.islice(batches, workers * IN_FLIGHT_PER_WORKER)
        )
        while pending:
            yield from pending.popleft().result()
            batch = next(batches, None)
            if batch is not None:
                pending.append(pool.submit(work, batch))


def _batches(items: Iterator[Item]) -> Iterator[list[Item]]:
    while batch := list(itertools.islice(items, BATCH)):
        yield batch


def start_context():
    """Fork where the system has it (workers start at once, sharing what is loaded),
    else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
