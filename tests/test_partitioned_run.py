"""A run into a directory of parts on this machine (the executor a Dask run swaps out)."""

from __future__ import annotations

import pytest
from partition_helpers import corpus_archive, directory_contents, lines_run, manifest

from newsnorm import run
from newsnorm.errors import UsageError
from newsnorm.run.directory import LocalParts, run_into_directory
from newsnorm.run.partitions import plan, plan_while_scanning
from newsnorm.run.report import Reporter
from newsnorm.run.settings import Settings


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return corpus_archive(tmp_path_factory.mktemp("in") / "crawl.warc.gz", 40)


def test_parts_hold_the_same_records_as_one_file(archive, tmp_path):
    expected_records, expected_errors = lines_run([str(archive)], tmp_path)
    out = tmp_path / "out"
    summary = run.convert([str(archive)], f"{out}/", workers=2, documents_per_partition=15)
    records, errors = directory_contents(out)
    assert records == expected_records and errors == expected_errors
    assert len(records) == 40 and len(errors) == 1
    listed = manifest(out)["partitions"]
    assert [entry["part"] for entry in listed] == ["part-00000.jsonl.gz", "part-00001.jsonl.gz",
                                                   "part-00002.jsonl.gz"]  # fmt: skip
    assert sum(entry["converted"] for entry in listed) == summary.tally.converted == 40
    assert sum(entry["failed"] for entry in listed) == summary.failed == 1


def test_same_input_same_bytes(archive, tmp_path):
    for name in ("a", "b"):
        run.convert([str(archive)], f"{tmp_path / name}/", workers=1, documents_per_partition=15)
    for first in sorted((tmp_path / "a").iterdir()):
        assert first.read_bytes() == (tmp_path / "b" / first.name).read_bytes(), first.name


class _StopsAfter(Reporter):
    """Interrupts the run (as Ctrl-C would) once `parts` partitions are written."""

    def __init__(self, parts: int) -> None:
        self.parts, self.seen = parts, 0

    def update(self, tally) -> None:
        self.seen += 1
        if self.seen == self.parts:
            raise KeyboardInterrupt


def test_resume_converts_only_the_missing_partitions(archive, tmp_path):
    out = tmp_path / "out"
    options = {"workers": 1, "documents_per_partition": 10}
    cut = run.convert([str(archive)], f"{out}/", reporter=_StopsAfter(2), **options)
    assert cut.interrupted
    written = {part.name: part.stat().st_mtime_ns for part in out.glob("part-*")}
    assert len(written) == 2
    resumed = run.convert([str(archive)], f"{out}/", resume=True, **options)
    assert not resumed.interrupted and resumed.tally.already_done == 20
    assert resumed.tally.converted + resumed.failed == 21
    for name, stamp in written.items():  # the parts already there were not written again
        assert (out / name).stat().st_mtime_ns == stamp
    records, errors = directory_contents(out)
    assert len(records) == 40 and len(errors) == 1


def test_a_directory_with_a_run_in_it_needs_resume(archive, tmp_path):
    run.convert([str(archive)], f"{tmp_path}/out/", workers=1)
    with pytest.raises(UsageError, match="--resume"):
        run.convert([str(archive)], f"{tmp_path}/out/", workers=1)
    with pytest.raises(UsageError, match="other inputs"):
        run.convert([str(archive), str(archive)], f"{tmp_path}/out/", workers=1, resume=True)


def test_default_size_follows_the_input_and_resume_keeps_it(archive, tmp_path):
    from newsnorm.run.partitions import GRAIN, MAX_DOCUMENTS_PER_PARTITION, _size_for

    assert _size_for(41, workers=2) == GRAIN  # small inputs: the smallest partitions
    assert _size_for(4000, workers=2) == 100  # about 16 a worker
    assert _size_for(1_000_000, workers=2) == MAX_DOCUMENTS_PER_PARTITION
    out = tmp_path / "out"
    run.convert([str(archive)], f"{out}/", workers=1, reporter=_StopsAfter(1))
    assert manifest(out)["documents_per_partition"] == GRAIN
    resumed = run.convert([str(archive)], f"{out}/", workers=1, resume=True,
                          documents_per_partition=7)  # fmt: skip
    assert resumed.tally.converted + resumed.failed + resumed.tally.already_done == 41
    assert manifest(out)["documents_per_partition"] == GRAIN


def _command(*args: str, hide_dask: bool = False):
    """`newsnorm ARGS` in a fresh interpreter (optionally one where Dask is not installed)."""
    import subprocess
    import sys

    hide = "import sys; sys.modules['distributed'] = None; " if hide_dask else ""
    run_cli = "from newsnorm.cli import main; sys.argv = ['newsnorm', *sys.argv[1:]]; main()"
    code = f"{hide}import sys; {run_cli}"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)


def test_dask_without_the_extra_is_one_line_naming_it(archive, tmp_path):
    result = _command("convert", str(archive), "-o", f"{tmp_path}/out/", "--dask", "local",
                      hide_dask=True)  # fmt: skip
    assert result.returncode == 2
    assert (
        result.stderr == "newsnorm: usage error: --dask needs Dask: pip install 'newsnorm[dask]'\n"
    )


def test_partitioned_runs_refuse_what_they_cannot_do(archive, tmp_path):
    for args, reason in [
        (["-o", f"{tmp_path}/a.jsonl", "--dask", "local"], "not the file"),
        (["-o", f"{tmp_path}/out/", "--errors", f"{tmp_path}/e.jsonl"], "drop --errors"),
        (["-o", f"{tmp_path}/out/", "--url", "https://example.org/"], "--url"),
    ]:
        result = _command("convert", str(archive), *args)
        assert result.returncode == 2 and reason in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


class _WhilePlanning(LocalParts):
    """Takes each partition as soon as it is planned, as a cluster on this machine does: the
    plan ends only once every partition has been converted."""

    converts_while_planning = True


def _directory_run(archive, out, executor, size=None):
    return run_into_directory(
        [str(archive)], f"{out}/", settings=Settings(), executor=executor, resume=False,
        reporter=Reporter(), documents_per_partition=size,
    )  # fmt: skip


def test_converting_while_planning_writes_what_a_planned_run_writes(archive, tmp_path):
    planned, streamed = tmp_path / "planned", tmp_path / "streamed"
    _directory_run(archive, planned, LocalParts(1), size=15)
    tally, interrupted = _directory_run(archive, streamed, _WhilePlanning(1), size=15)
    assert not interrupted and tally.converted == 40 and tally.failed == 1
    names = sorted(path.name for path in planned.iterdir())
    assert names == sorted(path.name for path in streamed.iterdir())
    for name in names:  # parts and the manifest, with the counts of every partition
        assert (planned / name).read_bytes() == (streamed / name).read_bytes(), name
    assert all("converted" in entry for entry in manifest(streamed)["partitions"])


def test_while_planning_the_default_size_comes_from_the_files_bytes(archive, tmp_path):
    from newsnorm.run.partitions import BYTES_PER_DOCUMENT_GZIP, _size_for

    page = tmp_path / "page.html"
    page.write_text("<p>One page</p>")
    size, partitions = plan_while_scanning([str(archive), str(page)], workers=2)
    estimated = -(-archive.stat().st_size // BYTES_PER_DOCUMENT_GZIP) + 1
    assert size == _size_for(estimated, workers=2)
    assert list(partitions) == plan([str(archive), str(page)], size).partitions


def test_planning_while_scanning_gives_the_partitions_of_a_plan(tmp_path):
    from warc_files import archive as warc_archive
    from warc_files import json_lines

    folder = tmp_path / "crawl"
    folder.mkdir()
    for number in range(3):
        (folder / f"a{number}.html").write_text(f"<p>Page {number}</p>")
    (folder / "b.warc.gz").write_bytes(warc_archive(23))
    (folder / "c.jsonl").write_bytes(json_lines(17))
    (folder / "d.html").write_text("<p>Last</p>")
    for size in (2, 5, 60):
        _, partitions = plan_while_scanning([str(folder)], size)
        assert list(partitions) == plan([str(folder)], size).partitions, size


class _Refusing(_WhilePlanning):
    """Refuses the run once it is ready, as a cluster whose workers have other plugins does."""

    def check_versions(self, versions: dict) -> None:
        raise UsageError("workers differ from this machine")


def test_a_run_refused_after_planning_while_starting_writes_nothing(archive, tmp_path):
    with pytest.raises(UsageError, match="workers differ"):
        _directory_run(archive, tmp_path / "out", _Refusing(1), size=15)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_parts_file_names_are_made_and_read_back_in_one_place():
    from newsnorm.run.partitions import PartFiles

    part = PartFiles(12)
    assert (part.records, part.errors) == ("part-00012.jsonl.gz", "errors-00012.jsonl")
    assert PartFiles.of_records(part.records) == part
    assert PartFiles.of_records("part-12.jsonl.gz") is None
    assert PartFiles.of_records(part.errors) is None
