"""Mojibake: UTF-8 text decoded once more as Windows-1252, Latin-1 or Mac Roman on its way
to us ("fÃ¼r", "sanciÃ³n", "‚ÄòSleighs‚Äô"), as captures saved by tools that guessed the
encoding are. ftfy undoes it; it is asked only about texts holding a pair of characters that
such decoding makes and text almost never holds, since its own test reads every character.
"""

from __future__ import annotations

import re

# The first two characters of a decoded-again UTF-8 sequence: a lead byte's letter ("Ã",
# "Â", "Ð", "Ñ") before a continuation byte's character, Windows-1252's "â€" (quotes and
# dashes), or Mac Roman's "‚Ä" and "√©".
_HINT = re.compile(
    "[ÂÃÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|â€|‚Ä|√[©†§]"
)
_LEADS = "ÂÃÐÑâ‚√"  # (looked for first: a search for a character is many times faster)


def repair_mojibake(text: str) -> str:
    """`text` with mojibake undone; text without it comes back as it is."""
    if not any(lead in text for lead in _LEADS) or not _HINT.search(text):
        return text
    from ftfy import fix_encoding  # (imported only for the rare text that needs it)
    from ftfy.badness import is_bad

    return fix_encoding(text) if is_bad(text) else text
