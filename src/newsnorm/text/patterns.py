"""Line shapes that many outlets share; outlet plugins build their rules from these."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = ".!?…:;"
_CREDIT_LABEL = re.compile(r"^(?:photo|image|picture|file photo)\s*(?:by|:)\s*", re.IGNORECASE)
_CAPTION_AND_CREDIT = re.compile(r"^(?P<caption>.*[.!?…][”’\"')]?)\s+(?P<credit>[^.!?…]{1,60})$")


def clean_text(text: str) -> str:
    """NFC, invisible characters dropped, every run of spaces as one space, trimmed."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def clean_preformatted(text: str) -> str:
    """As clean_text, but the layout stays: spaces and line breaks inside are the content."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def ends_like_sentence(text: str) -> bool:
    """True when the text ends with sentence punctuation, perhaps inside quotes."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
        if stripped and stripped[-1] in _SENTENCE_END:
            return True
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def is_headline_shaped(text: str, *, max_words: int = 25) -> bool:
    """A short line that starts like a title and does not end like a sentence."""
    words = text.split()
    if not 2 <= len(words) <= max_words or ends_like_sentence(text):
        return False
    if text.startswith("(") and text.endswith(")"):
        return False  # "(Reporting by ...)" style notes belong to the article
    return not text[0].islower()


def word_count(text: str) -> int:
    return len(text.split())


def split_caption_credit(line: str, *, max_credit_words: int = 6) -> tuple[str, str | None]:
    """Split "A caption ends here. Reuters" into ("A caption ends here.", "Reuters")."""
    match = _CAPTION_AND_CREDIT.match(line.strip())
    if not match:
        return line.strip(), None
    credit = _CREDIT_LABEL.sub("", match["credit"]).strip()
    if not credit or word_count(credit) > max_credit_words or not credit[0].isupper():
        return line.strip(), None
    return match["caption"].strip(), credit
