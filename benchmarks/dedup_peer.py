"""The peer of the dedup benchmark: near-duplicates found the way users do it by hand with
datasketch (MinHash of each record's word 5-grams with its default SHA-1 hashing, one
MinHashLSH index, a query per record). It finds copies only (no checking of candidates,
no stories), so it is a floor for the cost of the work, not the same work.

    python dedup_peer.py records.jsonl
"""

from __future__ import annotations

import sys

import orjson
from datasketch import MinHash, MinHashLSH


def main(path: str) -> int:
    index = MinHashLSH(threshold=0.7, num_perm=128)
    linked = 0
    with open(path, "rb") as lines:
        for number, line in enumerate(lines):
            words = orjson.loads(line)["text"].lower().split()
            minhash = MinHash(num_perm=128)
            minhash.update_batch(
                " ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))
            )
            linked += bool(index.query(minhash))
            index.insert(str(number), minhash)
    print(f"{number + 1} records, {linked} with a candidate", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
