"""Partitions converted on a Dask cluster (the optional `dask` extra): a LocalCluster on this
machine, or any running scheduler (Kubernetes, Slurm, cloud). Each partition is one task,
which reads its documents where it runs and writes its part itself; the client only plans,
watches and keeps the manifest. A task whose worker dies is run again by Dask elsewhere."""

from __future__ import annotations

import functools
import logging
import multiprocessing
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from multiprocessing import forkserver

from newsnorm.errors import NewsnormError, UsageError
from newsnorm.plugins import installed_versions, version_differences
from newsnorm.run.partition_writer import PartResult, write_partition
from newsnorm.run.partitions import Partition, map_here
from newsnorm.run.report import Reporter
from newsnorm.run.settings import Settings, cores

EXTRA_HINT = "pip install 'newsnorm[dask]'"
_CONNECT_SECONDS = 30
# A partition that kills every worker it is given (allowed-failures, 3 by default) is
# converted here instead, on a local process pool, which pins a death on one document.
_LOCAL_RESCUE_WORKERS = 2


class PluginMismatch(NewsnormError):
    """A worker has other plugins, or other versions of them, than the client."""


def require_distributed():
    """The `distributed` module, or a UsageError saying which extra to install."""
    try:
        import distributed
    except ImportError:
        raise UsageError(f"--dask needs Dask: {EXTRA_HINT}") from None
    return distributed


def connect(address: str, workers: int | None = None):
    """A Client: of a new LocalCluster for "local" (`workers` processes, one thread each:
    the conversion is CPU-bound Python), else of the scheduler at `address`."""
    distributed = require_distributed()
    if address != "local":
        try:
            return distributed.Client(address, timeout=_CONNECT_SECONDS)
        except (OSError, ValueError) as exc:  # unreachable, or not an address
            raise UsageError(f"cannot reach a Dask scheduler at {address}: {exc}") from None
    start_forkserver()
    with dask_config().set({**FOR_LONG_TASKS, **_worker_start()}):
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.CRITICAL,  # a run's problems are ours to report, in a line
        )  # fmt: skip
    return distributed.Client(cluster)


# Dask's defaults suit many short tasks; a conversion task is seconds of CPU-bound Python,
# during which the workers' profiler (a stack sample every 10 ms, some 10% more CPU) and the
# 20 ms event-loop ticks of every process only take cores from it. For the clusters made
# here; set the same on a cluster of your own (docs/scale.md).
FOR_LONG_TASKS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _worker_start() -> dict:
    """Worker processes forked from a forkserver, which has loaded Dask once, rather than
    spawned to import it each: a second or more off a LocalCluster's start, on a run that
    waits for it. Unlike plain fork, the forkserver is a fresh single-threaded process, so
    the client's threads are not copied into the workers."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return {}
    return {"distributed.worker.multiprocessing-method": "forkserver"}


# What the forkserver imports before it forks any worker: Dask (which the workers run) and
# what converting loads (newsnorm.run.preload), each once instead of once a worker. In place
# of Dask's own list, which adds pandas when installed: converting needs none.
_FORKSERVER_PRELOAD = ["distributed", "newsnorm.run.preload"]


def start_forkserver() -> None:
    """Start the forkserver that a LocalCluster's workers will be forked from, loading
    newsnorm and Dask, before this process imports Dask itself: its two seconds of loading
    then run on the other core, at once. A forkserver already running (an earlier cluster
    of this process) is used as it is; Dask finds it and keeps it."""
    if _worker_start():
        multiprocessing.get_context("forkserver").set_forkserver_preload(_FORKSERVER_PRELOAD)
        forkserver.ensure_running()


def dask_config():
    import dask.config

    return dask.config


@contextmanager
def dask_parts(dask, workers: int | None, reporter: Reporter) -> Iterator[DaskParts]:
    """The executor for `dask`: a Client of the caller's, or one made for this run (and
    closed after it). A LocalCluster starts in the background while the run plans its
    partitions here, on the same machine: the two take seconds each."""
    if not isinstance(dask, str):
        yield DaskParts(dask, reporter)
        return
    if dask == "local":
        start_forkserver()
    with ThreadPoolExecutor(1) as starter:
        pending = starter.submit(_connect_ready, dask, workers)
        try:
            local = dask == "local"
            expected = (workers or cores()) if local else None
            yield DaskParts(pending, reporter, plan_here=local, workers=expected)
        finally:
            if pending.exception() is None:
                _close(pending.result()[0])


def _connect_ready(address: str, workers: int | None):
    """(a Client, each worker's versions) with every worker ready to convert."""
    client = connect(address, workers)
    return client, client.run(ready_worker)


def ready_worker() -> dict:
    """Load what converting loads on first use (plugins, models) by converting a sample
    page; the worker's versions, for the client to compare with its own."""
    from newsnorm.pipeline import normalize

    normalize(_SAMPLE_PAGE, url="https://example.org/news/sample")
    return installed_versions()


_SAMPLE_PAGE = (
    b"<html lang=en><head><title>Sample</title></head><body><article><h1>Sample</h1>"
    b"<p>A short paragraph that every stage of the pipeline reads, to load it.</p>"
    b"</article></body></html>"
)


def _close(client) -> None:
    cluster = getattr(client, "cluster", None)  # the LocalCluster made for the run
    client.close()
    if cluster is not None:
        cluster.close()


class DaskParts:
    """The executor of a partitioned run on a Dask client (or a Future of one)."""

    def __init__(
        self, client, reporter: Reporter, *, plan_here: bool = False, workers: int | None = None
    ) -> None:
        self._client, self.reporter, self.plan_here = client, reporter, plan_here
        self._workers = workers
        # A cluster on this machine takes partitions as this process plans them: its workers
        # convert the first ones while the scan of a large archive goes on.
        self.converts_while_planning = plan_here

    def ready(self) -> bool:
        return not isinstance(self._client, Future) or self._client.done()

    def workers(self) -> int:
        """The workers the cluster has (a LocalCluster being started: will have)."""
        if self._workers is None:
            self._workers = len(self.client.scheduler_info()["workers"]) or 1
        return self._workers

    @functools.cached_property
    def client(self):
        if not isinstance(self._client, Future):
            return self._client
        client, self._found_versions = self._client.result()
        self.reporter.news(_dashboard(client))
        return client

    def _versions_of_workers(self) -> dict:
        client = self.client
        return getattr(self, "_found_versions", None) or client.run(ready_worker)

    def map(self, function, items: list) -> list:
        """Planning's scans: on the workers, which read the inputs where they are; here
        when the cluster is this machine and still starting."""
        if self.plan_here:
            return map_here(function, items)
        futures = self.client.map(function, items, pure=False)
        return self.client.gather(futures)

    def check_versions(self, versions: dict) -> None:
        """Before any work: every worker must have this process's plugins and versions."""
        found = self._versions_of_workers()
        if not found:
            raise UsageError("the Dask cluster has no workers")
        problems = [
            f"worker {address}: {difference}"
            for address, theirs in sorted(found.items())
            for difference in version_differences(versions, theirs)
        ]
        if problems:
            raise PluginMismatch("workers differ from this machine: " + "; ".join(problems))
        self.versions = versions

    def write(
        self, partitions: Iterable[Partition], destination: str, settings: Settings
    ) -> Iterator[PartResult]:
        """Each partition submitted as it comes (while it is planned, on a local cluster);
        the results as they finish."""
        finished = require_distributed().as_completed()
        run, submitted = uuid.uuid4().hex[:8], {}
        try:
            for partition in partitions:
                future = self.client.submit(
                    _write_on_worker, partition, destination, settings, self.versions,
                    key=f"newsnorm-{partition.part}-{run}",
                )  # fmt: skip
                submitted[future] = partition
                finished.add(future)
                for done in finished.next_batch(block=False):
                    yield _result(done, submitted[done], destination, settings)
            for done in finished:
                yield _result(done, submitted[done], destination, settings)
        finally:
            self.client.cancel(list(submitted))


def _dashboard(client) -> str:
    try:
        import bokeh  # noqa: F401  (what serves the dashboard)
    except ImportError:
        return "Dask dashboard: not served (pip install bokeh)"
    return f"Dask dashboard: {client.dashboard_link}"


class PartitionFailed(NewsnormError):
    """A partition's task failed for a reason of its own (not a document's): its output could
    not be written, say. The parts written so far stay; --resume goes on from them."""


def _result(future, partition: Partition, destination: str, settings: Settings) -> PartResult:
    try:
        return future.result()
    except require_distributed().KilledWorker:
        return write_partition(partition, destination, settings, workers=_LOCAL_RESCUE_WORKERS)
    except PluginMismatch:
        raise
    except Exception as exc:
        raise PartitionFailed(
            f"{partition.part} could not be made: {type(exc).__name__}: {exc}; the parts"
            " written so far are kept (run again with --resume)"
        ) from exc


def _write_on_worker(
    partition: Partition, destination: str, settings: Settings, versions: dict
) -> PartResult:
    """One partition, on a worker that has the client's plugins (a worker that joined after
    the check may not)."""
    differences = version_differences(versions, _worker_versions())
    if differences:
        raise PluginMismatch("this worker differs from the client: " + "; ".join(differences))
    return write_partition(partition, destination, settings)


@functools.cache
def _worker_versions() -> dict:
    return installed_versions()
