"""Line shapes that many outlets share; outlet plugins build their rules from these."""

from __future__ import annotations

import re
import unicodedata

# The helpers outlet plugins use; each is described in docs/plugins.md, "Helper reference".
__all__ = [
    "clean_lines",
    "clean_preformatted",
    "clean_text",
    "closes_sentence",
    "ends_like_sentence",
    "is_headline_shaped",
    "split_caption_credit",
    "word_count",
]

_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE_CHARACTERS = "\u200b\u2060\ufeff\u00ad"
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = ".!?…:;"
# The marks that close a sentence, in the scripts newsnorm reads (no colon, no ellipsis).
_FULL_STOPS = (".", "!", "?", "。", "！", "？", "।", "؟", "۔")
_CREDIT_LABEL = re.compile(r"^(?:photo|image|picture|file photo)\s*(?:by|:)\s*", re.IGNORECASE)
_CAPTION_AND_CREDIT = re.compile(r"^(?P<caption>.*[.!?…][”’\"')]?)\s+(?P<credit>[^.!?…]{1,60})$")


def clean_text(text: str) -> str:
    """NFC, invisible characters dropped, every run of spaces as one space, trimmed."""
    return _SPACES.sub(" ", _visible(text)).strip()


def _visible(text: str) -> str:
    """NFC, invisible characters dropped; ASCII text is both already. (str.replace per
    character: str.translate walks every character through a dict, many times slower.)"""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    for invisible in _INVISIBLE_CHARACTERS:
        text = text.replace(invisible, "")
    return text


def clean_lines(text: str) -> list[str]:
    """Each line of `text` as `clean_text` makes it (normalised once for the whole text:
    the same result, a capture's thousands of lines at a time)."""
    text = _visible(text)
    # str.split() breaks at the characters the pattern's \s matches (both ask Unicode's
    # whitespace property), many times faster than the pattern over thousands of lines.
    return [" ".join(line.split()) for line in text.splitlines() or [""]]


def clean_preformatted(text: str) -> str:
    """As clean_text, but the layout stays: spaces and line breaks inside are the content."""
    text = _visible(text)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def ends_like_sentence(text: str) -> bool:
    """Whether the text ends with sentence punctuation (`.!?…:;`), perhaps inside closing
    quotes or brackets ("He left.”"): tells a sentence from a headline or a label."""
    stripped = _before_closers(text)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def closes_sentence(text: str) -> bool:
    """Whether the text ends a sentence with a full stop, "!" or "?" (perhaps inside
    closing quotes or brackets); a cut-off "…", a colon or no mark at all closes none."""
    stripped = _before_closers(text)
    return stripped.endswith(_FULL_STOPS) and not stripped.endswith(("...", "…"))


def _before_closers(text: str) -> str:
    """The text without the quotes and brackets that close it ("He left.”" as "He left.")."""
    return text.rstrip().rstrip(_CLOSERS)


def is_headline_shaped(text: str, *, max_words: int = 25) -> bool:
    """Whether `text` looks like a headline: 2 to `max_words` words, not starting in lower
    case, not ending like a sentence, not a parenthesised note ("(Reporting by ...)")."""
    words = text.split()
    if not 2 <= len(words) <= max_words or ends_like_sentence(text):
        return False
    if text.startswith("(") and text.endswith(")"):
        return False  # "(Reporting by ...)" style notes belong to the article
    return not text[0].islower()


def word_count(text: str) -> int:
    """The number of whitespace-separated words in `text`."""
    return len(text.split())


def split_caption_credit(line: str, *, max_credit_words: int = 6) -> tuple[str, str | None]:
    """Split "A caption ends here. Reuters" into ("A caption ends here.", "Reuters").

    The credit is a capitalised tail of at most `max_credit_words` words after the last
    sentence, its "Photo:" or "Photo by" label dropped; (the line, None) without one.
    """
    match = _CAPTION_AND_CREDIT.match(line.strip())
    if not match:
        return line.strip(), None
    credit = _CREDIT_LABEL.sub("", match["credit"]).strip()
    if not credit or word_count(credit) > max_credit_words or not credit[0].isupper():
        return line.strip(), None
    return match["caption"].strip(), credit
