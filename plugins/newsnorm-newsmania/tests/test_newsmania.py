from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsnorm import normalize
from newsnorm.testing import assert_golden_case, load_golden_cases
from newsnorm_newsmania import parse_byline

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", load_golden_cases(CASES), ids=str)
def test_golden_case(case):
    assert_golden_case(case)


@pytest.mark.parametrize(
    ("line", "names", "published", "updated"),
    [
        (
            "News Mania Desk / Piyal Chatterjee / 2nd November 2025",
            "News Mania Desk / Piyal Chatterjee",
            date(2025, 11, 2),
            None,
        ),
        (
            "Sayantani Roy / 1st January 2026 / 2 minutes read",
            "Sayantani Roy",
            date(2026, 1, 1),
            None,
        ),
        (
            "News Mania Desk / 3rd May 2025 / Last Updated: 4th May 2025",
            "News Mania Desk",
            date(2025, 5, 3),
            date(2025, 5, 4),
        ),
    ],
)
def test_byline_formats(line, names, published, updated):
    printed = parse_byline(line)
    assert (printed.names, printed.published, printed.updated) == (names, published, updated)


@pytest.mark.parametrize("line", ["Home / World / Asia", "Piyal Chatterjee"])
def test_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None


def test_recognised_by_url_on_a_newsmania_host():
    article = normalize("A headline\n\nSome text.", url="https://www.newsmania.in/world/story")
    assert article.outlet.name == "News Mania"


def test_a_slash_byline_alone_is_not_enough():
    capture = "A headline here\n\nJane Doe / 2nd November 2025\n\nSome text of the story."
    assert normalize(capture).outlet.name is None


# A WordPress news site's capture: the same theme's slash byline, reading time and footer.
WORDPRESS_CAPTURE = """Business

Rupee Ends Flat as Importers Buy Dollars

{byline} / 4th November 2025 / 2 minutes read

The rupee ended almost unchanged against the US dollar on Tuesday, dealers said.

Related Articles

Sensex Snaps Three-Day Winning Streak

Leave a Reply

Your email address will not be published. Required fields are marked *

Back to top button
{footer}
"""


def test_a_slash_byline_and_the_comment_footer_are_not_enough():
    capture = WORDPRESS_CAPTURE.format(byline="Ritika Sen", footer="© 2025 Deccan Daybreak")
    article = normalize(capture)
    assert "newsmania" not in [plugin.name for plugin in article.provenance.plugins]
    assert article.outlet.name == "Deccan Daybreak"  # the site it prints, not News Mania


@pytest.mark.parametrize(
    ("byline", "footer"),
    [
        ("News Mania Desk / Ritika Sen", "© 2025 Deccan Daybreak"),  # the desk byline
        ("Ritika Sen", "Copyright © 2025 News Mania. All rights reserved."),
    ],
)
def test_claimed_when_it_names_itself(byline, footer):
    article = normalize(WORDPRESS_CAPTURE.format(byline=byline, footer=footer))
    assert article.outlet.name == "News Mania"
    assert article.published == date(2025, 11, 4)
