"""Plain-text captures in any encoding and with any line endings; bad bytes never crash."""

from __future__ import annotations

import codecs

import pytest

from newsnorm import NormalizeError, normalize

STORY = "“Quoted” headline for a café story\n\nThe story’s first paragraph — with accents: é, ü.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        STORY.encode("utf-8"),
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        STORY.encode("utf-16"),  # with its byte-order mark
        STORY.encode("cp1252"),
        STORY.replace("\n", "\r\n").encode("utf-8"),
        STORY.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp1252", "crlf", "cr"],
)
def test_encodings_and_line_endings_give_the_same_article(encoded):
    article = normalize(encoded)
    assert article.title == "“Quoted” headline for a café story"
    assert article.text == "The story’s first paragraph — with accents: é, ü."


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_a_capture_decoded_twice_on_its_way_is_repaired(wrong):
    story = "Müller’s café: a headline for the story\n\nThe story’s first lines: é, ü, ñ.\n"
    article = normalize(story.encode("utf-8").decode(wrong).encode("utf-8"))
    assert article.title == "Müller’s café: a headline for the story"
    assert article.text == "The story’s first lines: é, ü, ñ."


def test_text_that_only_resembles_mojibake_stays_as_written():
    text = "SÃO PAULO: A headline for the story\n\nJoão said the château was â la mode.\n"
    assert normalize(text).text == "João said the château was â la mode."


def test_a_few_stray_nul_bytes_do_not_make_a_capture_binary():
    more = "".join(f"\nThe story goes on in its paragraph number {n} here.\n" for n in range(30))
    story = (STORY + more).encode("utf-8")
    article = normalize(story[:200] + b"\x00" * 11 + story[200:])
    assert article.title == "“Quoted” headline for a café story"
    assert "\x00" not in article.text


def test_bad_bytes_are_replaced_not_fatal():
    article = normalize(b"A headline of the story\n\nValid text \xff\xfe\xfa and more text.\n")
    assert article.text.startswith("Valid text")


def test_binary_and_empty_documents_are_clear_errors():
    with pytest.raises(NormalizeError, match="binary content"):
        normalize(bytes(range(256)))
    with pytest.raises(NormalizeError, match="empty"):
        normalize(b" \n\t\n")


def test_spaces_and_invisible_characters_are_normalised():
    article = normalize("Headline of a story\n\nTwo\u00a0 spaces\u200b and a soft\u00adhyphen.\n")
    assert article.text == "Two spaces and a softhyphen."


def test_bulleted_lines_become_list_items():
    article = normalize("Headline of a story\n\nThe points:\n• first point\n• second point\n")
    assert [b.type for b in article.body] == ["paragraph", "list_item", "list_item"]
    assert article.body[1].text == "first point"
