"""Outlet profiles: loading (file, directory, package, environment, entry point), one-line
errors naming file, key and reason, the rules on the outlet's pages and on no other's,
field sources, credits, and runs with --profiles on worker processes."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from helpers import shared_path
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from newsnorm.cli import app
from newsnorm.document import Source
from newsnorm.pipeline import Pipeline, pipeline_with
from newsnorm.plugins import make_plugin_manager
from newsnorm.profiles import (
    ProfileError,
    ProfileText,
    load_profile,
    profile_texts,
    profiles_in_package,
    profiles_in_paths,
)
from newsnorm.profiles.schema import profile_schema, profile_schema_json, reference_table

DATA = Path(__file__).parent / "profile_data"
PACKAGE = DATA / "newsnorm_testprofiles"
EXAMPLE = PACKAGE / "example.toml"
NEWSNORM = Path(sys.executable).parent / "newsnorm"
runner = CliRunner()


def pipeline(*paths: Path) -> Pipeline:
    return pipeline_with(tuple(profile_texts(paths)))


def run(source: Source, *paths: Path, **options):
    return pipeline(*paths).run(source, explain=True, **options)


def example_page(body: str, canonical: str = "https://example.com/news/1") -> str:
    story = " ".join(["The council met on Monday to agree the budget for the year."] * 4)
    return (
        f'<html lang="en"><head><title>Budget agreed</title>'
        f'<link rel="canonical" href="{canonical}"></head><body><main><article>'
        f"<h1>Budget agreed at last</h1>"
        f'<nav class="crumbs"><a href="/">Home</a> <a href="/local">Local news</a></nav>'
        f'<div class="article-byline">By Jane Doe and John Roe</div>'
        f'<time class="published" datetime="2025-03-03T14:05:00">3 March</time>'
        f"<p>{story}</p>{body}<p>{story} Then the meeting closed.</p>"
        f"</article></main></body></html>"
    )


TEASER = '<div class="inline-teaser">Read more: the last budget was late by a month</div>'
SIGNUP = '<div class="signup"><p>Sign up for our morning briefing every weekday.</p></div>'


# Loading


def test_a_profile_loads_from_a_file_a_directory_and_a_package():
    assert load_profile(EXAMPLE).key == "example"
    assert [p.key for p in profiles_in_paths([PACKAGE])] == ["example", "nationalpost"]
    sys.path.insert(0, str(DATA))
    try:
        found = profiles_in_package("newsnorm_testprofiles")
    finally:
        sys.path.remove(str(DATA))
    assert [(p.key, p.origin) for p in found] == [
        ("example", "newsnorm_testprofiles:example.toml"),
        ("nationalpost", "newsnorm_testprofiles:nationalpost.toml"),
    ]


def test_profiles_named_in_the_environment_are_loaded(monkeypatch, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('key = "other"\nname = "Other"\ndomains = ["other.example"]\n')
    monkeypatch.setenv("NEWSNORM_PROFILES", os.pathsep.join([str(EXAMPLE), str(other)]))
    pm = make_plugin_manager()
    assert {"profile:example", "profile:other"} <= {name for name, _ in pm.list_name_plugin()}


def test_an_installed_distribution_s_profiles_load_through_its_entry_point(tmp_path):
    """A distribution as importlib.metadata sees one: its package (with the *.toml) and a
    .dist-info naming it under `newsnorm.profiles`, in a subprocess with it on the path."""
    package = tmp_path / "newsnorm_epdemo"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "demo.toml").write_text('key = "demo"\nname = "Demo"\ndomains = ["demo.example"]\n')
    info = tmp_path / "newsnorm_epdemo-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsnorm-epdemo\nVersion: 0.3\n")
    (info / "entry_points.txt").write_text("[newsnorm.profiles]\nepdemo = newsnorm_epdemo\n")
    listed = newsnorm("plugins", path=tmp_path)
    assert listed.returncode == 0, listed.stderr
    (entry,) = [e for e in json.loads(listed.stdout) if e["name"] == "profile:demo"]
    assert entry["distribution"] == "newsnorm-epdemo" and entry["version"] == "0.3"
    assert entry["origin"] == "newsnorm_epdemo:demo.toml"
    page = "Demo headline\nThe first paragraph of the demo story is long enough to count.\n"
    converted = newsnorm(
        "convert", "-", "--url", "https://demo.example/a", path=tmp_path, stdin=page
    )
    assert json.loads(converted.stdout)["outlet"]["name"] == "Demo"


def newsnorm(*args: str, path: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(path)}
    environment.pop("NEWSNORM_PROFILES", None)
    return subprocess.run(
        [str(NEWSNORM), *args], env=environment, input=stdin, capture_output=True, text=True
    )


def test_a_profile_given_later_replaces_one_of_the_same_key(tmp_path):
    renamed = tmp_path / "example.toml"
    renamed.write_text(EXAMPLE.read_text().replace("The Example Times", "The Example Daily"))
    outlets = pipeline(EXAMPLE, renamed).outlets
    assert [o.name for o in outlets if o.key == "example"] == ["The Example Daily"]


# Errors: one line, naming the file, the key and the reason


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (("div.inline-teaser", "div..teaser"), "html.remove[0]: bad CSS selector 'div..teaser'"),
        (("'^Sponsored$'", "'^(Sponsored$'"), "text.remove_lines[0]: bad regular expression"),
        (("timezone =", "time_zone ="), "time_zone: unknown field"),
        (("Europe/London", "Europe/Londres"), "timezone: unknown time zone 'Europe/Londres'"),
        (("@datetime", "@date time"), "html.published: bad @attr '@date time'"),
        (("(?P<names>", "(?P<who>"), "text.byline: byline pattern"),
        (('name = "newsletter"', 'name = "News letter"'), "html.remove[1].name: String should"),
        (('["example.com"', '["https://example.com"'), "domains[0]: String should match"),
    ],
)
def test_every_kind_of_mistake_is_one_line_naming_file_key_and_reason(tmp_path, change, reason):
    broken = tmp_path / "broken.toml"
    text = EXAMPLE.read_text()
    assert change[0] in text
    broken.write_text(text.replace(*change))
    with pytest.raises(ProfileError) as caught:
        load_profile(broken)
    message = str(caught.value)
    assert message.startswith(f"{broken}: profile example: {reason}"), message
    assert "\n" not in message


def test_a_file_that_is_no_toml_or_has_no_key_says_so(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("key = \n")
    with pytest.raises(ProfileError, match=r"bad\.toml: not TOML: "):
        load_profile(bad)
    bad.write_text('name = "x"\ndomains = ["x.example"]\n')
    with pytest.raises(
        ProfileError, match=r"bad\.toml: profile without a key: key: Field required"
    ):
        load_profile(bad)
    with pytest.raises(ProfileError, match="no such profile file or directory"):
        profiles_in_paths([tmp_path / "missing.toml"])


def test_the_cli_stops_on_a_broken_selector_with_one_line_and_exit_2(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(EXAMPLE.read_text().replace("div.inline-teaser", "div[class=="))
    page = tmp_path / "page.html"
    page.write_text(example_page(TEASER))
    for command in (["convert", str(page)], ["plugins"]):
        result = newsnorm(*command, "--profiles", str(broken), path=tmp_path)
        assert result.returncode == 2
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"newsnorm: usage error: {broken}: profile example: html.remove[0]")


# HTML rules


def test_boxes_go_on_the_outlet_s_pages_credited_by_index_or_name():
    article = run(Source(example_page(TEASER + SIGNUP)), EXAMPLE)
    assert article.outlet.name == "The Example Times"
    assert "Read more" not in article.text and "Sign up" not in article.text
    assert "Then the meeting closed." in article.text
    removed = {(r.rule, r.text) for r in article.removed}
    assert ("example:remove[0]", "Read more: the last budget was late by a month") in removed
    assert ("example:newsletter", "Sign up for our morning briefing every weekday.") in removed
    assert "profile:example" in [p.name for p in article.provenance.plugins]


def test_nothing_goes_on_another_outlet_s_page():
    page = example_page(TEASER + SIGNUP, canonical="https://elsewhere.example/news/1")
    article = run(Source(page), EXAMPLE)
    assert article.outlet.name is None
    assert "Read more: the last budget" in article.text
    assert not any(r.rule.startswith("example:") for r in article.removed)


def test_a_page_is_recognised_by_its_address_or_its_own_canonical_link():
    page = example_page(TEASER, canonical="/news/1")  # a relative link names no host
    assert run(Source(page), EXAMPLE).outlet.name is None
    by_url = run(Source(page, url="https://www.example.co.uk/news/1"), EXAMPLE)
    assert by_url.outlet.name == "The Example Times"
    assert by_url.outlet.domain == "example.co.uk"  # several domains: the page's own
    declared = page.replace(
        '<link rel="canonical" href="/news/1">',
        '<meta property="og:url" content="https://example.com/news/1">',
    )
    assert run(Source(declared), EXAMPLE).outlet.name == "The Example Times"  # og:url
    assert run(Source(page), EXAMPLE, outlet="example").outlet.name == "The Example Times"


def test_field_sources_win_over_the_page_s_generic_metadata():
    article = run(Source(example_page("")), EXAMPLE)
    assert article.byline == "By Jane Doe and John Roe"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.published.isoformat() == "2025-03-03T14:05:00+00:00"  # London, winter
    assert article.section == "Local news"
    assert "By Jane Doe" not in article.text
    assert ("example:byline", "By Jane Doe and John Roe") in {
        (r.rule, r.text) for r in article.removed
    }


def test_a_wrapper_cleaned_into_a_paragraph_still_matches_its_type_selector():
    """The reader turns a <div> of loose text into a <p>; `div.inline-teaser` finds it."""
    article = run(Source(example_page(TEASER)), EXAMPLE)
    assert any(r.rule == "example:remove[0]" for r in article.removed)


def test_national_post_s_newsletter_box_goes(tmp_path):
    page = gzip.decompress(
        shared_path(
            "corpora", "fundus-publishers", "html", "ca-NationalPost-2024-08-28.html.gz"
        ).read_bytes()
    )
    profile = PACKAGE / "nationalpost.toml"
    article = run(Source(page), profile)  # no --url: its canonical link names the site
    assert article.outlet.name == "National Post"
    assert "By signing up you consent" not in article.text
    assert "Recommended from Editorial" not in article.text
    assert "Kamala Harris was born in 1964" in article.text
    rules = {r.rule for r in article.removed}
    assert {"nationalpost:newsletter", "nationalpost:remove[1]"} <= rules
    assert article.authors == ["Joseph Brean"]
    without = pipeline().run(Source(page))  # (the sign-up notice goes without it too now)
    assert "Recommended from Editorial" in without.text


# Text rules


CAPTURE = """Budget agreed at last
By Jane Doe | 3 March 2025 14:05
Sponsored
The council met on Monday to agree the budget for the year, after months of talks.
Advertisement
The meeting closed late in the evening with a vote of nine to four.
© 2025 The Example Times
Terms of use
"""


def test_text_rules_remove_lines_cut_the_footer_and_read_the_byline():
    article = run(Source(CAPTURE, url="https://example.com/news/2"), EXAMPLE)
    assert article.text.splitlines()[::2] == [
        "The council met on Monday to agree the budget for the year, after months of talks.",
        "The meeting closed late in the evening with a vote of nine to four.",
    ]
    assert article.byline == "Jane Doe" and article.authors == ["Jane Doe"]
    assert article.published.isoformat() == "2025-03-03T14:05:00+00:00"
    assert [(r.rule, r.text) for r in article.removed if r.rule.startswith("example:")] == [
        ("example:remove_lines[0]", "Sponsored"),
        ("example:advert", "Advertisement"),
        ("example:footer_starts[0]", "© 2025 The Example Times"),
        ("example:footer_starts[0]", "Terms of use"),
        ("example:byline", "By Jane Doe | 3 March 2025 14:05"),
    ]


def test_text_rules_do_nothing_on_another_outlet_s_capture():
    article = run(Source(CAPTURE, url="https://elsewhere.example/2"), EXAMPLE)
    assert article.removed  # newsnorm's own rules still clean the capture...
    assert not [r for r in article.removed if r.rule.startswith("example:")]  # ...not the profile's


# Runs


def test_explain_credits_and_workers_2_give_the_same_records(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for index in range(6):
        canonical = f"https://example.com/news/{index}" if index % 2 else "https://x.example/"
        (pages / f"page{index}.html").write_text(example_page(TEASER, canonical))
    outputs = []
    for workers in ("1", "2"):
        output = tmp_path / f"out{workers}.jsonl"
        result = runner.invoke(
            app,
            ["convert", str(pages), "-o", str(output), "--explain", "--workers", workers,
             "--profiles", str(PACKAGE)],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[1].splitlines()]
    credited = [any(r["rule"] == "example:remove[0]" for r in rec["removed"]) for rec in records]
    assert credited == [False, True, False, True, False, True]


def test_settings_carry_the_profile_texts_to_other_processes():
    texts = tuple(profile_texts([EXAMPLE]))
    assert texts == (ProfileText(str(EXAMPLE), EXAMPLE.read_text()),)
    assert pipeline_with(texts) is pipeline_with(texts)  # built once per process and set


# Schema and docs

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "profile.v1.json"
PLUGIN_DOCS = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"


def test_the_committed_profile_schema_is_generated_from_the_model():
    assert SCHEMA.read_bytes() == profile_schema_json(), "run `make schema`"
    Draft202012Validator.check_schema(profile_schema())


def test_profile_files_read_as_toml_satisfy_the_schema_and_a_misspelling_does_not():
    validator = Draft202012Validator(profile_schema())
    for path in PACKAGE.glob("*.toml"):
        assert not list(validator.iter_errors(tomllib.loads(path.read_text())))
    misspelt = tomllib.loads(EXAMPLE.read_text().replace("footer_starts", "footer_start"))
    assert list(validator.iter_errors(misspelt))


def test_the_docs_reference_is_the_schema_s_and_the_docs_example_loads(tmp_path):
    docs = PLUGIN_DOCS.read_text(encoding="utf-8")
    start, end = "<!-- profile-reference:start -->\n", "<!-- profile-reference:end -->"
    documented = docs[docs.index(start) + len(start) : docs.index(end)]
    assert documented == reference_table(json.loads(SCHEMA.read_text())), "see make schema"
    section = docs[docs.index("## Outlet profiles") :]
    example = section[section.index("```toml\n") + 8 : section.index("```\n")]
    (tmp_path / "example.toml").write_text(example, encoding="utf-8")
    profile = load_profile(tmp_path / "example.toml")
    assert profile.key == "example" and len(profile.spec.html.remove) == 3


def test_records_with_profile_credits_and_old_credits_are_valid():
    schema = json.loads((SCHEMA.parent / "article.v1.json").read_text())
    pattern = re.compile(schema["$defs"]["Removal"]["properties"]["rule"]["pattern"])
    for rule in ("example:remove[0]", "example:newsletter", "brecorder:ticker", "a.b:c-d"):
        assert pattern.match(rule), rule
    for rule in ("example:remove[x]", "profile:example:remove[0]", "a:b c"):
        assert not pattern.match(rule), rule
