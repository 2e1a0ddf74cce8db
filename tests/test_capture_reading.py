"""Captures of outlets no plugin knows: the article, its head and its captions are read by
newsnorm itself. Each capture here is written for one kind of page furniture or head."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from newsnorm import NormalizeError, normalize
from newsnorm.capture import lines
from newsnorm.capture.lines import is_furniture
from newsnorm.capture.title import _Copies, _glued_to

NAV = "Skip to content\nHome\nNews\nPolitics\nBusiness\nSport\nSign in\nSubscribe\n"
STORY = (
    "The council voted on Tuesday to close the river bridge for six months of repairs, "
    "after engineers found cracks in two of its supports.\n\n"
    "Traffic will be diverted through the town centre, and a temporary footbridge will "
    "open next week for people walking to the station.\n\n"
    "“We had no choice once the survey came back,” the council’s leader told reporters "
    "outside the town hall on Tuesday evening.\n\n"
    "Local shops said they feared losing customers during the works, which are due to "
    "finish before the end of the summer.\n"
)
FOOTER = (
    "Share\nFacebook Twitter WhatsApp Email\nTopics\nTransport\nLocal news\n"
    "Most viewed\n1 Storm warning for the coast\n2 School wins national prize\n"
    "Comments (34)\nLeave a comment\n© 2026 The Daily Courier. All rights reserved.\n"
    "Privacy Policy\nTerms of Use\nContact us\n"
)


def capture(head: str, story: str = STORY, footer: str = FOOTER) -> str:
    return f"{NAV}{head}\n{story}{footer}"


def test_the_article_is_kept_and_the_page_around_it_goes():
    head = "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    article = normalize(capture(head))
    assert article.text == "\n\n".join(p for p in STORY.split("\n\n")).strip()
    assert article.title == "River bridge to close for six months of repairs"


def test_a_byline_with_a_job_title_gives_the_person_only():
    head = (
        "River bridge to close for six months of repairs\n"
        "By Sarah Whitfield, Political Correspondent\n"
        "Published 14 March 2026, 09:12 GMT\n"
    )
    article = normalize(capture(head))
    assert article.byline == "By Sarah Whitfield, Political Correspondent"
    assert article.authors == ["Sarah Whitfield"]
    assert article.published == dt.datetime(2026, 3, 14, 9, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("byline", "authors", "agencies"),
    [
        ("ByThe Associated Press", [], ["The Associated Press"]),  # innerText glues it
        ("Von\nJasper Riemann\nBarbara Schneider", ["Jasper Riemann", "Barbara Schneider"], []),
        ("Par Claire Dubois", ["Claire Dubois"], []),
        ("Autor: Lukas Meier", ["Lukas Meier"], []),
        ("BY SARAH WHITFIELDSTAFF WRITER", ["Sarah Whitfield"], []),  # capitals, glued
        ("BY SARAH WHITFIELDPUBLISHED: MAR 14, 2026 9:12 AM EST", ["Sarah Whitfield"], []),
        ("By Sarah Whitfield COURIERNews", ["Sarah Whitfield"], []),
        ("SARAH WHITFIELD   Daily Courier-Post\n14.03.2026", ["Sarah Whitfield"], []),
        ("Sarah Whitfield | swhitfield@courier.example\n14.03.2026", ["Sarah Whitfield"], []),
        ("Sarah Whitfield • Courier.example\n14.03.2026", ["Sarah Whitfield"], []),
        ("Sarah Whitfield|Published 4 hours ago\n14.03.2026", ["Sarah Whitfield"], []),
        ("Sarah Whitfield 3 minutes read\n14.03.2026", ["Sarah Whitfield"], []),
        ("Sarah WhitfieldTravel News Reporter\n14.03.2026", ["Sarah Whitfield"], []),
        ("Sarah Whitfield Deputy Content Director\n14.03.2026", ["Sarah Whitfield"], []),
        ("By Mary Ann Whitfield Senior Writer", ["Mary Ann Whitfield"], []),
        ("By Kaitlyn McCormick Staff Writer", ["Kaitlyn McCormick"], []),
        ("BY ASSOCIATED PRESS3 MINUTE READ", [], ["Associated Press"]),
    ],
    ids=[
        "glued",
        "names-below-a-lone-label",
        "french",
        "label-with-colon",
        "capitals-glued-to-job",
        "capitals-glued-to-date",
        "glued-brand",
        "capitals-then-outlet",
        "name-then-address",
        "name-then-site",
        "name-then-published",
        "name-then-reading-time",
        "name-glued-to-job",
        "name-then-job",
        "three-names-then-job",
        "inner-capital-kept",
        "capitals-glued-to-reading-time",
    ],
)
def test_bylines_as_captures_print_them(byline, authors, agencies):
    article = normalize(capture(f"River bridge to close for six months of repairs\n{byline}\n"))
    assert article.authors == authors
    assert article.agencies == agencies
    assert "Riemann" not in article.text and "Associated" not in article.text


def test_a_question_headline_is_not_taken_for_a_name():
    head = "How Much Would You Pay for Alternative Bridges?\nBy Sarah Whitfield\n"
    assert normalize(capture(head)).title == "How Much Would You Pay for Alternative Bridges?"


def test_a_photo_credit_naming_its_photographer_is_no_byline():
    head = (
        "River bridge to close for six months of repairs\n"
        "Photograph by Jane Smith, NurPhoto/Getty Images\n"
        "John Roe/Getty Images\n"
        "By Sarah Whitfield\n"
    )
    assert normalize(capture(head)).authors == ["Sarah Whitfield"]


def test_a_bare_name_beside_the_date_is_the_byline():
    head = (
        "River bridge to close for six months of repairs\nNathaniel Flakin\n06.01.2026, 14:05 Uhr\n"
    )
    article = normalize(capture(head))
    assert article.authors == ["Nathaniel Flakin"]
    assert article.published == dt.date(2026, 1, 6)  # no offset printed: the day only


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("28.04.2023, 20.15 Uhr", dt.date(2023, 4, 28)),
        ("Veröffentlicht am 27.04.24 um 07:39 Uhr", dt.date(2024, 4, 27)),
        ("Publisert: 05.08.24 kl. 14:47", dt.date(2024, 8, 5)),
        ("12/22/23 11:35 AM ET", dt.date(2023, 12, 22)),
        ("12-20-2023", dt.date(2023, 12, 20)),
        ("POLITICSAPR 28, 2024 10:00 AM", dt.date(2024, 4, 28)),
        ("Published On 9 Oct 20239 Oct 2023", dt.date(2023, 10, 9)),
        ("Madrid-29/05/2025 20:00", dt.date(2025, 5, 29)),
        ("Updated Dec. 23, 2023 4:04AM EST / Published Dec. 22, 2023", dt.date(2023, 12, 22)),
        ("December 17, 2023, 12:34 PM", dt.date(2023, 12, 17)),
        ("Publié le 06/01/2026 - 14:16 UTC+1", dt.date(2026, 1, 6)),
        ("3. Mai 2022", dt.date(2022, 5, 3)),
        ("By Maria ODec. 18, 2023 9:00 am EST", dt.date(2023, 12, 18)),  # an initial glued
        ("By Dave Lee, Correspondent,Updated December 22, 2023, 5:49 p.m.", dt.date(2023, 12, 22)),
    ],
)
def test_dates_in_many_languages(line, day):
    article = normalize(capture(f"River bridge to close for six months of repairs\n{line}\n"))
    published = article.published
    assert (published.date() if isinstance(published, dt.datetime) else published) == day
    assert line not in article.text


@pytest.mark.parametrize("line", ["Version 3.5.10", "Score 2-1-0", "1.2.24"])
def test_numbers_that_only_look_like_short_dates_are_none(line):
    article = normalize(capture(f"River bridge to close for repairs\n{line}\n"))
    assert article.published is None


def test_a_printed_offset_is_kept_and_relative_times_are_no_date():
    dated = normalize(
        capture("River bridge to close for repairs\nPublié le 06/01/2026 - 14:16 UTC+1\n")
    )
    assert dated.published.utcoffset() == dt.timedelta(hours=1)
    relative = normalize(capture("River bridge to close for repairs\nUpdated 3 hours ago\n"))
    assert relative.published is None


def test_one_line_printing_both_dates_gives_both():
    head = (
        "Sunday, March 15th 2026\nRiver bridge to close for repairs\nBy SARAH WHITFIELD\n"
        "PUBLISHED: March 14, 2026 at 3:17 p.m. | UPDATED: March 14, 2026 at 5:22 p.m.\n"
    )
    article = normalize(capture(head))
    assert (article.published.day, article.updated.day) == (14, 14)
    assert "PUBLISHED" not in article.text


def test_a_date_printed_under_a_long_lead_is_still_the_articles():
    menu = "".join(f"Section {n}\n" for n in range(20))
    lead = "".join(
        f"Paragraph {n} of the story about the bridge goes on here.\n" for n in range(18)
    )
    story = f"{lead}Freitag, 13.03.2026, 19:25\n{STORY}"
    article = normalize(capture(f"{menu}River bridge to close for repairs\n", story))
    assert article.published == dt.date(2026, 3, 13)  # (no offset printed: the day only)


def test_a_deck_written_as_a_sentence_is_not_the_headline_over_it():
    head = (
        "Politics\nBridge closes for repairs\n"
        "The council shut the old river bridge on Tuesday after engineers found deep cracks.\n"
        "Sarah Whitfield\nPublished 14 March 2026\n"
    )
    assert normalize(capture(head)).title == "Bridge closes for repairs"


def test_a_kicker_of_short_names_over_a_long_headline_is_not_its_title():
    headline = "The council will close the river bridge for six months of repairs to its supports"
    head = (
        f"Bridge Repairs | The river town\n{headline}\n"
        "A town learns to live without its only crossing\nMar 14th 2026 | LONDON\n"
    )
    assert normalize(capture(head)).title == headline


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        ("Opinion What the bridge means for the town", "What the bridge means for the town"),
        (
            "Opinion: What the bridge means for the town",
            "Opinion: What the bridge means for the town",
        ),
        (
            "Kommentar Was die Brücke für die Stadt bedeutet",
            "Was die Brücke für die Stadt bedeutet",
        ),
        (
            "„Wir hatten keine Wahl“Stadt sperrt die Brücke für sechs Monate",
            "Stadt sperrt die Brücke für sechs Monate",
        ),
        (
            "‘Bridge Watch’ Town Council Closes the River Crossing",
            "‘Bridge Watch’ Town Council Closes the River Crossing",
        ),
    ],
)
def test_the_kind_of_piece_joined_to_the_headline_is_no_part_of_it(printed, title):
    assert normalize(capture(f"{printed}\nBy Sarah Whitfield\n")).title == title


def test_a_breadcrumbs_last_crumb_is_a_copy_of_the_headline():
    copies = _Copies(
        ["Home News Local Bridge repairs begin next week", "Bridge repairs begin next week"]
    )
    assert copies.printed_twice("Bridge repairs begin next week")
    assert not copies.printed_twice("repairs begin next week and more")


def test_a_headline_over_its_deck_and_a_share_bar_is_the_headline():
    head = (
        "Transport\nPublished March 14, 2026 9:02am EST\n"
        "Council closes river bridge for six months of repairs\n"
        "Repairs apply to the old stone bridge and both of its approach roads\n"
        "Facebook\nTwitter\nComments\nPrint\nEmail\nBy Sarah Whitfield\n"
    )
    assert normalize(capture(head)).title == "Council closes river bridge for six months of repairs"


def test_a_deck_as_long_as_its_headline_is_still_the_deck():
    headline = "Council closes the old river bridge for six months of urgent repairs"
    head = (
        f"Published March 14, 2026 9:02am EST\n{headline}\n"
        "Engineers found cracks in two supports of the river bridge on Tuesday\n"
        "By Sarah Whitfield\n"
    )
    assert normalize(capture(head)).title == headline


@pytest.mark.parametrize(
    ("copy", "longer", "glued"),
    [
        ("Bridge repairs begin next week", "Bridge repairs begin next week | Courier Arts", True),
        ("Bridge repairs begin next week", "NewsLocalBridge repairs begin next week", True),
        ("Bridge repairs begin next week", "Bridge repairs begin next week, council says", False),
        ("What the repairs will cost", "Bridge repairs: What the repairs will cost", False),
    ],
)
def test_a_headline_with_a_site_glued_on_is_a_copy_and_a_longer_headline_is_not(
    copy, longer, glued
):
    assert _glued_to(copy, longer) is glued


def test_a_short_headline_in_title_case_is_no_name():
    article = normalize(capture("Events\nCarlson Is Entering Streaming\nBy Sarah Whitfield\n"))
    assert article.title == "Carlson Is Entering Streaming"
    assert article.authors == ["Sarah Whitfield"]


def test_a_short_date_under_a_headline_in_the_body_is_no_counter():
    headline = (
        "Geographers warn: the whole coast is in fact a giant crocodile that wants to eat us!"
    )
    article = normalize(capture(f"{headline}\n25.4.24\n"))
    assert article.published == dt.date(2024, 4, 25)


def test_a_date_printed_right_under_the_story_is_its_date_when_the_head_has_none():
    under = "Share this\nClick here to comment\nMar 14, 2026 08:05am PDT\n"
    article = normalize(capture("River bridge to close for repairs\n", footer=under + FOOTER))
    assert article.published == dt.date(2026, 3, 14)  # ("PDT" is no offset it can trust)
    assert "Mar 14" not in article.text


def test_a_date_far_below_the_story_is_not_its_date():
    teasers = "".join(f"Other story number {n}\n" for n in range(10))
    below = f"Most viewed\n{teasers}Mar 14, 2026 08:05am PDT\n"
    article = normalize(capture("River bridge to close for repairs\n", footer=below + FOOTER))
    assert article.published is None


def test_a_date_over_the_headline_is_its_date_not_its_section():
    article = normalize(
        capture("06 March 2026\nRiver bridge to close for repairs\nBy Sarah Whitfield\n")
    )
    assert article.published == dt.date(2026, 3, 6)
    assert article.section is None


def test_a_dated_photo_caption_is_not_the_articles_date():
    head = (
        "River bridge to close for repairs\n"
        "The bridge seen from the quay, Sunday, March 1, 2026. (AP Photo/Jane Doe)\n"
        "By Sarah Whitfield\nPublished on 06/03/2026 - 13:55 GMT+1\n"
    )
    assert normalize(capture(head)).published.day == 6


def test_a_breadcrumb_title_printed_twice_gives_the_headline():
    head = (
        "Home › Local › River bridge to close for six months of repairs\n"
        "Local\n"
        "River bridge to close for six months of repairs\n"
        "By Sarah Whitfield\n"
    )
    article = normalize(capture(head))
    assert article.title == "River bridge to close for six months of repairs"
    assert article.section == "Local"
    assert "Home" not in article.text


def test_the_headline_is_the_line_the_story_speaks_of_not_a_call_to_action_under_it():
    head = (
        "Council shuts river bridge for repairs\n"
        "Photos of the week in our region\n"
        "Add us as a preferred source on Google\n"
    )
    assert normalize(capture(head)).title == "Council shuts river bridge for repairs"


def test_a_headline_written_as_sentences_is_still_the_headline_over_its_byline():
    head = "Bridges are famously hard to fix. This one does not have to be.\nBy Sarah Whitfield\n"
    article = normalize(capture(head))
    assert article.title == "Bridges are famously hard to fix. This one does not have to be."
    assert not article.text.startswith("Bridges are famously")


SITE_PROMPTS = [
    "Do Not Sell My Personal Information",
    "Add us as a preferred source on Google",
    "Expand/collapse submenu for Podcasts & Shows",
    "Enter City and State or Zip Code",
    "Go to Bridge Tours",
    "Danke, dass Sie die Courier-App nutzen.",
    "Esta funcionalidad es sólo para registrados",
    "More from the Courier Network",
    "Mehr aus der Region",
    "A gift that informs. Give a year of the Courier to someone, plus a free tote.",
    "Verschenken Sie ein Geschenkabo zu Weihnachten",
    "Support local journalism.",
    "THIS ARTICLE IS FREE TO READ REGISTER TO UNLOCK.",
    "Get email updates from your favourite authors.",
    "Nouveau : découvrez nos offres Premium !",
    "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
    "View full post on Youtube",
    "CLICK HERE TO READ MORE FROM THE DAILY COURIER",
    "Enable Cookies Allow Cookies Once",
    "Den Link zum Einbetten des Videos kopieren Link kopiert!",
    "Advertisement 3",
    "Anzeige 12",
    "$99",
    "Was $58",
    "39,99 €",
    "Artikel lesen",
    "Read the full story",
]
HEADLINES_LIKE_THEM = [
    "Thanks to the new bridge, the town grew",
    "Go to the polls or lose the bridge, council warns",
    "Selling the bridge: what the council has not said",
    "Plus de 300 ponts fermés en France",
    "More people cross the bridge on foot",
    "A gift to the town: the new bridge opens",
    "The paper will support local journalism with a fund of two million pounds a year",
    "Shops ran special offers all week to win back the customers the works kept away",
    "Police said the link copied from the site was fake",
    "Users must accept cookies to use the site, the regulator said",
    "Advertisement 2026: the year brands left television",
    "$5 million for the bridge",
    "Read the full story of the bridge that fell",
]


def test_a_sites_prompts_are_furniture_and_headlines_like_them_are_not():
    assert all(is_furniture(prompt) for prompt in SITE_PROMPTS)
    assert not any(is_furniture(headline) for headline in HEADLINES_LIKE_THEM)


def test_a_notice_over_a_long_headline_is_not_taken_for_its_shorter_title():
    head = (
        "Do Not Sell My Personal Information\n"
        "Share\n"
        "River bridge to close for six months after engineers find cracks in two supports\n"
        "By Sarah Whitfield\n"
    )
    title = normalize(capture(head)).title
    assert (
        title == "River bridge to close for six months after engineers find cracks in two supports"
    )


def test_a_caption_printed_twice_with_its_credit_goes_to_images_once():
    caption = "Engineers inspect the cracked supports of the river bridge on Monday."
    head = (
        "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
        f"{caption}\n{caption}\nPhotograph: John Smith/PA\n"
    )
    article = normalize(capture(head))
    assert [(i.caption, i.credit) for i in article.images] == [(caption, "John Smith/PA")]
    assert caption not in article.text and "Photograph" not in article.text


def test_a_caption_ending_with_its_credit_is_not_the_headline():
    head = (
        "River bridge shut\n"
        "CRACKS: Engineers inspect the supports of the river bridge on Monday. Foto: Jane Doe\n"
    )
    assert normalize(capture(head)).title == "River bridge shut"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        (
            "FILE - Engineers inspect the cracked supports of the river bridge, Monday, May 4, "
            "2025, in the town centre. (AP Photo/Jane Doe, File)",
            "AP Photo/Jane Doe, File",
        ),
        (
            "Engineers inspect the cracked supports of the river bridge on Monday. (Photo "
            "courtesy of the City Council)Photo courtesy of the City Council",
            "Photo courtesy of the City Council",
        ),
        (
            "Engineers inspect the supports on Monday. (Photo by Jane Doe/Getty Images)"
            "JANE DOE VIA GETTY IMAGES",
            "Photo by Jane Doe/Getty Images",
        ),
        ("Ingenieure prüfen die Pfeiler der Brücke am Montag. Foto: Jane Doe", "Jane Doe"),
        ("Schauspieler in realer Kulisse | Bild: Eva Muster/rbb", "Eva Muster/rbb"),
        (
            "The bridge's supports are cracked. | Image credit: Jane Doe / Courier.",
            "Jane Doe / Courier",
        ),
        ("More than 300 bridges have been closed for repairs across the country. (AP)", "AP"),
        ("Engineers inspect the bridge's supports (Jane Doe/USA Today)", "Jane Doe/USA Today"),
        ("Die Brücke ist gesperrt. (Bild: Eva Muster/Golem.de)", "Bild: Eva Muster/Golem.de"),
        ("The lounge won't charge a cover on the night. Photograph courtesy of dLeña.", "dLeña"),
        (
            "기술자들이 3일 다리의 교각을 점검하고 있다. [사진 출처 = 연합뉴스]",
            "사진 출처 = 연합뉴스",
        ),
        ("기술자들이 3일 다리의 교각을 점검하고 있다. 뉴스1", "뉴스1"),
        ("橋の橋脚を点検する技術者＝3日、市内で（山田太郎撮影）", "山田太郎撮影"),
        (
            "Engineers inspect the supports of the bridge on Monday. Photo by JANE DOE /AFP via"
            " Getty Images",
            "JANE DOE /AFP via Getty Images",
        ),
        (
            "Engineers inspect the supports of the bridge (Image credit: Council)",
            "Image credit: Council",
        ),
        (
            "Engineers inspect the bridge in a photo from the 1981 survey. Photo by Handout/"
            "Harbour Town Council/Regional Archive/AFP via Getty Images",
            "Handout/Harbour Town Council/Regional Archive/AFP via Getty Images",
        ),
        ("The footbridge will open beside the old supports next week. Supplied", "Supplied"),
    ],
)
def test_a_caption_ending_with_its_credit_leaves_the_story_however_long(line, credit):
    first, rest = STORY.split("\n\n", 1)
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{line}\n\n{rest}"))
    assert article.text == STORY.strip()
    assert [image.credit for image in article.images] == [credit]


def test_a_caption_whose_credit_is_printed_on_the_lines_under_it_goes_with_it():
    """innerText breaks "Locals gather at the vigil (Image: Getty Images)" after the
    bracket and after the label: three lines, one caption and its credit."""
    first, rest = STORY.split("\n\n", 1)
    split = "Engineers inspect the cracked supports of the river bridge (\nImage:\nGetty Images)"
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{split}\n\n{rest}"))
    assert article.text == STORY.strip()
    assert [(image.caption, image.credit) for image in article.images] == [
        ("Engineers inspect the cracked supports of the river bridge", "Image: Getty Images")
    ]


def test_a_bracket_naming_a_photo_is_not_a_credit():
    line = "Tap and hold the shutter button to record a video (in Photo mode) without switching."
    slashed = "The minister met the mayor and the council's leader last week (and/or his aide)"
    note = "Der Text geht unter dem Bild weiter. (Text geht weiter unter dem Foto.)"
    first, rest = STORY.split("\n\n", 1)
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{line}\n\n{rest}"))
    assert line in article.text and article.images == []
    for text in (note, slashed):
        article = normalize(capture("River bridge shut\n", f"{first}\n\n{text}\n\n{rest}"))
        assert article.images == []


def test_a_headline_with_a_picture_word_before_a_colon_is_still_a_headline():
    head = "Erstes Bild: So könnte die neue Brücke über den Fluss aussehen\nVon Jan Müller\n"
    title = normalize(capture(head)).title
    assert title == "Erstes Bild: So könnte die neue Brücke über den Fluss aussehen"


COMMENTS = (
    "8 COMMENTS\n"
    "jsmith December 21, 2025 at 1:24 pm\n"
    "The bridge has needed work for years and everyone in town has known it, so why wait?\n"
    "Reply\n"
    "riverwatcher December 22, 2025 at 9:32 am\n"
    "My shop is on the far side of the river and I expect we will lose half our trade.\n"
)


def test_a_comment_count_after_the_story_ends_it():
    article = normalize(capture("River bridge shut\n", f"{STORY}Previous article\n{COMMENTS}"))
    assert article.text == STORY.strip()


def test_a_comment_count_beside_the_byline_ends_nothing():
    standfirst = (
        "Engineers found cracks in two of the bridge's supports during a routine survey in "
        "the spring, and the council says the repairs cannot wait until next year because "
        "the river rises in the autumn and the work must be done from the water."
    )
    head = f"River bridge shut\n{standfirst}\nBy Sarah Whitfield on December 20, 2025 at 9:05AM\n"
    article = normalize(capture(f"{head}7 Comments\n", STORY))
    assert article.text.endswith(STORY.strip())


def test_teasers_comments_and_footer_leave_the_body():
    article = normalize(capture("River bridge to close for six months of repairs\n"))
    for furniture in ("Most viewed", "Storm warning", "Comments", "©", "Privacy", "Facebook"):
        assert furniture not in article.text


def test_a_labelled_teaser_inside_the_story_leaves_it():
    first, rest = STORY.split("\n\n", 1)
    story = f"{first}\n\nRead more: Town centre traffic plan unveiled\n\n{rest}"
    article = normalize(capture("River bridge to close for six months of repairs\n", story))
    assert "Read more" not in article.text
    assert "temporary footbridge" in article.text


def test_a_capture_of_navigation_only_is_an_error_saying_so():
    with pytest.raises(NormalizeError, match="no article text found") as caught:
        normalize(NAV + FOOTER)
    assert caught.value.stage == "noise"


def test_a_capture_in_another_script_keeps_its_article():
    story = (
        "東京都は火曜日、老朽化した橋の補修工事のため、川に架かる橋を半年間通行止めにすると発表した。\n"
        "技術者が二本の支柱にひびを見つけたことが理由だという。\n"
    )
    article = normalize(f"{NAV}川の橋、補修で半年間通行止めに\n{story}{FOOTER}")
    assert article.title == "川の橋、補修で半年間通行止めに"
    assert "老朽化" in article.text and "Most viewed" not in article.text


def test_with_its_address_the_slug_confirms_the_headline():
    head = "Storm warning issued for the coast tonight\nRiver bridge to close for repairs\n"
    url = "https://courier.example/local/river-bridge-to-close-for-repairs"
    assert normalize(capture(head), url=url).title == "River bridge to close for repairs"


def test_a_hard_wrapped_capture_reads_as_the_same_article():
    wrapped = "\n".join(
        textwrap.fill(paragraph, width=72) + "\n" for paragraph in STORY.strip().split("\n\n")
    )
    head = "   * Home\n   * News\n   * Sport\n\nRiver bridge to close for six months of repairs\n\n"
    article = normalize(head + "By Sarah Whitfield\n\n" + wrapped)
    assert article.title == "River bridge to close for six months of repairs"
    assert article.authors == ["Sarah Whitfield"]
    assert article.text == "\n\n".join(STORY.strip().split("\n\n"))


def test_teaser_headlines_set_in_headline_case_are_not_the_story():
    teasers = (
        "Why Did the Council Wait So Long to Close the Bridge?\n"
        "Shops Fear the Worst as Repairs Begin on the Only Crossing...\n"
        "Is This the End of the Town's Busiest Road?\n"
        "Engineers Warn Other Bridges May Need Urgent Repairs Too!\n"
    )
    head = "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    article = normalize(capture(teasers + "LOCAL\n" + head))
    assert article.title == "River bridge to close for six months of repairs"
    assert article.text.startswith("The council voted on Tuesday")


@pytest.mark.parametrize(
    ("line", "headline_case"),
    [
        ("Is This the End of the Town's Busiest Road?", True),
        ("Shops Fear the Worst as Repairs Begin...", True),
        ("The council voted on Tuesday to close the bridge.", False),
        ("Die Polizei nimmt den Verdächtigen in Berlin fest.", False),
        ("He Said No.", False),  # too few longer words to tell
    ],
)
def test_headline_case_is_told_from_a_sentence(line, headline_case):
    assert lines.headline_case(line) is headline_case


def test_crumbs_glued_to_the_headline_go_and_a_brands_capitals_stay():
    head = "HomeLocalTransportRiver bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    assert normalize(capture(head)).title == "River bridge to close for six months of repairs"
    brands = "YouTube and PlayStation fans mourn the river bridge"
    assert normalize(capture(f"{brands}\nBy Sarah Whitfield\n")).title == brands


def test_a_breadcrumb_glued_after_a_teaser_is_not_the_title_over_the_headline():
    headline = "Life before the repairs: the river bridge and its town by the numbers"
    head = f"Who Crosses the River Bridge?Local ReportNewsHome\n{headline}\nBy Sarah Whitfield\n"
    assert normalize(capture(head)).title == headline


VIDEO_TITLE = "Council shows reporters the cracks found in the river bridge supports"


@pytest.mark.parametrize(
    "head",
    [
        f"{{headline}}\nEngineers found cracks in two supports\n01:53\n{VIDEO_TITLE}\n",
        f"AUDIO: Seltenes Ereignis: {VIDEO_TITLE} (1 Min)\n{{headline}}\n",
    ],
)
def test_a_videos_title_by_its_running_time_is_not_the_headline(head):
    headline = "Council closes the old river bridge for six months of urgent repairs"
    printed = head.format(headline=headline) + "Stand: 14.03.2026 16:11 Uhr\n"
    assert normalize(capture(printed)).title == headline


def test_a_quoted_deck_shorter_than_its_headline_is_not_the_headline():
    headline = "Bridge watch: the old crossing over the river closes for six months of repairs"
    deck = '"The engineers found cracks in two of the supports of the river bridge."'
    head = f"Our weekly look at transport —\n{headline}\n{deck}\n"
    byline = "Sarah Whitfield - Mar 14, 2026 1:00 pm UTC\n"
    assert normalize(capture(head + byline)).title == headline


def test_a_deck_in_parts_is_not_the_headline_and_the_name_over_the_story_is_the_byline():
    head = (
        "River bridge to close\nRiver bridge to close\nTransport\n"
        "…as shops fear losing customers during six months of repairs\n"
        "…council says it had no choice once the survey came back\n"
        "…and a footbridge will open next week\nSarah Whitfield\n"
    )
    article = normalize(capture(head))
    assert article.title == "River bridge to close"
    assert article.authors == ["Sarah Whitfield"]


def test_a_box_of_offers_under_a_byline_inside_the_story_leaves_it():
    first, second, rest = STORY.split("\n\n", 2)
    offers = "Where to buy\nRiver Bridge Souvenir Mug\n$12\nBuy at Amazon Buy at Walmart\n"
    byline = "By Sarah Whitfield on March 14, 2026 at 9:05AM"
    story = f"{first}\n\n{second}\n\n{byline}\n{offers}\n{rest}"
    article = normalize(capture("River bridge to close for six months of repairs\n", story))
    assert "Where to buy" not in article.text and "Souvenir Mug" not in article.text
    assert "shops said they feared" in article.text


LAST_PARAGRAPH = "Work on the two cracked supports will begin on Monday, the engineers said."
BOX = "Most popular\nStorm warning for the coast\nSchool wins national prize\nNew mayor sworn in\n"


@pytest.mark.parametrize("boxes", [1, 3])
def test_a_closing_heading_printed_between_paragraphs_again_and_again_heads_boxes(boxes):
    """A "Most popular" box printed after every few paragraphs is no end of the story;
    printed once, or in the menu above it however often, the heading ends it."""
    paragraphs = [*STORY.strip().split("\n\n"), LAST_PARAGRAPH]
    between = [BOX if boxes == 3 else "", BOX, BOX if boxes == 3 else ""]
    parts = paragraphs[:2]
    for box, paragraph in zip(between, paragraphs[2:], strict=True):
        parts += [box, paragraph]
    menu = "About us\n" * 3
    story = "\n".join(parts) + "\n"
    article = normalize(capture(menu + "River bridge to close\n", story, "About us\n"))
    kept = [p for p in paragraphs if p in article.text]
    assert kept == (paragraphs if boxes == 3 else paragraphs[:3])
    assert "Storm warning" not in article.text and "About us" not in article.text


WIDE_STORY = (  # paragraphs wider than any hard wrap: a browser's copy, read line by line
    "The council voted on Tuesday to close the river bridge for six months of repairs, after"
    " engineers found cracks in two of its supports during a survey that had been planned for"
    " years and was brought forward when drivers reported a new dip in the road surface.\n\n"
    "Traffic will be diverted through the town centre while the work goes on, and a temporary"
    " footbridge will open next week for people walking to the station, with marshals on hand"
    " at both ends during the morning and evening rush hours to keep the crowds moving.\n\n"
    "Local shops said they feared losing customers during the works, which are due to finish"
    " before the end of the summer, and asked the council to waive their business rates for"
    " the months the bridge stays shut, a request its leader promised to look at next month.\n"
)
HEADLINES = (  # a tabloid's: headline and summary in one line, twenty-five words or more
    "Pop duo's festive single tops the charts a record-breaking 39 years after it was kept off"
    " the top spot by a charity record that went on to sell millions\n"
    "Singer doing 'physical therapy every day' in hopes of a return to the stage next year amid"
    " the rare illness that forced her to cancel her world tour: 'She's a fighter'\n"
    "Actor's business empire made £2.1m last year before the video platform halted his ad"
    " revenue as police looked into claims made against him by three former colleagues\n"
    "Royal couple are set for a visit to Italy in the spring and could meet the Pope in the"
    " Vatican during a four-day tour that will also take in Rome, Florence and Milan\n"
    "Star's hunky co-star talks about putting his clothes back on after the scene everyone is"
    " talking about to promote their new romantic comedy: 'Thank God it's winter'\n"
    "The real reason the band's drummer quit weeks before their sold-out tour began is revealed"
    " by his former manager in a new book about the group's rise and fall\n"
)


def test_a_stack_of_headlines_is_a_teaser_list_however_long():
    """Headlines printed one under another with no blank line between them (a browser's
    copy of a list) and closing no sentence are other stories, even when the column of
    them holds more words than the story."""
    head = "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    footer = HEADLINES + "© 2026 The Daily Courier. All rights reserved.\n"
    assert len(HEADLINES.split()) > len(WIDE_STORY.split())
    article = normalize(capture(head, WIDE_STORY, footer))
    assert article.text == WIDE_STORY.strip()
    assert article.title == "River bridge to close for six months of repairs"


def test_a_storys_own_stacked_lines_stay():
    """Lines one under another that close sentences (a capture with no blank lines at all)
    or go on ("of which:", "…,"): the story's paragraphs and its list."""
    stacked = WIDE_STORY.replace("\n\n", "\n")
    listing = (
        "The quota is shared out among three groups of importers, of which:\n"
        "16 million kilograms go to importers from the European Union under the treaty,\n"
        "4 million kilograms go to importers from the United States and from Mexico,\n"
        "20 million kilograms go to importers from every other country in the world;\n"
        "and the rest is held back for the importers who did not use their share last year.\n"
    )
    article = normalize(capture("River bridge to close\n", stacked + "\n" + listing))
    assert article.text == "\n\n".join((stacked + listing).strip().split("\n"))


CARDS = (  # "more from the site": headline, the sentence under it, the author, card after card
    "Harbour wall to be rebuilt after winter storms\n\n"
    "The council has set aside two million pounds to rebuild the harbour wall, which was"
    " breached twice in January and has kept the fishing fleet in port for weeks since.\n\n"
    "Anna Berg\n\n"
    "School wins national prize for its science garden\n\n"
    "Pupils spent three years turning a car park into a garden where they grow food for the"
    " canteen and study the insects that live there, and the judges called it a model.\n\n"
    "Tom Hale\n\n"
    "Night buses return to the valley after two years\n\n"
    "The operator says new drivers have been found for the routes it cut during the pandemic,"
    " and buses will run every hour from midnight until five in the morning from March.\n\n"
    "Anna Berg\n\n"
)


def test_cards_of_other_stories_leave_the_body_however_long_their_sentences():
    """A headline, the sentence under it and a short line (author, date, kicker) printed
    card after card are other stories, though each card's sentence reads as prose."""
    head = "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    article = normalize(capture(head, WIDE_STORY + "\n", CARDS + FOOTER))
    assert article.text == WIDE_STORY.strip()


KICKER_CARDS = (  # date, topic, kicker, headline, summary, button: a law site's cards
    "20.10.2025\nSchulen\nVGH zur Grundschulempfehlung in Baden-Württemberg:\n"
    "Nicht jedes Kind kann aufs Gymnasium gehen\n"
    "Seit diesem Jahr entscheiden nicht mehr nur die Eltern über die Schule, sondern auch die"
    " Empfehlung der Grundschule, und dagegen hatten mehrere Familien geklagt.\nArtikel lesen\n"
    "17.10.2025\nBürgergeld\nSanktionen und Leistungskürzungen:\n"
    "Verstößt die neue Grundsicherung gegen die Menschenwürde?\n"
    "Die Koalition hat sich auf eine Reform geeinigt, die Menschen schneller in Arbeit bringen"
    " soll, und Fachleute streiten darüber, was das Grundgesetz dazu sagt.\nArtikel lesen\n"
    "15.10.2025\nDrohnen\nDrohnen über dem Bündnisgebiet:\nWann dürfen Staaten sie abschießen?\n"
    "Mutmaßlich russische Drohnen fliegen durch fremden Luftraum, und das Völkerrecht gibt auf"
    " die Frage, was ein Staat dagegen tun darf, keine einfache Antwort.\nArtikel lesen\n"
)
DATED_CARDS = (  # a title long or short, its sentence, the author glued to the date
    "Harbour wall rebuilt\n"
    "The council has set aside two million pounds to rebuild the harbour wall this year.\n"
    "Anna BergJan. 25, 2026\n"
    "School wins a national prize for its science garden\n"
    "Pupils spent three years turning a car park into a garden where they grow food.\n"
    "Tom HaleJan. 24, 2026\n"
    "Night buses return\n"
    "The operator says new drivers have been found for the routes it cut two years ago.\n"
    "Jo LindJan. 23, 2026\n"
)


@pytest.mark.parametrize("cards", [KICKER_CARDS, DATED_CARDS])
def test_cards_with_kickers_or_dated_bylines_leave_the_body(cards):
    head = "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    article = normalize(capture(head, WIDE_STORY + "\n", "Mehr zum Thema\n" + cards + FOOTER))
    assert article.text == WIDE_STORY.strip()


RANKED = (  # a story's own ranked list: its number, the item's name, a sentence on it
    "1.\n\nThe harbour wall and its two breaches\n\n"
    "The wall went twice in January, and the fishing fleet has been kept in port since.\n\n"
    "2.\n\nThe school and its science garden in the old car park\n\n"
    "Pupils grow food for the canteen there, and the judges called the garden a model.\n\n"
    "3.\n\nThe night buses and the drivers who came back to drive them\n\n"
    "Buses will run every hour from midnight until five in the morning from March on.\n"
)


def test_a_storys_ranked_list_is_no_cards():
    article = normalize(capture("River bridge to close\n", WIDE_STORY + "\n" + RANKED))
    assert "The night buses and the drivers who came back to drive them" in article.text
    assert "Buses will run every hour" in article.text


def test_a_label_printed_before_every_paragraph_makes_no_cards():
    """One label before each paragraph ("Article content") is the page's, not a card's:
    the paragraphs under it stay."""
    headlines = (
        "Cracks found in two supports",
        "Traffic goes through the town",
        "The leader speaks to reporters",
        "Shops fear the months of works",
    )
    paragraphs = STORY.strip().split("\n\n")
    story = "".join(
        f"Article content\n\n{headline}\n\n{paragraph}\n\n"
        for headline, paragraph in zip(headlines, paragraphs, strict=True)
    )
    article = normalize(capture("River bridge to close\n", story))
    for paragraph in paragraphs:
        assert paragraph in article.text


@pytest.mark.parametrize(
    "link",
    [
        "NEXT STORY: Harbour wall to be rebuilt after winter storms",
        "Previous articleHarbour wall to be rebuilt after winter storms",
        "Nächster Artikel: Hafenmauer wird nach den Winterstürmen neu gebaut",
    ],
)
def test_the_link_to_the_next_story_ends_the_story(link):
    """What follows the link to the next or previous story is the page's, prose or not (a
    cookie dialog's paragraphs)."""
    dialog = 2 * (
        "When you visit our website, we store cookies on your browser to collect information"
        " about you, your preferences or your device, mostly to make the site work as you"
        " expect it to and to give you a more personalised web experience, and you can choose"
        " not to allow some types of cookies, which may affect your experience of the site and"
        " of the services we are able to offer you when you come back to it another day.\n\n"
    )
    article = normalize(capture("River bridge shut\n", f"{STORY}{link}\n\n{dialog}"))
    assert article.text == STORY.strip()


NEXT_ARTICLE = (  # endless scrolling: the next story, whole, under the first
    "Harbour wall to be rebuilt\n\n"
    "Published 04.05.2026 - 12:10\n\n"
    "The council has set aside two million pounds to rebuild the harbour wall, which was"
    " breached twice in January and has kept the fishing fleet in port for weeks since then.\n\n"
    "Fishermen said the money came too late for the winter, when most of their catch is"
    " landed, and asked for the work to start before the autumn storms return to the coast.\n\n"
    "The council's leader said the contract would be signed in June and the wall finished by"
    " the end of the year, if the weather allowed the divers to work through the summer.\n\n"
)


def test_the_next_article_printed_under_the_story_ends_it():
    """A date line with the label of the head's own ("Published …") once the story has run
    on heads the next article."""
    head = "River bridge to close for six months\nPublished 04.05.2026 - 16:25\n"
    article = normalize(capture(head, f"{WIDE_STORY}\n{NEXT_ARTICLE}"))
    assert article.text == WIDE_STORY.strip()
    assert article.title == "River bridge to close for six months"


def test_dated_lines_of_the_storys_own_list_end_nothing():
    """ "Last fight: July 29" under every item of a ranking is the story's, not a head's."""
    items = "".join(
        f"{name}\n\nLast fight: July {day}, 2025\n\n{WIDE_STORY.split(chr(10) * 2)[i]}\n\n"
        for i, (name, day) in enumerate((("Anna Berg", 29), ("Tom Hale", 12), ("Jo Lind", 3)))
    )
    head = "The ten best boxers\nPublished 04.05.2026 - 16:25\n"
    article = normalize(capture(head, f"{STORY}\n{items}"))
    assert WIDE_STORY.split("\n\n")[2].strip() in article.text


@pytest.mark.parametrize("heading", ["Most read", "Recommended Videos"])
def test_a_most_read_box_between_the_storys_paragraphs_ends_nothing(heading):
    first, rest = WIDE_STORY.split("\n\n", 1)
    box = (  # a box of other stories, each with its section and byline
        f"{heading}\nWeather\nStorm warning for the coast\nBy Anna Berg\n"
        "Schools\nSchool wins national prize\nBy Tom Hale\n"
        "Transport\nNight buses return to the valley\nBy Jo Lind\n\n"
    )
    article = normalize(capture("River bridge shut\n", f"{STORY}\n{box}{WIDE_STORY}"))
    assert article.text.endswith(rest.strip()) and first in article.text
    assert "Storm warning" not in article.text and "Tom Hale" not in article.text


@pytest.mark.parametrize("heading", ["Most read", "Latest Videos"])
def test_a_most_read_list_with_a_sentence_under_each_headline_ends_the_story(heading):
    teasers = (
        f"{heading}\n\nStorm warning for the coast\n\n"
        "Forecasters expect winds of up to ninety miles an hour by Friday night.\n\n"
        "School wins national prize\n\n"
        "Pupils turned a car park into a garden where they grow food.\n\n"
    )
    article = normalize(capture("River bridge shut\n", f"{WIDE_STORY}\n{teasers}"))
    assert article.text == WIDE_STORY.strip()


def test_a_fact_box_inside_the_story_stays():
    """Short "label: value" lines under several labels (a ranking's entry) are the story's,
    though short lines in a row are most often teasers."""
    facts = (
        "1. Anna Berg, 31, welterweight champion\nRecord: 40-0, 31 KOs\n"
        "Last fight: July 29 - W, TKO9 vs. Jo Lind\nNext fight: TBA\nPrevious ranking: No. 2\n"
    )
    article = normalize(capture("The best boxers\n", f"{STORY}\n{facts}\n{WIDE_STORY}"))
    for fact in facts.splitlines()[1:]:
        assert fact in article.text
    assert article.text.startswith(STORY.split("\n\n")[0])


def test_kicker_headlines_are_no_fact_box():
    teasers = (
        "Champions League: Real Madrid keep their hopes of a second title alive\n"
        "Transfer news: United agree a fee for the Brazilian forward at last\n"
        "Weather: Storm warning for the coast as winds reach ninety miles an hour\n"
    )
    first, rest = WIDE_STORY.split("\n\n", 1)
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{teasers}\n{rest}"))
    assert "Real Madrid" not in article.text


def test_cards_of_one_day_with_summaries_cut_short_are_cards():
    """A day's cards share their date, and a card's summary is often cut off ("…")."""
    cards = "".join(
        f"{headline}\n{summary}…\n4 May\n"
        for headline, summary in (
            ("Harbour wall to be rebuilt after storms", "The council has set aside two million"),
            ("School wins national prize for its garden", "Pupils spent three years turning a"),
            ("Night buses return to the valley at last", "The operator says new drivers have"),
        )
    )
    head = "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    article = normalize(capture(head, WIDE_STORY + "\n", "More news\n" + cards + FOOTER))
    assert article.text == WIDE_STORY.strip()


def test_a_label_printed_between_every_paragraph_leaves_the_story():
    paragraphs = WIDE_STORY.strip().split("\n\n")
    story = "".join(f"{paragraph}\n\nArticle content\n\n" for paragraph in paragraphs)
    article = normalize(capture("River bridge to close\n", story + STORY))
    assert "Article content" not in article.text
    assert all(paragraph in article.text for paragraph in paragraphs)


def test_a_subheading_between_two_labels_is_the_storys():
    """ "Article content" above and under a subheading: the labels go, the subheading is
    no line of a teaser list."""
    paragraphs = WIDE_STORY.strip().split("\n\n")
    subheads = ["What the survey found", "How long the works will last", "Where to cross"]
    story = "".join(
        f"{paragraph}\n\nArticle content\n\n{subhead}\n\nArticle content\n\n"
        for paragraph, subhead in zip(paragraphs, subheads, strict=False)
    )
    article = normalize(capture("River bridge to close\n", story + STORY))
    assert "Article content" not in article.text
    assert all(subhead in article.text for subhead in subheads)


def test_a_shopping_lists_product_names_stay_and_its_prices_go():
    """A gift guide: each product's name over its paragraph, its prices and shop between
    them. The names are the story's subheadings, the prices and the shop are the box's."""
    products = [
        ("Harbour Town Silk Eye Mask", "A soft mask for the long nights after the works."),
        ("Riverside Ceramic Travel Mug", "It keeps coffee hot for the whole walk over."),
        ("Bridgewater Wool Walking Socks", "Warm, thick socks for the diversion on foot."),
    ]
    paragraphs = WIDE_STORY.strip().split("\n\n")
    story = (
        paragraphs[0]
        + "\n\n"
        + "".join(
            f"$99\n$36\nCourier Shop\n{name}\n{line} {paragraph}\n\n"
            for (name, line), paragraph in zip(products, paragraphs[1:] * 3, strict=False)
        )
    )
    article = normalize(capture("Gifts for the bridge walkers\n", story))
    assert all(name in article.text for name, _ in products)
    assert "$99" not in article.text and "Courier Shop" not in article.text


def test_the_short_lines_under_a_sentence_ending_with_a_colon_are_its_list():
    """ "The new bridge will have:" over its features: the story's list, however short its
    items; the same lead-in over headlines in title case is a box of other stories."""
    first, rest = WIDE_STORY.split("\n\n", 1)
    features = "Two lanes each way\nA cycle path on both sides\nLights powered by the river\n"
    lead = "The new bridge will have the following features:"
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{lead}\n{features}\n{rest}"))
    assert all(item in article.text for item in features.splitlines())
    teasers = (
        "Harbour Wall Will Be Rebuilt After Winter Storms\n"
        "Night Buses Return To The Valley At Last\n"
        "School Wins National Prize For Its Garden\n"
    )
    lead = "Read more of our coverage of the town:"
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{lead}\n{teasers}\n{rest}"))
    assert not any(headline in article.text for headline in teasers.splitlines())


def test_a_numbered_heading_over_a_photo_credit_is_no_caption():
    """ "1. Expect a cleaner to do the dishes" over "Jane Doe via Getty Images": the list's
    heading stays, the credit goes."""
    items = "".join(
        f"{n}. {heading}\n\nJane Doe via Getty Images\n\n{paragraph}\n\n"
        for n, heading, paragraph in zip(
            (1, 2, 3),
            ("Expect a cleaner to do the dishes", "Hover while they work", "Pay them late"),
            WIDE_STORY.strip().split("\n\n"),
            strict=True,
        )
    )
    article = normalize(capture("Things never to do\n", STORY + "\n" + items))
    assert "2. Hover while they work" in article.text
    assert "Getty Images" not in article.text


@pytest.mark.parametrize("credit", ["Jane Doe/Courier", "COURIER/Jane Doe", "Getty Images"])
def test_a_heading_over_a_photo_credit_with_a_blank_line_between_is_no_caption(credit):
    """ "HARBOUR WALL & RIVER BRIDGE", a blank line, the photo's credit: the heading of the
    story's next part; the credit goes, and so does a caption printed right over it."""
    paragraphs = WIDE_STORY.strip().split("\n\n")
    story = (
        f"{paragraphs[0]}\n\nHARBOUR WALL & RIVER BRIDGE\n\n{credit}\n\n{paragraphs[1]}\n\n"
        f"Engineers inspect the supports on Monday.\n{credit}\n\n{paragraphs[2]}\n"
    )
    article = normalize(capture("River bridge shut\n", story))
    assert "HARBOUR WALL & RIVER BRIDGE" in article.text
    assert credit not in article.text and "Engineers inspect" not in article.text


def test_two_writers_slashed_are_the_byline_not_a_photo_credit():
    head = "River bridge to close for six months of repairs\nSarah Whitfield/Tom Hale\n"
    assert normalize(capture(head)).authors == ["Sarah Whitfield", "Tom Hale"]


@pytest.mark.parametrize(
    "bio",
    [
        "Sarah Whitfield is a senior transport reporter for The Daily Courier. She has covered"
        " the town's roads and bridges since 2015.",
        "Sarah is a freelance writer covering transport and local politics in the north.",
        "Anna Berg ist Redakteurin im Ressort Lokales und schreibt über Verkehr.",
        "Sarah Whitfield is the Courier's Editor-in-Chief and has been reporting on the town"
        " for twenty years.",
        "Sarah Whitfield can be reached at swhitfield@courier.example.",
    ],
)
def test_the_authors_box_under_the_story_leaves_it(bio):
    article = normalize(capture("River bridge shut\n", f"{WIDE_STORY}\n{bio}\n\n"))
    assert article.text == WIDE_STORY.strip()


def test_a_sentence_about_a_journalist_in_the_story_stays():
    reporter = "Smith is a reporter, and he said he was not afraid of the police at all."
    first, rest = WIDE_STORY.split("\n\n", 1)
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{reporter}\n\n{rest}"))
    assert reporter in article.text
    line = (
        "Patricia Evangelista ist Journalistin, Reporterin, und hält sich für eine höchst"
        " pragmatische Zynikerin, was keine Koketterie zu sein scheint."
    )
    first, rest = WIDE_STORY.split("\n\n", 1)
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{line}\n\n{rest}"))
    assert line in article.text


@pytest.mark.parametrize(
    "label", ["Lesen Sie auch", "READ MORE:", "Related stories", "Czytaj więcej"]
)
def test_a_read_also_label_on_its_own_line_takes_the_headline_under_it(label):
    first, rest = WIDE_STORY.split("\n\n", 1)
    teaser = f"{label}\nHarbour wall to be rebuilt after the winter storms\n\n"
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{teaser}{rest}"))
    assert article.text == WIDE_STORY.strip()


def test_a_sentence_under_a_read_more_label_stays():
    """ "Read more" that opens the rest of a folded story: the sentence under it is the
    story's."""
    first, rest = WIDE_STORY.split("\n\n", 1)
    article = normalize(capture("River bridge shut\n", f"{first}\n\nRead more\n{rest}"))
    assert article.text.endswith(rest.strip())


def test_a_wire_storys_last_paragraph_credited_to_the_wire_stays():
    last = (
        "The council said the bridge would reopen before the end of the summer if the repairs"
        " went to plan, and that traffic would be diverted through the town centre until then,"
        " with marshals at both ends of the footbridge. (Reuters)"
    )
    article = normalize(capture("River bridge shut\n", f"{WIDE_STORY}\n{last}\n\n"))
    assert article.text.endswith(last)


def test_cards_with_buttons_and_counters_between_them_are_cards():
    """A top-ten box above the story: a counter, a headline, a kicker and a sentence per card;
    the counters are buttons and skipped."""
    cards = "".join(
        f"{n}\n{headline}\n{kicker}\n{sentence}\n"
        for n, headline, kicker, sentence in (
            (1, "Harbour Wall to Be Rebuilt", "STORM DAMAGE", "The wall was breached twice."),
            (2, "School Wins National Prize", "GREEN FINGERS", "Pupils grow food for lunch."),
            (3, "Night Buses Return to Valley", "LATE SHIFT", "New drivers have been found."),
            (4, "Market Hall Reopens at Last", "BACK IN BUSINESS", "Traders moved in on Monday."),
        )
    )
    head = f"TOP 10 RIGHT NOW\n{cards}River bridge to close for six months of repairs\n"
    article = normalize(capture(head, WIDE_STORY))
    assert article.text == WIDE_STORY.strip()


def test_a_cards_headline_may_be_a_question():
    cards = "".join(
        f"{kicker}\n\n{headline}\n\n{sentence}\n\n"
        for kicker, headline, sentence in (
            (
                "Harbour",
                "Will the harbour wall hold another winter?",
                "Engineers doubt it will hold out.",
            ),
            (
                "Schools",
                "Kurz vor den Ferien gewinnt die Schule den Preis",
                "Der Garten half ihr dabei sehr.",
            ),
            ("Transport", "Are the night buses back for good?", "The operator says they are back."),
            (
                "Markets",
                "Why did the market hall close for a year?",
                "Its roof leaked all through winter.",
            ),
        )
    )
    head = "River bridge to close for six months of repairs\nBy Sarah Whitfield\n"
    article = normalize(capture(head, WIDE_STORY + "\n", cards + FOOTER))
    assert article.text == WIDE_STORY.strip()


def test_an_ingredient_list_and_a_specs_table_inside_the_story_stay():
    ingredients = (
        "Ingredients\n1 (8-ounce) brick cream cheese, softened\n1⁄2 cup mayonnaise\n"
        "3 tablespoons kimchi brine\n2 teaspoons toasted sesame oil\n"
    )
    specs = (
        "Specs\nThe phone in numbers\nHeader Cell - Column 1\nDimensions: 159.9mm x 76.7mm\n"
        "Weight: 221g\nDisplay: 6.7-inch OLED\nStorage: 256GB, 512GB, 1TB\n"
        "Price and availability\nStarts at $1,199\nMore storage to start\nPrices\n"
    )
    for box in (ingredients, specs):
        article = normalize(capture("River bridge shut\n", f"{STORY}\n{box}\n{WIDE_STORY}"))
        kept = [line for line in box.splitlines() if line[0].isdigit() or ":" in line]
        assert all(line in article.text for line in kept)
        assert "Header Cell" not in article.text


def test_a_teaser_list_of_numbered_headlines_still_goes():
    teasers = (
        "3 key storylines ahead of the derby\n5 reasons the bridge closed\n"
        "10 best walks by the river\n7 ways to cross the town\n"
    )
    article = normalize(capture("River bridge shut\n", f"{STORY}\n{teasers}\n{WIDE_STORY}"))
    assert "key storylines" not in article.text


@pytest.mark.parametrize(
    "heading",
    ["Most read", "MOST POPULAR ARTICLES", "Most shared stories", "Latest Videos", "Latest news"],
)
def test_a_most_read_heading_is_a_closing_heading(heading):
    assert lines.line_of(heading).ends_article
    assert not lines.line_of("Most popular articles are about the bridge").ends_article


@pytest.mark.parametrize(
    "text",
    [
        "“The office shows that there is always more to do.” —David Galullo, Rapt Studio",
        "People in a room making things. – Jane Doe, founder of the Harbour Studio",
        "Die Polizei nahm dabei fünf Verdächtige fest. / ab",
        "Der Autor ist 2017 verstorben. (nz)",
        "Das sagte der Minister am Montag in Berlin. (dpa/lni)",
    ],
)
def test_a_paragraph_signed_by_its_speaker_or_writer_is_a_sentence(text):
    assert lines.line_of(text).sentence
    assert not lines.line_of("Bridge to close — what we know").sentence
    assert not lines.line_of("Engineers inspect the bridge's supports on Monday. (NPA)").sentence


@pytest.mark.parametrize(
    "rights",
    ["© The Courier - Rechte am Artikel können Sie hier erwerben.", "© RIPRODUZIONE RISERVATA"],
)
def test_the_rights_to_the_article_end_it(rights):
    teaser = (
        "Harbour wall\n:\nHow the town rebuilt its harbour wall after two winters of storms\n"
        "The council set aside two million pounds to rebuild the harbour wall, which was breached"
        " twice in January and kept the fishing fleet in port for weeks, and the works are done.\n"
    )
    article = normalize(capture("River bridge shut\n", f"{WIDE_STORY}\n{rights}\n{teaser}"))
    assert article.text == WIDE_STORY.strip()


def test_a_photos_copyright_ends_nothing():
    first, rest = WIDE_STORY.split("\n\n", 1)
    photo = "Engineers inspect the bridge on Monday.\n© Reuters"
    article = normalize(capture("River bridge shut\n", f"{first}\n\n{photo}\n\n{rest}"))
    assert article.text.startswith(first) and article.text.endswith(rest.strip())
