"""`_manifest.json`: what a partitioned run's output directory holds. Every partition with
its source and, once written, its counts; the inputs, and the versions of newsnorm and of
the plugins that made it. Saved whole under a temporary name and moved into place."""

from __future__ import annotations

import fsspec
import orjson

from newsnorm.run.partition_writer import PartResult, temporary_path
from newsnorm.run.partitions import Partition, Plan

NAME = "_manifest.json"
FORMAT = 1


def new(inputs: list[str], planned: Plan, versions: dict) -> dict:
    return {
        "format": FORMAT,
        "inputs": list(inputs),
        "documents_per_partition": planned.documents_per_partition,
        "versions": versions,
        "partitions": [_entry(partition) for partition in planned.partitions],
    }


def record(manifest: dict, result: PartResult) -> None:
    """Note a written partition's counts."""
    entry = manifest["partitions"][result.number]
    entry.update(converted=result.converted, failed=result.failed, skipped=result.skipped)
    if result.warned:  # only then, so that runs without plugin failures look as before
        entry["warned"] = result.warned


def finished(manifest: dict, number: int) -> bool:
    return manifest["partitions"][number].get("converted") is not None


def same_plan(manifest: dict, partitions: list[Partition]) -> bool:
    described = [_entry(partition) for partition in partitions]
    kept = [{key: entry[key] for key in _entry_keys(entry)} for entry in manifest["partitions"]]
    return kept == described


def load(destination: str) -> dict | None:
    fs, root = fsspec.core.url_to_fs(destination)
    path = f"{root}/{NAME}"
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as stream:
        return orjson.loads(stream.read())


def save(destination: str, manifest: dict) -> None:
    fs, root = fsspec.core.url_to_fs(destination)
    fs.makedirs(root, exist_ok=True)
    temporary = temporary_path(root, NAME)
    with fs.open(temporary, "wb") as stream:
        stream.write(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
    fs.mv(temporary, f"{root}/{NAME}")


def _entry(partition: Partition) -> dict:
    return {
        "number": partition.number,
        "part": partition.part,
        "errors": partition.errors,
        **partition.piece.describe(),
    }


def _entry_keys(entry: dict) -> list[str]:
    return [key for key in entry if key not in ("converted", "failed", "skipped", "warned")]
