"""HTML content extraction, one page shape per test: where the article text sits, and what
must stay out of it."""

from __future__ import annotations

import json

import pytest
from html_pages import LONG, page, paragraphs

from newsnorm import NormalizeError, normalize


def body_texts(html: str | bytes) -> list[str]:
    return [block.text for block in normalize(html).body]


def text_around(markup: str) -> str:
    """The text of a story of four paragraphs with `markup` between the second and third."""
    return normalize(
        page(f"<article>{paragraphs(2)}{markup}{paragraphs(2, start=2)}</article>")
    ).text


def test_text_directly_in_divs_is_read_as_paragraphs():
    divs = "".join(f'<div class="body-paragraph">{LONG} ({n})</div>' for n in range(3))
    assert len(body_texts(page(f"<article>{divs}</article>"))) == 3


def test_line_breaks_separate_words():
    html = page(f"<article><div>{LONG}<br>Second line of the post with words<br>Third</div>"
                f"{paragraphs(2)}</article>")  # fmt: skip
    assert {"words", "Third"} <= set(normalize(html).text.split())


def test_story_split_across_column_wrappers_is_read_whole():
    columns = "".join(
        f'<div class="column"><div class="inner">{paragraphs(2, start=n * 2)}</div></div>'
        for n in range(4)
    )
    texts = body_texts(page(f'<section class="story-body">{columns}</section>'))
    assert len(texts) == 8 and texts[-1].endswith("(7).")


def test_related_link_box_between_paragraphs_is_dropped():
    box = (
        '<div class="related-links"><h3>Related</h3><ul>'
        '<li><a href="/1">Another story with a long enough headline</a></li>'
        '<li><a href="/2">A second story with its own long headline</a></li></ul></div>'
    )
    text = normalize(page(f"<article>{paragraphs(2)}{box}{paragraphs(2, start=2)}</article>")).text
    assert "Another story" not in text and "Related" not in text
    assert "(3)" in text


def test_link_lists_inside_the_article_are_dropped():
    links = "".join(
        f'<li><a href="/{n}">Read our other story number {n}</a></li>' for n in range(4)
    )
    text = normalize(page(f"<article>{paragraphs(3)}<ul>{links}</ul></article>")).text
    assert "Read our other story" not in text


def test_hidden_elements_and_share_bars_are_dropped():
    extra = (
        '<div style="display: none">2025-01-01T00:00:00Z Example Times logo url</div>'
        '<div class="share-tools">Share this on Facebook Twitter and email it</div>'
    )
    text = normalize(page(f"<article>{extra}{paragraphs(3)}</article>")).text
    assert "logo url" not in text and "Facebook" not in text


def test_captions_outside_figures_go_to_images():
    photo = (
        '<div class="image-wrap"><img src="https://example.com/p.jpg">'
        '<span class="photo-caption">Waves hit the harbour wall. Photo: Jane Roe</span></div>'
    )
    article = normalize(page(f"<article>{paragraphs(2)}{photo}{paragraphs(2, start=2)}</article>"))
    assert "Waves hit" not in article.text
    assert [(i.url, i.caption) for i in article.images] == [
        ("https://example.com/p.jpg", "Waves hit the harbour wall. Photo: Jane Roe")
    ]


def test_comment_section_is_not_the_article():
    comments = '<section id="comments">' + paragraphs(6, word="Reader comment") + "</section>"
    text = normalize(page(f"<article>{paragraphs(4)}</article>{comments}")).text
    assert "Reader comment" not in text and "(3)" in text


def test_paywalled_stub_keeps_its_visible_lead():
    wall = (
        '<div class="paywall"><p>Subscribe now to keep reading this story and many more.</p>'
        "<p>Already a subscriber? Sign in to continue reading today.</p></div>"
    )
    text = normalize(page(f"<article>{paragraphs(1)}{wall}</article>")).text
    assert text.startswith("Paragraph 0") and "Subscribe" not in text


def test_headings_quotes_and_list_items_keep_their_types():
    inner = (
        f"{paragraphs(2)}<h2>What happens next</h2><blockquote>{LONG}</blockquote>"
        f"<ul><li>{LONG} first</li><li>{LONG} second</li></ul>{paragraphs(1, start=2)}"
    )
    types = [block.type for block in normalize(page(f"<article>{inner}</article>")).body]
    assert types == ["paragraph"] * 2 + ["heading", "quote", "list_item", "list_item", "paragraph"]


def test_broken_markup_and_bad_bytes_still_give_the_text():
    html = page(f"<article><p>{LONG} one<p>{LONG} two<div><p>{LONG} three</article>")
    raw = html.encode("utf-8").replace(b"one", b"one \xff\xfe")
    assert len(body_texts(raw)) == 3


def test_undeclared_legacy_encoding_is_detected():
    text = "Les habitants de la région côtière ont été évacués à cause de la tempête. " * 3
    html = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    assert "région côtière" in normalize(html.encode("cp1252")).text


def test_a_related_box_announced_by_its_heading_leaves_the_body_wherever_it_sits():
    box = (
        '<div class="box"><h3>More from Example Times</h3>'
        "<p>Port workers vote on a new contract</p><p>Ferry timetable changes next week</p></div>"
    )
    html = page(f"<article>{paragraphs(2)}{box}{paragraphs(2, start=2)}</article>")
    article = normalize(html, explain=True)
    assert "Port workers" not in article.text and "(3)" in article.text
    assert [r.rule for r in article.removed] == ["newsnorm.related_sections:related-section"] * 3


def test_on_a_flat_page_only_the_teaser_lines_under_the_heading_go():
    inner = f"{paragraphs(2)}<h3>Related</h3><p>Port workers vote on a new contract</p>"
    article = normalize(page(f"<article>{inner}{paragraphs(2, start=2)}</article>"))
    assert "Port workers" not in article.text and "(2)" in article.text


def test_markers_between_paragraphs_and_legal_notices_at_the_edges_go():
    inner = (
        f"{paragraphs(2)}<p>Advertisement</p><p>Image 3 of 12</p>"
        f"<p>December 17, 2023, 12:34 PM</p>{paragraphs(2, start=2)}"
        "<p>If you buy through our links we may earn a commission. See our Privacy Policy.</p>"
    )
    article = normalize(page(f"<article>{inner}</article>"), explain=True)
    assert "Advertisement" not in article.text and "commission" not in article.text
    rules = [r.rule.split(":")[1] for r in article.removed]
    assert rules == ["page-marker"] * 3 + ["site-notice"]


def test_a_notice_inside_the_story_stays():
    notice = "<p>The company said it would update its privacy policy after the ruling was made.</p>"
    article = normalize(page(f"<article>{paragraphs(2)}{notice}{paragraphs(2, start=2)}</article>"))
    assert "privacy policy" in article.text


def test_declared_article_body_when_the_markup_shows_only_a_teaser():
    body = " ".join(f"Sentence {n} of the full story as the page declares it." for n in range(60))
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm", '
        f'"articleBody": "{body}\\nThe last paragraph."}}</script>'
    )
    article = normalize(page(f"<article>{paragraphs(1)}</article>", head=head))
    assert [block.text[:12] for block in article.body] == ["Sentence 0 o", "The last par"]


def test_a_short_declared_body_does_not_replace_the_page_text():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "Teaser."}'
    article = normalize(page(f"<article>{paragraphs(3)}</article>", head=head + "</script>"))
    assert len(article.body) == 3


def test_caption_credit_is_split_and_a_repeated_caption_is_kept_once():
    figure = (
        '<figure><img src="https://example.com/p.jpg"><figcaption>Waves hit the harbour wall.'
        ' <span class="photo-credit">Jane Roe/Reuters</span></figcaption></figure>'
    )
    lightbox = '<div class="wrap"><span class="caption">Waves hit the harbour wall.</span></div>'
    inner = f"{paragraphs(2)}{figure}{paragraphs(2, start=2)}{lightbox}"
    article = normalize(page(f"<article>{inner}</article>"))
    assert [(i.url, i.caption, i.credit) for i in article.images] == [
        ("https://example.com/p.jpg", "Waves hit the harbour wall.", "Jane Roe/Reuters")
    ]


STORY = (
    "<p>The harbour master said the storm had closed the port for two days, stranding boats.</p>"
    "<p>Fishermen waited on the quay while crews checked the moorings one by one at dawn.</p>"
    "<p>The council will meet on Monday to decide how to pay for repairs to the breakwater.</p>"
)


def test_a_page_whose_only_text_is_a_forum_post_gives_that_post():
    post = (
        '<div class="thread"><div class="post"><div class="post-author">harbourfan</div>'
        '<div class="message">Has anyone sailed out of the north harbour since the storm? '
        "The ferry office says the channel is open again, but the buoys are still missing."
        "</div></div></div>"
    )
    assert (
        "Has anyone sailed out of the north harbour since the storm? The ferry office says "
        "the channel is open again, but the buoys are still missing."
    ) in body_texts(page(post))


def test_a_page_whose_only_text_is_a_product_description_gives_it():
    product = (
        '<div class="product"><h1>Storm lantern</h1><span class="price">€24.90</span>'
        '<div class="product-description">A brass lantern that stays lit in strong wind. '
        "Burns for twelve hours on one filling.</div><button>Add to basket</button></div>"
    )
    assert "A brass lantern that stays lit in strong wind." in normalize(page(product)).text


def test_a_short_one_block_page_gives_its_block():
    assert body_texts(page("<div>The office is closed today.</div>")) == [
        "The office is closed today."
    ]


def test_a_page_wrapped_in_one_form_still_gives_its_text():
    """ASP.NET pages put the whole page inside a <form>; lines are split by <br>."""
    lines = "<br>".join(
        f"Line {n} of the story says what happened at the harbour during the storm."
        for n in range(4)
    )
    html = page(f'<form id="aspnetForm"><div class="LongDesc"><div>{lines}</div></div></form>')
    assert normalize(html).text.count("what happened at the harbour") == 4


def test_a_number_strip_never_wins_over_the_story():
    ticker = "".join(f"<span>IDX{n}</span>{3078 + n}.02-0.{n}4%" for n in range(30))
    html = page(f'<div class="markets"><p>{ticker}</p></div><div class="story">{STORY}</div>')
    assert [text[:15] for text in body_texts(html)] == [
        "The harbour mas", "Fishermen waite", "The council wil"
    ]  # fmt: skip


def test_a_one_line_label_loses_to_a_story_in_a_box_named_like_boilerplate():
    html = page(
        f'<div class="entry-meta"><p>Filed under Local news</p></div>'
        f'<div class="social-layout"><div class="inner">{STORY}</div></div>'
    )
    assert len(body_texts(html)) == 3


def test_white_space_inside_a_block_is_one_space_but_line_breaks_stay():
    html = page(
        "<article><p>A page that needs a web\n      browser that\n supports HTML5 to show"
        " its\tmaps.</p><p>First line of the address<br>Second line of the address</p>"
        f"<pre>code  kept\n  as it is</pre>{STORY}</article>"
    )
    assert body_texts(html)[:3] == [
        "A page that needs a web browser that supports HTML5 to show its maps.",
        "First line of the address\nSecond line of the address",
        "code  kept\n  as it is",
    ]


def test_a_story_cut_into_sections_between_teaser_boxes_is_read_whole():
    def section(text: str) -> str:
        paragraph = f'<div class="paragraph"><p class="text">{text}</p></div>'
        return (
            f'<div class="con"><div class="mod"><div class="box">{paragraph * 3}</div></div></div>'
        )

    card = (
        '<a href="/x"><p>Another story with a long enough teaser headline here</p></a>'
        "<span>12.05.2024 | 14:30 Uhr | Video | 3 Min</span>"
    )
    teaser = f'<div class="con teaser"><div class="mod"><h3>Other news</h3>{card * 4}</div></div>'

    html = page(
        f'<div class="section">{section(LONG + " first part.")}{teaser}'
        f"{section(LONG + ' second part.')}{teaser}{section(LONG + ' third part.')}</div>"
    )
    texts = body_texts(html)
    assert [text.rsplit(" ", 2)[-2] for text in texts[::3]] == ["first", "second", "third"]
    assert not any("Another story" in text for text in texts)


def test_the_standfirst_the_page_declares_and_shows_above_the_story_opens_the_body():
    lead = "Boats stayed in port for two days while the storm passed over the north coast."
    head = f'<meta name="description" content="{lead}">'
    top = f'<header class="article-header"><h1>Storm closes ports</h1><p class="lead">{lead}</p>'
    html = page(f"<article>{top}</header><div class='body'>{STORY}</div></article>", head=head)
    assert body_texts(html)[:2] == [lead, STORY.split("</p>")[0].removeprefix("<p>")]


def test_a_declared_description_the_page_does_not_show_stays_out_of_the_body():
    head = '<meta name="description" content="Read the latest news on the storm and the ports.">'
    assert len(body_texts(page(f"<article>{STORY}</article>", head=head))) == 3


def test_a_story_only_in_a_script_as_escaped_markup_is_read():
    """Next.js and similar pages ship the story as an HTML string and draw it in the browser."""
    story = (STORY * 2).replace("<", "\\u003c").replace('"', '\\"')
    script = f'<script>self.__next_f.push([1,"{story}"])</script>'
    html = page(f'<div id="root"></div>{script}')
    assert [text[:15] for text in body_texts(html)] == [
        "The harbour mas", "Fishermen waite", "The council wil"
    ] * 2  # fmt: skip


def test_a_page_with_no_prose_and_no_story_in_its_scripts_is_still_an_error():
    script = '<script>var config = {"theme": "dark", "items": [1, 2, 3]};</script>'
    with pytest.raises(NormalizeError, match="no article text"):
        normalize(page(f"<div id='root'></div>{script}"))


NOMINEES = {
    "Best picture": ["The Long Road Home", "Northern Lights", "A Quiet Harbour"],
    "Best director": ["Maria Okafor, The Long Road Home", "Tomas Lind, Northern Lights"],
}


def _categories(*, linked: bool = False, wrapped: bool = True) -> str:
    def item(name: str) -> str:
        return f'<li><a href="/film/{len(name)}">{name}</a></li>' if linked else f"<li>{name}</li>"

    sections = (
        f"<h2>{heading}</h2><ul>{''.join(item(name) for name in names)}</ul>"
        for heading, names in NOMINEES.items()
    )
    return "".join(f'<div class="category">{s}</div>' if wrapped else s for s in sections)


def test_an_article_that_is_mostly_lists_keeps_them_in_their_own_sections():
    intro = f'<div class="intro">{paragraphs(2)}</div>'
    outro = f'<div class="outro">{paragraphs(1, start=2)}</div>'
    text = normalize(page(f"<main>{intro}{_categories()}{outro}</main>")).text
    assert "Best director" in text and "Tomas Lind, Northern Lights" in text
    assert text.index("Northern Lights") < text.index("(2)")


def test_a_list_of_linked_names_under_the_articles_heading_is_the_story():
    html = page(f"<article>{paragraphs(2)}{_categories(linked=True, wrapped=False)}</article>")
    text = normalize(html).text
    assert "A Quiet Harbour" in text and "Maria Okafor, The Long Road Home" in text


def test_linked_teaser_headlines_under_a_heading_still_leave():
    teasers = "".join(
        f'<li><a href="/{n}">Another story from the newsroom with its own headline {n}</a></li>'
        for n in range(3)
    )
    html = page(f"<article>{paragraphs(3)}<h3>Most Read Business Stories</h3><ul>{teasers}</ul>"
                "</article>")  # fmt: skip
    assert "Another story" not in normalize(html).text


def test_a_standfirst_in_the_articles_own_header_opens_the_body_and_its_byline_does_not():
    standfirst = (
        "For three days last spring the old river reversed its course, and nobody in the "
        "valley could say why it happened or whether it would happen again."
    )
    header = (
        f'<header class="article-header"><h1>The river that ran backwards</h1>'
        f'<p class="standfirst">{standfirst}</p><p class="byline">By Jane Doe</p>'
        "<p>March 3, 2026, 9:12 AM</p></header>"
    )
    blocks = body_texts(page(f"<article>{header}<div class='article-body'>{paragraphs(4)}</div>"
                             "</article>"))  # fmt: skip
    assert blocks[0] == standfirst and blocks[1].startswith("Paragraph 0")
    assert not any("Jane Doe" in text or "March 3" in text for text in blocks)


@pytest.mark.parametrize("wrapper", ["site has-comments", "container newsletter-popup-enabled"])
def test_a_blog_wrapped_in_an_element_named_after_a_feature_still_gives_its_post(wrapper):
    post = "".join(f"{LONG} on day {n}.<br><br>" for n in range(3))
    comments = '<div class="comments-area"><p>Lovely photos, thanks for sharing them!</p></div>'
    html = page(f'<div class="{wrapper}"><h1>Storm diary</h1><div class="entry">{post}</div>'
                f"{comments}</div>")  # fmt: skip
    text = normalize(html).text
    assert f"{LONG} on day 2." in text and "Lovely photos" not in text


def test_a_recipes_ingredients_and_steps_are_its_text():
    card = (
        '<div class="recipe-card"><h2>Ingredients</h2><ul><li>225g butter</li><li>4 eggs</li>'
        "<li>1 lemon, zested</li></ul><h2>Method</h2><ol>"
        "<li>Heat the oven to 180C and line a loaf tin with baking paper.</li>"
        "<li>Fold in the flour and lemon zest, then bake the cake for 45 minutes.</li></ol></div>"
    )
    html = page(f'<div class="recipe"><div class="intro">{paragraphs(2)}</div>{card}</div>')
    texts = body_texts(html)
    assert "4 eggs" in texts and texts[-1].startswith("Fold in the flour")


def test_a_list_under_its_own_heading_beside_the_description_is_the_text():
    """A rental's or a product's page: its description, then "Amenities" over a plain list,
    the heading and the list each a sibling of the description's box."""
    amenities = "".join(f"<li>{item}</li>" for item in ("Wifi", "Kitchen", "Washer", "Balcony"))
    listing = (
        f'<div class="description">{paragraphs(2)}</div><h2>Amenities</h2><ul>{amenities}</ul>'
    )
    texts = body_texts(page(f'<div class="listing"><h1>Sea view flat</h1>{listing}</div>'))
    assert texts[-5:] == ["Amenities", "Wifi", "Kitchen", "Washer", "Balcony"]


def test_a_heading_over_a_list_of_links_stays_out():
    links = "".join(f"<li><a href='/t{n}'>Topic number {n}</a></li>" for n in range(4))
    html = page(f"<div class='story'>{paragraphs(3)}</div><h3>Topics</h3><ul>{links}</ul>")
    assert "Topics" not in body_texts(html)


def test_a_forum_thread_whose_posts_are_named_comments_gives_the_posts():
    posts = "".join(
        f'<div class="comment"><div class="comment-body"><p>Reply {n}: {LONG}.</p></div></div>'
        for n in range(3)
    )
    html = page(f'<div class="forum"><h1>Boiler trouble</h1><div class="comment-list">{posts}'
                "</div></div>")  # fmt: skip
    assert body_texts(html) == [f"Reply {n}: {LONG}." for n in range(3)]


def thread_beside_prose(head: str = "") -> str:
    posts = "".join(f'<div class="comment"><p>Reply {n}: {LONG}.</p></div>' for n in range(4))
    about = "<div class='about'><p>This forum is for owners of old houses who share advice.</p>"
    return page(f"{about}</div><div class='comments'>{posts}</div>", head=head)


THREAD_TYPES = [
    '<script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "B"}'
    "</script>",
    '<meta itemprop="name" content="Boiler"><link itemtype="https://schema.org/QAPage">',
]


@pytest.mark.parametrize("declared", THREAD_TYPES)
def test_a_page_typed_as_a_thread_gives_its_posts_beside_other_prose(declared):
    """A forum thread or Q&A page (schema.org DiscussionForumPosting, QAPage) whose posts
    are named comments, beside a box of prose about the forum: the posts are its text."""
    assert [f"Reply {n}: {LONG}." for n in range(4)] == body_texts(thread_beside_prose(declared))[
        -4:
    ]


@pytest.mark.parametrize(
    "url", ["https://example.org/viewtopic.php?t=12", "https://example.org/forums/boilers/12"]
)
def test_a_thread_at_a_forums_address_gives_its_posts(url):
    """Forum software's pages are typed as nothing, but their addresses say what they are."""
    posts = [block.text for block in normalize(thread_beside_prose(), url=url).body]
    assert [f"Reply {n}: {LONG}." for n in range(4)] == posts[-4:]


def test_a_thread_made_by_forum_software_gives_its_posts():
    head = '<meta name="generator" content="Discourse 3.1.0">'
    assert [f"Reply {n}: {LONG}." for n in range(4)] == body_texts(thread_beside_prose(head))[-4:]


def test_a_story_page_is_no_thread_by_its_address_or_a_plugins_generator():
    comments = "".join(f'<div class="comment"><p>Reply {n}: {LONG}.</p></div>' for n in range(9))
    html = page(
        f"<article>{paragraphs(2)}</article><div class='comments'>{comments}</div>",
        head='<meta name="generator" content="bbPress 2.6.9">',
    )
    assert "Reply" not in normalize(html, url="https://example.org/news/topic/boilers").text


def test_a_comment_thread_beside_a_story_is_still_not_the_article():
    comments = "".join(f'<div class="comment"><p>Reply {n}: {LONG}.</p></div>' for n in range(9))
    html = page(f"<article>{paragraphs(2)}</article><div class='comments'>{comments}</div>")
    assert "Reply" not in normalize(html).text


def test_every_item_of_a_listicle_built_alike_is_the_story():
    def item(n: int) -> str:
        text = f"<p>Item {n}: {LONG}, and this lamp kept the harbour office lit all night.</p>"
        return (
            f'<div><div class="item"><div class="card">'
            f"<h2>{n}. The storm lamp that kept the harbour office lit</h2>"
            f'<section><div class="text">{text}</div></section></div>'
            '<aside class="ad-slot">Sponsored</aside></div></div>'
        )

    html = page(f'<article><div class="items">{"".join(item(n) for n in range(5))}</div></article>')
    texts = " ".join(body_texts(html))
    assert all(f"Item {n}:" in texts for n in range(5))


def test_boxes_named_as_the_kept_article_box_around_them_are_its_parts():
    item = '<li><div class="box-paywall"><h2>Item {n}</h2><p>Item {n}: ' + LONG + ".</p></div></li>"
    items = "".join(item.replace("{n}", str(n)) for n in range(4))
    html = page(
        f'<article><div class="box-paywall">{paragraphs(2)}<ul>{items}</ul></div></article>'
    )
    texts = " ".join(body_texts(html))
    assert all(f"Item {n}: {LONG}" in texts for n in range(4))


def test_a_count_alone_is_no_story_but_a_tables_numbers_are():
    post = "".join(f'<div class="answer"><div class="votes">{12 - n}</div>'
                   f"<p>Answer {n}: {LONG}.</p></div>" for n in range(3))  # fmt: skip
    table = "<table><tr><td>Ferries</td><td>12</td></tr><tr><td>Buses</td><td>40</td></tr></table>"
    texts = body_texts(page(f"<article>{post}{table}</article>"))
    assert "12" in texts and "40" in texts  # the table's
    assert "11" not in texts and "10" not in texts  # the answers' vote counts


def test_listicle_items_numbered_in_their_classes_and_nested_deep_are_all_read():
    def item(n: int) -> str:
        inner = (
            f"<h2>{n}. The storm lamp that kept the harbour office lit</h2>"
            f'<div class="product"><div><div class="description"><p>Item {n}: {LONG}.</p>'
            f'<p><a href="/shop/{n}">Get it from the shop for $20</a></p></div></div></div>'
        )
        return f'<div class="item item-index-{n}"><div><div>{inner}</div></div></div>'

    html = page(f'<article><div class="items">{"".join(item(n) for n in range(5))}</div></article>')
    texts = " ".join(body_texts(html))
    assert all(f"Item {n}:" in texts for n in range(5))


def test_on_an_endless_page_the_story_the_page_is_titled_after_wins_over_a_longer_next_one():
    def story(headline: str, word: str, count: int) -> str:
        return f"<article><h1>{headline}</h1>{paragraphs(count, word=word)}</article>"

    body = story("Storm closes the northern ports", "Storm", 3) + story(
        "Election night in the capital", "Election", 8
    )
    html = page(body, title="Storm closes the northern ports | Example Times")
    text = normalize(html).text
    assert "Storm 0" in text and "Election" not in text
    # the same stories inside one <article> around the whole page (its first headline is
    # the page's too): the innermost story named by the title is the page's
    html = page(f"<article>{body}</article>", title="Storm closes the northern ports")
    text = normalize(html).text
    assert "Storm 0" in text and "Election" not in text


def test_a_box_named_teasers_beside_the_story_is_not_its_next_part_and_a_teaser_lead_is():
    teasers = "".join(
        f'<div class="teasers__teaser"><p>Another story {n}: {LONG}, and more of it.</p></div>'
        for n in range(3)
    )
    lead = f'<div class="article-teaser"><p>The lead: {LONG}.</p></div>'
    html = page(f"<div class='single'><article>{lead}{paragraphs(3)}</article>"
                f"<div class='b-teasers'>{teasers}</div></div>")  # fmt: skip
    text = normalize(html).text
    assert "The lead:" in text and "Another story" not in text


@pytest.mark.parametrize(
    "toggle", ["Personen-Box aufklappen Personen-Box zuklappen", "Expand / Collapse"]
)
def test_a_boxs_open_and_close_toggle_is_no_story(toggle):
    box = f"<div class='box'><p>{toggle}</p></div>"
    html = page(f"<article>{paragraphs(2)}{box}{paragraphs(2, start=2)}</article>")
    assert toggle not in normalize(html).text


def test_a_privacy_dialog_longer_than_a_short_story_is_no_story():
    """A video page's two-paragraph story beside the site's privacy preferences dialog,
    which holds more text: the dialog is never the article, however long."""
    pitch = "".join(
        f"<p>A cookie is a small piece of data that a website asks your browser to store {n}."
        f" {LONG}, and the site uses them to remember your choices.</p>"
        for n in range(6)
    )
    dialog = f'<div class="privacy-modal"><div class="privacy-pref-box">{pitch}</div></div>'
    html = page(f"<article>{paragraphs(2)}</article>{dialog}")
    text = normalize(html).text
    assert "Paragraph 1" in text and "A cookie is" not in text


def test_a_story_cut_into_sections_of_one_name_is_read_whole():
    """A slideshow: the first section holds the lead, each next one (of the same class) a
    heading, a picture's credit and its paragraphs. Every section is the story's; a box of
    the same class without a heading (deals of the day) is not. (The first section's
    crumbs, headline and byline keep its paragraphs' container from widening to it.)"""

    def section(n: int, count: int) -> str:
        heading = (
            f"<h2>Slide {n}: the harbour after the storm</h2>"
            if n
            else (
                '<ul class="crumbs"><li><a href="/news">News</a></li><li>Harbour</li></ul>'
                '<div class="title"><h1>Four pictures of the harbour after the storm</h1></div>'
                '<div class="byline">By Jessica Doe, Dec. 21, 2023 11:00 pm EST</div>'
            )
        )
        return (
            f'<div class="slide">{heading}<div class="credit">Jane Doe/Getty Images</div>'
            f'<div class="columns">{paragraphs(count, start=10 * n, word=f"Slide{n}")}</div></div>'
        )

    deals = '<div class="slide"><a href="/deals">Deals of the day • Boots • Lamps</a></div>'
    slides = section(0, 8) + "".join(section(n, 5) for n in range(1, 4)) + deals
    html = page(f"<article><div class='gallery'>{slides}</div></article>")
    text = normalize(html).text
    assert all(f"Slide{n} {10 * n}" in text for n in range(4))
    assert "Slide 3: the harbour after the storm" in text and "Deals of the day" not in text


def _rich_text(sentences: list[str]) -> str:
    nodes = [
        {"type": "paragraph", "content": [{"type": "text", "value": sentence}]}
        for sentence in sentences
    ]
    nodes.insert(2, {"type": "ad", "data": {"slot": "mid"}})
    data = {"props": {"pageProps": {"story": {"body": {"type": "document", "content": nodes}}}}}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


def test_a_preview_gives_way_to_the_whole_story_in_the_pages_data():
    """A paywall shows the story's first paragraphs; the page's own data holds all of it as
    a rich-text document (paragraph nodes of text nodes): the whole story is the body."""
    sentences = [f"Paragraph {n} has enough words to be article text ({n})." for n in range(12)]
    shown = "".join(f"<p>{sentence}</p>" for sentence in sentences[:3])
    html = page(f"<article>{shown}<div class='paywall'>Subscribe to read on</div></article>"
                f"{_rich_text(sentences)}")  # fmt: skip
    text = normalize(html).text
    assert all(sentence in text for sentence in sentences) and "ad" not in text.split()


def test_a_rich_text_document_of_another_story_leaves_the_shown_one_alone():
    shown = paragraphs(3)
    other = [f"Another story, sentence {n}, about the election in the capital." for n in range(12)]
    html = page(f"<article>{shown}</article>{_rich_text(other)}")
    text = normalize(html).text
    assert "Paragraph 2" in text and "Another story" not in text


def test_a_box_of_posts_beside_a_short_story_is_not_its_part():
    """A blog's short story in its <article>, and beside it an <article> holding the "You
    may also like" posts, each an <article> with a long excerpt: more text than the story,
    none of it the story's."""
    lead = "".join(f"<p>Paragraph {n}: {LONG}, {LONG}.</p>" for n in range(3))
    story = f"<article><h1>Only those who love themselves</h1>{lead}</article>"
    excerpt = ", ".join([LONG] * 6)
    posts = "".join(
        f"<article><div><p>Share Pin Download</p><p>Another post {n}: {excerpt}.</p></div>"
        "</article>"
        for n in range(6)
    )
    box = f"<article class='postbox'><h3>Você pode gostar...</h3>{posts}</article>"
    body = f"<div class='row'><div id='primary'>{story}{box}</div><div id='side'>x</div></div>"
    html = page(body, title="Only those who love themselves")
    text = normalize(html).text
    assert "Paragraph 1" in text and "Another post" not in text


@pytest.mark.parametrize(
    "notice",
    [
        "To view this video please enable JavaScript, and consider upgrading to a web browser"
        " that supports HTML5 video",
        "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
        "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.",
        "We apologize, but this video has failed to load.",
        "This content can also be viewed on the site it originates from.",
    ],
)
def test_what_stands_in_for_an_unloaded_embed_is_no_story(notice):
    text = text_around(f"<div><p>{notice}</p></div>")
    assert notice not in text and "Paragraph 3" in text


@pytest.mark.parametrize(
    "prompt",
    [
        "Want to keep up with breaking news? Subscribe to our email newsletter.",
        "By signing up you consent to receive the above newsletter from Courier Network Inc.",
        "Don't want to see this? Remove ads",
    ],
)
def test_a_sites_sign_up_prompt_between_paragraphs_is_no_story(prompt):
    text = text_around(f"<p>{prompt}</p>")
    assert prompt not in text and "Paragraph 3" in text
    sentence = "The council will subscribe to the newsletter of the regional transport board."
    assert sentence in text_around(f"<p>{sentence}</p>")


@pytest.mark.parametrize("credit", ["Image: Jane Doe", "Photo: Getty Images", "Jane Doe/Reuters"])
def test_a_photo_credit_printed_as_a_paragraph_is_no_story(credit):
    text = text_around(f"<p>{credit}</p>")
    assert credit not in text and "Paragraph 3" in text


def test_a_sentence_of_the_story_with_a_long_link_inside_stays():
    """ "The suspect was convicted and <a>sentenced to life in federal prison last
    Thursday</a>.": more than half of it linked, yet a sentence of the story; a list of
    links stays out."""
    linked = (
        "<p>The suspect, Michael Webb, was convicted and <a href='/s'>sentenced to life in"
        " federal prison last Thursday</a>.</p>"
    )
    links = "<p><a href='/a'>Harbour wall rebuilt after the storms</a> <a href='/b'>School"
    links += " wins national prize</a></p>"
    html = page(f"<article>{paragraphs(2)}{linked}{links}{paragraphs(2, start=2)}</article>")
    text = normalize(html).text
    assert "sentenced to life in federal prison" in text and "Harbour wall" not in text


@pytest.mark.parametrize(
    "stamp", ["公開日：2025/01/31 11:30 更新日：2025/01/31 11:30", "입력 2026.01.29 10:00"]
)
def test_an_east_asian_date_line_is_no_story(stamp):
    html = page(f"<article><p>{stamp}</p>{paragraphs(3)}</article>")
    assert stamp not in normalize(html).text


def test_text_loose_in_the_body_is_the_story():
    """A plain page or an old blog: the post sits in <body> itself, lines apart by <br>."""
    html = f"<html><body><h1>Storm</h1>{LONG} (1).<br><br>{LONG} (2).<br>Back home.</body></html>"
    assert body_texts(html) == [f"{LONG} (1).\n{LONG} (2).\nBack home."]


@pytest.mark.parametrize("holder", ["header", "aside", "noscript"])
def test_a_page_whose_only_text_is_in_its_furniture_gives_that_text(holder):
    """A post inside an <aside> or the page's <header>, a <noscript> copy of a page drawn by
    scripts: no text anywhere else, so it is the page's, not "no article text"."""
    posts = f"<div>{LONG} (1).</div><div>{LONG} (2).</div>"
    html = f"<html><body><nav><a href='/'>Home</a></nav><{holder}>{posts}</{holder}></body></html>"
    assert body_texts(html) == [f"{LONG} (1).", f"{LONG} (2)."]


def test_the_furniture_stays_out_where_the_page_has_a_story():
    html = page(f"<aside><div>{LONG} (aside).</div></aside><article>{paragraphs(3)}</article>")
    assert "(aside)" not in normalize(html).text


def test_blocks_inside_a_block_are_words_apart():
    """A list item holding a heading and a paragraph: "Storm" and "The", not "StormThe"."""
    items = "".join(f"<li><h3>Item{n}</h3><p>{LONG} ({n}).</p></li>" for n in range(3))
    assert f"Item0 {LONG} (0)." in body_texts(page(f"<article><ul>{items}</ul></article>"))


@pytest.mark.parametrize("placeholder", ["$$ARTICLEAD$$", "{{ ad_slot }}", "%%MIDROLL%%"])
def test_a_templates_unfilled_placeholder_is_no_story(placeholder):
    text = text_around(f"<p>{placeholder}</p>")
    assert placeholder not in text and "Paragraph 3" in text


def test_a_standfirst_set_as_a_heading_over_the_story_opens_it():
    """A magazine's standfirst as <h2 class="subtitle"> right above the story's box: the
    story's first paragraph, not a heading; a short heading there stays out."""
    intro = "A standfirst that opens the magazine story and sets the scene in one long sentence."
    story = f"<div class='article-body'>{paragraphs(5)}</div>"
    html = page(f"<article><h1>Storm</h1><h2 class='subtitle'>{intro}</h2>{story}</article>")
    blocks = normalize(html).body
    assert (blocks[0].text, blocks[0].type) == (intro, "paragraph")
    html = page(f"<article><h1>Storm</h1><h2>Latest news</h2>{story}</article>")
    assert "Latest news" not in normalize(html).text


WIDGET = (
    "<section class='widget widget_text'><h3>About us</h3><p>We are a small local history "
    "society founded by friends who love old buildings and long walks in the hills.</p></section>"
)


def test_a_themes_sidebar_widget_beside_a_short_story_is_left_out():
    story = f"<p>{LONG}.</p><p>{LONG} again.</p>"
    html = page(f"<div class='content'><h1>Storm</h1>{story}</div>{WIDGET}")
    assert body_texts(html) == [f"{LONG}.", f"{LONG} again."]


def test_a_page_builders_widget_holds_the_story():
    """ "elementor-widget" and its kin name a builder's content boxes, not a theme's widgets."""
    box = f"<div class='elementor-widget elementor-widget-text-editor'>{paragraphs(3)}</div>"
    assert len(body_texts(page(f"<h1>Storm</h1>{box}"))) == 3
