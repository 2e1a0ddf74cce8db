"""The examples in docs/ run as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
from pathlib import Path

from helpers import REPO, shared_path

DOCS = Path(__file__).resolve().parents[1] / "docs"
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def python_blocks(name: str) -> list[str]:
    return PYTHON_BLOCK.findall((DOCS / name).read_text(encoding="utf-8"))


def run_as_module(name: str, code: str) -> None:
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(code, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]


def test_plugin_guide_example_runs():
    plugin, trial = python_blocks("plugins.md")[:2]
    run_as_module("docs_example_plugin", plugin + "\n" + trial)


def test_formats_guide_examples_run():
    ninjs, parquet = python_blocks("formats.md")
    run_as_module("docs_example_formats", ninjs)
    run_as_module("docs_example_parquet", parquet)


def test_captures_guide_example_runs():
    (example,) = python_blocks("captures.md")
    run_as_module("docs_example_captures", example)


def test_batch_guide_example_runs():
    (example,) = python_blocks("batches.md")
    run_as_module("docs_example_batch", example)


def test_dedup_guide_example_runs(monkeypatch):
    (example,) = python_blocks("dedup.md")
    monkeypatch.chdir(REPO)  # the example names the shared samples as ../shared, from here
    run_as_module("docs_example_dedup", example.replace("../shared", str(shared_path())))


def test_readme_results_come_from_the_committed_benchmark_results():
    """Every summary table of results.md is in the README word for word; the per-country and
    per-language breakdowns (headings "... by ...") stay in results.md, which the README links."""

    def table(path, *, breakdowns=True):
        lines, breakdown = [], False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                breakdown = " by " in line
            elif line[:1] == "|" and (breakdowns or not breakdown):
                lines.append(line)
        return lines

    readme = table(REPO / "README.md")
    results = table(REPO / "benchmarks" / "results.md", breakdowns=False)
    assert results and all(line in readme for line in results)
    assert (REPO / "benchmarks" / "results.png").stat().st_size > 0


def test_readme_commands_run_word_for_word(tmp_path):
    """Each `newsnorm` line of the README's command-line block, run as a shell would, from a
    directory laid out like the repository after `make demo` (smaller archives)."""
    from corpus_archive import corpus_pages, write_jsonl, write_warc

    (tmp_path / "shared").symlink_to(shared_path())
    work = tmp_path / "newsnorm"
    (work / "demo-output").mkdir(parents=True)
    pages = corpus_pages(tmp_path / "shared")
    write_warc(pages, 8, work / "demo-output" / "crawl.warc.gz")
    write_jsonl(pages, 8, work / "demo-output" / "pages.jsonl")
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    for command in readme_commands():
        result = subprocess.run(
            ["bash", "-c", command], cwd=work, env=environment, capture_output=True, check=False
        )
        assert result.returncode == 0, f"{command}\n{result.stderr.decode()}"
    assert (work / "crawl.jsonl.gz").exists() and (work / "articles.jsonl").exists()


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line", 1)[1].split("```\n", 2)[1]
    lines = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    commands = [line for line in lines if line.startswith("newsnorm ")]
    assert len(commands) >= 10
    return commands


def test_explain_example_prints_what_its_comments_say(capsys):
    code = next(block for block in python_blocks("plugins.md") if "newsnorm.explain" in block)
    run_as_module("docs_explain_example", code)
    printed = capsys.readouterr().out.splitlines()
    comments = [line.split("# ", 1)[1] for line in code.splitlines() if "# " in line]
    assert printed == comments


def test_the_architecture_guide_names_only_what_exists():
    """Every module and package path docs/architecture.md names (`newsnorm/…`, `run/…`,
    `html/`…) is in the source tree: the guide fails here when a package it names is gone."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    source = REPO / "src" / "newsnorm"
    named = set(re.findall(r"`newsnorm/([\w/]+(?:\.py)?)`", text))
    named |= {
        f"{package}/{module}" for package, module in re.findall(r"`(run|formats)/(\w+\.py)`", text)
    }
    named |= set(re.findall(r"`(\w+)/`", text)) - {"plugins"}
    assert len(named) > 20
    missing = sorted(path for path in named if not (source / path).exists())
    assert not missing, f"docs/architecture.md names what is gone: {missing}"
    assert (REPO / "plugins").is_dir() and (REPO / "schemas" / "article.v1.json").exists()
