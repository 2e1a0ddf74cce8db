"""`newsnorm check-plugin`: the shipped plugins pass; a misspelt hook, an unmarked one, a bad
rule name, a failing golden case, a broken installed plugin and a content match that claims
other outlets' documents are each reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsnorm.authoring.check import check_module, check_plugin
from newsnorm.authoring.claims import shipped_documents
from newsnorm.authoring.findings import passed, report
from newsnorm.authoring.target import UnknownPluginError
from newsnorm.cli import app

runner = CliRunner()
NEWSNORM = str(Path(sys.executable).with_name("newsnorm"))

# A plugin for a made-up outlet whose captures end with "-- The Tiny Times": it removes
# "Sponsored" lines under RULE (filled in by each test).
TINY_PLUGIN = """
from newsnorm import OutletProfile, hookimpl

PROFILE = OutletProfile(
    key="tiny",
    name="The Tiny Times",
    domain="tiny.example",
    matches_content=lambda d: any(b.text == "-- The Tiny Times" for b in d.blocks),
)


@hookimpl
def newsnorm_register_outlets(register):
    register(PROFILE)


@hookimpl
def newsnorm_remove_noise(document):
    if document.outlet_is("tiny"):
        for block in list(document.live_blocks()):
            if block.text == "Sponsored":
                document.remove(block, RULE)
"""
CAPTURE = """Tiny headline about the harbour
Sponsored
The harbour reopened on Monday after the storm had passed.
-- The Tiny Times
"""


def make_project(root: Path, package: str, code: str, *, title: str | None = None) -> Path:
    """A plugin project in src layout under `root`, put on sys.path by the caller; with one
    golden case expecting `title` when given."""
    (root / "src" / package).mkdir(parents=True)
    (root / "src" / package / "__init__.py").write_text(code, encoding="utf-8")
    (root / "pyproject.toml").write_text(f'[project]\nname = "{package}"\n', encoding="utf-8")
    if title is not None:
        cases = root / "tests" / "cases"
        cases.mkdir(parents=True)
        (cases / "harbour.txt").write_text(CAPTURE, encoding="utf-8")
        expected = {"input": "harbour.txt", "url": None, "article": {"title": title}}
        expected["noise"] = ["Sponsored"]
        (cases / "harbour.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    return root / "src"


def lines(findings) -> list[str]:
    return report(findings).splitlines()


@pytest.mark.parametrize("name", ["brecorder", "newsmania"])
def test_the_shipped_plugins_pass(name):
    findings = check_plugin(name)
    assert passed(findings), report(findings)
    assert [f.check for f in findings if f.status == "ok"][:4] == [
        "loads",
        "hooks",
        "golden cases",
        "rule names",
    ]
    (cases,) = [f for f in findings if f.check == "golden cases"]
    assert cases.message.endswith(f"newsnorm-{name}/tests/cases)")


def test_the_command_prints_one_line_per_check_and_exits_0():
    result = runner.invoke(app, ["check-plugin", "newsmania"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "ok    loads: newsmania = newsnorm_newsmania (newsnorm-newsmania 0.1.0)"
    )
    assert "ok    golden cases: 3 of 3 pass (" in result.stdout


def test_an_unknown_plugin_is_a_usage_error_listing_the_installed_ones():
    result = runner.invoke(app, ["check-plugin", "nosuch"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "newsnorm: usage error: no installed plugin 'nosuch' (installed: brecorder, newsmania)"
    ]
    with pytest.raises(UnknownPluginError, match="no module 'nosuch_module'"):
        check_module("nosuch_module")


def test_a_misspelt_hook_fails_naming_it_and_the_hook_meant(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace("def newsnorm_remove_noise", "def newsnorm_remove_nosie")
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_misspelt", code))
    findings = check_module("tiny_misspelt", "tiny")
    assert not passed(findings)
    assert (
        "FAIL  hooks: newsnorm_remove_nosie is not a newsnorm hook"
        " (did you mean newsnorm_remove_noise?)"
    ) in lines(findings)


def test_an_unmarked_hook_and_a_wrong_argument_fail(tmp_path, monkeypatch):
    code = (
        TINY_PLUGIN.replace(
            "@hookimpl\ndef newsnorm_remove_noise(document)",
            "def newsnorm_remove_noise(document)",
        )
        + "\n\n@hookimpl\ndef newsnorm_extract_metadata(document, outlet):\n    pass\n"
    )
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_unmarked", code))
    result = runner.invoke(app, ["check-plugin", "--module", "tiny_unmarked"])
    assert result.exit_code == 1
    report_lines = result.stdout.splitlines()
    assert report_lines[0].startswith("FAIL  loads: pluggy refuses it: Plugin 'tiny_unmarked'")
    assert (
        "FAIL  hooks: newsnorm_extract_metadata: argument(s) outlet not among the hook's"
        " (document), so pluggy refuses the plugin"
    ) in report_lines
    assert (
        "FAIL  hooks: newsnorm_remove_noise is not marked @hookimpl, so newsnorm never calls it"
    ) in report_lines


def test_a_plugin_passes_with_its_golden_case_and_rule_names(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace("RULE", '"sponsored"')
    monkeypatch.syspath_prepend(
        make_project(tmp_path, "tiny_good", code, title="Tiny headline about the harbour")
    )
    findings = check_module("tiny_good", "tiny")
    assert passed(findings), report(findings)
    assert lines(findings)[2:4] == [
        f"ok    golden cases: 1 of 1 pass ({tmp_path / 'tests' / 'cases'})",
        "ok    rule names: tiny:sponsored",
    ]


def test_a_failing_golden_case_is_reported_with_its_differences(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace("RULE", '"sponsored"')
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_wrong", code, title="Other title"))
    findings = check_module("tiny_wrong", "tiny")
    assert not passed(findings)
    assert lines(findings)[2:4] == [
        "FAIL  golden case harbour: 1 difference(s)",
        "      title: expected 'Other title', got 'Tiny headline about the harbour'",
    ]


def test_a_rule_name_the_schema_refuses_fails(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace("RULE", '"sponsored line"')
    monkeypatch.syspath_prepend(
        make_project(tmp_path, "tiny_badrule", code, title="Tiny headline about the harbour")
    )
    findings = check_module("tiny_badrule", "tiny")
    assert (
        "FAIL  rule names: 'tiny:sponsored line' does not match the schema's"
        " ^(learned:)?[\\w.-]+:[\\w.-]+(\\[\\d+\\])?$"
    ) in lines(findings)
    (case,) = [f for f in findings if f.check == "golden case harbour"]
    assert "record is not valid" in case.details[0]


def test_a_plugin_without_cases_gets_a_warning_not_a_failure(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace("RULE", '"sponsored"')
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_nocases", code))
    findings = check_module("tiny_nocases", "tiny")
    assert passed(findings)
    places = [tmp_path / "src" / "tiny_nocases" / "cases", tmp_path / "tests" / "cases"]
    assert lines(findings)[2:4] == [
        f"warn  golden cases: no cases shipped (looked in {places[0]}, {places[1]})",
        "n/a   rule names: no golden cases to read them from",
    ]


def test_cases_shipped_inside_the_package_are_found(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace("RULE", '"sponsored"')
    src = make_project(tmp_path, "tiny_shipped", code, title="Tiny headline about the harbour")
    (tmp_path / "tests" / "cases").rename(src / "tiny_shipped" / "cases")
    monkeypatch.syspath_prepend(src)
    findings = check_module("tiny_shipped", "tiny")
    assert lines(findings)[2] == (
        f"ok    golden cases: 1 of 1 pass ({src / 'tiny_shipped' / 'cases'})"
    )


def installed_by_metadata(root: Path, package: str, code: str, entry_point: str) -> Path:
    """`package` installed as a distribution as far as importlib.metadata can tell: the
    module and a .dist-info directory beside it, for a subprocess with `root` on its path."""
    (root / f"{package}.py").write_text(code, encoding="utf-8")
    info = root / f"{package}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[newsnorm]\n{entry_point} = {package}\n")
    return root


def run_newsnorm(*args: str, path: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(path)}
    return subprocess.run(
        [NEWSNORM, *args], env=environment, capture_output=True, text=True, check=False
    )


def test_a_broken_installed_plugin_is_left_out_with_a_warning_and_checked(tmp_path):
    code = (
        TINY_PLUGIN.replace("RULE", '"sponsored"').replace(
            "def newsnorm_remove_noise(document)", "def newsnorm_remove_noise(document, outlet)"
        )
        + "\n\n@hookimpl\ndef newsnorm_finish_recrod(record):\n    pass\n"
    )
    path = installed_by_metadata(tmp_path, "tiny_broken", code, "tiny")
    listing = run_newsnorm("plugins", path=path)
    assert listing.returncode == 0, listing.stderr
    assert {entry["name"] for entry in json.loads(listing.stdout)} == {"brecorder", "newsmania"}
    assert listing.stderr.startswith(
        "newsnorm: warning: plugin tiny not loaded: PluginValidationError: Plugin 'tiny' for"
        " hook 'newsnorm_remove_noise'"
    )
    checked = run_newsnorm("check-plugin", "tiny", path=path)
    assert checked.returncode == 1
    assert "FAIL  hooks: newsnorm_finish_recrod is not a newsnorm hook (did you mean" in (
        checked.stdout
    )


def test_a_misspelt_hook_of_an_installed_plugin_is_warned_about(tmp_path):
    code = TINY_PLUGIN.replace("RULE", '"sponsored"').replace(
        "newsnorm_remove_noise", "newsnorm_remove_nosie"
    )
    path = installed_by_metadata(tmp_path, "tiny_typo", code, "tiny")
    listing = run_newsnorm("plugins", path=path)
    assert listing.returncode == 0
    assert listing.stderr == (
        "newsnorm: warning: plugin tiny: newsnorm_remove_nosie is not a newsnorm hook"
        " (see `newsnorm check-plugin tiny`)\n"
    )


def test_profiles_are_checked_through_newsnorm_profiles(tmp_path, monkeypatch):
    """The plugin's package ships its profile; a broken one fails the check with the reason
    newsnorm.profiles gives (and its golden cases cannot run), a valid one passes."""
    package = tmp_path / "tiny_profiled"
    package.mkdir()
    (package / "__init__.py").write_text(TINY_PLUGIN.replace("RULE", '"sponsored"'))
    profile = 'key = "tiny-desk"\nname = "Tiny desk"\ndomains = ["desk.tiny.example"]\n'
    (package / "tiny.toml").write_text(profile + 'timezone = "Mars/Olympus"\n')
    info = tmp_path / "tiny_profiled-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tiny_profiled\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[newsnorm]\ntiny = tiny_profiled\n\n[newsnorm.profiles]\ntiny = tiny_profiled\n"
    )
    monkeypatch.syspath_prepend(tmp_path)
    reason = (
        "tiny_profiled:tiny.toml: profile tiny-desk: timezone: unknown time zone"
        " 'Mars/Olympus' (an IANA name, like Europe/London)"
    )
    found = lines(check_plugin("tiny"))
    assert found[-1] == f"FAIL  profile: {reason}"
    assert f"FAIL  golden cases: not run: {reason}" in found
    (package / "tiny.toml").write_text(profile + 'timezone = "Europe/Oslo"\n')
    assert lines(check_plugin("tiny"))[-1] == "ok    profile: tiny_profiled: tiny-desk"


def test_without_newsnorm_profiles_the_profile_check_is_not_available(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace("RULE", '"sponsored"')
    path = installed_by_metadata(tmp_path, "tiny_noreader", code, "tiny")
    (path / "tiny_noreader-0.1.dist-info" / "entry_points.txt").write_text(
        "[newsnorm]\ntiny = tiny_noreader\n\n[newsnorm.profiles]\ntiny = tiny_noreader\n"
    )
    monkeypatch.syspath_prepend(path)
    monkeypatch.setitem(sys.modules, "newsnorm.profiles", None)  # import fails, as if absent
    assert lines(check_plugin("tiny"))[-1] == (
        "n/a   profile: not available: this newsnorm has no newsnorm.profiles"
    )


def test_a_plugin_that_cannot_be_imported_fails_to_load(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_raises", "raise RuntimeError('x')"))
    assert lines(check_module("tiny_raises")) == [
        "FAIL  loads: tiny_raises: RuntimeError: x",
    ]


def test_the_report_format():
    from newsnorm.authoring.findings import Finding

    findings = [
        Finding("ok", "loads", "fine"),
        Finding("FAIL", "golden case a", "2 difference(s)", ("title: x", "noise: y")),
    ]
    assert report(findings) == textwrap.dedent(
        """\
        ok    loads: fine
        FAIL  golden case a: 2 difference(s)
              title: x
              noise: y"""
    )
    assert not passed(findings) and passed(findings[:1])


# --- other outlets: a plugin's content match must not claim documents of other outlets ---

# The Tiny Times' plugin with a content match as broad as a byline any outlet prints.
BROAD_PLUGIN = TINY_PLUGIN.replace(
    'any(b.text == "-- The Tiny Times" for b in d.blocks)',
    'any("Published" in b.text for b in d.blocks)',
)
# Another outlet's capture: a "Published" line, a slash byline, WordPress's comment footer.
OTHER_CAPTURE = """Home
News
Markets
Harbour authority raises port fees for the first time in a decade

Priya Nair / 2nd March 2026 / 3 minutes read
Published 2 March 2026, 08:15 GMT

The harbour authority will raise port fees by 4% from April, it said on Monday.

Shipping lines said the increase would be passed on to importers.

Related Articles
Leave a Reply
Your email address will not be published. Required fields are marked *
Back to top button
"""


def other_outlets(findings):
    (finding,) = [f for f in findings if f.check == "other outlets"]
    return finding


def test_the_shipped_plugins_claim_no_capture_of_another_outlet(tmp_path):
    from newsnorm import normalize

    assert normalize(OTHER_CAPTURE).outlet.name is None
    (tmp_path / "other.txt").write_text(OTHER_CAPTURE, encoding="utf-8")
    shipped = len(shipped_documents())
    assert 8 <= shipped <= 15
    for name in ("brecorder", "newsmania"):
        finding = other_outlets(check_plugin(name, others=[str(tmp_path)]))
        assert (finding.status, finding.message) == (
            "ok",
            f"none of {shipped + 1} documents of other outlets claimed"
            f" ({shipped} shipped with newsnorm, 1 given)",
        )


def test_a_plugin_claiming_any_published_line_fails_listing_what_it_claims(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(make_project(tmp_path / "project", "tiny_broad", BROAD_PLUGIN))
    (tmp_path / "others").mkdir()
    (tmp_path / "others" / "other.txt").write_text(OTHER_CAPTURE, encoding="utf-8")
    given = str(tmp_path / "others")
    result = runner.invoke(app, ["check-plugin", "--module", "tiny_broad", "--others", given])
    assert result.exit_code == 1, result.output
    # Every capture that prints "Published" (an HTML page's byline is metadata, no block).
    captures = [source for source in shipped_documents() if source.name.endswith(".txt")]
    printing = [source.name for source in captures if b"Published" in source.content]
    assert len(printing) >= 3  # the bundle prints such lines in several forms
    finding = other_outlets(check_module("tiny_broad", "tiny", others=[given]))
    claimed = [detail.split(": as ")[0] for detail in finding.details]
    assert [name for name in claimed if name.endswith(".txt")][:-1] == printing
    assert claimed[-1] == str(tmp_path / "others" / "other.txt")
    shipped = len(shipped_documents())
    report_lines = result.stdout.splitlines()
    start = report_lines.index(
        f"FAIL  other outlets: {len(claimed)} of {shipped + 1} documents of other outlets"
        f" claimed ({shipped} shipped with newsnorm, 1 given)"
    )
    assert report_lines[start + 1 : start + 1 + len(claimed)] == [
        f"      {name}: as The Tiny Times (tiny: matches_content)" for name in claimed
    ]


def test_a_content_match_that_raises_on_other_outlets_fails(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace('any(b.text == "-- The Tiny Times" for b in d.blocks)', "1 / 0")
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_raising", code))
    finding = other_outlets(check_module("tiny_raising", "tiny"))
    assert finding.status == "FAIL"
    assert list(finding.details) == [
        f"{source.name}: recognition raises ZeroDivisionError: division by zero"
        for source in shipped_documents()
    ]


def test_a_plugin_recognising_by_its_own_hook_is_checked_too(tmp_path, monkeypatch):
    code = TINY_PLUGIN + (
        "\n\n@hookimpl\ndef newsnorm_recognize_outlet(document, outlets):\n"
        '    return PROFILE if "Share" in (b.text for b in document.blocks) else None\n'
    )
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_hook", code))
    finding = other_outlets(check_module("tiny_hook", "tiny"))
    assert finding.status == "FAIL"
    with_share = [s.name for s in shipped_documents() if b"\nShare\n" in s.content]
    assert with_share
    assert list(finding.details) == [
        f"{name}: as The Tiny Times (newsnorm_recognize_outlet)" for name in with_share
    ]


def test_a_plugin_without_a_content_match_is_not_applicable(tmp_path, monkeypatch):
    code = TINY_PLUGIN.replace(
        '    matches_content=lambda d: any(b.text == "-- The Tiny Times" for b in d.blocks),\n', ""
    )
    monkeypatch.syspath_prepend(make_project(tmp_path, "tiny_urlonly", code))
    assert "n/a   other outlets: the plugin recognises no outlet by content" in lines(
        check_module("tiny_urlonly", "tiny")
    )


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("missing.txt", "no such file or directory"),
        ("empty", "no captures or pages in it"),
        ("none-*.html", "no file matches this pattern"),
    ],
)
def test_others_that_give_no_document_are_a_usage_error(tmp_path, given, reason):
    (tmp_path / "empty").mkdir()
    path = str(tmp_path / given)
    result = runner.invoke(app, ["check-plugin", "brecorder", "--others", path])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newsnorm: usage error: --others {path}: {reason}"
