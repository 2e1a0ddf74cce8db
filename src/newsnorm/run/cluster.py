"""Partitions converted on a Dask cluster (the optional `dask` extra): a LocalCluster on this
machine, or any running scheduler (Kubernetes, Slurm, cloud). Each partition is one task,
which reads its documents where it runs and writes its part itself; the client only plans,
watches and keeps the manifest. A task whose worker dies is run again by Dask elsewhere."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator

from newsnorm.errors import NewsnormError, UsageError
from newsnorm.plugins import installed_versions, version_differences
from newsnorm.run.partitions import Partition
from newsnorm.run.parts import PartResult, write_partition
from newsnorm.run.settings import Settings

EXTRA_HINT = "pip install 'newsnorm[dask]'"
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
    dask = require_distributed()
    if address != "local":
        return dask.Client(address)
    cluster = dask.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    return dask.Client(cluster)


class DaskParts:
    """The executor of a partitioned run on a Dask client."""

    def __init__(self, client) -> None:
        self.client = client

    def map(self, function, items: list) -> list:
        futures = self.client.map(function, items, pure=False)
        return self.client.gather(futures)

    def check_versions(self, versions: dict) -> None:
        """Before any work: every worker must have this process's plugins and versions."""
        found = self.client.run(installed_versions)
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
        self, partitions: list[Partition], destination: str, settings: Settings
    ) -> Iterator[PartResult]:
        as_completed = require_distributed().as_completed
        run = uuid.uuid4().hex[:8]
        futures = {
            self.client.submit(
                _write_on_worker,
                partition,
                destination,
                settings,
                self.versions,
                key=f"newsnorm-{partition.part}-{run}",
            ): partition
            for partition in partitions
        }
        try:
            for future in as_completed(futures):
                yield _result(future, futures[future], destination, settings)
        finally:
            self.client.cancel(list(futures))


def _result(future, partition: Partition, destination: str, settings: Settings) -> PartResult:
    try:
        return future.result()
    except require_distributed().KilledWorker:
        return write_partition(partition, destination, settings, workers=_LOCAL_RESCUE_WORKERS)


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
