"""Gold languages for the language accuracy, which no corpus ships.

NAEB is English news, but three of its pages are not English (read from their bodies): those
are listed below. fundus-publishers: fundus_languages.json maps each publisher to the ISO 639-1
code of its pages' language, annotated by hand from the gold titles and bodies (not from the
pages' markup, which on the South African isiZulu and isiXhosa pages and on HabariLeo's
Swahili page says English). scrapinghub mixes languages and has no gold: not scored. A capture
has the language of the page it was made from.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

FUNDUS_FILE = Path(__file__).resolve().parent / "fundus_languages.json"
NAEB_NOT_ENGLISH = {
    "ae05611d32246f2d0e680889894afc9a": "es",  # PolitiFact's Spanish fact check
    "0c203511a628d018fdd300df085fcee2": "it",  # tcnewsnet.com
    "c4fe55187a73c55c21ac740e6ae2ab80": "it",  # tcnewsnet.com
}
# Norwegian pages say "nb" (Bokmål) or "no" (the macrolanguage): both are right.
SAME_LANGUAGE = {"nb": "no", "nn": "no"}


def gold_languages(corpus: str, keys: list[str], items: list[dict]) -> list[str | None]:
    """One gold language per page; None where there is none to score against."""
    if corpus == "naeb":
        return [NAEB_NOT_ENGLISH.get(key, "en") for key in keys]
    if corpus == "fundus-publishers":
        return [fundus_publishers()[item["publisher"]] for item in items]
    if corpus == "captures":  # each capture's gold names its page: corpus and key there
        return [gold_languages(item["corpus"], [item["page"]], [item])[0] for item in items]
    return [None] * len(items)


@cache
def fundus_publishers() -> dict[str, str]:
    """fundus_languages.json: publisher -> language."""
    return json.loads(FUNDUS_FILE.read_text(encoding="utf-8"))


def primary(tag: str | None) -> str:
    """The primary subtag, lower-cased and folded: "de-AT" and "de_at" are "de"."""
    subtag = (tag or "").replace("_", "-").split("-")[0].strip().lower()
    return SAME_LANGUAGE.get(subtag, subtag)


def same_language(got: str | None, want: str) -> bool:
    return primary(got) == primary(want)
