"""The outlet a text capture's copyright line names.

A copied page ends with its site's footer, and the footer's copyright notice names the site's
owner: "© 2026 The Daily Courier", "Copyright © 2024 Example Media Group. All rights
reserved.", "Daily Maverick © All rights reserved", "© Le Monde 2025". The owner is what the
notice says besides its mark (`©`, `(c)`, "Copyright"), its years, its rights-reserved phrase
(in many languages) and what follows the owner: a sentence, an address, a list of links
("| Privacy Policy"), a parent ("CNET, a Red Ventures company" → "CNET"). A legal form at the
end goes ("The Globe and Mail Inc.", "Frankfurter Allgemeine Zeitung GmbH", "Mediahuis
Luxembourg S.A."): records name the outlet, not the company register's entry. A notice's
owner is often the publishing company rather than the masthead ("Future US", "Nexstar
Media"): that is what the capture says.

Which notice is the site's: the last one in the capture, read over every block whether the
body keeps it or not. A bare "© Name" without a year or a rights phrase is also how photos
are credited, so it counts only among the capture's last lines. A story's own credit is not
the site's: a notice naming a wire service ("© 2024 The Associated Press"), or restricting
the story's reuse ("Not to be redistributed", "Reprinted by permission"). A notice naming no
owner ("© 2023 - All rights reserved") after the last one that names one means the site
names none: no name then, rather than an earlier line's. No name either from a notice whose
owner the capture says the story "originally appeared on" (a syndicated copy), or from two
owners side by side ("© 2024 Yahoo", "© 1986-2024 Autodata"): either may be the site's. A
notice after more than a dozen words of other text credits that text (a photo's caption).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from newsnorm.outlet.names import bare_host, clean_name, is_agency, related

TAIL_BLOCKS = 10  # a bare "© Name" counts only this near the end
NEIGHBOURS = 2  # notices this close to each other belong to one footer
_MAX_WORDS_BEFORE = 12  # after longer text, a mark credits that text (a photo's caption)
_MAX_NOTICE_CHARS = 1000  # a footer's legal paragraph may follow its notice
_MAX_OWNER_WORDS = 7

_SYMBOL = r"(?:©|ⓒ|\(c\))"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_MAY_MARK = re.compile(r"©|ⓒ|\(c\)|copyright")  # the quick test's marks, on lowered text
_ANY_CASE_MARK = re.compile(_MAY_MARK.pattern, re.IGNORECASE)  # where lowering moves offsets
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")  # the quick test's; _YEAR is the exact one
_YEARS = re.compile(rf"{_YEAR}(?:\s*(?:[-–—/,]|and|to)\s*{_YEAR})*", re.IGNORECASE)
# The mark: the symbol (with "Copyright" before or after it), "(c)" before a year, or the word
# "Copyright" where a notice has it: at the start, or before a year, "by", ":" or "@".
_MARK = re.compile(
    rf"(?:\bcopyright\s*)?(?:©|ⓒ)(?:\s*copyright\b)?"
    rf"|(?:\bcopyright\s*)?\(c\)(?=\s*(?:{_YEAR}|\w))"
    rf"|^\W*copyright\b|\bcopyright\b(?=\s*(?:[:@]|{_YEAR}|by\b))",
    re.IGNORECASE,
)
_RIGHTS = re.compile(
    r"all\s+rights?\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+r[ée]serv[ée]s"
    r"|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+(?:sono\s+)?riservati"
    r"|riproduzione\s+riservata|todos\s+os\s+direitos\s+reservados|alle\s+rechten\s+voorbehouden"
    r"|alle\s+rettigheder\s+forbeholdes|alle\s+rettigheter\s+reservert"
    r"|alla\s+r[äa]ttigheter\s+f[öo]rbeh[åa]llna|(?:wszelkie|wszystkie)\s+prawa\s+zastrze[żz]one"
    r"|v[šs]echna\s+pr[áa]va\s+vyhrazena|v[šs]etky\s+pr[áa]va\s+vyhraden[ée]"
    r"|minden\s+jog\s+fenntartva|kaikki\s+oikeudet\s+pid[äa]tet[äa][äa]n"
    r"|toate\s+drepturile\s+rezervate|sva\s+prava\s+pridr[žz]ana|visos\s+teis[ėe]s\s+saugomos"
    r"|все\s+права\s+защищены|всі\s+права\s+захищені|t[üu]m\s+haklar[ıi]\s+sakl[ıi]d[ıi]r"
    r"|haki\s+zote\s+zimehifadhiwa|hak\s+cipta\s+dilindungi|جميع\s+الحقوق\s+محفوظة"
    r"|כל\s+הזכויות\s+שמורות|版权所有|版權所有|無断転載",
    re.IGNORECASE,
)
# What a story's own credit says after its notice: the wire services' "may not be
# published, broadcast, rewritten or redistributed", a syndicated story's "Not to be
# redistributed", an excerpt's "Reprinted by permission", a column's "Distributed by".
_STORY_CREDIT = re.compile(
    r"\bnot\s+to\s+be\s+(?:re)?(?:produced|published|distributed|copied)"
    r"|\bmay\s+not\s+be\s+published,?\s+broadcast"
    r"|\breprinted\s+(?:by|with)\s+(?:kind\s+)?permission|\bdistributed\s+by\b",
    re.IGNORECASE,
)
_ORIGINALLY = re.compile(
    r"\boriginally\s+(?:appeared|published|ran)\s+(?:on|in|at|by)\s+(?P<source>[^.,;:'\"]{2,60})",
    re.IGNORECASE,
)
# Where the owner's name ends: a sentence, another notice, a rights phrase, a credit.
_SENTENCE_END = r"(?:(?<=[^\W\d_]{3})|(?<=[»”\"']))\.(?:\s|$)"
_OWNER_END = re.compile(
    rf"{_SENTENCE_END}|;|\(|<|>|™|®|{_YEAR}|{_SYMBOL}|copyright\b"
    r"|\b(?:powered|website|designed|site)\s+by\b|\s(?:and|or)\s+(?:its|their|by|other)\b"
    r"|\sand\s+affiliated\b",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s*[|｜]\s*|\s+[/–—+-]\s+|\s+I\s+|／")
_LEGAL_FORM = (
    r"Inc\.?|Incorporated|L\.?L\.?C\.?|Ltd\.?|Limited|Pty\.?\s+Ltd\.?|\(Pty\)\s+Ltd\.?"
    r"|Pvt\.?\s+Ltd\.?|plc|Corp\.?|Co\.?(?:,?\s*Ltd\.?)?|LLP|L\.P\.|GmbH(?:\s*&\s*Co\.?\s*KG(?:aA)?)?"
    r"|mbH|m\.b\.H\.|S\.?A\.?S?|S\.L\.U?\.?|SLU|S\.?p\.?A\.?|S\.?r\.?l\.?|N\.V\.?|B\.V\.?|a\.s\."
    r"|s\.r\.o\.|sp\.\s*z\s*o\.\s*o\.|Sdn\.?\s+Bhd\.?|hf\.?|ehf\.?|K\.K\.|Lda\.?|A/S|ASA|Oyj?"
)
# A legal form ends the owner's name; the short upper-case ones only as written.
_LEGAL_END = re.compile(rf",?\s+(?:(?i:{_LEGAL_FORM})|AG|KG|SE|AS|AB|NV|BV|SA|SL)(?=$|[\s,./|)])")
_LEGAL_PREFIX = re.compile(r"^(?:ООО|ОАО|ЗАО|ПАО|АО|PT)\s+")
_QUOTES = "\"'«»“”„‚‘’"
# A comma inside a firm's name ("Bennett, Coleman & Co."), not before a parent or an address.
_FIRM_COMMA = re.compile(r",\s+[^\W\d_][\w.-]*\s+&\s")
_LEADING = re.compile(rf"^(?:[\s,.:;·\-–—|*@]|{_YEARS.pattern}|by\b|{_MARK.pattern})+", re.I)
_BARE = re.compile(rf"^\W*?(?:copyright\s*)?{_SYMBOL}", re.IGNORECASE)
_YEAR_BEFORE = re.compile(rf"{_YEARS.pattern}[\s®™&]*$")
_MAX_RIGHTS_LINE_CHARS = 120  # a rights phrase and a year without a mark: a short line
_DESCRIPTION = re.compile(r"^(?:a|an|part of)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Notice:
    """A copyright notice and what it names: `name` None when it names no owner."""

    text: str
    name: str | None
    domain: str | None


def site_notice(lines: Iterable[str]) -> Notice | None:
    """The site's copyright notice among a capture's lines (see the module's docstring):
    None when there is none, or when the last one names no owner."""
    texts = [text for line in lines if (text := " ".join(line.split()))]
    found: list[tuple[int, Notice]] = []
    for index in _lines_to_read(texts):
        text = texts[index]
        notice = copyright_notice(text, in_tail=index >= len(texts) - TAIL_BLOCKS)
        if notice is not None and (notice.name or _marks(text)):
            found.append((index, notice))
    if not found or not found[-1][1].name:
        return None
    last_index, last = found[-1]
    # Two owners side by side ("© 2024 Yahoo", "© 1986-2024 Autodata"): the footer also
    # credits someone else, and which of them is the site's can't be told.
    neighbours = [n for i, n in found[:-1] if last_index - i <= NEIGHBOURS and n.name]
    if any(not related(n.name, last.name) for n in neighbours):
        return None
    return None if _first_published_by(texts, last.name) else last


def _lines_to_read(texts: list[str]) -> list[int]:
    """The indexes of the lines that may be notices (a mark, or a short line with a year and
    a rights phrase): the marks found by searching the whole text once instead of testing
    each of its hundreds of lines, the rights phrase on short lines only."""
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    whole = "\n".join(texts)
    lowered = whole.lower()  # (a case-blind pattern is several times slower)
    hits = (
        _MAY_MARK.finditer(lowered)
        if len(lowered) == len(whole)
        else _ANY_CASE_MARK.finditer(whole)
    )
    marked = {bisect_right(starts, match.start()) - 1 for match in hits}
    rights = {
        index
        for index, text in enumerate(texts)
        if len(text) <= _MAX_RIGHTS_LINE_CHARS and _ANY_YEAR.search(text) and _RIGHTS.search(text)
    }
    return sorted(marked | rights)


def _first_published_by(texts: list[str], owner: str) -> bool:
    """Whether the capture says its story first appeared at the notice's owner ("This
    article originally appeared on Benzinga.com"): the notice is then the story's credit."""
    return any(
        related(match.group("source"), owner)
        for text in texts
        if "originally" in text.casefold()
        for match in _ORIGINALLY.finditer(text)
    )


def copyright_notice(text: str, *, in_tail: bool = True) -> Notice | None:
    """The notice `text` is, with its owner; None when it is none, or a story's credit. A
    line with two notices is read by its last ("…Society Copyright © 2015 … Partners")."""
    if not _may_be_notice(text):  # the quick test needs no normalised spaces
        return None
    text = " ".join(text.split())
    marks = _marks(text)
    # The last mark that stands alone or after a short footer phrase; after longer text, a
    # mark credits that text (a photo's caption).
    mark = next((m for m in reversed(marks) if _words_before(text, m) <= _MAX_WORDS_BEFORE), None)
    if len(text) > _MAX_NOTICE_CHARS or (marks and mark is None):
        return None
    if _STORY_CREDIT.search(text, mark.end() if mark else 0):
        return None
    strong = _is_notice(text, mark)
    if not strong and not (in_tail and mark and _BARE.match(text)):
        return None
    owner, domain = _owner(text, mark)
    if owner and (is_agency(owner) or (not strong and _is_photo_credit(owner))):
        return None
    return Notice(text, owner, domain)


def _may_be_notice(text: str) -> bool:
    """A quick test first: most of a capture's lines have no mark, and are not short lines
    with a year and a rights phrase."""
    folded = text.casefold()
    if "©" in text or "ⓒ" in text or "(c)" in folded or "copyright" in folded:
        return True
    short = len(text) <= _MAX_RIGHTS_LINE_CHARS
    return short and _ANY_YEAR.search(text) is not None and _RIGHTS.search(text) is not None


def _marks(text: str) -> list[re.Match]:
    return [mark for mark in _MARK.finditer(text) if not _is_mojibake(text, mark)]


def _words_before(text: str, mark: re.Match) -> int:
    return len(text[: mark.start()].split())


def _is_mojibake(text: str, mark: re.Match) -> bool:
    """ "Ã©" is "é" decoded as Latin-1, not a copyright sign."""
    return text[mark.start() - 1 : mark.start()] in ("Ã", "Â") and text[mark.start()] == "©"


def _is_notice(text: str, mark: re.Match | None) -> bool:
    """A mark with a year beside it (before the mark, or after it within the notice's
    first sentence) or with a rights phrase; without a mark, a short line with a rights
    phrase and a year. A year elsewhere is a caption's ("… Marathon 2024. © Witters")."""
    if mark is None:
        short = len(text) <= _MAX_RIGHTS_LINE_CHARS
        return short and bool(_RIGHTS.search(text)) and bool(_YEARS.search(text))
    after = re.split(_SENTENCE_END, text[mark.end() :], maxsplit=1)[0]
    beside = _YEARS.search(after) or _YEAR_BEFORE.search(text[: mark.start()])
    return bool(beside or _RIGHTS.search(text, mark.start()))


def _owner(text: str, mark: re.Match | None) -> tuple[str | None, str | None]:
    """The owner a notice names, and a domain when it names a bare host."""
    if mark is None:  # "2025 The Citizen. All Rights Reserved.", "Tous droits réservés X"
        rights = _RIGHTS.search(text)
        start, end = (rights.start(), rights.end()) if rights else (len(text), len(text))
        before = _named(text[:start])
        return before if before[0] else _named(text[end:])
    after = text[mark.end() :]
    lead = _LEADING.match(after)
    # "© 2024. All times …", "© 2025 | Address": the owner was named before the mark.
    ended = lead is not None and any(char in lead.group(0) for char in ".|")
    rest = _without_rights(after[lead.end() :] if lead else after)
    if rest and not ended:
        owner, domain = _named(rest)
        return owner, domain or bare_host(_last_sentence(text[: mark.start()]).strip())
    before = _named(_last_sentence(text[: mark.start()]))
    if before[0] or not rest:
        return before
    owner, domain = _named(rest) if rest else (None, None)
    return owner, domain


def _without_rights(text: str) -> str:
    """What follows a leading rights phrase ("All Rights Reserved | Tanzania Standard")."""
    while (rights := _RIGHTS.match(text)) is not None:
        text = _LEADING.sub("", text[rights.end() :])
    return text


def _last_sentence(text: str) -> str:
    """The end of the text before a mark: "Part of HuffPost Crime. " → "", "Sporting News |
    All Rights Reserved |" → "Sporting News"."""
    text = re.split(_SENTENCE_END, text)[-1]
    parts = [part for part in _PARTS.split(text) if _named_part(part)]
    return parts[-1] if parts else ""


def _named_part(part: str) -> bool:
    part = part.strip(" .,")
    return bool(part) and not _RIGHTS.fullmatch(part)


def _named(text: str) -> tuple[str | None, str | None]:
    """The owner's name at the start of `text`, and its domain when it is a bare host."""
    text = _without_rights(_LEADING.sub("", text))
    end = _OWNER_END.search(text)
    region = text[: end.start()] if end else text
    rights = _RIGHTS.search(region)
    region = region[: rights.start()] if rights else region
    parts = [_without_dot(part) for part in _PARTS.split(region) if part.strip(" .,")]
    if not parts:
        return None, None
    owner, domain = _host_and_name(parts[0])
    name = _valid_owner(_without_legal_form(_until_comma(owner)))
    hosts = (bare_host(part) for part in (name or "", *parts))
    return name, domain or next((host for host in hosts if host), None)


def _without_dot(part: str) -> str:
    """A sentence's full stop goes; an abbreviation's stays ("U.S.")."""
    part = part.strip()
    stripped = part.rstrip(".")
    if bare_host(stripped) or "." not in stripped.rsplit(" ", 1)[-1]:
        return stripped
    return part


def _host_and_name(part: str) -> tuple[str, str | None]:
    """ "HotAir.com/Salem Media" → the host's name; a bare host is also the domain."""
    first = part.split("/", 1)[0].strip()
    host = bare_host(first)
    return (first, host) if host else (part, None)


def _until_comma(owner: str) -> str:
    """The owner up to its first comma, unless that comma starts a legal form ("Mashable,
    Inc., a Ziff Davis company") or sits inside a firm's name ("Bennett, Coleman & Co.")."""
    comma = owner.find(",")
    if comma < 0 or _FIRM_COMMA.match(owner, comma):
        return owner
    legal = _LEGAL_END.match(owner, comma)
    return owner[: legal.end()] if legal else owner[:comma]


def _without_legal_form(owner: str) -> str:
    legal = _LEGAL_END.search(owner)
    owner = owner[: legal.start()] if legal else owner
    owner = _LEGAL_PREFIX.sub("", owner.strip(" ,&"))
    return owner.strip(_QUOTES + " ,&")


def _valid_owner(owner: str) -> str | None:
    """The owner as a name: not a description ("a Reach plc subsidiary"), a label ("Editor:
    …"), a credit ("Theme by …") or a rights phrase; not too long for a name."""
    name = clean_name(owner)
    if not name or len(name.split()) > _MAX_OWNER_WORDS or ":" in name:
        return None
    if _DESCRIPTION.match(name) or re.search(r"\sby\s", name) or _RIGHTS.search(name):
        return None
    return name


def _is_photo_credit(owner: str) -> bool:
    """A bare "© Photographer/Agency" credits a photo."""
    return "/" in owner or any(is_agency(part) for part in re.split(r"\s*/\s*", owner))
