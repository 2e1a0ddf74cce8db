"""The record's outlet from what the document says: the name and address an HTML page
declares, the copyright line of a text capture, a recognised outlet's profile first."""

from __future__ import annotations

import json

import pytest
from html_pages import page, paragraphs

from newsnorm import OutletProfile, Source, hookimpl, normalize
from newsnorm.explain import explain
from newsnorm.outlet.mastheads import footer_masthead
from newsnorm.outlet.notices import copyright_notice, site_notice
from newsnorm.pipeline import Pipeline
from newsnorm.plugins import make_plugin_manager

STORY = [
    "Harbour bridge to close for a year",
    "The council voted on Monday to close the old harbour bridge for a year of repairs.",
    "Drivers will be sent along the coast road, which adds twenty minutes to the trip.",
    "The work starts in March and should end before the summer of next year.",
]


def meta(name: str, value: str, attribute: str = "property") -> str:
    return f'<meta {attribute}="{name}" content="{value}">'


def json_ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def story_ld(**fields) -> str:
    return json_ld({"@context": "https://schema.org", "@type": "NewsArticle", **fields})


def html_outlet(head: str, url: str | None = None) -> dict:
    html = page(f"<article><h1>Harbour bridge to close</h1>{paragraphs(3)}</article>", head)
    return normalize(html, url=url).outlet.model_dump()


def capture(*footer: str, body: list[str] = STORY) -> str:
    return "\n".join([*body, "Most read", "Weather warning for the coast", *footer])


def text_outlet(content: str, url: str | None = None) -> dict:
    return normalize(content, url=url).outlet.model_dump()


# HTML pages: the domain


def test_the_canonical_link_gives_the_domain_without_www():
    head = '<link rel="canonical" href="https://www.harbour-gazette.com/news/bridge">'
    assert html_outlet(head)["domain"] == "harbour-gazette.com"


def test_og_url_gives_the_domain_when_there_is_no_canonical_link():
    assert html_outlet(meta("og:url", "https://news.gazette.co.uk/a/1"))["domain"] == (
        "news.gazette.co.uk"
    )


def test_a_syndicated_copy_is_placed_by_its_own_og_url_not_the_originals_canonical():
    head = '<link rel="canonical" href="https://www.original-news.com/story/1">' + meta(
        "og:url", "https://www.portal-example.com/story-1"
    )
    assert html_outlet(head)["domain"] == "portal-example.com"


def test_of_a_site_and_its_subdomain_the_site_is_the_domain():
    head = '<link rel="canonical" href="https://gazette.com/a">' + meta(
        "og:url", "https://share.gazette.com/a"
    )
    assert html_outlet(head)["domain"] == "gazette.com"


def test_the_documents_url_comes_before_what_the_page_declares():
    head = '<link rel="canonical" href="https://www.original-news.com/story/1">'
    assert html_outlet(head, url="https://www.mirror-site.org/x")["domain"] == "mirror-site.org"


def test_a_relative_or_hostless_address_gives_no_domain():
    head = '<link rel="canonical" href="/news/bridge">' + meta("og:url", "news-bridge")
    assert html_outlet(head)["domain"] is None


# HTML pages: the name


def test_og_site_name_names_the_outlet_with_whitespace_cleaned():
    assert html_outlet(meta("og:site_name", "  The   Harbour\nGazette "))["name"] == (
        "The Harbour Gazette"
    )


def test_the_json_ld_publisher_names_the_outlet_when_there_is_no_site_name():
    ld = story_ld(publisher={"@type": "NewsMediaOrganization", "name": "Harbour Gazette"})
    assert html_outlet(ld)["name"] == "Harbour Gazette"


def test_a_publisher_given_by_reference_is_looked_up_in_the_json_ld_graph():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "Bridge", "publisher": {"@id": "#org"}},
            {"@type": "Organization", "@id": "#org", "name": "Coast Courier"},
        ],
    }
    assert html_outlet(json_ld(graph))["name"] == "Coast Courier"


def test_a_slug_site_name_gives_way_to_the_publishers_spelling_of_the_same_name():
    head = meta("og:site_name", "harbourgazette") + story_ld(
        publisher={"@type": "Organization", "name": "Harbour Gazette"}
    )
    assert html_outlet(head)["name"] == "Harbour Gazette"


def test_a_host_spelling_gives_way_to_the_name_it_spells():
    head = meta("og:site_name", "HarbourGazette.com") + story_ld(
        publisher={"@type": "Organization", "name": "The Harbour Gazette"}
    )
    assert html_outlet(head)["name"] == "The Harbour Gazette"


def test_og_site_name_wins_over_a_publisher_that_names_another_company():
    # The masthead, not the company that owns it; the domain agrees with neither.
    head = meta("og:site_name", "Harbour Gazette") + story_ld(
        publisher={"@type": "Organization", "name": "Coastal Media Holdings"}
    )
    assert html_outlet(head, url="https://www.hg-online.com/a")["name"] == "Harbour Gazette"


def test_a_stray_site_name_loses_to_two_sources_that_agree():
    head = (
        meta("og:site_name", "Premium")
        + meta("application-name", "Harbour Gazette", attribute="name")
        + story_ld(publisher={"@type": "Organization", "name": "Harbour Gazette"})
    )
    assert html_outlet(head)["name"] == "Harbour Gazette"


def test_between_two_names_given_once_the_one_the_domain_agrees_with_wins():
    head = meta("og:site_name", "Weekend") + story_ld(
        publisher={"@type": "Organization", "name": "Harbour Gazette"}
    )
    assert html_outlet(head, url="https://harbourgazette.com/a")["name"] == "Harbour Gazette"


def test_names_that_contradict_each_other_and_the_domain_give_no_name():
    # A story shared across a network's sites under a sister site's template.
    head = meta("og:site_name", "Valley Tribune") + story_ld(
        publisher={"@type": "Organization", "name": "Lakeside Herald"}
    )
    assert html_outlet(head, url="https://www.riverport-news.com/a")["name"] is None


def test_a_tagline_is_cut_from_the_site_name():
    head = meta("og:site_name", "Harbour Gazette | News from the coast since 1901")
    assert html_outlet(head, url="https://harbourgazette.com/a")["name"] == "Harbour Gazette"


def test_a_person_or_a_wire_service_as_publisher_names_no_outlet():
    person = story_ld(publisher={"@type": "Person", "name": "Jane Doe"})
    agency = story_ld(publisher={"@type": "Organization", "name": "Associated Press"})
    assert html_outlet(person)["name"] is None
    assert html_outlet(agency)["name"] is None


@pytest.mark.parametrize(
    "declared",
    ["https://www.harbourgazette.com", "@harbourgazette", "   ", "Harbour bridge to close"],
)
def test_a_url_a_handle_an_empty_value_or_the_storys_title_is_no_name(declared):
    head = meta("og:title", "Harbour bridge to close") + meta(
        "application-name", declared, attribute="name"
    )
    assert html_outlet(head)["name"] is None


def test_a_page_that_declares_nothing_has_no_outlet():
    assert html_outlet("") == {"name": None, "domain": None}


# Text captures: the copyright line


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("© 2026 The Daily Courier", "The Daily Courier"),
        ("Copyright © 2024 Example Media Group. All rights reserved.", "Example Media Group"),
        ("(c) 2023 Foo News", "Foo News"),
        ("© Le Monde 2025", "Le Monde"),
        ("Copyright 1998-2024 Harbour Gazette Ltd | Privacy | Terms", "Harbour Gazette"),
        ("© 2025 Beispiel Verlag GmbH & Co. KG. Alle Rechte vorbehalten.", "Beispiel Verlag"),
        ("Tous droits réservés - Le Journal du Port 2024", "Le Journal du Port"),
        ("© 2024 Diario del Puerto S.L. Todos los derechos reservados.", "Diario del Puerto"),
        ("Copyright 2023 © Gazzetta Porto S.p.A. Tutti i diritti riservati", "Gazzetta Porto"),
        ("Havnebladet © Alle rettigheter reservert", "Havnebladet"),
        ("© 2024 Gazeta Portowa sp. z o.o. Wszelkie prawa zastrzeżone", "Gazeta Portowa"),
        ("Copyright © The Minato Shimbun. All rights reserved.", "The Minato Shimbun"),
        ("© 2024 Harbour Post, a division of Example Holdings Inc.", "Harbour Post"),
        ("Eine Webseite der Beispiel Gruppe © 2025 Beispiel Mediengruppe", "Beispiel Mediengruppe"),
        ("2025 The Citizen Times. All Rights Reserved.", "The Citizen Times"),
    ],
)  # fmt: skip
def test_a_copyright_line_names_its_owner(line, owner):
    notice = copyright_notice(line)
    assert notice is not None and notice.name == owner


@pytest.mark.parametrize(
    "line",
    [
        "© 2023 - All Rights Reserved.",
        "Copyright © 2024",
        "© 2024 a Example plc subsidiary",
        "Alle Rechte vorbehalten",
        "© RIPRODUZIONE RISERVATA",
    ],
)
def test_a_copyright_line_that_names_no_owner_names_none(line):
    notice = copyright_notice(line)
    assert notice is None or notice.name is None


@pytest.mark.parametrize(
    "line",
    [
        "Copyright Notice",
        "The court ruled on copyright in 2023, the lawyer for Example Records said.",
        "Crowds on the pier at the 2024 regatta. © Jane Smith",
        "© 2024 The Associated Press. All rights reserved.",
        "© 2023 The Financial Paper Ltd. All rights reserved. Not to be redistributed.",
        "Recipes from Big Dinners. Copyright © 2024 by Ann Cook. Reprinted by permission.",
    ],
)
def test_links_prose_captions_and_a_storys_own_credit_are_not_the_sites_notice(line):
    notice = copyright_notice(line)
    assert notice is None or notice.name is None


def test_a_bare_host_on_the_copyright_line_is_the_domain():
    notice = copyright_notice("Copyright © 2024 www.harbour-gazette.com | All Rights Reserved")
    assert notice is not None
    assert (notice.name, notice.domain) == ("harbour-gazette.com", "harbour-gazette.com")


def test_the_last_notice_is_the_sites_and_a_bare_credit_counts_only_at_the_end():
    lines = [*STORY, "© Jane Smith", "© 2024 Coast Wire Service", *STORY, "© Harbour Gazette"]
    notice = site_notice(lines)
    assert notice is not None and notice.name == "Harbour Gazette"
    assert site_notice(["© Jane Smith", *STORY * 4]) is None


def test_a_last_notice_without_an_owner_means_the_site_names_none():
    assert site_notice([*STORY, "© 2024 Coast Wire Service", *STORY * 3, "© 2024"]) is None


def test_two_owners_side_by_side_leave_the_site_unnamed():
    assert site_notice([*STORY, "© 2024 Portal Inc.", "© 1986-2024 Data Supplier Inc."]) is None


def test_a_footer_line_naming_the_site_beside_its_group_names_the_site():
    lines = [*STORY, "Harbour Gazette is part of Example Media Group Inc, a publisher."]
    assert footer_masthead(lines) == "Harbour Gazette"
    assert footer_masthead([*STORY, "This article is part of our series on bridges."]) is None
    assert footer_masthead([*STORY, "The bridge is part of the coastal route."]) is None


def test_a_capture_is_named_by_its_footer_and_placed_by_its_url():
    content = capture(
        "Harbour Gazette is part of Example Media Group Inc.", "© 2024 Example Media Group"
    )
    assert text_outlet(content) == {"name": "Harbour Gazette", "domain": None}
    with_url = text_outlet(content, url="https://www.harbourgazette.com/news/1")
    assert with_url == {"name": "Harbour Gazette", "domain": "harbourgazette.com"}


def test_the_url_comes_before_a_host_the_copyright_line_prints():
    content = capture("© 2024 harbour-gazette.com")
    assert text_outlet(content) == {"name": "harbour-gazette.com", "domain": "harbour-gazette.com"}
    assert text_outlet(content, url="https://hg.example.org/a")["domain"] == "hg.example.org"


def test_a_capture_without_a_copyright_line_has_no_name_guessed_from_its_text():
    content = capture(body=["The Harbour Gazette", *STORY, "Follow the Harbour Gazette"])
    assert text_outlet(content) == {"name": None, "domain": None}


def test_a_copyright_line_already_removed_from_the_body_still_names_the_outlet():
    class Noise:
        @hookimpl
        def newsnorm_remove_noise(self, document):
            for block in list(document.live_blocks()):
                if "©" in block.text:
                    document.remove(block, "copyright")

    pm = make_plugin_manager(load_installed=False)
    pm.register(Noise(), name="noise")
    article = Pipeline(pm).run(Source(capture("© 2024 Harbour Gazette Ltd."), name="c.txt"))
    assert article.outlet.name == "Harbour Gazette"
    assert all("©" not in block.text for block in article.body)


# A recognised outlet first; the evidence


def test_a_recognised_outlets_profile_wins_over_what_the_page_declares():
    class Outlets:
        @hookimpl
        def newsnorm_register_outlets(self, register):
            register(OutletProfile(key="gazette", name="The Gazette", domain="gazette.com"))

    pm = make_plugin_manager(load_installed=False)
    pm.register(Outlets(), name="outlets")
    html = page(paragraphs(3), meta("og:site_name", "Gazette Online"))
    article = Pipeline(pm).run(Source(html, url="https://news.gazette.com/a"))
    assert article.outlet.model_dump() == {"name": "The Gazette", "domain": "gazette.com"}


def field(report, name):
    return next(row for row in report.fields if row.name == name)


def test_explain_shows_where_the_outlets_name_and_domain_come_from():
    head = (
        meta("og:site_name", "harbourgazette")
        + meta("og:url", "https://www.harbourgazette.com/a")
        + story_ld(publisher={"@type": "Organization", "name": "Harbour Gazette"})
    )
    report = explain(page(paragraphs(3), head))
    name, domain = field(report, "outlet.name"), field(report, "outlet.domain")
    assert (name.value, name.source, name.plugin) == (
        "Harbour Gazette",
        "JSON-LD publisher",
        "newsnorm.outlet_declared",
    )
    assert ("meta og:site_name", "harbourgazette") in {(c.source, c.value) for c in name.beaten}
    assert (domain.value, domain.source) == ("harbourgazette.com", "meta og:url")


def test_explain_shows_a_captures_name_from_its_copyright_line():
    row = field(explain(capture("© 2024 Harbour Gazette. All rights reserved.")), "outlet.name")
    assert (row.value, row.source) == ("Harbour Gazette", "the copyright line")


def test_a_notice_naming_where_the_story_first_appeared_is_the_storys_credit():
    lines = [*STORY, "This article originally appeared on Coast Markets.", "© 2024 Coast Markets"]
    assert site_notice(lines) is None
