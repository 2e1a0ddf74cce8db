"""Inputs named by URL (through fsspec) and by glob pattern: the same documents as the
same files read locally, named by the URL as given."""

from __future__ import annotations

import dataclasses
import functools
import gzip
import http.server
import importlib.util
import json
import pickle
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from typer.testing import CliRunner
from warc_files import archive, json_lines, story

from newsnorm.cli import app
from newsnorm.errors import DocumentTooLarge
from newsnorm.inputs.document import InputDocument
from newsnorm.inputs.find import find_documents, input_size
from newsnorm.inputs.locations import NO_MATCH


def documents(*paths: str | Path) -> list[InputDocument]:
    return list(find_documents([str(path) for path in paths]))


def comparable(docs: list[InputDocument], prefix: str, replacement: str) -> list[tuple]:
    """Each document as its name (with `prefix` spelled as `replacement`) and what reading
    it gives, so that a file read locally and through a URL compare equal."""
    return [
        (doc.name.replace(prefix, replacement, 1), _read_or_problem(doc), doc.url, doc.skip)
        for doc in docs
    ]


def _read_or_problem(doc: InputDocument) -> bytes | str | None:
    if doc.skip is not None:
        return None
    try:
        return doc.read()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """A folder of every kind of input, with files a directory walk leaves out."""
    root = tmp_path / "crawl"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.warc.gz").write_bytes(archive(6))
    (root / "b.html").write_text(story(1))
    (root / "sub" / "c.txt.gz").write_bytes(gzip.compress(b"Storm closes ports\n\nText.\n"))
    (root / "sub" / "d.jsonl").write_bytes(json_lines(8))
    (root / ".hidden" / "e.html").write_text(story(2))
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    return root


def test_a_file_url_of_a_web_archive_gives_the_local_files_documents(crawl):
    url = (crawl / "a.warc.gz").as_uri()
    remote = documents(url)
    assert remote[0].name.startswith(f"{url}#<urn:uuid:")
    assert comparable(remote, url, str(crawl / "a.warc.gz")) == comparable(
        documents(crawl / "a.warc.gz"), "", ""
    )


def test_a_file_url_of_a_directory_is_walked_like_the_directory(crawl):
    url = crawl.as_uri()
    remote = documents(url)
    assert not any(".hidden" in doc.name or "notes.pdf" in doc.name for doc in remote)
    assert comparable(remote, url, str(crawl)) == comparable(documents(crawl), "", "")
    assert f"{url}/sub/c.txt.gz" in [doc.name for doc in remote]


def test_a_local_glob_is_expanded_in_sorted_order(crawl):
    found = documents(f"{crawl}/**/*.*")
    names = [doc.name.split("#")[0].rsplit(":", 1)[0] for doc in found]
    parts = ("a.warc.gz", "b.html", "notes.pdf", "sub/c.txt.gz", "sub/d.jsonl")
    assert sorted(set(names)) == [str(crawl / part) for part in parts]
    assert [doc.name for doc in documents(f"{crawl}/*.html", f"{crawl}/sub/*")] == [
        str(crawl / "b.html"),
        str(crawl / "sub" / "c.txt.gz"),
        *(doc.name for doc in documents(crawl / "sub" / "d.jsonl")),
    ]


def test_a_local_file_whose_name_looks_like_a_pattern_is_read_as_named(tmp_path):
    odd = tmp_path / "draft[1].html"
    odd.write_text(story(3))
    (found,) = documents(odd)
    assert found.name == str(odd) and found.path == odd and found.read() == story(3).encode()


@pytest.mark.parametrize("pattern", ["{tmp}/*.warc.gz", "memory://newsnorm-none/*.html"])
def test_a_pattern_matching_nothing_is_one_document_that_cannot_be_read(tmp_path, pattern):
    pattern = pattern.format(tmp=tmp_path)
    (found,) = documents(pattern)
    assert found.name == pattern and found.problem == NO_MATCH


@pytest.fixture
def memory_tree(crawl: Path) -> Iterator[str]:
    """The crawl folder copied into fsspec's in-memory filesystem, removed afterwards."""
    fs = fsspec.filesystem("memory")
    root = f"/newsnorm-{uuid.uuid4().hex}"
    for path in crawl.rglob("*"):
        if path.is_file():
            fs.pipe(f"{root}/{path.relative_to(crawl).as_posix()}", path.read_bytes())
    yield f"memory://{root.lstrip('/')}"
    fs.rm(root, recursive=True)


def test_a_memory_filesystem_tree_reads_like_the_local_one(crawl, memory_tree):
    assert comparable(documents(memory_tree), memory_tree, str(crawl)) == comparable(
        documents(crawl), "", ""
    )
    globbed = documents(f"{memory_tree}/sub/*.jsonl")
    assert [doc.name for doc in globbed][:2] == [
        f"{memory_tree}/sub/d.jsonl:1",
        f"{memory_tree}/sub/d.jsonl:2",
    ]
    assert input_size([memory_tree]) == input_size([str(crawl)]) > 0


def test_a_missing_url_is_one_document_that_cannot_be_read(memory_tree):
    (found,) = documents(f"{memory_tree}/nowhere.html")
    assert found.name == f"{memory_tree}/nowhere.html" and "no such file" in found.problem


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed")
def test_s3_without_s3fs_names_the_extra_to_install():
    (found,) = documents("s3://bucket/crawl/*.warc.gz")
    assert found.name == "s3://bucket/crawl/*.warc.gz"
    assert "pip install 'newsnorm[s3]'" in found.problem


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # a test's output is not a server log
        pass


@pytest.fixture
def web_server(crawl: Path) -> Iterator[str]:
    """A real HTTP server on localhost serving the crawl folder, in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(crawl))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_files_served_over_http_read_like_the_local_files(crawl, web_server):
    for name in ("a.warc.gz", "b.html", "sub/c.txt.gz", "sub/d.jsonl"):
        url, local = f"{web_server}/{name}", crawl / name
        assert comparable(documents(url), url, str(local)) == comparable(documents(local), "", "")
    assert input_size([f"{web_server}/b.html"]) == (crawl / "b.html").stat().st_size


def test_a_document_at_a_url_crosses_process_boundaries_and_keeps_the_size_cap(crawl):
    url = (crawl / "sub" / "c.txt.gz").as_uri()
    (found,) = documents(url)
    sent = pickle.loads(pickle.dumps(found))
    assert sent == found and sent.location == url and sent.path is None
    assert sent.read() == b"Storm closes ports\n\nText.\n"  # gzip sniffed and inflated
    with pytest.raises(DocumentTooLarge):
        sent.read(max_bytes=10)


def test_the_command_converts_urls_and_reports_a_pattern_matching_nothing(crawl, tmp_path):
    url = (crawl / "a.warc.gz").as_uri()
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        app, ["convert", url, f"{crawl}/*.none", "-o", str(out), "--errors", str(errors)]
    )
    assert result.exit_code == 1
    sources = [json.loads(line)["provenance"]["source"] for line in out.read_text().splitlines()]
    assert len(sources) == 5 and all(s.startswith(f"{url}#<urn:uuid:") for s in sources)
    (failure,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert failure["source"] == f"{crawl}/*.none" and failure["stage"] == "read"
    assert NO_MATCH in failure["message"]


def test_documents_at_urls_rename_nothing_else(crawl):
    """Only the name says where a document came from: content, URL and type are equal."""
    url = (crawl / "a.warc.gz").as_uri()
    local, remote = documents(crawl / "a.warc.gz"), documents(url)
    renamed = [dataclasses.replace(doc, name=doc.name.replace(url, str(crawl / "a.warc.gz")))
               for doc in remote]  # fmt: skip
    assert renamed == local
