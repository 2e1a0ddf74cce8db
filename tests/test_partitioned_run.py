"""A run into a directory of parts on this machine (the executor a Dask run swaps out)."""

from __future__ import annotations

import pytest
from partition_helpers import corpus_archive, directory_contents, lines_run, manifest

from newsnorm import run
from newsnorm.errors import UsageError
from newsnorm.run.report import Reporter


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
