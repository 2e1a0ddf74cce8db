"""Partitioned runs on a real Dask LocalCluster (2 worker processes): the same records as a
local run, nothing lost or written twice when a worker is killed mid-run, resume, object
storage served by a real S3 server (moto's), and a worker with other plugins refused."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time

import pytest
from partition_helpers import corpus_archive, directory_contents, lines_run, manifest

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

import newsnorm.dask  # noqa: E402
from newsnorm import run  # noqa: E402
from newsnorm.run.cluster import PartitionFailed, PluginMismatch  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return corpus_archive(tmp_path_factory.mktemp("in") / "crawl.warc.gz", 60)


def test_same_records_as_a_local_run(client, archive, tmp_path):
    expected = lines_run([str(archive)], tmp_path)
    out = tmp_path / "out"
    summary = newsnorm.dask.convert(str(archive), f"{out}/", client=client,
                                    documents_per_partition=16)  # fmt: skip
    assert directory_contents(out) == expected
    assert summary.tally.converted == 60 and summary.failed == 1
    listed = manifest(out)
    assert len(listed["partitions"]) == 4 and listed["versions"]["plugins"]


def test_a_cluster_made_for_the_run_converts_while_it_plans(archive, tmp_path):
    expected = lines_run([str(archive)], tmp_path)
    out = tmp_path / "out"
    summary = run.convert([str(archive)], f"{out}/", dask="local", dask_workers=2,
                          documents_per_partition=16)  # fmt: skip
    assert directory_contents(out) == expected
    assert summary.tally.converted == 60 and summary.failed == 1
    listed = manifest(out)["partitions"]
    assert [entry["part"] for entry in listed] == [f"part-0000{n}.jsonl.gz" for n in range(4)]
    assert sum(entry["converted"] + entry["failed"] for entry in listed) == 61


def test_records_bag(client, archive, tmp_path):
    expected, _ = lines_run([str(archive)], tmp_path)
    bag = newsnorm.dask.records(str(archive), documents_per_partition=25)
    found = bag.compute()
    assert sorted(record["provenance"]["source"] for record in found) == sorted(expected)


def test_a_killed_worker_loses_and_duplicates_nothing(client, archive, tmp_path):
    expected = lines_run([str(archive)], tmp_path)
    out = tmp_path / "out"
    done = {}
    job = threading.Thread(
        target=lambda: done.update(summary=newsnorm.dask.convert(
            str(archive), f"{out}/", client=client, documents_per_partition=4
        ))
    )  # fmt: skip
    job.start()
    _wait_for(lambda: any(out.glob("part-*")) or not job.is_alive())
    assert job.is_alive()  # killed mid-run: parts written, others in flight
    victim = next(iter(client.run(os.getpid).values()))
    os.kill(victim, signal.SIGKILL)
    job.join(timeout=300)
    assert not job.is_alive() and "summary" in done
    assert directory_contents(out) == expected  # every document once, records or errors
    assert not list(out.glob(".*.tmp"))  # the killed attempt's files are gone
    client.wait_for_workers(2, timeout=60)


def test_resume_runs_only_missing_parts(client, archive, tmp_path):
    out = tmp_path / "out"
    newsnorm.dask.convert(str(archive), f"{out}/", client=client, documents_per_partition=16)
    (out / "part-00002.jsonl.gz").unlink()  # as a run stopped before this part was written
    kept = {part.name: part.stat().st_mtime_ns for part in out.glob("part-*")}
    summary = newsnorm.dask.convert(
        str(archive), f"{out}/", client=client, documents_per_partition=16, resume=True
    )
    assert summary.tally.converted + summary.failed == 16
    assert summary.tally.already_done == 45
    assert all((out / name).stat().st_mtime_ns == stamp for name, stamp in kept.items())
    assert (out / "part-00002.jsonl.gz").exists()


def test_a_worker_with_other_plugins_is_refused(client, archive, tmp_path):
    def install_another_plugin():  # as if one worker had a plugin the client has not
        import types

        from newsnorm.plugins import get_plugin_manager

        get_plugin_manager().register(types.ModuleType("extra"), name="newsnorm-extra")

    worker = sorted(client.scheduler_info()["workers"])[0]
    client.run(install_another_plugin, workers=[worker])
    try:
        with pytest.raises(PluginMismatch, match=f"worker {worker}: plugin newsnorm-extra: not"):
            newsnorm.dask.convert(str(archive), f"{tmp_path}/out/", client=client)
        assert not (tmp_path / "out").exists()  # refused before any work
    finally:
        client.restart()


def test_a_part_that_cannot_be_written_stops_the_run_with_its_name(client, archive, tmp_path):
    def fail_to_write_part_1():  # as a full disk or a refused upload would, on the workers
        import newsnorm.run.cluster

        real = newsnorm.run.cluster.write_partition

        def write_partition(partition, *args, **kwargs):
            if partition.number == 1:
                raise OSError(28, "No space left on device")
            return real(partition, *args, **kwargs)

        newsnorm.run.cluster.write_partition = write_partition

    client.run(fail_to_write_part_1)
    try:
        with pytest.raises(PartitionFailed, match=r"part-00001\.jsonl\.gz could not be made"):
            newsnorm.dask.convert(str(archive), f"{tmp_path}/out/", client=client,
                                  documents_per_partition=16)  # fmt: skip
    finally:
        client.restart()


def _wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def s3(monkeypatch):
    """A real S3 API (moto's server) on localhost, and the settings that point at it."""
    moto_server = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    pytest.importorskip("s3fs", reason="s3fs is not installed")
    port = _free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
    }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    yield f"http://127.0.0.1:{port}"
    server.stop()


def test_reads_from_and_writes_to_s3(s3, archive, tmp_path):
    import fsspec

    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    fs.mkdir("news")
    fs.put(str(archive), "news/in/crawl.warc.gz")
    expected = lines_run([str(archive)], tmp_path)
    # Workers started now inherit the environment that points them at the server.
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
    with distributed.Client(cluster) as s3_client:
        newsnorm.dask.convert("s3://news/in/*.warc.gz", "s3://news/out/", client=s3_client,
                              documents_per_partition=16)  # fmt: skip
    cluster.close()
    fs.get("news/out/", str(tmp_path / "got"), recursive=True)
    records, errors = directory_contents(tmp_path / "got")
    rename = lambda found: {  # noqa: E731
        source.replace(str(archive), "s3://news/in/crawl.warc.gz"): line
        for source, line in found.items()
    }  # fmt: skip
    assert set(records) == set(rename(expected[0])) and set(errors) == set(rename(expected[1]))
