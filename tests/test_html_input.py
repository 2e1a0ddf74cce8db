"""HTML pages: content blocks without boilerplate, captions to images, declared metadata."""

from __future__ import annotations

import gzip

import pytest
from html_pages import page
from typer.testing import CliRunner

from newsnorm import NormalizeError, normalize
from newsnorm.cli import app

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story has enough words to count as article text.</p>"
    for n in range(1, 4)
)
JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Example"},
 {"@type": "NewsArticle", "headline": "Storm closes ports", "articleSection": "World",
  "datePublished": "2025-03-03T14:05:00+00:00", "dateModified": "2025-03-04",
  "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "AFP"}],
  "keywords": "storms, ports"}]}</script>"""


def article_html(extra: str = "") -> str:
    return (
        f"<nav><p>Home news sport business culture travel and much more</p></nav>"
        f"<article><h1>Storm closes ports</h1>{PARAGRAPHS}{extra}</article>"
        f'<div class="related-stories"><p>Another story with a long enough headline here</p>'
        f"</div><footer><p>Copyright Example Times, all rights reserved worldwide</p></footer>"
    )


def test_body_blocks_without_navigation_related_or_footer():
    article = normalize(page(body=article_html()))
    assert article.provenance.input_format == "html"
    assert [b.text[:11] for b in article.body] == ["Paragraph 1", "Paragraph 2", "Paragraph 3"]


def test_json_ld_graph_metadata():
    article = normalize(page(head=JSON_LD, body=article_html()))
    assert (article.title, article.section, article.language) == (
        "Storm closes ports",
        "World",
        "en",
    )
    assert (article.authors, article.agencies) == (["Jane Doe"], ["AFP"])
    assert article.published.isoformat() == "2025-03-03T14:05:00+00:00"
    assert article.updated.isoformat() == "2025-03-04"
    assert article.tags == ["storms", "ports"]


def test_meta_tags_and_title_fallbacks():
    head = (
        '<meta property="article:published_time" content="2025-01-02">'
        '<meta name="author" content="John Smith">'
        '<link rel="canonical" href="https://example.com/a/1">'
    )
    article = normalize(page(head=head, body=article_html()))
    assert article.title == "Storm closes ports"  # from <title>, without the site name
    assert article.authors == ["John Smith"]
    assert article.published.isoformat() == "2025-01-02"
    assert article.canonical_url == "https://example.com/a/1"


def test_figure_captions_go_to_images_not_text():
    figure = (
        '<figure><img src="/p.jpg"><figcaption>Waves hit the harbour wall on Monday.'
        "</figcaption></figure>"
    )
    article = normalize(page(body=article_html(figure)))
    assert [(i.url, i.caption) for i in article.images] == [
        ("/p.jpg", "Waves hit the harbour wall on Monday.")
    ]
    assert "Waves hit" not in article.text


def test_declared_charset_is_used():
    html = page(
        body=article_html("<p>Café owners in Orléans say the storm was the worst.</p>"),
        charset="windows-1252",
    )
    assert "Café owners in Orléans" in normalize(html.encode("cp1252")).text


@pytest.mark.parametrize("charset", ["unicode-escape", "raw-unicode-escape", "utf-7"])
def test_a_charset_no_page_is_written_in_is_ignored(charset):
    text = r"Café owners in Orléans keep their files in C:\new\tax and pay +ADw-b+AD4- twice."
    html = page(body=article_html(f"<p>{text}</p>"))
    html = html.replace("<head>", f'<head><meta charset="{charset}">', 1)
    assert text in normalize(html.encode("cp1252")).text  # (not UTF-8: the charset is asked)


def test_a_page_saved_as_utf8_under_a_stale_legacy_charset_reads_as_utf8():
    html = page(
        body=article_html("<p>Café owners in Orléans say the storm was the worst.</p>"),
        charset="iso-8859-15",
    )
    assert "Café owners in Orléans" in normalize(html.encode("utf-8")).text


def test_a_page_with_a_stray_run_of_nul_bytes_is_still_a_page():
    paragraph = "<p>Café owners in Orléans say the storm was the worst in years.</p>"
    html = page(body=article_html(paragraph * 30)).encode("utf-8")
    middle = len(html) // 2
    article = normalize(html[:middle] + b"\x00" * 11 + html[middle:])
    assert "Café owners in Orléans" in article.text and "\x00" not in article.text


def test_a_page_with_no_article_text_is_a_clear_error():
    with pytest.raises(NormalizeError, match="no article text"):
        normalize(page(body="<nav><a href='/'>Home</a></nav>"))


def test_gzipped_html_files_in_a_directory(tmp_path):
    (tmp_path / "story.html.gz").write_bytes(gzip.compress(page(body=article_html()).encode()))
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(b"<html>")[:8])
    result = CliRunner().invoke(app, ["convert", str(tmp_path)])
    assert result.exit_code == 1
    assert '"title":"Storm closes ports"' in result.stdout
    assert "broken.html.gz: cannot read" in result.stderr


XHTML = (
    '<?xml version="1.0" encoding="{charset}"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de"><head><title>Straße</title>'
    "</head><body><p>Die Straße über den Fluß bleibt für zwei Wochen gesperrt, sagt die Stadt."
    "</p><p>Anwohner müssen Umwege über die Brücke im Süden nehmen, heißt es weiter.</p>"
    "</body></html>"
)


@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-1", "windows-1252", "utf-16"])
def test_xhtml_with_an_xml_declaration_reads_in_any_encoding(charset):
    content = XHTML.format(charset=charset).encode(charset)  # utf-16 writes a byte-order mark
    article = normalize(content)
    assert article.body[0].text.startswith("Die Straße über den Fluß")
    assert article.language == "de"


def test_xhtml_declaration_in_decoded_text():
    article = normalize(XHTML.format(charset="utf-8"))
    assert [block.text[:9] for block in article.body] == ["Die Straß", "Anwohner "]
