"""Telling an outlet's name from what is not one, and comparing names with each other and
with a domain: "The Boston Globe" and "BostonGlobe.com" are one name, and both agree with
bostonglobe.com."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from newsnorm.text.people import agency_name

MAX_NAME_WORDS = 8  # longer is a sentence or a tagline, not a name
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# A bare host ("Golem.de", "INQUIRER.net", "www.topspeed.com"): labels of letters, digits and
# hyphens, ending in a top-level domain of letters.
_HOST = re.compile(r"^(?:www\.)?((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,6})$")
_TRIMMED = " \t-–—|:·,;/"
_ARTICLE = re.compile(r"^(?:the|der|die|das|le|la|les|il|lo|el|het|de)\s+")
_TRAILING_TLD = re.compile(r"\.(?:com|net|org|[a-z]{2})(?:\.[a-z]{2})?$")
# Labels of a host that say nothing about whose it is.
_GENERIC_LABELS = {"www", "m", "amp", "co", "com", "net", "org", "ac", "gov", "edu", "or", "ne"}
_MIN_SHARED = 5  # characters a name and a host label must share to agree (or the whole label)
# Words that make a name a company's (the owner of mastheads) rather than a masthead's.
_COMPANY_WORDS = re.compile(
    r"\b(?:Inc|Incorporated|LLC|Ltd|Limited|plc|Corp|Corporation|Company|Holdings?|Group"
    r"|Gruppe|Groupe|Grupo|Gruppo|Media|Medien|Médias|Mediehuset|Mediahuis|Publishing"
    r"|Publications|Publishers|Verlag|Verlagsgesellschaft|Ediciones|Éditions|Editora"
    r"|Network|Enterprises|Productions|Communications|Entertainment)\b",
    re.IGNORECASE,
)
_COMPANY_FORMS = re.compile(r"\b(?:GmbH|AG|SE|S\.A\.?|SA|S\.L\.?|N\.V\.?|B\.V\.?|A/S|AS|AB|Oy)\b")


def clean_name(text: str | None) -> str | None:
    """`text` as an outlet's name: whitespace squeezed, stray separators trimmed, a bare
    host without `www.`; None for what is no name: empty, no letters, a URL, a social
    handle, more words than a name has."""
    if not text:
        return None
    name = " ".join(text.split()).strip(_TRIMMED)
    if not any(char.isalpha() for char in name) or name.startswith("@") or _URL.match(name):
        return None
    if len(name.split()) > MAX_NAME_WORDS:
        return None
    host = _HOST.match(name)
    return name.removeprefix("www.").removeprefix("WWW.") if host else name


def bare_host(name: str) -> str | None:
    """The host `name` is ("INQUIRER.net" → "inquirer.net"), or None when it is a name."""
    match = _HOST.match(name.strip())
    return match.group(1).lower() if match else None


def name_key(name: str) -> str:
    """What two spellings of one name share: letters and digits, lower-case and without
    accents, without a leading article or a trailing top-level domain ("The Boston Globe",
    "BostonGlobe.com" → "bostonglobe")."""
    text = _ARTICLE.sub("", _TRAILING_TLD.sub("", folded(name).strip()))
    key = "".join(char for char in text if char.isalnum())
    return key.removeprefix("the") if len(key) > len("the") + 2 else key  # "TheHill"


def related(first: str, second: str) -> bool:
    """Whether one name's key is, or holds, the other's ("Insider", "Business Insider")."""
    a, b = name_key(first), name_key(second)
    return bool(a and b) and (a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)))


def agrees_with_host(name: str, host: str | None) -> bool:
    """Whether a name and a domain look like one outlet's: they share a run of letters
    ("Chicago Sun-Times", chicago.suntimes.com)."""
    key = name_key(name)
    return any(shared_run(label, key) >= min(_MIN_SHARED, len(label)) for label in _labels(host))


def is_company_name(name: str) -> bool:
    """Whether a name is a company's ("Coastal Media Holdings", "Tamedia AG")."""
    return bool(_COMPANY_WORDS.search(name) or _COMPANY_FORMS.search(name))


def is_agency(name: str) -> bool:
    """Whether a name is a wire service's ("The Associated Press"): a story's credit."""
    return bool(agency_name(name) or agency_name(name.removeprefix("The ")))


def comparable(name: str) -> bool:
    """Whether a name can be compared with a domain: it has Latin letters."""
    return any("a" <= char <= "z" for char in name_key(name))


def folded(text: str) -> str:
    """Lower-case, without accents: "El País" → "el pais"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _labels(host: str | None) -> list[str]:
    """The labels of a host that may name its owner, without hyphens: not the top-level
    domain, not `www`, not a generic second level (`co.uk`)."""
    if not host:
        return []
    labels = folded(host).split(".")[:-1]
    return [label.replace("-", "") for label in labels if label not in _GENERIC_LABELS]


def shared_run(first: str, second: str) -> int:
    """The length of the longest run of characters two texts share."""
    if not first or not second:
        return 0
    return SequenceMatcher(None, first, second, autojunk=False).find_longest_match().size
