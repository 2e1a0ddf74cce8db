"""Hard-wrapped captures (text browsers' dumps, e-mail) back to one line per block; captures
that are not wrapped come back as they are."""

from __future__ import annotations

import textwrap
import time
import unicodedata

import pytest
from helpers import shared_path

from newsnorm.capture.wrapping import logical_lines, wrap_width

# `lynx -dump -width=72` of a small page (paragraphs indented by three, bullets with a
# hanging indent, "[N]" before each link and the links listed at the end).
LYNX = """\
                           Storm closes ports

   Ports along the northern coast closed on Monday as the storm
   came ashore, and the harbour masters of three towns said that
   no ship would leave before Wednesday.

   The [1]weather service warned of gusts of well over a hundred
   kilometres an hour along the coast and of flooding in the
   low-lying districts near the river mouth.

What closed

     * The ferry to the islands, which carries some two thousand
       passengers on a normal weekday in winter.
     * The container terminal.
     * Two of the three fishing harbours, whose boats were brought
       inside the breakwater on Sunday night.

   Shipping is expected to resume later this week, the [2]ministry
   said.

References

   1. https://example.com/weather
   2. https://example.com/ministry
"""


def test_a_lynx_dump_gives_one_line_a_block_without_its_link_markers():
    assert logical_lines(LYNX) == [
        "                           Storm closes ports",
        "",
        "   Ports along the northern coast closed on Monday as the storm came ashore, and the"
        " harbour masters of three towns said that no ship would leave before Wednesday.",
        "",
        "   The weather service warned of gusts of well over a hundred kilometres an hour"
        " along the coast and of flooding in the low-lying districts near the river mouth.",
        "",
        "What closed",
        "",
        "     * The ferry to the islands, which carries some two thousand passengers on a"
        " normal weekday in winter.",
        "     * The container terminal.",
        "     * Two of the three fishing harbours, whose boats were brought inside the"
        " breakwater on Sunday night.",
        "",
        "   Shipping is expected to resume later this week, the ministry said.",
        "",
        "References",
        "",
        "   1. https://example.com/weather",
        "   2. https://example.com/ministry",
    ]


def test_link_markers_stay_without_the_list_of_links():
    dump = LYNX[: LYNX.index("References")]
    blocks = logical_lines(dump)
    assert "   The [1]weather service warned of gusts" in blocks[4]
    assert blocks[-1] == ""  # the blank line before where the list was


EMAIL = """\
Hi all,

The board met on Tuesday and agreed to move the annual meeting
from March to the second week of April, so that the auditors have
time to finish their report on the harbour accounts.

> Will the meeting still be held in the town hall, or has the
> venue changed as well? Several members asked about parking.

It will be in the town hall, as every year. Please send your
questions for the agenda to the secretary by Friday.

Best regards,
Anna
"""


def test_an_e_mail_wrapped_at_66_columns():
    # any width from its longest line up to where the next words would have fitted
    assert 65 <= wrap_width(EMAIL) <= 66
    assert logical_lines(EMAIL) == [
        "Hi all,",
        "",
        "The board met on Tuesday and agreed to move the annual meeting from March to the"
        " second week of April, so that the auditors have time to finish their report on the"
        " harbour accounts.",
        "",
        "> Will the meeting still be held in the town hall, or has the venue changed as well?"
        " Several members asked about parking.",
        "",
        "It will be in the town hall, as every year. Please send your questions for the agenda"
        " to the secretary by Friday.",
        "",
        "Best regards,",
        "Anna",
    ]


# A browser's select-all copy: one line a block, however long, short lines among them.
BROWSER_COPY = """\
Home\t\x20
World
Business
Storm closes ports
By Jane Doe, March 3, 2025\x20\x20
Ports along the northern coast closed on Monday as the storm came ashore, and the harbour \
masters of three towns said that no ship would leave before Wednesday.
The weather service warned of gusts of well over a hundred kilometres an hour.
Shipping is expected to resume later this week, the ministry said, once the harbour \
masters have inspected the breakwaters and the channels have been cleared of debris.
Share this article
Most read
Harbour masters inspect the breakwaters after the storm
"""


def test_a_browser_copy_comes_back_as_it_is_but_trailing_spaces():
    assert wrap_width(BROWSER_COPY) is None
    assert logical_lines(BROWSER_COPY) == [line.rstrip() for line in BROWSER_COPY.splitlines()]


def test_no_browser_capture_of_the_shared_corpus_is_taken_as_wrapped():
    captures = sorted((shared_path() / "corpora" / "captures" / "text").glob("*.txt"))
    assert len(captures) > 600
    wrapped = [path.name for path in captures if wrap_width(path.read_text("utf-8"))]
    assert wrapped == []


# `w3m -dump`: bullets with a hanging indent, numbers before numbered items.
W3M_LISTS = """\
Advice for residents:

  • Stay away from the sea front and the piers until the warning has been
    lifted by the authorities.
  • Keep to the roads that the police have kept open.
  • Check on neighbours who live alone, especially the elderly and those
    without a telephone.

 1. Move cars and bicycles away from the quays and the low-lying streets
    near the river mouth.
 2. Bring in garden furniture.
 3. Keep a torch, water and a radio at hand in case the power fails for
    more than a few hours.
"""


def test_bullets_and_numbered_items_keep_their_markers_and_join_their_lines():
    assert logical_lines(W3M_LISTS) == [
        "Advice for residents:",
        "",
        "  • Stay away from the sea front and the piers until the warning has been lifted by"
        " the authorities.",
        "  • Keep to the roads that the police have kept open.",
        "  • Check on neighbours who live alone, especially the elderly and those without a"
        " telephone.",
        "",
        " 1. Move cars and bicycles away from the quays and the low-lying streets near the"
        " river mouth.",
        " 2. Bring in garden furniture.",
        " 3. Keep a torch, water and a radio at hand in case the power fails for more than a"
        " few hours.",
    ]


def test_flat_list_items_are_never_joined_but_a_dash_inside_a_paragraph_is():
    text = (
        "- The ferry to the islands, which carries some two thousand\n"
        "- The container terminal and the two fishing harbours nearby\n"
        "- The marina, whose boats were brought inside the breakwater\n"
        "\n"
        "The port stayed closed for two full days while the big storm\n"
        "- which had not been seen since the winter of 1987 - passed\n"
        "over the town, and the ferries stayed in the harbour until\n"
        "the wind dropped on Thursday.\n"
    )
    assert wrap_width(text) == 60
    assert logical_lines(text) == [
        *text.splitlines()[:4],
        "The port stayed closed for two full days while the big storm - which had not been"
        " seen since the winter of 1987 - passed over the town, and the ferries stayed in the"
        " harbour until the wind dropped on Thursday.",
    ]


def test_a_numbered_list_under_a_full_line_ending_in_a_colon():
    text = (
        "After the storm, the harbour masters asked every owner of a boat moored\n"
        "in the marina to do three things before the end of the week, namely:\n"
        "1. Check the mooring lines of the boat and replace those that are worn\n"
        "2. Report any damage to the harbour office, in person or by telephone\n"
        "3. Keep the pontoons clear of gear, so that the inspectors can pass\n"
    )
    assert logical_lines(text) == [
        "After the storm, the harbour masters asked every owner of a boat moored in the"
        " marina to do three things before the end of the week, namely:",
        "1. Check the mooring lines of the boat and replace those that are worn",
        "2. Report any damage to the harbour office, in person or by telephone",
        "3. Keep the pontoons clear of gear, so that the inspectors can pass",
    ]


def test_a_short_headline_over_a_wrapped_paragraph_stays_its_own_block():
    paragraph = (
        "Ports along the northern coast closed on Monday as the storm came ashore, and the"
        " harbour masters of three towns said that no ship would leave before Wednesday,"
        " when the wind is expected to drop and the breakwaters have been inspected by the"
        " engineers of the port authority."
    )
    text = "Storm closes ports\n" + textwrap.fill(paragraph, 72) + "\n"
    assert logical_lines(text) == ["Storm closes ports", paragraph]


def test_a_caption_after_a_full_line_that_ends_a_sentence_stands_alone():
    text = (
        "Ports along the northern coast closed on Monday as the storm came\n"
        "ashore. The harbour masters of three towns said that no ship would\n"
        "leave before Wednesday, when the wind is expected to drop at last.\n"
        "Photograph: Reuters\n"
    )
    lines = text.splitlines()
    assert len(lines[2]) + len(" Photograph:") > wrap_width(text)  # full before it
    assert logical_lines(text) == [" ".join(lines[:3]), "Photograph: Reuters"]


# `w3m -dump -cols 60` of a Japanese page: lines of 29 wide characters, 58 columns.
JAPANESE = """\
台風で港が閉鎖

北部の沿岸に台風が上陸し、月曜日に各地の港が閉鎖された。三
つの町の港湾当局は、水曜日までは船を出さないと発表した。気
象庁は沿岸部で非常に強い風が吹くおそれがあるとして、河口近
くの低い地域に浸水への警戒を呼びかけている。

海運は今週後半に再開される見通しだと国土交通省は述べた。
"""


def test_cjk_lines_join_without_spaces():
    assert wrap_width(JAPANESE) == 58
    assert logical_lines(JAPANESE) == [
        "台風で港が閉鎖",
        "",
        "北部の沿岸に台風が上陸し、月曜日に各地の港が閉鎖された。三つの町の港湾当局は、"
        "水曜日までは船を出さないと発表した。気象庁は沿岸部で非常に強い風が吹くおそれが"
        "あるとして、河口近くの低い地域に浸水への警戒を呼びかけている。",
        "",
        "海運は今週後半に再開される見通しだと国土交通省は述べた。",
    ]


def kinsoku_wrapped(text: str, characters: int) -> list[str]:
    """`text` in lines of `characters` wide characters, as a CJK wrapper makes them: a
    comma or a full stop may not start a line, so the character before it goes down too."""
    lines, at = [], 0
    while at < len(text):
        end = min(at + characters, len(text))
        if end < len(text) and text[end] in "、。":
            end -= 1
        lines.append(text[at:end])
        at = end
    return lines


def test_cjk_lines_a_character_short_still_join():
    paragraph = logical_lines(JAPANESE)[2]
    lines = kinsoku_wrapped(paragraph, 19)
    assert [len(line) for line in lines] == [19, 18, 18, 19, 19, 16]
    assert logical_lines("\n".join(lines)) == [paragraph]


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_korean_lines_join_with_spaces():
    """Hangul is wide but written with spaces between words: its wrappers break there."""
    paragraph = (
        "북부 해안에 태풍이 상륙하면서 월요일 각지의 항구가 폐쇄되었다. 세 도시의 항만 당국은"
        " 수요일까지 배를 내보내지 않겠다고 발표했다. 기상청은 해안 지역에 매우 강한 바람이"
        " 불 수 있다며 강 하구 근처 저지대 주민들에게 침수에 대비하라고 당부했다."
    )
    lines, line = [], ""
    for word in paragraph.split():  # greedy, in columns, as w3m wraps at 40
        if line and columns(f"{line} {word}") > 40:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    text = "\n".join([*lines, line])
    assert wrap_width(text) is not None
    assert logical_lines(text) == [paragraph]


FILLER = (
    "The harbour masters of the three towns said on Monday that no ship would leave before"
    " Wednesday, when the wind is expected to drop, and that the ferries to the islands"
    " would sail again on Thursday if the breakwaters held; the weather service warned of"
    " gusts of well over a hundred kilometres an hour along the coast, for example."
)


def ending_in(end: str, width: int) -> str:
    """The widest line of consecutive filler words and `end` that fits in `width`."""
    words, best = FILLER.split(), end
    for start in range(len(words)):
        line = end
        for word in reversed(words[:start]):
            if len(word) + 1 + len(line.replace("\u00ad", "")) > width:
                break
            line = f"{word} {line}"
        best = max(best, line, key=lambda text: len(text.replace("\u00ad", "")))
    return best


@pytest.mark.parametrize(
    ("end", "start", "joined"),
    [
        ("well-", "known", "well-known"),  # wrappers break after a hyphen and never add one
        ("exam-", "ple", "example"),  # the text writes "example" whole elsewhere
        ("Franco-", "German", "Franco-German"),
        ("storm -", "which", "storm - which"),  # a dash between spaces is no hyphen
        ("Ver\u00ad", "sicherung", "Versicherung"),  # a soft hyphen: the word made whole
    ],
)
def test_a_line_ending_in_a_hyphen(end, start, joined):
    line = ending_in(end, 60)
    assert len(line.replace("\u00ad", "")) + len(start) > 60  # full: `start` did not fit
    text = f"{textwrap.fill(FILLER, 60)}\n\n{line}\n{start} and so on.\n"
    assert wrap_width(text) == 60
    assert logical_lines(text)[-1] == f"{line.removesuffix(end)}{joined} and so on."


def test_a_two_hundred_kilobyte_capture_is_read_in_linear_time():
    paragraph = textwrap.fill(FILLER, 72)
    text = "\n\n".join([paragraph] * 700)  # some 200 KB, 3,500 lines
    started = time.process_time()
    blocks = logical_lines(text)
    seconds = time.process_time() - started
    assert blocks == [FILLER, ""] * 699 + [FILLER]
    assert seconds < 2  # about 0.05 s on the 2-core machine


def test_an_empty_text_has_no_blocks():
    assert logical_lines("") == []
    assert logical_lines("\n \n") == ["", ""]
    assert wrap_width("") is None


def test_windows_line_ends_read_as_unix_ones():
    # a capture written with Windows line ends reads as one written with Unix ones
    assert logical_lines(EMAIL.replace("\n", "\r\n")) == logical_lines(EMAIL)
