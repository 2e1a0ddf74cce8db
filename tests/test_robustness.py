"""Arbitrary input gives a record or a NormalizeError, never another exception."""

from __future__ import annotations

import random

import pytest

from newsnorm import NormalizeError, normalize

# Pieces of markup and text the rules look at, so random documents reach them.
ALPHABET = [
    "<html>",
    "<p>",
    "</p>",
    "<div class='share'>",
    "</div>",
    "<br>",
    "&amp;",
    "<script>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": ',
    "<h1>",
    "<h1>— — —</h1>",
    "<title>Storm closes ports</title>",
    "<h3>Related</h3>",
    '<time datetime="2025-13-45T99:99">',
    '<span class="caption">',
    '<div style="display:none">',
    '<div class="hidden">',
    "<a><div>",
    "<figure><figcaption>",
    "&#0;",
    "\x00",
    "\x0b",
    *"abcXYZ .:;/|()“”‘’\"'\n\r\t•–—0123456789 PublishedUpdated By Desk SEOUL: date ▼%\u00a0",
]


def random_documents(seed: int, count: int):
    rng = random.Random(seed)
    for index in range(count):
        size = rng.randrange(0, 400)
        if index % 2:
            yield bytes(rng.randrange(256) for _ in range(size))
        else:
            yield "".join(rng.choice(ALPHABET) for _ in range(size))


@pytest.mark.parametrize("outlet", [None, "brecorder", "newsmania"])
def test_random_documents_never_crash(outlet):
    for content in random_documents(seed=20251101, count=300):
        try:
            article = normalize(content, outlet=outlet, explain=True)
        except NormalizeError as error:
            assert error.plugin is None, error  # a plugin that raised is a bug, not bad input
            continue
        assert article.word_count == len(article.text.split())


def test_pathological_pages_end_as_error_records_and_the_batch_goes_on(tmp_path):
    """Markup nested far beyond the parser's depth limit, and a page too big to finish in
    the time allowed: each is one error record, and the page after them still converts."""
    import json

    from typer.testing import CliRunner

    from newsnorm.cli import app

    (tmp_path / "a-deep.html").write_text("<body>" + "<div>" * 50_000 + "<p>deep text</p>")
    paragraph = "<p>" + "word " * 60 + "</p>\n"
    (tmp_path / "b-huge.html").write_text("<body><article>" + paragraph * 100_000)  # 31 MB
    (tmp_path / "c-fine.html").write_text("<body><article>" + paragraph * 3)
    errors = tmp_path / "errors.jsonl"
    runner = CliRunner()
    args = ["convert", str(tmp_path), "--errors", str(errors), "--timeout", "0.5"]
    result = runner.invoke(app, [*args, "--workers", "1"])
    failures = {json.loads(line)["source"] for line in errors.read_text().splitlines()}
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert failures == {str(tmp_path / "a-deep.html"), str(tmp_path / "b-huge.html")}
    assert json.loads(result.stdout)["provenance"]["source"] == str(tmp_path / "c-fine.html")
