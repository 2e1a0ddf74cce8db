"""Several worker processes give the same bytes, in the same order, as one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import shared_path

from newsnorm.run.settings import Settings


def run_convert(*args: str) -> subprocess.CompletedProcess:
    newsnorm = Path(sys.executable).with_name("newsnorm")
    command = [str(newsnorm), "convert", *args]
    return subprocess.run(command, capture_output=True, check=False)


def test_two_workers_write_what_one_writes(tmp_path):
    pages = sorted(shared_path("corpora", "scrapinghub", "html").glob("*.html.gz"))[:24]
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"")
    inputs = [str(p) for p in pages[:12]] + [str(broken)] + [str(p) for p in pages[12:]]
    one = run_convert(*inputs, "--workers", "1", "--explain")
    two = run_convert(*inputs, "--workers", "2", "--explain")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 24
    assert one.stderr.splitlines()[0] == two.stderr.splitlines()[0]  # the same error line


def test_a_document_that_takes_too_long_is_an_error_and_the_batch_goes_on(tmp_path):
    from newsnorm.hookspecs import hookimpl
    from newsnorm.inputs.document import InputDocument
    from newsnorm.pipeline import Pipeline
    from newsnorm.plugins import make_plugin_manager
    from newsnorm.run import batch

    class Stuck:
        @hookimpl
        def newsnorm_remove_noise(self, document):
            while "stuck" in document.blocks[0].text:  # a rule that never ends on this page
                pass

    manager = make_plugin_manager(load_installed=False)
    manager.register(Stuck(), name="stuck")
    documents = [
        InputDocument("slow.txt", content=b"stuck here\n\nSecond line of the story."),
        InputDocument("fine.txt", content=b"A title\n\nThe story goes on here."),
    ]
    settings = Settings(timeout=0.2)
    outcomes = list(batch.convert(documents, settings, pipeline=Pipeline(manager)))
    assert outcomes[0].failure.stage == "timeout" and "0.2s" in outcomes[0].failure.reason
    assert outcomes[1].article is not None


def test_a_worker_that_dies_costs_its_document_only(monkeypatch):
    import os

    from newsnorm.inputs.document import InputDocument
    from newsnorm.run import pool

    real = pool.convert_one

    def dies_on_poison(pipeline, document, settings, **options):
        if b"poison" in document.read():
            os._exit(1)  # as the out-of-memory killer or a crash in C would end it
        return real(pipeline, document, settings, **options)

    monkeypatch.setattr(pool, "convert_one", dies_on_poison)  # forked workers inherit it
    texts = [b"poison here\n\nand more"] + [b"A title\n\nThe story goes on here."] * 39
    documents = [InputDocument(f"{n}.txt", content=t) for n, t in enumerate(texts[1:18] + texts)]
    outcomes = list(pool.convert_in_processes(documents, 2, Settings(timeout=None), as_lines=False))
    assert [o.source for o in outcomes] == [d.name for d in documents]
    assert outcomes[17].failure.stage == "worker" and "died" in outcomes[17].failure.reason
    assert all(o.article is not None for n, o in enumerate(outcomes) if n != 17)
