"""What learning keeps of one page: hashes, never its text, except the text of the pairs
of lines it is asked for (those another page repeats)."""

from __future__ import annotations

from dataclasses import dataclass

from newsnorm.document import host_of
from newsnorm.text.line_pairs import (
    comparable,
    is_short,
    line_hash,
    line_hashes,
    pair_hashes,
    pair_in_a_row,
)

# A story is told in its long lines: pages sharing a third of them are one story (two
# crawls of an update, a wire story on two outlets), and repeat no template to each other.
STORY_LINE_WORDS = 10
# The long lines kept for that: those whose hash is even, at most this many. A line is
# kept on every page or on none, so two pages' samples share what the pages share.
SKETCH_SIZE = 32


@dataclass(frozen=True)
class PageLines:
    """One page's lines, as learning and the rules learned compare them."""

    host: str | None  # where the page says it is from; None for a capture without address
    lines: tuple[str | None, ...]  # shown lines, None where no rule may take one
    hashes: tuple[int | None, ...]  # each line's hash
    pairs: tuple[int | None, ...]  # the hash of each line's pair with the next

    @classmethod
    def of(cls, texts: list[str], url: str | None) -> PageLines:
        lines = comparable(texts)
        hashes = line_hashes(lines)
        return cls(host_of(url), tuple(lines), tuple(hashes), tuple(pair_hashes(hashes)))

    def digest(self) -> int:
        """The same for the same page read twice (an archive that holds it twice)."""
        return line_hash("\n".join(line or "" for line in self.lines))

    def sketch(self) -> tuple[int, ...]:
        story = {
            hashed
            for line, hashed in zip(self.lines, self.hashes, strict=True)
            if line is not None and len(line.split()) >= STORY_LINE_WORDS
        }
        return tuple(sorted(line for line in story if line % 2 == 0)[:SKETCH_SIZE])

    def short_pairs(self) -> set[int]:
        """The pairs of short lines: what tells one outlet's template from another's."""
        return {
            pair
            for index, pair in enumerate(self.pairs)
            if pair is not None and is_short(self.lines[index]) and is_short(self.lines[index + 1])
        }

    def matched(self, template: set[int]) -> int:
        """How many of its lines stand in a row of the template's."""
        pairs = list(self.pairs)
        return sum(
            1
            for index in range(len(self.lines))
            if pair_in_a_row(pairs, index, template) is not None
        )

    def pair_text(self, index: int) -> tuple[str, str]:
        return self.lines[index], self.lines[index + 1]
