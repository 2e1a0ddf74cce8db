"""One story, many copies: each record's `duplicate_of` and `story` (`newsnorm dedup`,
`newsnorm convert --dedup`).

    summary = dedup(["articles.jsonl"], "deduplicated.jsonl")
    print(summary.line())

A record copies another when their texts are the same words, or nearly: MinHash
signatures with LSH bands (datasketch) find the candidates, and each candidate pair is
checked on its real shingles (newsnorm.dedup.similarity). Records tell the same story when
they share uncommon names, title words and days (newsnorm.dedup.stories). Links form
connected groups whose earliest published record is the one the others point at
(newsnorm.dedup.links).
"""

from newsnorm.dedup.extra import require_dedup_extra

require_dedup_extra()  # a UsageError naming the extra, before NumPy is imported below

from newsnorm.dedup.run import DedupSummary, dedup  # noqa: E402

__all__ = ["DedupSummary", "dedup"]
