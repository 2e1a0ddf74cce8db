"""Whether a change left every record as it was: a digest of each record newsnorm makes from
the shared corpora and samples, compared with the digests of an earlier checkout.

    python benchmarks/record_digests.py --shared ../shared -o digests.json
    python benchmarks/record_digests.py --shared ../shared --compare digests.json

Every HTML page of scrapinghub, NAEB and fundus-publishers (with its gold URL, as the
benchmark gives it), every capture (without one) and every sample is converted; a document
that fails counts by its error. `--compare` prints the documents whose record changed and
exits 1 when there is any: a refactoring must leave the count at 0.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import newsnorm
from newsnorm import formats

HTML_GOLD = {"scrapinghub": "ground-truth.json", "naeb": "articles.json",
             "fundus-publishers": "articles.json"}  # fmt: skip


def documents(shared: Path) -> Iterator[tuple[str, bytes, str | None]]:
    """(key, content, url) of every document, in a fixed order."""
    for corpus, gold_file in HTML_GOLD.items():
        root = shared / "corpora" / corpus
        gold = json.loads((root / gold_file).read_text(encoding="utf-8"))
        for key in sorted(gold):
            path = root / "html" / f"{key}.html.gz"
            if path.exists():
                yield f"{corpus}/{key}", gzip.decompress(path.read_bytes()), gold[key].get("url")
    for folder in (shared / "corpora" / "captures" / "text", shared / "samples" / "text"):
        for path in sorted(folder.glob("*.txt")):
            yield f"{folder.parent.name}/{path.name}", path.read_bytes(), None


def digest(content: bytes, url: str | None) -> str:
    try:
        line = formats.line(newsnorm.normalize(content, url=url))
    except newsnorm.NormalizeError as exc:
        line = f"error {exc.stage}: {exc}".encode()
    return hashlib.sha256(line).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("-o", "--output", type=Path, help="write the digests here")
    parser.add_argument("--compare", type=Path, help="digests of an earlier checkout")
    args = parser.parse_args()
    digests = {key: digest(content, url) for key, content, url in documents(args.shared)}
    if args.output:
        args.output.write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(digests)} documents")
    if args.compare is None:
        return 0
    earlier = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = sorted(key for key in digests.keys() | earlier.keys()
                     if digests.get(key) != earlier.get(key))  # fmt: skip
    for key in changed:
        print(f"changed: {key}")
    print(f"{len(changed)} of {len(digests)} records changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
