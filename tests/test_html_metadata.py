"""HTML metadata from every source a page offers, reconciled."""

from __future__ import annotations

import json
from datetime import date

import pytest
from html_pages import page, paragraphs

from newsnorm import normalize
from newsnorm.document import Source
from newsnorm.hookspecs import hookimpl
from newsnorm.pipeline import Pipeline
from newsnorm.plugins import make_plugin_manager
from newsnorm.text.dates import printed_day


def json_ld(**fields) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def story(head: str = "", top: str = "", title: str = "Storm closes ports | Example Times"):
    return normalize(page(f"<article>{top}{paragraphs(3)}</article>", head=head, title=title))


def test_visible_headline_wins_over_a_seo_title():
    head = '<meta property="og:title" content="Storm news: ports closed, live updates">'
    article = story(head, top="<h1>Storm closes ports for two days</h1>")
    assert article.title == "Storm closes ports for two days"


def test_a_logo_heading_is_not_the_title():
    head = '<meta property="og:site_name" content="Example Times">' + json_ld(
        headline="Storm closes ports"
    )
    article = story(head, top="<h1>Example Times</h1><h1>Weather desk news</h1>")
    assert article.title == "Storm closes ports"


def test_site_name_is_cut_from_the_declared_title_either_side():
    head = '<meta property="og:site_name" content="Example Times">'
    assert story(head, title="Example Times - Storm closes ports").title == "Storm closes ports"
    assert story(head, title="Storm closes ports | Example Times").title == "Storm closes ports"


def test_entities_escaped_twice_are_decoded():
    head = '<meta property="og:title" content="Port&amp;#8217;s gates close">'
    assert story(head).title == "Port’s gates close"


def test_organisation_authors_are_not_people_but_agencies_are_kept():
    author = [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Organization", "name": "Example Times"},
        {"@type": "Organization", "name": "Reuters"},
    ]
    article = story(json_ld(headline="Storm closes ports", author=author))
    assert (article.authors, article.agencies) == (["Jane Doe"], ["Reuters"])


@pytest.mark.parametrize(
    "other", ["Financial Times", "USA Today Network", "The Jersey Journal", "Link Copied"]
)
def test_a_paper_or_a_buttons_name_beside_the_writer_is_no_author(other):
    """JSON-LD names a paper (its own or the one it syndicates from) as a person, or a
    share button's text became a name: the writer alone is the author."""
    author = [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": other}]
    article = story(json_ld(headline="Storm closes ports", author=author))
    assert article.authors == ["Jane Doe"]


def test_one_author_object_naming_several_writers_gives_them_all():
    author = {"@type": "Person", "name": ["Jane Doe", "Tom Hale"]}
    article = story(json_ld(headline="Storm closes ports", author=author))
    assert article.authors == ["Jane Doe", "Tom Hale"]


def test_visible_byline_when_nothing_is_declared():
    top = '<div class="byline">By JOHN SMITH and Mary Roe Jr.</div>'
    teaser = '<div class="teaser"><span class="author">Other Writer</span></div>'
    article = normalize(page(f"<article>{top}{paragraphs(3)}</article>{teaser}"))
    assert article.authors == ["John Smith", "Mary Roe Jr."]


@pytest.mark.parametrize(
    "byline",
    ["Posted by Jane Doe", "Geschrieben von Jane Doe", "Publié par Jane Doe",
     "Publicado por Jane Doe", "Scritto da Jane Doe"],
)  # fmt: skip
def test_a_byline_labelled_in_many_languages_names_its_writer(byline):
    article = story(top=f"<h1>Storm closes ports for two days</h1><div>{byline}</div>")
    assert article.authors == ["Jane Doe"]
    assert byline not in article.text


@pytest.mark.parametrize(
    "byline",
    ["Posted by Jane Doe on March 3, 2026", "Posted on March 3, 2026 by Jane Doe",
     "Geschrieben von Jane Doe am 3. März 2026", "Publié par Jane Doe le 3 mars 2026",
     "Por Jane Doe el 3 de marzo de 2026"],
)  # fmt: skip
def test_a_byline_with_its_posting_date_names_its_writer(byline):
    article = story(top=f"<h1>Storm closes ports for two days</h1><div>{byline}</div>")
    assert article.authors == ["Jane Doe"]


def test_a_blogs_posted_by_line_under_the_post_names_its_writer():
    html = page(f"<article>{paragraphs(8)}<div>Posted by Jane Doe at 9:12 AM</div></article>")
    article = normalize(html)
    assert article.authors == ["Jane Doe"] and "Posted by" not in article.text


def test_a_posted_by_line_at_the_end_does_not_replace_the_declared_authors():
    head = '<meta name="author" content="John Roe">'
    body = f"<article>{paragraphs(8)}<div>Redaktion: Jane Doe</div></article>"
    assert normalize(page(body, head=head)).authors == ["John Roe"]


def test_a_sentence_opening_with_a_byline_word_is_no_byline():
    article = story(top="<h1>Storm closes ports</h1><p>Von Berlin aus fährt kein Zug.</p>")
    assert article.authors == [] and "Von Berlin aus fährt kein Zug." in article.text


def test_the_site_name_is_never_an_author():
    head = '<meta property="og:site_name" content="Example Times">'
    head += '<meta name="author" content="Example Times">'
    assert story(head).authors == []


def test_time_element_gives_the_date_with_its_offset():
    top = '<time datetime="2025-03-03T09:30:00+05:00">3 March</time>'
    assert story(top=top).published.isoformat() == "2025-03-03T09:30:00+05:00"


def test_declared_date_with_trailing_noise_keeps_its_iso_part():
    head = json_ld(headline="Storm closes ports", datePublished="2025-03-03T09:30:00Z EST")
    assert story(head).published.isoformat() == "2025-03-03T09:30:00+00:00"


def test_shown_date_and_url_date_are_the_last_resorts():
    shown = story(top='<span class="date">Published: March 3, 2025</span>')
    assert shown.published.isoformat() == "2025-03-03"
    html = page(f"<article>{paragraphs(3)}</article>")
    from_url = normalize(html, url="https://example.com/2025/03/04/storm-closes-ports/")
    assert from_url.published.isoformat() == "2025-03-04"


def test_outlet_plugins_can_read_the_page_as_beautifulsoup():
    class DropsTeaserBox:
        @hookimpl
        def newsnorm_remove_noise(self, document):
            for box in document.soup().select("div.inline-teaser"):
                document.remove_element(box, "teaser-box")

    manager = make_plugin_manager(load_installed=False)
    manager.register(DropsTeaserBox(), name="teasers")
    teaser = '<div class="inline-teaser"><p>Also read: a story the generic rules keep</p></div>'
    html = page(f"<article>{paragraphs(2)}{teaser}{paragraphs(1, start=2)}</article>")
    article = Pipeline(manager).run(Source(html), explain=True)
    assert "Also read" not in article.text
    assert [r.rule for r in article.removed] == ["teasers:teaser-box"]


def test_date_printed_under_the_headline():
    top = "<h1>Storm closes ports</h1><div>AFP / <span>Updated: Dec 22, 2025</span></div>"
    assert story(top=top).published.isoformat() == "2025-12-22"


def test_utc_declared_time_takes_the_offset_the_page_shows():
    head = '<meta property="article:published_time" content="2025-12-23T01:48:19+00:00">'
    top = '<time datetime="2025-12-22 20:48:19">Dec 22</time>'
    assert story(head, top=top).published.isoformat() == "2025-12-22T20:48:19-05:00"


def test_webpage_object_does_not_hide_the_article_date():
    graph = json.dumps({"@graph": [
        {"@type": "WebPage", "datePublished": "2024-01-01"},
        {"@type": "NewsArticle", "headline": "Storm closes ports", "datePublished": "2025-03-03"},
    ]})  # fmt: skip
    head = f'<script type="application/ld+json">{graph}</script>'
    assert story(head).published.isoformat() == "2025-03-03"


def test_shown_time_in_minutes_with_an_unknown_zone_name_still_gives_the_offset():
    head = '<meta property="article:published_time" content="2025-12-24T01:06:51+00:00">'
    top = '<span class="date">Dec 23, 2025 5:06pm PT</span>'
    assert story(head, top=top).published.isoformat() == "2025-12-23T17:06:51-08:00"


def test_a_heading_of_dashes_alone_is_not_a_title():
    assert story(top="<h1>— — —</h1>").title == "Storm closes ports"


def test_german_date_under_the_headline():
    top = "<h1>Sturm schließt die Häfen</h1><div>Von dpa | 3. Mai 2022, 14:30 Uhr</div>"
    assert story(top=top).published == date(2022, 5, 3)


def test_french_date_in_a_date_named_element():
    top = '<p class="date">Publié le 3 mai 2022</p>'
    assert story(top=top).published == date(2022, 5, 3)


def test_dotted_numeric_date_is_day_first():
    top = '<h1>Sturm schließt die Häfen</h1><span class="date">03.05.2022</span>'
    assert story(top=top).published == date(2022, 5, 3)


def test_a_japanese_date_under_the_headline():
    top = "<h1>港が閉鎖される</h1><p class='date'>2022年5月3日 10時00分</p>"
    assert story(top=top).published == date(2022, 5, 3)


def test_printed_day_in_many_languages():
    printed = ["3 de mayo de 2022", "3 maja 2022", "3 mayıs 2022", "3 maggio 2022",
               "3 mei 2022", "3 maj 2022", "Mai 3, 2022", "3.5.2022", "2022年5月3日",
               "发布于2022年05月03日", "2022년 5월 3일"]  # fmt: skip
    assert {printed_day(text) for text in printed} == {date(2022, 5, 3)}
    assert printed_day("3 people in 2022") is None
    assert printed_day("31. Februar 2022") is None


def test_date_only_in_the_url():
    html = page(f"<article><h1>Storm closes ports</h1>{paragraphs(3)}</article>")
    article = normalize(html, url="https://news.example.com/2013/10/05/storm-closes-ports/")
    assert article.published == date(2013, 10, 5)


def test_microdata_date_published():
    top = '<span itemprop="datePublished" content="2022-05-03">3 May</span>'
    assert story(top=top).published == date(2022, 5, 3)


def test_late_evening_time_keeps_its_own_day():
    head = '<meta property="article:published_time" content="2022-05-03T23:30:00+02:00">'
    published = story(head).published
    assert published.isoformat() == "2022-05-03T23:30:00+02:00"
    assert published.date() == date(2022, 5, 3)


def test_another_storys_utc_time_does_not_shift_a_utc_declared_time():
    # 13h15 later than the declared time, to the minute: no offset, another story's time.
    head = json_ld(headline="Storm closes ports", datePublished="2025-06-29T17:29:54.000Z")
    top = '<aside><time datetime="2025-06-30T06:45:00.000Z">06:45</time></aside>'
    assert story(head, top=top).published.isoformat() == "2025-06-29T17:29:54+00:00"


def test_date_under_the_headline_outranks_a_sidebar_time():
    top = ('<time datetime="2023-12-24T13:05:00-05:00">13:05</time>'
           "<h1>Storm closes ports</h1><div>Dec 19th 2023</div>")  # fmt: skip
    assert story(top=top).published == date(2023, 12, 19)


def test_htmldate_reads_what_our_sources_miss():
    # Blog (hAtom) markup: the day is only in the abbr's title.
    top = '<abbr class="published" title="2022-05-03T10:00:00+02:00">Tuesday</abbr>'
    assert story(top=top).published == date(2022, 5, 3)


GERMAN = (
    "<p>Der Sturm hat den Hafen für zwei Tage geschlossen, und Hunderte Boote liegen fest.</p>"
    "<p>Die Behörden erwarten, dass die Schiffe erst am Wochenende wieder auslaufen können.</p>"
    "<p>Fischer und Händler sprechen von großen Verlusten, die Stadt prüft nun Hilfen.</p>"
    "<p>Am Montag soll der Wetterdienst eine neue Warnung für die ganze Küste herausgeben.</p>"
)


def bare_page(body: str, html_attributes: str = "", head: str = "") -> str:
    """A page without `page()`'s declared English, to test what is declared and what not."""
    return (
        f"<!DOCTYPE html><html{html_attributes}><head><meta charset='utf-8'>{head}"
        f"<title>Sturm schließt Häfen</title></head><body><article>{body}</article></body></html>"
    )


def test_german_byline_in_an_autor_element():
    top = '<div class="artikel-autor">Von Anna Müller und Jörg Weiß</div>'
    article = normalize(bare_page(top + GERMAN, ' lang="de"'))
    assert (article.authors, article.agencies) == (["Anna Müller", "Jörg Weiß"], [])


def test_french_byline_with_an_agency():
    top = '<p class="auteur">Par Jeanne Dupont et Luc Martin (AFP)</p>'
    article = normalize(page(f"<article>{top}{paragraphs(3)}</article>"))
    assert (article.authors, article.agencies) == (["Jeanne Dupont", "Luc Martin"], ["AFP"])


def test_agency_in_parentheses_is_an_agency():
    top = '<div class="byline">(dpa)</div>'
    article = normalize(page(f"<article>{top}{paragraphs(3)}</article>"))
    assert (article.authors, article.agencies) == ([], ["dpa"])


def test_itemprop_author_names_itself_in_a_nested_name():
    top = (
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">Mary Roe</span><span itemprop="jobTitle">Senior Port Reporter'
        "</span></div>"
    )
    article = normalize(page(f"<article>{top}{paragraphs(3)}</article>"))
    assert article.authors == ["Mary Roe"]


def test_rel_author_link_among_other_rel_values():
    top = '<p>Words: <a rel="author external" href="/people/jane">Jane Doe</a></p>'
    article = normalize(page(f"<article>{top}{paragraphs(3)}</article>"))
    assert article.authors == ["Jane Doe"]


def test_json_ld_author_of_a_later_article_object():
    head = json_ld(headline="Storm closes ports") + json_ld(
        headline="Storm closes ports", author={"@type": "Person", "name": "dpa"}
    )
    article = story(head)
    assert (article.authors, article.agencies) == ([], ["dpa"])


def test_language_is_detected_when_the_page_declares_none():
    assert normalize(bare_page(GERMAN)).language == "de"


def test_declared_language_is_normalised_to_its_primary_subtag():
    assert normalize(bare_page(GERMAN, ' lang="de-AT"')).language == "de"
    head = '<meta property="og:locale" content="de_CH">'
    assert normalize(bare_page(GERMAN, head=head)).language == "de"
    assert story().language == "en"  # page() declares lang="en"


def test_a_template_language_gives_way_to_text_clearly_in_another():
    assert normalize(bare_page(GERMAN, ' lang="en-US"')).language == "de"


def test_a_close_sibling_of_the_declared_language_keeps_the_declaration():
    norwegian = (
        "<p>Stormen stengte havnen i to dager, og hundrevis av båter ligger fortsatt fast.</p>"
        "<p>Myndighetene venter at skipene først kan seile igjen i helgen, sier politiet.</p>"
        "<p>Fiskere og handelsfolk snakker om store tap, og kommunen vurderer nå hjelp.</p>"
        "<p>På mandag skal Meteorologisk institutt sende ut et nytt farevarsel for kysten.</p>"
    )
    assert normalize(bare_page(norwegian, ' lang="da"')).language == "da"


def test_a_declaration_naming_no_language_is_ignored():
    assert normalize(bare_page(GERMAN, ' lang="x-default"')).language == "de"


@pytest.mark.parametrize("name", ["articleAuthor", "dcterms.creator", "sailthru.author"])
def test_author_meta_names_of_other_templates(name):
    article = story(f'<meta name="{name}" content="Anadolu Ajans&#x131;">')
    assert (article.authors, article.agencies) == ([], ["Anadolu Ajansı"])


def test_a_headline_set_on_several_lines_is_one_line():
    top = "<h1><span>Storm season</span>\n - \n<span>Storm closes ports</span></h1>"
    assert story(top=top, title="Storm closes ports").title == "Storm season - Storm closes ports"


SIDEBAR = (
    "<div class='sidebar'><h3>Recent posts</h3><ul><li><a href='/a'>Old post</a> "
    "<time datetime='2021-05-01'>May 1, 2021</time></li></ul></div>"
)


@pytest.mark.parametrize(
    "own",
    [
        "<time datetime='2023-03-03'>3 March 2023</time>",  # a <time> after the headline
        "<span class='meta'>03/03/2023</span>",  # a date the page prints, under it
    ],
)
def test_a_sidebars_dates_before_the_story_are_not_its_date(own):
    """A blog's "Recent posts" box, earlier in the page than the story: its dates are other
    posts' (the browser test pages' kind: the page's date over its sidebars' and comments')."""
    html = page(f"{SIDEBAR}<article><h1>Storm</h1>{own}{paragraphs(3)}</article>")
    assert normalize(html).published == date(2023, 3, 3)


def test_a_blogs_posting_date_under_the_post_wins_over_a_related_box():
    related = SIDEBAR.replace("sidebar", "related-posts")
    body = f"<div class='post'><h2>Storm</h2>{paragraphs(3)}<p class='date'>March 3, 2023</p>"
    assert normalize(page(f"{related}{body}</div>")).published == date(2023, 3, 3)


def test_the_page_classes_of_body_are_no_sidebar():
    """<body class="has-sidebar">, <section class="article-with-sidebar">: the page's and
    the article's own classes, whatever words they hold."""
    html = page(
        f"<section class='article-with-sidebar'><h1>Storm</h1>"
        f"<time datetime='2023-03-03'>3 March 2023</time>{paragraphs(3)}</section>"
    )
    assert normalize(html).published == date(2023, 3, 3)


BY_CAROL = " <span class='byline'>By Carol King</span></li>"
COMMENTS = (
    "<section id='comments'><ol class='comment-list'><li class='comment'>"
    "<span class='comment-author'>Mark Twain</span> said: <p>Thanks for this.</p></li></ol>"
    "</section>"
)
TEASERS = (
    "<div class='related-posts'><ul><li><a href='/b'>Another storm</a> "
    "<span class='author'>By Bob Smith</span></li></ul></div>"
)


@pytest.mark.parametrize("other", [COMMENTS, TEASERS, SIDEBAR.replace("</li>", BY_CAROL)])
def test_a_commenters_or_a_teasers_credit_is_not_the_pages_author(other):
    """Comment threads, related stories and sidebars name their own writers: a page that
    credits no one has no author, and its own byline wins wherever they stand."""
    assert normalize(page(f"{other}<article><h1>Storm</h1>{paragraphs(3)}</article>")).authors == []
    own = "<p class='byline'>By Jane Doe</p>"
    html = page(f"{other}<article><h1>Storm</h1>{own}{paragraphs(3)}</article>{other}")
    assert normalize(html).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "credit",
    [
        "<article><h1>Storm</h1>{story}<footer><span class='byline'>Posted by Jane Doe"
        "</span></footer></article>",  # the article's own footer
        "<h1>Storm</h1>{story}<footer class='article-author'><span class='byline'>Jane Doe"
        "</span></footer>",  # a footer named as the article's
        "<div class='page-with-sidebar'><h1>Storm</h1><p class='byline'>By Jane Doe</p>"
        "{story}</div>",  # a layout box named for a sidebar, holding the headline
    ],
)
def test_the_articles_own_footer_and_layout_keep_its_byline(credit):
    assert normalize(page(credit.format(story=paragraphs(3)))).authors == ["Jane Doe"]


def test_a_link_to_an_authors_page_is_a_byline():
    """Templates that mark nothing else still link the byline to the writer's page."""
    line = "<p><a href='/autor/jan-kowalski/'>Jan Kowalski</a> | 3 March 2023</p>"
    article = normalize(page(f"<article><h1>Storm</h1>{line}{paragraphs(3)}</article>"))
    assert article.authors == ["Jan Kowalski"]


def test_a_link_to_the_authors_index_names_no_one():
    menu = "<div><a href='/authors/'>Our Authors</a> <a href='/author/'>Meet The Team</a></div>"
    assert normalize(page(f"{menu}<h1>Storm</h1>{paragraphs(3)}")).authors == []


def test_a_chinese_author_label_over_the_story():
    line = "<p>作者：张三　来源：新华社</p>"
    html = page(f"<article><h1>Storm</h1>{line}{paragraphs(3)}</article>")
    article = normalize(html)
    assert article.authors == ["张三"]
    assert "作者" not in article.text


def test_a_comments_date_is_not_the_date_of_a_page_that_dates_nothing_else():
    """Read last, in the page's free text (htmldate), a comment thread's dates come first
    unless the threads, sidebars and related boxes are left out."""
    post = f"<div class='post'><h2>Storm</h2><p>Posted on 3/3/2023 by admin</p>{paragraphs(3)}"
    thread = "<div class='comments'><span class='comment-date'>May 9, 2023 at 3:00 pm</span>"
    html = page(f"{post}</div>{thread}<p>Nice.</p></div>")
    assert normalize(html, url="https://example.org/blog/storm").published == date(2023, 3, 3)


@pytest.mark.parametrize(
    "lines",
    [
        "<p>Updated March 9, 2023, first published March 3, 2023</p>",
        "<p>Aktualisiert: 09.03.2023</p><p>Veröffentlicht: 03.03.2023</p>",
        "<p>Last updated on March 9, 2023</p><p>Published March 3, 2023</p>",
    ],
)
def test_the_update_printed_under_the_headline_before_the_publication_is_not_its_date(lines):
    html = page(f"<article><h1>Storm</h1>{lines}{paragraphs(3)}</article>")
    assert normalize(html).published == date(2023, 3, 3)


@pytest.mark.parametrize("year_only", ["<p>© 2019 Example Ltd</p>", "<p>Founded in 2019.</p>"])
def test_a_year_alone_gives_no_publishing_day(year_only):
    """htmldate, read last, makes a year it finds in the text the first of January."""
    html = page(f"<div><h2>Storm</h2>{paragraphs(3)}{year_only}</div>")
    assert normalize(html, url="https://example.org/storm").published is None


def test_a_story_printed_on_new_years_day_keeps_its_day():
    html = page(f"<div><h2>Storm</h2><p>Posted 01.01.2019</p>{paragraphs(3)}</div>")
    assert normalize(html, url="https://example.org/storm").published == date(2019, 1, 1)
