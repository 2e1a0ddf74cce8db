from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsnorm import normalize
from newsnorm.testing import assert_golden_case, load_golden_cases
from newsnorm_brecorder import parse_byline

CASES = Path(__file__).parent / "cases"
PKT = timezone(timedelta(hours=5))


@pytest.mark.parametrize("case", load_golden_cases(CASES), ids=str)
def test_golden_case(case):
    assert_golden_case(case)


@pytest.mark.parametrize(
    ("line", "names", "published", "updated"),
    [
        (
            "Reuters Published November 1, 2025 Updated November 1, 2025 03:34pm",
            "Reuters",
            date(2025, 11, 1),
            datetime(2025, 11, 1, 15, 34, tzinfo=PKT),
        ),
        (
            "Recorder Report Published January 9, 2024 10:05am",
            "Recorder Report",
            datetime(2024, 1, 9, 10, 5, tzinfo=PKT),
            None,
        ),
        ("Published March 3, 2025", "", date(2025, 3, 3), None),
    ],
)
def test_byline_formats(line, names, published, updated):
    printed = parse_byline(line)
    assert (printed.names, printed.published, printed.updated) == (names, published, updated)


@pytest.mark.parametrize("line", ["Published results were mixed.", "Reuters Published later"])
def test_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None


def test_recognised_by_url_whatever_the_content():
    article = normalize("Some headline\n\nSome text.", url="https://www.brecorder.com/news/1")
    assert article.outlet.name == "Business Recorder"


def test_not_claimed_without_its_signature():
    article = normalize("Some headline\n\nBy Jane Doe\n\nSome text of the story.")
    assert article.outlet.name is None


# A capture with the byline left open: another outlet's byline and date lines, as many
# outlets print them, or one of Business Recorder's own.
CAPTURE = """Politics
Council votes to keep ferry subsidy

{byline}
Share

Councillors voted on Monday night to keep the subsidy for the island ferry until 2031.

The motion passed by 31 votes to 9 after a three-hour debate.
"""


@pytest.mark.parametrize(
    "byline",
    [
        "By Sarah Whitfield, Political Correspondent\nPublished 14 March 2026, 09:12 GMT",
        "Published December 22, 2023",
        "Published Dec. 21, 2023 5:02 p.m. ET",
        "By Jean Levasseur | Published Oct 27, 2023 1:03 PM EDT",
        "Reuters | Published November 1, 2025",
        "Reuters Published Nov 1, 2025 3:34 PM",
    ],
)
def test_a_published_line_of_another_outlet_is_not_claimed(byline):
    assert normalize(CAPTURE.format(byline=byline)).outlet.name is None


@pytest.mark.parametrize(
    "signature",
    [
        "Tahir Amin | Muhammad Ali Published March 3, 2026",  # the site's own byline layout
        "Recorder Report Published 03 Mar, 2026",  # a staff byline, in any date form
        "BR Research Published 3 March 2026",
    ],
)
def test_claimed_by_its_own_byline(signature):
    article = normalize(CAPTURE.format(byline=signature))
    assert article.outlet.name == "Business Recorder"
    assert article.published == date(2026, 3, 3)


def test_claimed_by_its_copyright_line_alone():
    capture = "A headline here\n\nSome text of the story.\nCopyright Business Recorder, 2026\n"
    assert normalize(capture).outlet.name == "Business Recorder"
