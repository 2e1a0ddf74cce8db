"""Container files cut into spans at record boundaries: the documents of all the spans,
one after the other, are exactly those of the whole file, whatever the span size."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warc_files import archive, json_lines, mixed_archive, wet_archive

from newsnorm.inputs.document import Fields, InputDocument
from newsnorm.inputs.find import find_documents
from newsnorm.inputs.spans import Span, container_spans, span_documents

SPAN_SIZES = (1, 2, 3, 7, 1000)
SUFFIX = {"members": ".warc.gz", "none": ".warc", "stream": ".warc.gz"}


def whole_file(path: Path, max_bytes: int = 20_000_000) -> list[InputDocument]:
    return list(find_documents([str(path)], max_bytes=max_bytes))


def by_spans(path: Path, kind: str, size: int, max_bytes: int = 20_000_000) -> list[InputDocument]:
    spans = container_spans(str(path), str(path), kind, size)
    return [doc for span in spans for doc in span_documents(span, Fields(), max_bytes)]


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("size", SPAN_SIZES)
@pytest.mark.parametrize("compression", ["members", "none", "stream"])
def test_spans_of_a_web_archive_give_the_whole_files_documents(tmp_path, compression, size):
    data = archive(23, compression=compression, without_ids=(2, 17))
    path = written(tmp_path, "crawl" + SUFFIX[compression], data)
    whole = whole_file(path)
    assert by_spans(path, "warc", size) == whole
    names = [doc.name for doc in whole]
    assert len(names) == len(set(names))
    if compression != "stream":  # whole-stream gzip: warcio stops after the first record
        assert len(whole) == 23 and f"{path}#record-18" in names
        assert sum(doc.skip is not None for doc in whole) == 7  # 4 images, 3 not found


@pytest.mark.parametrize("compression", ["members", "none"])
def test_a_large_archive_is_cut_into_spans_of_about_the_size_asked(tmp_path, compression):
    path = written(tmp_path, "crawl" + SUFFIX[compression], archive(20, compression=compression))
    spans = container_spans(str(path), str(path), "warc", 6)
    assert [span.first for span in spans] == [0, 6, 12, 18]
    assert spans[0].start == 0 and spans[-1].end is None
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))
    magic = b"\x1f\x8b" if compression == "members" else b"WARC/"
    assert all(path.read_bytes()[span.start :].startswith(magic) for span in spans)


def test_one_gzip_stream_and_small_files_are_one_span(tmp_path):
    stream = written(tmp_path, "one.warc.gz", archive(10, compression="stream"))
    small = written(tmp_path, "small.warc.gz", archive(3))
    dump = written(tmp_path, "pages.jsonl.gz", gzip.compress(json_lines(30)))
    for path, kind in ((stream, "warc"), (small, "warc"), (dump, "jsonl")):
        assert container_spans(str(path), "x", kind, 5) == [Span(str(path), "x", kind, 0, None, 0)]


@pytest.mark.parametrize("size", SPAN_SIZES)
@pytest.mark.parametrize("compression", ["members", "none"])
def test_spans_of_a_wet_file_give_the_whole_files_documents(tmp_path, compression, size):
    path = written(tmp_path, "crawl" + SUFFIX[compression].replace(".warc", ".warc.wet"),
                   wet_archive(17, compression=compression, empty=(3,)))  # fmt: skip
    whole = whole_file(path)
    assert len(whole) == 17 and by_spans(path, "warc", size) == whole
    spans = container_spans(str(path), str(path), "warc", size)
    assert [span.first for span in spans] == list(range(0, 17, size))


@pytest.mark.parametrize("size", SPAN_SIZES)
@pytest.mark.parametrize("compressed", [True, False])
def test_spans_of_responses_and_conversions_give_the_whole_files_documents(
    tmp_path, compressed, size
):
    """No span starts at a conversion record of the response just before it: read from
    there, it would not know that response is converted, and convert the page twice."""
    path = written(tmp_path, "mixed.warc" + (".gz" if compressed else ""),
                   mixed_archive(13, compressed=compressed))  # fmt: skip
    whole = whole_file(path)
    assert len(whole) == 23 and sum(doc.skip is not None for doc in whole) == 7
    assert by_spans(path, "warc", size) == whole
    starts = {span.first for span in container_spans(str(path), str(path), "warc", size)}
    assert not any(whole[first].skip and "response before it" in whole[first].skip
                   for first in starts)  # fmt: skip


def damaged(data: bytes, compression: str) -> bytes:
    """`data` with its 12th record (the sixth request, after six responses) broken: its
    header for an uncompressed archive, its compressed bytes for a gzipped one."""
    if compression == "none":
        at = [i for i in range(len(data)) if data.startswith(b"WARC/1", i)][11]
        return data[:at] + b"GARBAGE" + data[at + 7 :]
    at = [i for i in range(len(data)) if data.startswith(b"\x1f\x8b\x08", i)][11]
    return data[: at + 30] + b"\x00\xff" * 20 + data[at + 70 :]


@pytest.mark.parametrize("size", SPAN_SIZES)
@pytest.mark.parametrize("compression", ["members", "none"])
def test_a_damaged_record_midway_gives_the_same_error_either_way(tmp_path, compression, size):
    data = damaged(archive(16, compression=compression), compression)
    path = written(tmp_path, "broken" + SUFFIX[compression], data)
    whole = whole_file(path)
    problems = [doc for doc in whole if doc.problem]
    assert problems and "broken web archive after 6 record(s)" in problems[-1].problem
    assert by_spans(path, "warc", size) == whole


@pytest.mark.parametrize("size", SPAN_SIZES)
def test_a_truncated_archive_gives_the_same_documents_either_way(tmp_path, size):
    data = archive(12, compression="none")
    path = written(tmp_path, "cut.warc", data[: data.index(b"Story number 8") + 10])
    whole = whole_file(path)
    assert whole[-1].problem and by_spans(path, "warc", size) == whole


@pytest.mark.parametrize("size", SPAN_SIZES)
def test_spans_of_json_lines_give_the_whole_files_documents(tmp_path, size):
    path = written(tmp_path, "pages.jsonl", json_lines(40))
    whole = whole_file(path)
    assert len(whole) == 33 and whole[-1].name == f"{path}:39"  # blank lines are no documents
    assert by_spans(path, "jsonl", size) == whole


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            st.just(b""),
            st.just(b"{oops"),
            st.builds(lambda n: b'{"html": "<p>%s</p>"}' % (b"x" * n), st.integers(0, 80)),
        ),
        max_size=30,
    ),
    final_newline=st.booleans(),
    size=st.integers(1, 8),
)
def test_any_json_lines_file_reads_the_same_in_spans(tmp_path_factory, lines, final_newline, size):
    """Lines past the cap too: each is passed over in the span it starts in."""
    data = b"\n".join(lines) + (b"\n" if final_newline else b"")
    path = written(tmp_path_factory.mktemp("jsonl"), "d.jsonl", data)
    assert by_spans(path, "jsonl", size, max_bytes=40) == whole_file(path, max_bytes=40)


def test_a_span_of_a_file_at_a_url_reads_through_fsspec(tmp_path):
    path = written(tmp_path, "crawl.warc.gz", archive(9))
    url = path.as_uri()
    spans = container_spans(url, url, "warc", 4)
    documents = [doc for span in spans for doc in span_documents(span, Fields(), 20_000_000)]
    assert len(spans) == 3
    assert [doc.name.replace(url, str(path)) for doc in documents] == [
        doc.name for doc in whole_file(path)
    ]


def test_an_unknown_kind_or_span_size_is_refused(tmp_path):
    path = written(tmp_path, "a.warc", archive(2, compression="none"))
    with pytest.raises(ValueError, match="kind"):
        container_spans(str(path), "a", "zip", 5)
    with pytest.raises(ValueError, match="at least 1"):
        container_spans(str(path), "a", "warc", 0)
