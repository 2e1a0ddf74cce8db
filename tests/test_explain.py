"""`newsnorm explain` without a browser: the evidence behind each metadata field, the
blocks and the region, the report's HTML, and the command."""

from __future__ import annotations

import gzip
import json
import re

from helpers import SHARED
from typer.testing import CliRunner

from newsnorm import normalize
from newsnorm.cli import app
from newsnorm.explain import default_report_path, explain, render
from newsnorm.profiles import profile_texts

runner = CliRunner()
SAMPLE = SHARED / "samples" / "text" / "brecorder-lee-xi.txt"
STORY = " ".join(["The council voted on Monday to close the old harbour bridge for repairs."] * 4)
LATER = "Traffic will be diverted through the town centre while the engineers are at work."
LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour bridge to close for a year",
    "datePublished": "2024-03-04T09:30:00+01:00",
    "author": {"@type": "Person", "name": "Jane Doe"},
}


def page(*, ld: dict | None = LD, head: str = "", body: str = "") -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><title>Bridge news | The Gazette</title>'
        f'<meta property="og:title" content="Bridge to shut for twelve months">'
        f'<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        f'<link rel="stylesheet" href="https://cdn.example/site.css">{head}{script}</head>'
        f"<body><nav><a href='/'>Home</a></nav><main><article>"
        f'<figure><img src="https://cdn.example/photo.jpg"><figcaption>The bridge'
        f"</figcaption></figure>"
        f"<p>{STORY}</p><p>{STORY}</p>"
        f"<p>Advertisement</p><p>{STORY}</p></article>"
        f"<section><p>Most read today</p></section></main>{body}</body></html>"
    )


def field(report, name):
    return next(row for row in report.fields if row.name == name)


def test_a_json_ld_title_beats_og_title_and_the_title_tag():
    title = field(explain(page()), "title")
    assert title.value == "Harbour bridge to close for a year"
    assert (title.source, title.plugin) == ("JSON-LD headline", "newsnorm.html_metadata")
    beaten = {(c.source, c.value) for c in title.beaten}
    assert ("meta og:title", "Bridge to shut for twelve months") in beaten
    assert ("<title>", "Bridge news | The Gazette") in beaten


def test_without_json_ld_the_meta_tags_win_and_the_url_date_is_beaten():
    report = explain(page(ld=None), url="https://gazette.example/2024/01/02/bridge")
    assert field(report, "title").source == "meta og:title"
    published = field(report, "published")
    assert published.source == "meta article:published_time"
    assert ("date in the URL", "2024-01-02") in {(c.source, c.value) for c in published.beaten}


def test_a_visible_h1_that_is_the_story_s_headline_wins():
    html = page().replace("<main>", "<main><h1>Harbour bridge to close for a whole year</h1>")
    title = field(explain(html), "title")
    assert (title.source, title.value) == (
        "visible <h1>",
        "Harbour bridge to close for a whole year",
    )
    assert "JSON-LD headline" in {c.source for c in title.beaten}


def test_people_dates_and_language_name_their_sources():
    report = explain(page())
    assert (field(report, "authors").source, field(report, "authors").value) == (
        "JSON-LD author",
        "Jane Doe",
    )
    assert field(report, "published").value == "2024-03-04T09:30:00+01:00"
    assert field(report, "published").source == "JSON-LD datePublished"
    language = field(report, "language")
    assert language.value == "en"  # <html lang=en-GB>, as its primary subtag
    assert [c.source for c in language.earlier] == ["<html lang>"]


def test_a_plugin_that_sets_a_field_is_its_source():
    report = explain(SAMPLE.read_bytes())
    assert field(report, "title").source == "set by the plugin brecorder"
    assert field(report, "dateline").source == "the first paragraph's dateline"
    assert field(report, "subtitle").source is None


def test_blocks_keep_their_order_rules_and_region():
    report = explain(page(body="<div><p>Weather: sunny spells later in the day.</p></div>"))
    statuses = [(row.status, row.text[:20]) for row in report.blocks]
    assert statuses[:3] == [("kept", STORY[:20])] * 2 + [("removed", "Advertisement")]
    removed = report.blocks[2]
    assert (removed.rule, removed.plugin) == ("page-marker", "newsnorm.page_notices")
    assert all(row.region == "the best-scoring container" for row in report.blocks[:4])
    assert statuses[-1] == ("left-out", "Weather: sunny spell")
    assert report.blocks[-1].region is None


def test_a_text_capture_s_lines_are_its_blocks():
    report = explain(SAMPLE.read_bytes())
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(report.blocks) == len(lines)
    assert ("ticker", "brecorder") in {(row.rule, row.plugin) for row in report.blocks}
    assert [(cut.rule, cut.plugin) for cut in report.cuts] == [("dateline", "newsnorm.dateline")]


def test_each_line_of_an_unknown_outlet_s_capture_shows_what_it_was_taken_for():
    capture = (
        "Skip to content\nHome\nLocal\nRiver bridge to close for six months of repairs\n"
        "By Sarah Whitfield\nPublished 14 March 2026, 09:12 GMT\n"
        f"{STORY}\nShare\n{LATER}\nMost viewed\nComments (34)\n© 2026 The Daily Courier\n"
    )
    report = explain(capture.encode())
    taken = {row.text: (row.status, row.rule, row.plugin) for row in report.blocks}
    assert taken["Skip to content"] == ("removed", "page-header", "newsnorm.capture_head")
    assert taken["Local"][1] == "section"
    assert taken["River bridge to close for six months of repairs"][1] == "title"
    assert taken["By Sarah Whitfield"][1] == "byline"
    assert taken["Published 14 March 2026, 09:12 GMT"][1] == "date"
    assert taken["Share"] == ("removed", "furniture", "newsnorm.capture_region")
    assert taken["Comments (34)"] == ("removed", "page-footer", "newsnorm.capture_region")
    assert taken[STORY][0] == taken[LATER][0] == "kept"


def test_the_html_loads_nothing_and_escapes_the_page():
    html = page(body="<p><script>alert(1)</script>&lt;b&gt; <img src=x onerror=alert(2)></p>")
    report = explain(html.replace("Most read today", "Most <i>read</i> & today"))
    out = render(report)
    assert re.search(r"<(img|link|script|iframe)\b|url\(|@import|src=|href=", out) is None
    assert "https://cdn.example/photo.jpg" in out  # image URLs are shown, as text
    assert "&amp;" in out and out == render(
        explain(html.replace("Most read today", "Most <i>read</i> & today"))
    )


def test_the_normal_path_keeps_no_evidence_and_its_output():
    assert (
        normalize(page(), explain=True).model_dump() == normalize(page(), explain=True).model_dump()
    )
    from newsnorm.default_plugins.html_input import newsnorm_read_document
    from newsnorm.document import Source

    assert newsnorm_read_document(Source(page())).evidence is None


def test_the_command_writes_beside_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    gzipped = tmp_path / "story.html.gz"
    gzipped.write_bytes(gzip.compress(page().encode()))
    result = runner.invoke(app, ["explain", str(gzipped), "--url", "https://gazette.example/b"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "story.explain.html"
    assert "Harbour bridge" in (tmp_path / "story.explain.html").read_text(encoding="utf-8")
    assert default_report_path("a/b/capture.txt").name == "capture.explain.html"


def test_the_command_prints_to_stdout_and_forces_an_outlet():
    result = runner.invoke(app, ["explain", str(SAMPLE), "-o", "-", "--outlet", "brecorder"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and "ticker · brecorder" in result.stdout


def test_unreadable_and_binary_pages_are_one_line_errors(tmp_path):
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    for path, words in ((tmp_path / "missing.html", "cannot read"), (binary, "binary")):
        result = runner.invoke(app, ["explain", str(path)])
        assert result.exit_code == 1
        assert words in result.stderr and len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.output
    unknown = runner.invoke(app, ["explain", str(SAMPLE), "--outlet", "nowhere"])
    assert unknown.exit_code == 2 and "unknown outlet" in unknown.stderr


def test_each_block_shows_the_css_path_a_profile_can_remove_it_by(tmp_path):
    box = '<div class="gz-panel"><div class="gz-line">Subscribe to the Gazette daily.</div></div>'
    content = page(ld=None).replace("<p>Advertisement</p>", box)
    url = "https://gazette.example/news/bridge"
    (row,) = [row for row in explain(content, url=url).blocks if row.text.startswith("Subscribe")]
    assert row.status == "kept"
    assert row.path.endswith("div.gz-panel > div.gz-line")  # as served, though now a <p>
    assert all(row.path is None for row in explain(SAMPLE.read_bytes()).blocks)

    profile = tmp_path / "gazette.toml"
    selector = " > ".join(row.path.split(" > ")[-2:])
    profile.write_text(
        f'key = "gazette"\nname = "The Gazette"\ndomains = ["gazette.example"]\n'
        f'[html]\nremove = [{{ selector = "{selector}", name = "promo" }}]\n',
        encoding="utf-8",
    )
    texts = tuple(profile_texts([profile]))
    (row,) = [
        row
        for row in explain(content, url=url, profiles=texts).blocks
        if row.text.startswith("Subscribe")
    ]
    assert (row.status, row.rule, row.plugin) == ("removed", "promo", "gazette")
    assert '<code class="where">' in render(explain(content, url=url))
