"""Deduplication (newsnorm.dedup, `newsnorm dedup`, `convert --dedup`): copies point at
their original, rewrites share a story, distinct stories stay apart, and the result is the
same however the records are read."""

from __future__ import annotations

import copy
import gzip
import hashlib
import random

import orjson
import pytest
from helpers import shared_path
from typer.testing import CliRunner

from newsnorm import run
from newsnorm.cli import app
from newsnorm.dedup import dedup
from newsnorm.run.settings import Settings

runner = CliRunner()
FURNITURE = ["Share this article", "Advertisement", "Sign up for our morning newsletter"]


def _write(path, records) -> str:
    path.write_bytes(b"".join(orjson.dumps(record) + b"\n" for record in records))
    return str(path)


def _read(path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    run.convert([str(shared_path("samples", "text"))], out, workers=1)
    return _read(out)


@pytest.fixture(scope="module")
def captures(tmp_path_factory) -> list[dict]:
    """Records of 24 shared captures, chosen at random (fixed seed), of 150 words or more."""
    names = sorted(shared_path("corpora", "captures", "text").glob("*.txt"))
    chosen = random.Random(24).sample(names, 40)
    out = tmp_path_factory.mktemp("captures") / "captures.jsonl"
    run.convert([str(name) for name in chosen], out, workers=2)
    return [record for record in _read(out) if record["word_count"] >= 150][:24]


def _copy(record: dict, kind: str, rng: random.Random) -> dict:
    """Another record of `record`'s article: other furniture, an edited sentence, or an
    update paragraph added; published a day later."""
    altered = copy.deepcopy(record)
    altered["id"] = hashlib.md5(f"{record['id']}{kind}".encode()).hexdigest()
    altered["published"] = "2031-01-02"
    body = altered["body"]
    if kind == "furniture":
        body.insert(0, {"type": "paragraph", "text": rng.choice(FURNITURE)})
        body.append({"type": "paragraph", "text": " ".join(FURNITURE)})
    elif kind == "edited":
        index = rng.randrange(len(body))
        words = body[index]["text"].split()
        words[rng.randrange(len(words))] = "reportedly"
        body[index] = {"type": body[index]["type"], "text": " ".join(words)}
    else:
        update = "Update: officials said on Tuesday that the figures would be revised again"
        body.append({"type": "paragraph", "text": f"{update} after the count was completed."})
    altered["text"] = "\n\n".join(block["text"] for block in body)
    altered["word_count"] = len(altered["text"].split())
    return altered


def test_the_two_seed_captures_share_a_story_and_copy_neither(seeds, tmp_path):
    out = tmp_path / "linked.jsonl"
    summary = dedup([_write(tmp_path / "in.jsonl", seeds)], out)
    linked = _read(out)
    assert [record["duplicate_of"] for record in linked] == [None, None]
    assert linked[0]["story"] == linked[1]["story"]
    assert linked[0]["story"] in {record["id"] for record in seeds}
    assert (summary.records, summary.exact, summary.near, summary.stories) == (2, 0, 0, 1)


@pytest.mark.parametrize("kind", ["furniture", "edited", "update"])
def test_an_altered_copy_points_at_its_original(captures, kind, tmp_path):
    rng = random.Random(kind)
    originals = [dict(record, published="2031-01-01") for record in captures]
    copies = [_copy(record, kind, rng) for record in originals]
    out = tmp_path / "linked.jsonl"
    dedup([_write(tmp_path / "in.jsonl", originals + copies)], out)
    linked = _read(out)
    assert [r["duplicate_of"] for r in linked[len(originals) :]] == [r["id"] for r in originals]
    assert [r["duplicate_of"] for r in linked[: len(originals)]] == [None] * len(originals)
    assert [r["story"] for r in linked[len(originals) :]] == [r["id"] for r in originals]


def test_a_word_for_word_copy_is_exact_and_the_earliest_is_the_original(captures, tmp_path):
    first, later = dict(captures[0], published="2030-05-02"), copy.deepcopy(captures[0])
    first["id"], later["published"] = "f" * 32, "2030-05-03T09:00:00+02:00"
    out = tmp_path / "linked.jsonl"
    summary = dedup([_write(tmp_path / "in.jsonl", [later, first])], out)
    assert [r["duplicate_of"] for r in _read(out)] == ["f" * 32, None]
    assert (summary.exact, summary.near) == (1, 0)


def test_short_texts_alike_are_copies_only_with_the_same_title(captures, tmp_path):
    notice = {"type": "paragraph", "text": "This article is for subscribers only."}
    paywalled = [
        dict(record, body=[notice], text=notice["text"], word_count=6) for record in captures[:3]
    ]
    out = tmp_path / "linked.jsonl"
    dedup([_write(tmp_path / "in.jsonl", paywalled)], out)
    assert [r["duplicate_of"] for r in _read(out)] == [None, None, None]


def test_distinct_stories_are_never_copies(captures, tmp_path):
    out = tmp_path / "linked.jsonl"
    summary = dedup([_write(tmp_path / "in.jsonl", captures)], out)
    assert summary.exact == summary.near == 0
    assert all(record["duplicate_of"] is None for record in _read(out))


def test_one_process_and_three_give_the_same_bytes(captures, seeds, tmp_path):
    rng = random.Random(3)
    records = captures + seeds + [_copy(r, "edited", rng) for r in captures[:8]]
    source = _write(tmp_path / "in.jsonl", records)
    dedup([source], tmp_path / "one.jsonl", workers=1)
    dedup([source], tmp_path / "three.jsonl", workers=3)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "three.jsonl").read_bytes()


def test_records_keep_their_bytes_and_order_with_the_links_before_the_text(seeds, tmp_path):
    out = tmp_path / "linked.jsonl"
    dedup([_write(tmp_path / "in.jsonl", seeds)], out)
    for before, after in zip(seeds, _read(out), strict=True):
        keys = list(after)
        assert keys[keys.index("text") - 2 : keys.index("text")] == ["duplicate_of", "story"]
        assert {k: v for k, v in after.items() if k not in ("duplicate_of", "story")} == before


def test_cli_reports_a_line_that_is_no_record_and_writes_the_others(seeds, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps(seeds[0]) + b"\nnot json\n" + orjson.dumps(seeds[1]) + b"\n")
    result = runner.invoke(
        app, ["dedup", str(source), "-o", str(tmp_path / "out.jsonl"), "--errors",
              str(tmp_path / "errors.jsonl")],
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"{source}:2: not JSON" in result.stderr
    assert "2 records: 0 exact copies, 0 near copies, 1 stories" in result.stderr
    assert len(_read(tmp_path / "out.jsonl")) == 2
    [error] = _read(tmp_path / "errors.jsonl")
    assert error["source"] == f"{source}:2" and error["stage"] == "dedup"


def test_convert_dedup_is_convert_then_dedup(tmp_path):
    samples = str(shared_path("samples", "text"))
    run.convert([samples], tmp_path / "plain.jsonl", workers=1)
    dedup([str(tmp_path / "plain.jsonl")], tmp_path / "after.jsonl")
    run.convert([samples], tmp_path / "once.jsonl", workers=1, settings=Settings(dedup=True))
    assert (tmp_path / "once.jsonl").read_bytes() == (tmp_path / "after.jsonl").read_bytes()


def test_ninjs_items_carry_the_links_as_alt_ids(seeds, tmp_path):
    out = tmp_path / "items.jsonl"
    dedup([_write(tmp_path / "in.jsonl", seeds)], out, output_format="ninjs3")
    story = min(seeds, key=lambda record: record["published"])["id"]  # the earliest
    for item in _read(out):
        assert {"role": "newsnorm-story", "value": story} in item["altIds"]
        assert all(alt["role"] != "newsnorm-duplicate-of" for alt in item["altIds"])


def test_parquet_rows_read_back_as_the_linked_records(seeds, tmp_path):
    pytest.importorskip("pyarrow")
    from newsnorm.formats.parquet import read_records

    dedup([_write(tmp_path / "in.jsonl", seeds)], tmp_path / "linked.jsonl")
    dedup([str(tmp_path / "in.jsonl")], tmp_path / "linked.parquet")
    assert list(read_records(tmp_path / "linked.parquet")) == _read(tmp_path / "linked.jsonl")


def test_one_and_three_dask_partitions_give_the_local_bytes(captures, seeds, tmp_path):
    distributed = pytest.importorskip("distributed")
    rng = random.Random(5)
    records = captures + seeds + [_copy(r, "update", rng) for r in captures[:6]]
    whole = _write(tmp_path / "whole.jsonl", records)
    parts = tmp_path / "parts"
    parts.mkdir()
    for number, cut in enumerate([records[:10], records[10:17], records[17:]]):
        _write(parts / f"part-{number:05d}.jsonl", cut)
    dedup([whole], tmp_path / "local.jsonl")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with cluster, distributed.Client(cluster) as client:
        dedup([whole], tmp_path / "one.jsonl", dask=client)
        dedup([str(parts)], tmp_path / "three.jsonl", dask=client)
        dedup([str(parts)], f"{tmp_path / 'linked-parts'}/", dask=client)  # written by the tasks
    local = (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "one.jsonl").read_bytes() == local
    assert (tmp_path / "three.jsonl").read_bytes() == local
    assert _joined_parts(tmp_path / "linked-parts", 3) == local
    assert sum(r["duplicate_of"] is not None for r in _read(tmp_path / "local.jsonl")) == 6


def test_no_two_pages_of_a_shared_corpus_are_copies_and_stories_stay_small(tmp_path):
    """scrapinghub: 181 different pages of 2019, crawled within days. None copies another;
    the stories that group several (the same news from several outlets) stay pairs and
    triples published within three days, never a chain of topics."""
    pages = str(shared_path("corpora", "scrapinghub", "html"))
    run.convert([pages], tmp_path / "records.jsonl", workers=2)
    summary = dedup([str(tmp_path / "records.jsonl")], tmp_path / "linked.jsonl")
    linked = _read(tmp_path / "linked.jsonl")
    assert summary.records == len(linked) == 181
    assert summary.exact == summary.near == 0
    stories: dict[str, list[dict]] = {}
    for record in linked:
        stories.setdefault(record["story"], []).append(record)
    shared = [told for told in stories.values() if len(told) > 1]
    assert 0 < len(shared) <= len(linked) // 10
    for told in shared:
        days = sorted(record["published"][:10] for record in told if record["published"])
        assert len(told) <= 4
        assert not days or (_day(days[-1]) - _day(days[0])) <= 3


def _joined_parts(directory, count: int) -> bytes:
    """The records of a directory's parts, which must be `count`, numbered from 0."""
    names = sorted(path.name for path in directory.iterdir())
    assert names == [f"part-{number:05d}.jsonl.gz" for number in range(count)]
    return b"".join(gzip.decompress((directory / name).read_bytes()) for name in names)


def test_dedup_into_a_directory_writes_a_part_per_input_file(captures, seeds, tmp_path):
    records = captures + seeds
    first = _write(tmp_path / "a.jsonl", records[:5])
    second = _write(tmp_path / "b.jsonl", records[5:])
    dedup([first, second], tmp_path / "linked.jsonl")
    dedup([first, second], f"{tmp_path / 'parts'}/", workers=2)
    assert _joined_parts(tmp_path / "parts", 2) == (tmp_path / "linked.jsonl").read_bytes()
    again = runner.invoke(app, ["dedup", first, "-o", f"{tmp_path / 'parts'}/"])
    assert again.exit_code == 2
    assert "holds parts already" in again.output
    assert _joined_parts(tmp_path / "parts", 2) == (tmp_path / "linked.jsonl").read_bytes()


def test_convert_dedup_into_a_directory_keeps_the_parts_and_their_errors(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for page in sorted(shared_path("samples", "text").glob("*.txt")):
        (inputs / page.name).write_bytes(page.read_bytes())
    (inputs / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    settings = Settings(dedup=True)
    run.convert([str(inputs)], tmp_path / "linked.jsonl", settings=settings, workers=1)
    run.convert([str(inputs)], f"{tmp_path / 'out'}/", settings=settings, workers=1)
    out = tmp_path / "out"
    errors = [path for path in out.iterdir() if path.name.startswith("errors-")]
    assert [orjson.loads(line)["source"].endswith("broken.txt") for line in
            errors[0].read_bytes().splitlines()] == [True]  # fmt: skip
    errors[0].unlink()
    assert _joined_parts(out, 1) == (tmp_path / "linked.jsonl").read_bytes()


def _day(iso: str) -> int:
    from datetime import date

    return date.fromisoformat(iso).toordinal()


def _story_records(tmp_path, pairs: list[tuple[str, str, str]]) -> list[dict]:
    """Deduplicate records made of (title, text, language) and read them back."""
    records = [
        {"id": f"{index:032x}", "title": title, "text": text, "language": language,
         "published": "2030-05-0" + str(1 + index % 2), "body": []}
        for index, (title, text, language) in enumerate(pairs)
    ]  # fmt: skip
    dedup([_write(tmp_path / "in.jsonl", records)], tmp_path / "out.jsonl")
    return _read(tmp_path / "out.jsonl")


HEARING = (
    "On {day}, {who} told the committee that Sondland had spoken with Giuliani about "
    "Zelensky before the call, and Schiff questioned the witnesses. {rest}"
)


def test_one_topic_in_two_titles_is_not_one_story(tmp_path):
    """Two reports of one affair naming a few of its people, whose titles share a single
    word, tell two stories; a rewrite whose title shares two words with the other tells
    one."""
    linked = _story_records(tmp_path, [
        ("Impeachment hearing ends in uproar",
         HEARING.format(day="Tuesday", who="a diplomat", rest="the hearing ended late."), "en"),
        ("The impeachment calendar explained",
         HEARING.format(day="Friday", who="an aide", rest="a timetable is set out below."),
         "en"),
        ("Uproar as impeachment hearing ends",
         HEARING.format(day="Tuesday", who="an envoy", rest="the session closed in uproar."),
         "en"),
    ])  # fmt: skip
    assert linked[0]["story"] == linked[2]["story"] != linked[1]["story"]


def test_a_translation_sharing_many_names_shares_the_story(tmp_path):
    """Titles in two languages share no word; the names they hold say they are one story."""
    names = "Sondland, Volker, Taylor, Giuliani, Zelensky, Schiff, Nunes und Pelosi"
    english = f"In Washington, {names.replace(' und', ' and')} spoke on Tuesday."
    linked = _story_records(tmp_path, [
        ("Impeachment hearing ends in uproar", english, "en"),
        ("Anhörung endet im Tumult", f"In Washington sprachen {names} am Dienstag über "
         "den Anruf; die Anhörung endete spät am Abend.", "de"),
    ])  # fmt: skip
    assert linked[0]["story"] == linked[1]["story"]
    assert linked[0]["duplicate_of"] is linked[1]["duplicate_of"] is None
