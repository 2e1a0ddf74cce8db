"""Learning an outlet's template from a batch of its pages (newsnorm.learn): what is
learned, what never is (the article, metadata lines), how captures without an address are
grouped, and the drafts as profiles (`newsnorm learn`, `convert --learn`, `--profiles`)."""

from __future__ import annotations

import json
import random

import jsonschema
import orjson
import pytest
from typer.testing import CliRunner

from newsnorm.cli import app
from newsnorm.inputs.document import InputDocument
from newsnorm.learn import learn_documents
from newsnorm.learn.pages import PageLines
from newsnorm.learn.template import GroupTemplate
from newsnorm.text.line_pairs import comparable

runner = CliRunner()
_WORDS = [
    "council",
    "harbour",
    "river",
    "budget",
    "school",
    "minister",
    "farmers",
    "market",
    "bridge",
    "winter",
    "report",
    "police",
    "station",
    "railway",
    "hospital",
    "village",
    "election",
    "museum",
    "teachers",
    "workers",
    "prices",
    "energy",
    "coast",
    "weather",
    "festival",
    "library",
    "court",
    "housing",
    "plans",
    "water",
    "roads",
    "families",
]
_VERBS = [
    "said",
    "approved",
    "rejected",
    "opened",
    "closed",
    "expected",
    "announced",
    "questioned",
    "reviewed",
]


def _paragraph(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(14, 24))]
    words.insert(3, rng.choice(_VERBS))
    return " ".join(words).capitalize() + "."


def _story(seed: int, paragraphs: int = 6) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    title = f"{rng.choice(_WORDS).title()} {rng.choice(_VERBS)} in {rng.choice(_WORDS)} {seed}"
    return title, [_paragraph(rng) for _ in range(paragraphs)]


_SECTIONS = {  # each outlet's own menu, a few entries alike, as real menus are
    "Gazette": ["News", "Sport", "Local politics", "Farming", "Schools", "Obituaries"],
    "Courier": ["News", "Business", "Markets", "Tech", "Property", "Motoring"],
    "Herald": ["Sport", "Football", "Cricket", "Rugby", "Racing", "Fixtures"],
}


def _outlet(name: str) -> tuple[list[str], list[str]]:
    """An outlet's menu above its stories and its footer below them."""
    sections = _SECTIONS.get(name, _SECTIONS["Gazette"])
    menu = ["Skip to content", f"{name} home", *sections, f"{name} newsletters", "Sign in"]
    footer = [f"More from {name}", "About us", f"Advertise with the {name}", "Careers",
              "Privacy policy", f"{name} terms of use", f"© 2024 {name} Media Ltd"]  # fmt: skip
    return menu, footer


def _capture(name: str, title: str, paragraphs: list[str], extra: list[str] = ()) -> str:
    menu, footer = _outlet(name)
    head = [title, "By Jane Doe", "12 March 2024"]
    return "\n".join([*menu, *head, *paragraphs, *extra, *footer]) + "\n"


def _documents(captures: dict[str, str]) -> list[InputDocument]:
    return [InputDocument(name=name, content=text.encode()) for name, text in captures.items()]


def _batch() -> dict[str, str]:
    """Three outlets' captures in one folder: the Gazette and the Courier print one wire
    story word for word, the Herald prints a story twice (an update adds a paragraph)."""
    wire_title, wire = _story(100)
    update_title, update = _story(200)
    captures = {f"gazette-{n}.txt": _capture("Gazette", *_story(n)) for n in range(1, 4)}
    captures |= {f"courier-{n}.txt": _capture("Courier", *_story(10 + n)) for n in range(1, 4)}
    captures |= {f"herald-{n}.txt": _capture("Herald", *_story(20 + n)) for n in range(1, 3)}
    captures["gazette-wire.txt"] = _capture("Gazette", wire_title, wire)
    captures["courier-wire.txt"] = _capture("Courier", wire_title, wire)
    captures["herald-update-1.txt"] = _capture("Herald", update_title, update)
    late = "Update: the council said on Tuesday that the harbour plans would be reviewed again."
    captures["herald-update-2.txt"] = _capture("Herald", update_title, [*update, late])
    return captures


def _write(tmp_path, captures: dict[str, str]):
    folder = tmp_path / "captures"
    folder.mkdir()
    for name, text in captures.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _records(data: bytes) -> dict[str, dict]:
    found = (orjson.loads(line) for line in data.splitlines())
    return {record["provenance"]["source"].rsplit("/", 1)[-1]: record for record in found}


def test_captures_of_three_outlets_mixed_in_one_folder_are_grouped_by_outlet():
    learned = learn_documents(_documents(_batch()))
    assert learned.groups == 3 and len(learned.drafts) == 3
    assert sorted(draft.pages for draft in learned.drafts) == [4, 4, 4]
    for draft in learned.drafts:
        lines = {line for run in draft.runs for line in run.lines}
        outlet = next(n for n in ("Gazette", "Courier", "Herald") if f"{n} home" in lines)
        assert f"More from {outlet}" in lines and "Sign in" in lines


def test_the_menu_and_footer_are_learned_but_no_line_of_a_story(tmp_path):
    captures = _batch()
    learned = learn_documents(_documents(captures))
    template = {line for draft in learned.drafts for run in draft.runs for line in run.lines}
    story_lines = {line for text in captures.values() for line in text.splitlines()[13:-7]}
    assert not template & story_lines  # titles, bylines, dates, paragraphs: none
    assert "Privacy policy" in template


def test_a_wire_story_on_two_outlets_and_two_versions_of_a_story_keep_every_paragraph(tmp_path):
    captures = _batch()
    folder = _write(tmp_path, captures)
    result = runner.invoke(app, ["convert", str(folder), "--learn", "--explain"])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout_bytes)
    for name in (
        "gazette-wire.txt",
        "courier-wire.txt",
        "herald-update-1.txt",
        "herald-update-2.txt",
    ):
        paragraphs = captures[name].splitlines()[13:-7]
        assert records[name]["text"].split("\n\n") == paragraphs, name
    learned = [r["rule"] for record in records.values() for r in record["removed"]]
    assert any(rule.startswith("learned:template-") for rule in learned)


def test_a_learned_removal_is_credited_to_its_run(tmp_path):
    folder = _write(tmp_path, _batch())
    result = runner.invoke(app, ["convert", str(folder), "--learn", "--explain"])
    record = _records(result.stdout_bytes)["gazette-1.txt"]
    credited = {r["text"]: r["rule"] for r in record["removed"]}  # the footer: the template's
    assert credited["More from Gazette"].startswith("learned:template-")
    assert credited["More from Gazette"].endswith("]")  # learned:KEY:template[N]


def test_drafts_written_by_learn_are_profiles_used_with_profiles(tmp_path):
    folder = _write(tmp_path, _batch())
    drafts = tmp_path / "drafts"
    result = runner.invoke(app, ["learn", str(folder), "-o", str(drafts)])
    assert result.exit_code == 0, result.output
    assert "outlet" in result.stdout and "removed" in result.stdout
    files = sorted(drafts.glob("*.toml"))
    assert len(files) == 3
    with_profiles = runner.invoke(
        app, ["convert", str(folder), "--profiles", str(drafts), "--explain"]
    )
    with_learn = runner.invoke(app, ["convert", str(folder), "--learn", "--explain"])
    assert with_profiles.exit_code == 0, with_profiles.output
    assert _strip_origin(with_profiles.stdout_bytes) == _strip_origin(with_learn.stdout_bytes)


def _strip_origin(data: bytes) -> list[dict]:
    return sorted((orjson.loads(line) for line in data.splitlines()), key=lambda r: r["id"])


def test_a_draft_is_valid_against_the_published_profile_schema(tmp_path):
    import tomllib
    from pathlib import Path

    schema_file = Path(__file__).resolve().parent.parent / "schemas" / "profile.v1.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for draft in learn_documents(_documents(_batch())).drafts:
        jsonschema.validate(tomllib.loads(draft.text()), schema)
        assert draft.profile().key == draft.key


def test_lines_are_compared_with_digits_masked_and_metadata_and_figures_never_taken():
    lines = comparable(["Updated 3 hours ago", "12 March 2024", "By Jane Doe", "5040", "Share"])
    assert lines == ["Updated # hours ago", None, None, None, "Share"]
    assert comparable(["By", "Thomas Reese"]) == [None, None]  # a byline over two lines


def test_pages_of_one_story_count_once():
    title, paragraphs = _story(7)
    template = GroupTemplate()
    for extra in ([], ["An update paragraph that the newsroom added later to the story."]):
        template.add(PageLines.of([*_outlet("X")[0], title, *paragraphs, *extra], None))
    assert template.pages == 2 and template.stories == 1
    assert template.runs() == []  # one story's two versions repeat no template


def test_stdin_cannot_be_learned_from():
    result = runner.invoke(app, ["convert", "-", "--learn"], input="Some text\n")
    assert result.exit_code == 2
    assert "stdin" in result.output


@pytest.mark.parametrize("pages", [1])
def test_an_outlet_with_fewer_pages_than_min_pages_gets_no_draft(pages):
    captures = {f"gazette-{n}.txt": _capture("Gazette", *_story(n)) for n in range(pages)}
    assert learn_documents(_documents(captures)).drafts == []


def test_the_same_drafts_from_one_process_and_from_three():
    documents = _documents(_batch())
    alone = learn_documents(documents)
    shared = learn_documents(documents, workers=3)
    assert [d.text() for d in alone.drafts] == [d.text() for d in shared.drafts]
    assert alone.documents == shared.documents == len(documents)


def _page(outlet: str, title: str, paragraphs: list[str], *, in_article: str = "") -> str:
    menu = "".join(
        f"<li><a href='/s{n}'>{line}</a></li>" for n, line in enumerate(_outlet(outlet)[0])
    )
    footer = "".join(f"<p>{line}</p>" for line in _outlet(outlet)[1])
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<html><head><title>{title}</title><link rel='canonical' href='https://{outlet.lower()}"
        f".example/{title.split()[-1]}'></head><body><nav><ul>{menu}</ul></nav>"
        f"<article><h1>{title}</h1>{body}{in_article}</article><footer>{footer}</footer>"
        "</body></html>"
    )


def test_html_pages_are_grouped_by_their_address_and_their_article_is_never_template():
    pinned = "<p>Readers can reach the newsroom at any hour.</p><p>Tips are always welcome.</p>"
    pages = {f"gazette-{n}.html": _page("Gazette", *_story(n), in_article=pinned) for n in range(3)}
    learned = learn_documents(_documents(pages))
    (draft,) = learned.drafts
    assert draft.domains == ("gazette.example",)
    template = {line for run in draft.runs for line in run.lines}
    assert "Readers can reach the newsroom at any hour." in template  # it repeats...
    from newsnorm.document import Source
    from newsnorm.pipeline import pipeline_with

    pipeline = pipeline_with((draft.profile_text(),))
    article = pipeline.run(Source(pages["gazette-1.html"]), explain=True)
    assert "Readers can reach the newsroom at any hour." in article.text  # ...in <article> <p>
