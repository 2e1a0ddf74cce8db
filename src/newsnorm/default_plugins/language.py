"""The record's language: what the page or outlet declares, as a BCP 47 primary language
subtag ("en-US", "de_AT" -> "en", "de"), else what the text is written in.

Detection is CLD2 (Chromium's Compact Language Detector 2, through pycld2): quadgram and
word tables for 83 languages compiled into the library, nothing to load or fetch,
deterministic, Apache-licensed. Chosen side by side with py3langid, a fastText lid.176
model and CLD3 on the shared corpora's records (benchmarks/language_ids.py): as accurate as
py3langid, the best of the others, on every corpus, in 3 MiB where py3langid's model takes
86 MiB and half a second of every process's start, and eight times faster.

A declaration is also checked against the text: pages built on a template declare its
language ("en" on Zulu or Swahili stories), so a long enough text whose language is
beyond doubt, and not a close sibling of the declared one, wins.
"""

from __future__ import annotations

import re
from itertools import islice

from newsnorm import evidence
from newsnorm.document import Document
from newsnorm.hookspecs import hookimpl

_SAMPLE_CHARS = 1000  # enough for a sure answer, bounded so long stories cost the same
_MIN_CHARS_TO_DETECT = 40
_MIN_CHARS_TO_OVERRIDE = 250
_MIN_SHARE_TO_OVERRIDE = 0.9  # of the text, in the language detected
# What CLD2 refuses as not UTF-8 text: control characters and lone surrogates.
_PLAIN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_PRIMARY = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$")
# Three-letter codes are mostly other things pages put there ("utf-8"): only languages
# without a two-letter code that pages are written in are taken.
_THREE_LETTER = {"fil", "yue", "ceb", "haw", "ast", "gsw", "nds", "ckb", "kab", "hsb", "dsb",
                 "sco", "fur", "lij", "vec", "szl", "war", "min", "ace", "ban", "bug", "jbo",
                 "nso", "tpi", "cmn", "arz", "apc", "ary", "zsm"}  # fmt: skip
_DEPRECATED = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}
# Languages a detector tells apart less surely than a page's own declaration does.
_SIBLINGS = ({"no", "nb", "nn", "da"}, {"ms", "id"}, {"hr", "sr", "bs"}, {"cs", "sk"},
             {"gl", "pt"}, {"ca", "es"})  # fmt: skip


def primary_language(value: str | None) -> str | None:
    """The primary language subtag of a declared value, or None when it names none."""
    match = _PRIMARY.match((value or "").strip().lower())
    if not match or (len(match.group(1)) == 3 and match.group(1) not in _THREE_LETTER):
        return None
    return _DEPRECATED.get(match.group(1), match.group(1))


@hookimpl(trylast=True)
def newsnorm_extract_metadata(document: Document) -> None:
    declared = primary_language(document.meta.language)
    sample = _text_sample(document)
    detected, probability = detect(sample) if len(sample) >= _MIN_CHARS_TO_DETECT else (None, 0)
    document.meta.language = declared or detected
    if declared and detected and _clearly_other(declared, detected, probability, len(sample)):
        document.meta.language = detected
    if document.evidence is not None:
        _note_evidence(document, declared, detected, probability)


def _note_evidence(
    document: Document, declared: str | None, detected: str | None, probability: float
) -> None:
    evidence.saw(document, "language", "declared (primary subtag)", declared)
    source = f"detected in the text (CLD2, {probability:.0%} of it)"
    evidence.saw(document, "language", source, detected)
    if document.meta.language == declared:
        source = "declared (primary subtag)"
    evidence.chose(document, "language", source, document.meta.language)


def _text_sample(document: Document) -> str:
    texts = (block.text for block in document.live_blocks())
    return "\n".join(islice(texts, 40))[:_SAMPLE_CHARS]


def _clearly_other(declared: str, detected: str, probability: float, length: int) -> bool:
    if declared == detected or any({declared, detected} <= group for group in _SIBLINGS):
        return False
    return length >= _MIN_CHARS_TO_OVERRIDE and probability >= _MIN_SHARE_TO_OVERRIDE


def detect(text: str) -> tuple[str | None, float]:
    """The language `text` is written in, and the share of the text in it (0 when the
    detector is unsure); None when it cannot tell."""
    import pycld2  # a compiled library: loaded on the first page that needs it

    try:
        reliable, _, found = pycld2.detect(_PLAIN.sub(" ", text), isPlainText=True)
    except pycld2.error:  # bytes it will not read: no answer rather than a failed document
        return None, 0.0
    code, percent = found[0][1], found[0][2]
    if code == "un":
        return None, 0.0
    language = code.split("-")[0]  # "zh-Hant", "sr-ME"
    return _DEPRECATED.get(language, language), percent / 100 if reliable else 0.0
