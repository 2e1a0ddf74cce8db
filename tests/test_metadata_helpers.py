"""Dates, bylines, datelines and line shapes: the helpers outlet rules are built from."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newsnorm import normalize
from newsnorm.text.dates import parse_moment
from newsnorm.text.patterns import is_headline_shaped, split_caption_credit
from newsnorm.text.people import split_byline


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("2nd November 2025", None, date(2025, 11, 2)),
        (
            "November 1, 2025 03:34pm",
            "Asia/Karachi",
            datetime(2025, 11, 1, 15, 34, tzinfo=timezone(timedelta(hours=5))),
        ),
        ("November 1, 2025 03:34pm", None, date(2025, 11, 1)),  # no offset is invented
        ("2025-11-01T10:00:00Z", "Asia/Karachi", datetime(2025, 11, 1, 10, tzinfo=UTC)),
        ("November 2025", None, None),  # no day: not a date
        ("Nov 1, 2025 10:00 EST", "Asia/Karachi", date(2025, 11, 1)),  # unknown zone name
        ("1 November", None, None),  # no year
        ("not a date", None, None),
    ],
)
def test_parse_moment_keeps_real_precision(text, zone, expected):
    assert parse_moment(text, timezone=zone) == expected


@pytest.mark.parametrize(
    ("byline", "authors", "agencies"),
    [
        ("Reuters", [], ["Reuters"]),
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], []),
        ("News Mania Desk / Piyal Chatterjee", ["Piyal Chatterjee"], []),
        ("Recorder Report", [], []),
        ("AFP | Associated Press", [], ["AFP", "Associated Press"]),  # as printed
        ("Von Anna Müller und Jörg Weiß, dpa", ["Anna Müller", "Jörg Weiß"], ["dpa"]),
        ("Par Jeanne Dupont et Luc Martin", ["Jeanne Dupont", "Luc Martin"], []),
        ("Por José Pérez y María Gómez", ["José Pérez", "María Gómez"], []),
        ("Di Mario Rossi e Anna Bianchi", ["Mario Rossi", "Anna Bianchi"], []),
        ("Av Kari Nordmann og Ola Hansen", ["Kari Nordmann", "Ola Hansen"], []),
        ("Door Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"], []),
        ("Autor: Jan Novák a Petr Svoboda", ["Jan Novák", "Petr Svoboda"], []),
        ("Text: Anna Berg, Fotos: Paul Kern", ["Anna Berg"], []),
        ("Autor： Jan Nowak", ["Jan Nowak"], []),  # a full-width colon
        ("作者：张三　来源：新华社", ["张三"], []),  # Chinese: author, then source
        ("文／山田太郎 写真：佐藤花子", ["山田太郎"], []),  # Japanese: text, then photo
        ("記者：王小明", ["王小明"], []),
        ("Jane Doe (dpa)", ["Jane Doe"], ["dpa"]),
        ("APA/dpa", [], ["APA", "dpa"]),
        ("Keystone-SDA", [], ["Keystone-SDA"]),
        ("von APA", [], ["APA"]),
        ("By JOHN O'CONNOR Associated Press", ["John O'Connor"], ["Associated Press"]),
        ("Associated Press, AP", [], ["Associated Press"]),  # one service, spelt twice
        ("Lauren Manaker MS", ["Lauren Manaker"], []),
        ("Per-Erik Ofstad", ["Per-Erik Ofstad"], []),  # a name, not the Italian "per"
        ("Di Maio", ["Di Maio"], []),  # a surname, not the Italian "di"
        ("Redaktion Tagesblatt", [], []),
        ("구현모 기자", ["구현모"], []),  # Korean: the name, then "reporter"
        ("Андрей Колесников", ["Андрей Колесников"], []),
        ("この記事の筆者", [], []),  # "the writer of this article": a phrase, not a name
        ("Ali Khan (Islamabad), APP", ["Ali Khan"], ["APP"]),
        ("Ikram ul Haq | Huzaima Bukhari", ["Ikram ul Haq", "Huzaima Bukhari"], []),
    ],
)
def test_split_byline_separates_people_and_agencies(byline, authors, agencies):
    assert split_byline(byline) == (authors, agencies)


@pytest.mark.parametrize(
    ("first_paragraph", "dateline", "text", "agencies"),
    [
        ("SEOUL: Leaders met on Saturday.", "SEOUL", "Leaders met on Saturday.", []),
        ("NEW DELHI, Nov 3: Rain fell.", "NEW DELHI", "Rain fell.", []),
        ("LONDON (Reuters) - Prices rose.", "LONDON", "Prices rose.", ["Reuters"]),
        ("UPDATE: Prices rose again.", None, "UPDATE: Prices rose again.", []),
        ("Officials said: prices rose.", None, "Officials said: prices rose.", []),
    ],
)
def test_datelines(first_paragraph, dateline, text, agencies):
    article = normalize(f"A headline of the story\n\n{first_paragraph}\n")
    assert (article.dateline, article.text, article.agencies) == (dateline, text, agencies)


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("Rupee gains against US dollar", True),
        ("$7bn EFF: IMF stresses need for broadening tax base", True),
        ("‘We are confident’: minister on targets", True),
        ("The minister said the targets would be met.", False),
        ("“We will meet them,” he said.”", False),
        ("(Reporting by Jane Doe; Editing by John Smith)", False),
        ("Done", False),
    ],
)
def test_headline_shape(line, shaped):
    assert is_headline_shaped(line) is shaped


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Leaders pose in Gyeongju, October 31, 2025. Reuters",
            "Leaders pose in Gyeongju, October 31, 2025.",
            "Reuters",
        ),
        ("A picker in a field. Photo: Online", "A picker in a field.", "Online"),
        ("A paragraph that ends normally.", "A paragraph that ends normally.", None),
    ],
)
def test_caption_and_credit(line, caption, credit):
    assert split_caption_credit(line) == (caption, credit)
