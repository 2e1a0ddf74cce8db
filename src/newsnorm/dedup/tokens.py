"""The words a record's text is compared by: case, accents of width and spacing folded
(NFKC, casefold), punctuation dropped; a script written without spaces (Chinese, Japanese,
Thai) counts each character as a word, so its shingles are runs of characters."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib

import numpy as np

SHINGLE = 5  # words a shingle: long enough that unrelated articles share few
# Han, kana, Thai, Lao, Khmer, Myanmar: one character a word.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")
_SPACED_WORD = re.compile(r"\w+")  # twice as fast, for the texts with no unspaced script
_HAS_UNSPACED = re.compile(rf"[{_UNSPACED}]")
# Odd 64-bit multipliers that mix a shingle's word hashes into one (any fixed odd set does).
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
     0xFF51AFD7ED558CCD][:SHINGLE],
    dtype=np.uint64,
)  # fmt: skip


def words(text: str) -> list[str]:
    """`text`'s words, folded."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    words = _WORD if _HAS_UNSPACED.search(text) else _SPACED_WORD
    return words.findall(text.casefold())


def word_hashes(tokens: list[str]) -> np.ndarray:
    """A 32-bit hash of each word (CRC-32: fast, and the same in every process)."""
    return np.fromiter(
        (zlib.crc32(token.encode()) for token in tokens), dtype=np.uint64, count=len(tokens)
    )


def shingles(hashes: np.ndarray) -> np.ndarray:
    """The distinct 32-bit hashes of every run of SHINGLE words, sorted; a text shorter
    than a shingle is one shingle of all its words."""
    if len(hashes) == 0:
        return np.zeros(0, dtype=np.uint32)
    width = min(SHINGLE, len(hashes))
    windows = np.lib.stride_tricks.sliding_window_view(hashes, width)
    mixed = (windows * _MIX[:width]).sum(axis=1, dtype=np.uint64)
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))


def digest(hashes: np.ndarray) -> int:
    """One 64-bit value for the whole word sequence: equal for texts that differ only in
    case, spacing and punctuation."""
    data = hashes.astype("<u4").tobytes()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")
