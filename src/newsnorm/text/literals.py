"""Whether a text holds any of many literal strings, asked of every line of a capture.

Python's regular expressions try a flat alternation ("sign|subscri|suscr|…") one word after
another at each position of the text; grouped by common prefixes ("s(?:ign|u(?:bscri|scr))")
the same words are tried a few times faster, the engine leaving a position at its first
letter that starts no word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]
_END = ""  # the key marking that a word ends at a node


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose `search` finds whether a text holds one of `words`. For a yes or no
    only: where one word begins another ("abo", "abonn"), the shorter is all it matches."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return re.compile(_alternation(trie))


def _alternation(node: _Trie) -> str:
    if _END in node:
        return ""  # a word ends here: the longer ones add no match
    branches = [re.escape(char) + _alternation(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
