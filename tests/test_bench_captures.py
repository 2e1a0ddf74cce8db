"""The benchmark's captures corpus (benchmarks/captures.py and the helpers it feeds): loading
the captures with their pages' gold and language, the HTML a peer is given, the gold author
lists, and newsnorm's outputs on the HTML of the same pages."""

from __future__ import annotations

from captures import SAME_PAGES, needs_same_pages, same_pages
from captures import selection as capture_selection
from extractors import Extracted, for_captures, lines_as_html
from helpers import shared_path
from languages import gold_languages
from lxml import html
from runner import load_pages
from runner import selection as corpus_selection
from scoring import gold_names, set_f1
from tables import table


def test_a_peer_gets_one_escaped_paragraph_per_non_empty_line():
    capture = "Héadline & more\n\n   \n  <b>not markup</b>  \r\nLast line\n".encode()
    page = html.fromstring(lines_as_html(capture))
    paragraphs = [p.text_content() for p in page.iter("p")]
    assert paragraphs == ["Héadline & more", "<b>not markup</b>", "Last line"]
    assert not page.findall(".//b")  # the text's angle brackets stayed text


def test_newsnorm_gets_the_capture_as_it_is_and_a_peer_its_html():
    def echo(content: bytes, url: str | None) -> Extracted:
        return Extracted(text=content.decode())

    assert for_captures("newsnorm", echo)(b"One\nTwo", None).text == "One\nTwo"
    assert for_captures("trafilatura", echo)(b"One\nTwo", None).text.count("<p>") == 2


def test_gold_authors_as_a_list_a_comma_separated_string_or_a_list_repr():
    assert gold_names(["Anna Fink", "AP"]) == ["Anna Fink", "AP"]
    assert [name.strip() for name in gold_names("Sarah Crespi, Zack Savitsky")] == [
        "Sarah Crespi",
        "Zack Savitsky",
    ]
    assert gold_names("['Anna Fink', 'Jan Marchart']") == ["Anna Fink", "Jan Marchart"]
    assert gold_names("[not a list") == ["[not a list"]
    assert set_f1(["Jan Marchart", "Anna Fink"], "['Anna Fink', 'Jan Marchart']") == 1.0


def test_captures_carry_their_pages_gold_grouping_and_language():
    shared = shared_path()
    captured = capture_selection(shared, None)
    items = [item for _, item, _ in captured]
    assert all(path.exists() for _, _, path in captured)
    for source in ("naeb", "fundus-publishers"):
        pages = [item for item in items if item["corpus"] == source]
        keys = [item["page"] for item in pages]
        html_items = {key: item for key, item, _ in corpus_selection(shared, source, None)}
        assert [html_items[key]["title"] for key in keys] == [item["title"] for item in pages]
        want = gold_languages(source, keys, [html_items[key] for key in keys])
        assert gold_languages("captures", [""] * len(pages), pages) == want
    assert {item["publisher"] for item in items if item["corpus"] == "fundus-publishers"}


def test_captures_are_given_without_their_url():
    shared = shared_path()
    pages = load_pages(shared, "captures", 3)
    files = [path.read_bytes() for _, _, path in capture_selection(shared, 3)]
    assert [url for url, _ in pages] == [None] * 3
    assert [content for _, content in pages] == files


def test_html_of_the_same_pages_is_picked_from_the_source_runs_or_its_own_run():
    captured = [{"corpus": "naeb", "page": "b"}, {"corpus": "fundus-publishers", "page": "x"}]
    keys = {"naeb": ["a", "b"], "fundus-publishers": ["x"]}
    outputs = {name: [Extracted(text=f"{name}/{key}") for key in ks] for name, ks in keys.items()}
    seconds = {name: [float(i + 1) for i in range(len(ks))] for name, ks in keys.items()}
    picked, picked_seconds = same_pages(outputs, seconds, keys, captured)
    assert [out.text for out in picked] == ["naeb/b", "fundus-publishers/x"]
    assert picked_seconds == [2.0, 1.0]
    assert not needs_same_pages(captured, keys)
    assert needs_same_pages(captured, {"naeb": ["b"]})
    own = {**outputs, SAME_PAGES: [Extracted(text="own")] * 2}
    assert same_pages(own, {**seconds, SAME_PAGES: [0.5, 0.5]}, keys, captured)[1] == [0.5, 0.5]


def test_a_table_row_can_fill_two_name_columns():
    rows = {("all (2)", "newsnorm, capture"): {"F1": 0.5}}
    lines = table(rows, [("F1", "F1", ".3f")], ("pages", "run")).splitlines()
    assert lines == [
        "| pages | run | F1 |",
        "|---|---|---:|",
        "| all (2) | newsnorm, capture | 0.500 |",
    ]
