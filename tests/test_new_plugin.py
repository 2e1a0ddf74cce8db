"""`newsnorm new-plugin`: the plugin it makes installs, passes its own tests straight away,
is listed and checked by newsnorm, and builds a wheel that holds its profile."""

from __future__ import annotations

import ast
import json
import re
import shlex
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsnorm.authoring.scaffold import ScaffoldError, new_plugin, plugin_names
from newsnorm.cli import app

runner = CliRunner()
BIN = Path(sys.executable).parent
# A name no real plugin has: if a run is killed before the clean-up, the leftover is
# plainly this test's, and the next run removes it first.
NAME = "acme-selftest"
DISTRIBUTION = f"newsnorm-{NAME}"
CAPTURE = "Storm closes ports\nPorts closed on Monday as the storm reached the coast.\n"


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )


def pip(*args: str | Path) -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "pip", "--quiet", *args)


@pytest.fixture
def installed_plugin(tmp_path):
    """A plugin made by the command, installed editable in this environment for the test
    as the command's next steps say (with its test extra), and uninstalled after it. No
    build isolation and no dependencies: hatchling, newsnorm and pytest are here already,
    so nothing is downloaded."""
    result = runner.invoke(
        app, ["new-plugin", NAME, "--domain", "acme.example", "--dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    project = tmp_path / DISTRIBUTION
    install, test = next_steps(result.stdout)
    assert install == ["pip", "install", "-e", f"{project}[test]"]
    assert test == ["pytest", str(project)]
    pip("uninstall", "--yes", DISTRIBUTION)
    installed = pip("install", "--no-deps", "--no-build-isolation", "--editable", install[-1])
    assert installed.returncode == 0, installed.stderr
    try:
        yield project
    finally:
        pip("uninstall", "--yes", DISTRIBUTION)


def next_steps(output: str) -> list[list[str]]:
    """The shell commands of the "next:" the command prints, as a shell splits them."""
    (line,) = output.splitlines()
    return [shlex.split(command) for command in line.split("; next: ", 1)[1].split(" && ")]


def test_the_plugin_installs_passes_its_tests_and_is_listed_and_checked(installed_plugin):
    tests = run(sys.executable, "-m", "pytest", cwd=installed_plugin)
    assert tests.returncode == 0, tests.stdout
    assert (
        "no golden cases yet in tests/cases: add a page NAME.html (or a capture NAME.txt)"
        " beside NAME.expected.json (see tests/cases/README.md)"
    ) in tests.stdout
    listing = json.loads(run(BIN / "newsnorm", "plugins").stdout)
    (entry,) = [entry for entry in listing if entry["name"] == NAME]
    assert entry["distribution"] == DISTRIBUTION
    assert entry["hooks"] == ["newsnorm_extract_metadata", "newsnorm_remove_noise"]
    (profile,) = [entry for entry in listing if entry["name"] == f"profile:{NAME}"]
    assert profile["distribution"] == DISTRIBUTION
    assert profile["origin"] == f"newsnorm_acme_selftest:{NAME}.toml"
    checked = run(BIN / "newsnorm", "check-plugin", NAME)
    assert checked.returncode == 0, checked.stdout
    assert f"ok    profile: newsnorm_acme_selftest: {NAME}" in checked.stdout, checked.stdout
    assert "warn  golden cases: no cases shipped" in checked.stdout
    # The same plugin, installed once (installing takes seconds): a first golden case,
    # added as tests/cases/README.md says, runs in its tests and in the check.
    add_case(installed_plugin / "tests" / "cases")
    tests = run(sys.executable, "-m", "pytest", "-v", cwd=installed_plugin)
    assert "test_golden_case[ports] PASSED" in tests.stdout, tests.stdout
    assert "test_pages_on_its_domain_are_recognised PASSED" in tests.stdout, tests.stdout
    checked = run(BIN / "newsnorm", "check-plugin", NAME)
    assert "ok    golden cases: 1 of 1 pass" in checked.stdout, checked.stdout
    installed = metadata(DISTRIBUTION)
    assert "test" in installed.get_all("Provides-Extra")
    requires = [line.replace("'", '"') for line in installed.get_all("Requires-Dist")]
    assert 'pytest>=8; extra == "test"' in requires


def add_case(cases: Path) -> None:
    (cases / "ports.txt").write_text(CAPTURE, encoding="utf-8")
    expected = {"input": "ports.txt", "url": None, "article": {"title": "Storm closes ports"}}
    (cases / "ports.expected.json").write_text(json.dumps(expected), encoding="utf-8")


def test_the_files_made(tmp_path):
    project = new_plugin("acme", "acme.example", tmp_path / "plugins")
    made = sorted(str(path.relative_to(project)) for path in project.rglob("*") if path.is_file())
    assert made == [
        "README.md",
        "pyproject.toml",
        "src/newsnorm_acme/__init__.py",
        "src/newsnorm_acme/acme.toml",
        "tests/cases/README.md",
        "tests/test_acme.py",
    ]
    pyproject = (project / "pyproject.toml").read_text()
    assert '[project.entry-points.newsnorm]\nacme = "newsnorm_acme"' in pyproject
    assert '[project.entry-points."newsnorm.profiles"]\nacme = "newsnorm_acme"' in pyproject
    profile = (project / "src" / "newsnorm_acme" / "acme.toml").read_text()
    assert 'key = "acme"\nname = "Acme"\ndomains = ["acme.example"]' in profile
    plugin = (project / "src" / "newsnorm_acme" / "__init__.py").read_text()
    assert 'KEY = "acme"' in plugin and plugin.count("if not document.outlet_is(KEY):") == 2


def test_the_test_extra_brings_what_the_tests_import(tmp_path):
    """In a fresh environment, `pip install -e '.[test]'` is all the tests need: every
    module they import comes with Python, newsnorm, the plugin, or the test extra."""
    project = new_plugin("acme", "acme.example", tmp_path)
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    extra = pyproject["project"]["optional-dependencies"]["test"]
    brought = {re.match(r"[A-Za-z0-9_.-]+", requirement).group().lower() for requirement in extra}
    assert "pytest" in brought
    here = set(sys.stdlib_module_names) | {"newsnorm", "newsnorm_acme"} | brought
    for test_file in (project / "tests").rglob("*.py"):
        assert imported_modules(test_file) <= here, test_file


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_code_made_is_lint_clean(tmp_path):
    project = new_plugin("acme-news", "news.acme.example", tmp_path)
    assert run(BIN / "ruff", "check", ".", cwd=project).returncode == 0
    assert run(BIN / "ruff", "format", "--check", ".", cwd=project).returncode == 0


def test_the_wheel_holds_the_profile(tmp_path):
    project = new_plugin("acme", "acme.example", tmp_path)
    built = pip("wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist", project)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {"newsnorm_acme/__init__.py", "newsnorm_acme/acme.toml"} <= set(names)


@pytest.mark.parametrize(
    ("name", "package", "distribution", "title"),
    [
        ("acme", "newsnorm_acme", "newsnorm-acme", "Acme"),
        ("acme-news", "newsnorm_acme_news", "newsnorm-acme-news", "Acme News"),
        ("acme_news2", "newsnorm_acme_news2", "newsnorm-acme-news2", "Acme News2"),
    ],
)
def test_names(name, package, distribution, title):
    names = plugin_names(name, "Acme.Example")
    assert (names.package, names.distribution, names.title) == (package, distribution, title)
    assert names.domain == "acme.example"


@pytest.mark.parametrize("name", ["Acme", "1acme", "acme news", "acme-", "acme--news", "ac.me", ""])
def test_unusable_names_are_refused(name):
    with pytest.raises(ScaffoldError, match="is not usable: use lowercase letters"):
        plugin_names(name, "acme.example")


@pytest.mark.parametrize(
    ("domain", "reason"),
    [
        ("https://acme.example/", "not a URL"),
        ("acme", "is not a domain name"),
        ("acme..example", "is not a domain name"),
        ("-acme.example", "is not a domain name"),
        ("acme.123", "is not a domain name"),
        ("acme example", "is not a domain name"),
    ],
)
def test_unusable_domains_are_refused(domain, reason):
    with pytest.raises(ScaffoldError, match=reason):
        plugin_names("acme", domain)


def test_the_outlet_s_name_can_be_given(tmp_path):
    result = runner.invoke(
        app,
        ["new-plugin", "np", "--domain", "nationalpost.com", "--title", "National Post",
         "--dir", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    profile = (tmp_path / "newsnorm-np" / "src" / "newsnorm_np" / "np.toml").read_text()
    assert 'name = "National Post"' in profile
    assert "newsnorm outlet plugin for National Post" in (
        tmp_path / "newsnorm-np" / "pyproject.toml"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize("title", ['The "Times"', "Back\\slash", "  ", "Bell\x07"])
def test_titles_that_would_break_the_files_are_refused(title):
    with pytest.raises(ScaffoldError, match="--title"):
        plugin_names("acme", "acme.example", title)


def test_an_existing_directory_is_never_overwritten(tmp_path):
    (tmp_path / "newsnorm-acme").mkdir()
    (tmp_path / "newsnorm-acme" / "mine.txt").write_text("keep me")
    result = runner.invoke(
        app, ["new-plugin", "acme", "--domain", "acme.example", "--dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"newsnorm: usage error: {tmp_path / 'newsnorm-acme'} exists already:"
        " remove it or choose another --dir"
    ]
    assert [p.name for p in (tmp_path / "newsnorm-acme").iterdir()] == ["mine.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newsnorm-acme"]  # nothing half-made


def test_a_bad_name_is_one_line_and_exit_2(tmp_path):
    result = runner.invoke(
        app, ["new-plugin", "Acme", "--domain", "acme.example", "--dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
