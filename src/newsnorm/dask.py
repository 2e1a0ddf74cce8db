"""newsnorm on a Dask cluster (`pip install 'newsnorm[dask]'`).

    import newsnorm.dask
    bag = newsnorm.dask.records("s3://bucket/cc-news/*.warc.gz")    # a dask.bag, lazily
    newsnorm.dask.convert("crawl/*.warc.gz", "out/", client=client)  # the command's run

`convert` is the run `newsnorm convert INPUTS -o DIR --dask ...` makes: a part file per
partition, errors beside them, a manifest, resumable. `records` gives the article records
as a bag for a pipeline of your own; documents that fail are left out of it (use `convert`
when every document must be accounted for)."""

from __future__ import annotations

from newsnorm import run
from newsnorm.run import batch
from newsnorm.run.cluster import require_distributed
from newsnorm.run.partitions import Partition, plan
from newsnorm.run.settings import Settings

__all__ = ["convert", "records"]


def convert(
    inputs: str | list[str],
    destination: str,
    *,
    client=None,
    settings: Settings | None = None,
    resume: bool = False,
    reporter: run.Reporter | None = None,
    documents_per_partition: int | None = None,
) -> run.Summary:
    """Convert `inputs` (paths, URLs, globs) into the directory `destination` on `client`'s
    cluster (default: the current client, as `distributed.get_client` finds it)."""
    client = client or require_distributed().get_client()
    return run.convert(
        _listed(inputs), destination, settings=settings, resume=resume, reporter=reporter,
        dask=client, documents_per_partition=documents_per_partition,
    )  # fmt: skip


def records(
    inputs: str | list[str],
    *,
    settings: Settings | None = None,
    documents_per_partition: int | None = None,
):
    """A `dask.bag.Bag` of article records (dicts, as in the JSON Lines output), one bag
    partition per newsnorm partition, for the current client's cluster. Planning lists the
    inputs and scans web archives for record boundaries here; converting waits until the
    bag is computed."""
    require_distributed()
    import dask.bag

    settings = settings or Settings()
    client = require_distributed().get_client()
    workers = len(client.scheduler_info()["workers"]) or 1
    partitions = plan(_listed(inputs), documents_per_partition, workers=workers).partitions
    bag = dask.bag.from_sequence(partitions, npartitions=max(len(partitions), 1))
    return bag.map_partitions(_partition_records, settings)


def _partition_records(partitions: list[Partition], settings: Settings) -> list[dict]:
    documents = (
        document
        for partition in partitions
        for document in partition.documents(settings.fields, settings.max_bytes)
    )
    outcomes = batch.convert(documents, settings)
    return [outcome.article.to_record() for outcome in outcomes if outcome.article is not None]


def _listed(inputs: str | list[str]) -> list[str]:
    return [inputs] if isinstance(inputs, str) else list(inputs)
