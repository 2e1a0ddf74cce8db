"""`newsnorm explain` reports in a real headless browser: Debian's chromium, driven by
Playwright. The report renders, removed blocks are struck through with their rule and
plugin, the metadata table names its sources, and the browser requests nothing but the
report itself.

Locally the test is skipped when chromium is absent (it says how to install it); under CI
(CI=true) it never is: .ci/run installs chromium first."""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path

import pytest
from helpers import shared_path

from newsnorm.explain import explain, explain_file, render

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# A naeb page where the page-notice rules remove markers and the extractor leaves the
# site's "Most Popular" list out of the article.
CORPUS_PAGE = ("corpora", "naeb", "html", "03e1eddf444bde1fad8f6d623fef553d.html.gz")


def _needed(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI must run the browser test: see .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _needed("needs Debian's chromium: apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _needed("needs playwright: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def opened(browser, tmp_path):
    """Opens a report from a file:// URL; gives the page and every URL it requested."""
    pages = []

    def open_report(html: str):
        path = tmp_path / "report.explain.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(path.as_uri(), wait_until="load")
        pages.append(page)
        return page, requests, path.as_uri()

    yield open_report
    for page in pages:
        page.close()


def _text_decoration(element) -> str:
    return element.evaluate("e => getComputedStyle(e).textDecorationLine")


def _sample_paths() -> list[Path]:
    return sorted(shared_path("samples", "text").glob("*.txt"))


def test_a_corpus_page_report_renders_its_removals_region_and_sources(opened):
    page_path = shared_path(*CORPUS_PAGE)
    page, requests, url = opened(render(explain_file(page_path)))
    assert requests == [url]
    struck = page.locator(".block.removed del")
    assert struck.count() >= 4
    for index in range(struck.count()):
        assert "line-through" in _text_decoration(struck.nth(index))
    labels = page.locator(".block.removed .rule").all_inner_texts()
    assert "page-marker · newsnorm.page_notices" in labels
    assert page.locator(".block.removed .rule").first.is_visible()
    region = page.locator("#blocks .region").first
    assert region.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)") >= 2
    assert "best-scoring container" in region.locator(".region-label").inner_text()
    assert "Most Popular" in page.locator("#blocks .left-out .text").all_inner_texts()
    assert _text_decoration(page.locator(".block.kept").first) == "none"
    sources = page.locator("#metadata tr.field .source").all_inner_texts()
    assert any(source.startswith(("JSON-LD", "meta ", "<")) for source in sources)
    assert page.locator("#metadata tr[data-field=title] .source").inner_text()
    _assert_not_blank(page.screenshot(full_page=False))


@pytest.mark.parametrize("sample", _sample_paths(), ids=lambda path: path.stem)
def test_a_text_sample_report_shows_the_outlet_plugins_rules(opened, sample):
    report = explain(sample.read_bytes(), source=sample.name)
    page, requests, url = opened(render(report))
    assert requests == [url]
    plugin = sample.stem.split("-")[0]  # brecorder-lee-xi.txt: the brecorder plugin's rules
    labels = page.locator(".block.removed .rule").all_inner_texts()
    assert any(label.endswith(f" · {plugin}") for label in labels), labels
    removed = page.locator("#blocks .block.removed del")
    assert removed.count() == sum(row.status == "removed" for row in report.blocks)
    assert all("line-through" in _text_decoration(removed.nth(i)) for i in range(removed.count()))
    title_source = page.locator("#metadata tr[data-field=title] .source").inner_text()
    assert title_source == f"set by the plugin {plugin}"
    _assert_not_blank(page.screenshot(full_page=True))


def _assert_not_blank(png: bytes) -> None:
    """Many colours, and a fair share of pixels that are not the white background."""
    from PIL import Image  # Pillow comes with the test extra (bokeh needs it)

    image = Image.open(BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50
    white = sum(count for count, colour in colours if colour == (255, 255, 255))
    assert white < image.width * image.height * 0.97
