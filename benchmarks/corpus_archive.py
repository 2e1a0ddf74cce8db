"""Pack the shared corpus pages the way crawls hold them: a web archive (WARC, one gzip
member per record, a request and a response record per page, as Common Crawl has them) or a
JSON Lines dump (one {"url", "html"} object per line).

    python corpus_archive.py --shared ../../shared --records 20000 crawl.warc.gz
    python corpus_archive.py --shared ../../shared --records 50 pages.jsonl

The pages come in a fixed order (scrapinghub, then NAEB, each by key) and repeat until
`--records` pages are written, so a large archive holds copies with the same record ids.
The same arguments always give the same bytes.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import orjson
from runner import load_pages
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsnorm.text.decoding import decode

REPO = Path(__file__).resolve().parents[1]
_CRAWL_DATE = "2025-11-01T00:00:00Z"  # fixed, so the archive's bytes are too
Page = tuple[str | None, bytes]
# Not every benchmark corpus: the scale benchmark's archives (and its committed results) are
# made of these two, and the same arguments must keep giving the same bytes.
CORPORA = ("scrapinghub", "naeb")


def corpus_pages(shared: Path) -> list[Page]:
    """(URL, raw bytes) of every corpus page, in a fixed order."""
    return [page for corpus in CORPORA for page in load_pages(shared, corpus, None)]


def write_warc(pages: list[Page], records: int, path: Path) -> None:
    """`records` response records (each after its request record), cycling through pages."""
    members = [_warc_pair(number, url, content) for number, (url, content) in enumerate(pages)]
    with path.open("wb") as archive:
        for member in itertools.islice(itertools.cycle(members), records):
            archive.write(member)


def write_jsonl(pages: list[Page], records: int, path: Path) -> None:
    with path.open("wb") as dump:
        for url, content in itertools.islice(itertools.cycle(pages), records):
            dump.write(orjson.dumps({"url": url, "html": decode(content)}) + b"\n")


def _warc_pair(number: int, url: str | None, content: bytes) -> bytes:
    """The gzip members of one page's request and response records."""
    url = url or f"https://example.com/page/{number}"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for record in _records(writer, url, content):
        writer.write_record(record)
    return buffer.getvalue()


def _records(writer: WARCWriter, url: str, content: bytes) -> Iterator[object]:
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "corpus")], is_http_request=True)
    response = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(content)))],
        protocol="HTTP/1.1",
    )  # fmt: skip
    for kind, headers, body in (("request", request, b""), ("response", response, content)):
        record_id = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {url}')}>"
        warc_headers = {"WARC-Record-ID": record_id, "WARC-Date": _CRAWL_DATE}
        yield writer.create_warc_record(
            url, kind, payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict=warc_headers,
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSNORM_SHARED") or REPO.parent / "shared"
    parser.add_argument("--shared", type=Path, default=Path(shared), help="shared data root")
    parser.add_argument("--records", type=int, default=602, help="pages to write (default 602)")
    parser.add_argument("output", type=Path, help="*.warc.gz, or *.jsonl for a JSON Lines dump")
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    pages = corpus_pages(args.shared)
    write = write_jsonl if args.output.name.endswith(".jsonl") else write_warc
    write(pages, args.records, args.output)
    print(f"wrote {args.records} pages to {args.output}")


if __name__ == "__main__":
    main()
