"""Bylines into people and wire services, in any language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from newsnorm.text.dates import parse_moment

# The helpers outlet plugins use; each is described in docs/plugins.md, "Helper reference".
__all__ = [
    "agencies_in",
    "agency_name",
    "byline_parts",
    "has_byline_prefix",
    "is_person_name",
    "merge_agencies",
    "split_byline",
]

# Wire services by the names bylines print them under (compared case-insensitively,
# except the ordinary words in _CASE_SENSITIVE_AGENCIES). The first name is canonical.
_AGENCY_NAMES = {
    "AAP": ("AAP", "Australian Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "ANA-MPA": ("ANA-MPA", "ANA", "Athens News Agency"),
    "ANI": ("ANI", "Asian News International"),
    "ANP": ("ANP", "Algemeen Nederlands Persbureau"),
    "ANSA": ("ANSA",),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "APA": ("APA", "Austria Presse Agentur"),
    "APP": ("APP", "Associated Press of Pakistan"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "Anadolu Ajansı", "AA"),
    "Antara": ("Antara",),
    "Belga": ("Belga",),
    "Bernama": ("Bernama",),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "BSS": ("BSS",),
    "BTA": ("BTA",),
    "CNA": ("CNA", "Central News Agency"),
    "ČTK": ("ČTK", "CTK"),
    "dpa": ("dpa", "Deutsche Presse-Agentur", "dpa-AFX", "dpa-infocom"),
    "EFE": ("EFE", "Agencia EFE"),
    "epd": ("epd", "Evangelischer Pressedienst"),
    "Europa Press": ("Europa Press",),
    "FNA": ("FNA",),
    "HINA": ("HINA",),
    "IANS": ("IANS",),
    "INP": ("INP",),
    "Interfax": ("Interfax",),
    "IRNA": ("IRNA",),
    "KNA": ("KNA", "Katholische Nachrichten-Agentur"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "KUNA": ("KUNA",),
    "Lusa": ("Lusa",),
    "MTI": ("MTI",),
    "NNI": ("NNI",),
    "NTB": ("NTB",),
    "Online": ("Online",),
    "PA": ("PA", "PA Media", "Press Association"),
    "PAP": ("PAP", "Polska Agencja Prasowa"),
    "PTI": ("PTI", "Press Trust of India"),
    "QNA": ("QNA",),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Ritzau": ("Ritzau", "Ritzau Scanpix"),
    "RIA Novosti": ("RIA Novosti", "РИА Новости"),
    "SDA": ("SDA", "Keystone-SDA", "Keystone-ATS", "ATS", "sda/ats"),
    "SID": ("SID", "Sport-Informations-Dienst"),
    "SPA": ("SPA", "Saudi Press Agency"),
    "Sputnik": ("Sputnik",),
    "STA": ("STA",),
    "STT": ("STT",),
    "TASS": ("TASS", "ТАСС"),
    "TT": ("TT",),
    "UNB": ("UNB",),
    "UNI": ("UNI",),
    "Ukrinform": ("Ukrinform", "Укрінформ"),
    "WAM": ("WAM",),
    "Xinhua": ("Xinhua", "Xinhua News Agency", "新华社"),
    "Yonhap": ("Yonhap", "Yonhap News Agency", "연합뉴스"),
}
# Names that are also ordinary words or initials: matched only as printed.
_CASE_SENSITIVE_AGENCIES = {"Online", "AA", "PA", "ANA", "ATS", "TT", "SID", "STA", "CNA"}
_AGENCY_BY_NAME = {
    (alias if alias in _CASE_SENSITIVE_AGENCIES else alias.casefold()): canonical
    for canonical, aliases in _AGENCY_NAMES.items()
    for alias in aliases
}

# Words that mark a byline part as a desk, a team or a generic credit, not a person
# (English and the newsroom words of other languages).
_NOT_A_PERSON = re.compile(
    r"\b(desk|staff|report|reporter|reporters|correspondents?|bureau|research|team|newsroom|"
    r"editors?|editorial|monitoring|agenc(y|ies)|news\s+service|wires?|web|online|bio|"
    r"writers?|columnist|contributing|contributors?|kitchen|media|network|times|journal|"
    r"telegram|gazette|tribune|magazine|copied|"
    r"redak\w*|redaz\w*|redac\w*|rédac\w*|reda[cç][aã]o|toimitus|agentur\w*|agence|agencia|"
    r"agenzia|nachrichten|noticias|notizie|nieuws|nyheter|uutiset|zprávy|wiadomości)\b",
    re.IGNORECASE,
)
# "By", "Von", "Par", "Por", "Di", "Av", "Af", "Door", "Przez", "Od", "Oleh", ... before
# the names, and labels followed by a colon ("Autor:", "Text:", "Texte :", "Redaktion:").
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:(?:written|reported|posted|story|words|text|texte)\s+)?by|"
    r"(?:geschrieben|verfasst|veröffentlicht)\s+von|(?:publié|écrit|rédigé)\s+par|"
    r"(?:publicado|escrito)\s+por|(?:pubblicato|scritto)\s+da|(?:geplaatst|geschreven)\s+door|"
    r"von|vom|par|por|"
    r"di|av|af|door|przez|od|oleh|skrevet\s+av|tekst\s+og\s+foto)(?:\s*:\s*|\s+)"
    r"|^\s*(?:authors?|autor(?:in|es|as|a|e|ka|ius)?|auteurs?|autore|text|texte|texto|testo|"
    r"tekst|teksti|szöveg|szerző|yazar|writer|reportage|reporter|redaktion|автор|текст)"
    r"\s*[:：]\s*"
    # Chinese and Japanese labels, with a colon, a slash or a dot after them ("作者：", "文／")
    r"|^\s*(?:作者|文|撰文|执笔|執筆|记者|記者|筆者|著者|글)\s*[:：/／・]\s*",
    re.IGNORECASE,
)
# A photo, video or graphics credit in a byline: it and all after it are not authors.
_CREDIT_LABEL = re.compile(
    r"\b(?:photos?|fotos?|foto\w*|bild(?:er)?|images?|video|grafik|graphics?|illustrations?|"
    r"kuva|zdjęci[ae])\s*:.*$"
    # and the labels of Chinese and Japanese credits after the names: source, editor, photo
    r"|\s*(?:来源|來源|出处|出處|编辑|編輯|责任编辑|責任編輯|摄影|攝影|写真|사진)\s*[:：].*$",
    re.IGNORECASE | re.DOTALL,
)
# When the names were posted, after them: "Posted by Jane Doe on March 3, 2026", "… at
# 9:12 AM", "Geschrieben von Hans Müller am 28. Juni 2025", "Publié par … le 3 mars".
_WHEN_AFTER_NAMES = re.compile(
    r"\s+(?:on|at|am|um|le|el|il|op|den|em|às|à)\s+(?=[^\d\n]{0,16}\d).*$", re.IGNORECASE | re.S
)
_SEPARATORS = re.compile(r"\s*(?:\n|\||/|;|,|&|·|•|\band\b|\bwith\b)\s*", re.IGNORECASE)
# "and" in other languages, lower case only: "E", "Y", "I", "A" are initials.
_JOINERS = re.compile(r"\s+(?:und|sowie|et|y|e|og|och|en|i|ve|a|és|ja|și|ir|un|dan|và|и|і|та)\s+")
# A final dot that belongs to the name: an initial ("C.J.") or a suffix ("Jr.").
_KEPT_DOT = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")
_PARENTHETICAL = re.compile(r"\s*\(([^)]*)\)")
_EMAIL = re.compile(r"\S+@\S+")
# Degrees printed after a name ("Lauren Manaker MS", "Jane Doe, PhD").
_CREDENTIALS = re.compile(r"(?:,?\s+(?:MS|MD|PhD|Ph\.D\.?|RDN?|MPH|MSc|MBA|CFA|CFP|RN))+$")
# Korean and Chinese bylines follow the name with the job ("구현모 기자": reporter Gu).
_CJK_TITLE = re.compile(r"\s*(?:기자|특파원|记者|記者|特派員|通讯员)$")
_PARTICLES = {
    "de", "da", "das", "dos", "del", "della", "van", "von", "der", "den", "ter", "al", "el",
    "bin", "bint", "ibn", "di", "du", "la", "le", "ul", "ur", "uz", "ud", "y", "e", "zu",
}  # fmt: skip
_SURNAME_PREFIXES = {"di", "von", "vom", "af"}
_MAX_CASELESS_NAME = 8  # characters: CJK and Hangul names are two to four, Japanese a few more


def agency_name(text: str) -> str | None:
    """The canonical name of the wire service `text` names ("The Associated Press" → "AP"),
    or None. Records keep the name as printed (gold sets and readers expect "Associated
    Press" where the page says so); this one tells two spellings of a service apart from two
    services."""
    text = text.strip()
    return _AGENCY_BY_NAME.get(text) or _AGENCY_BY_NAME.get(text.casefold())


def agencies_in(text: str) -> list[str]:
    """The agencies a credit names, as printed ("APA/dpa", "AFP-Reuters", "Keystone-SDA"),
    or [] when any of it is something else."""
    text = " ".join(text.split())
    if agency_name(text):
        return [text]
    pieces = [piece for piece in re.split(r"\s*[/,+&-]\s*|\s+", text) if piece]
    if len(pieces) > 1 and all(agency_name(piece) for piece in pieces):
        return pieces
    return []


def merge_agencies(agencies: list[str], new: Iterable[str]) -> list[str]:
    """`agencies` and those of `new` it lacks: one spelling per wire service, the first
    printed ("Associated Press" and "AP" are one)."""
    merged = list(agencies)
    seen = {agency_name(name) or name for name in merged}
    for name in new:
        if (agency_name(name) or name) not in seen:
            seen.add(agency_name(name) or name)
            merged.append(name)
    return merged


def is_person_name(text: str) -> bool:
    """Whether `text` reads as one person's name: two to five capitalised words or
    particles ("Jan van der Berg"), or a short name in a script without capitals ("习近平"),
    with no digits, no desk or newsroom word ("Staff", "Redaktion") and not an agency."""
    words = text.split()
    if not words or _NOT_A_PERSON.search(text) or agency_name(text):
        return False
    if any(c.isdigit() for c in text):
        return False
    if all(_is_caseless_word(word) for word in words):
        return len(words) <= 3 and len(text.replace(" ", "")) <= _MAX_CASELESS_NAME
    return 2 <= len(words) <= 5 and all(_is_name_word(word) for word in words)


def _is_name_word(word: str) -> bool:
    """A capitalised word ("Müller", "O'Connor", "Jean-Luc", "C.J.") or a particle ("van")."""
    if word in _PARTICLES:
        return True
    letters = word.replace("'", "").replace("’", "").replace("-", "").replace(".", "")
    return bool(letters) and letters.isalpha() and word[0].isupper()


def _is_caseless_word(word: str) -> bool:
    """A word in a script with no capitals: Chinese, Japanese, Korean, Arabic, Thai... Not
    one with hiragana: Japanese names are written in kanji, their phrases are not
    ("この記事の筆者": the writer of this article)."""
    return (
        word.isalpha()
        and not any(c.isupper() or c.islower() for c in word)
        and not any("\u3040" <= c <= "\u309f" for c in word)
    )


def byline_parts(byline: str) -> list[str]:
    """The names a byline lists, in order, without "By"/"Von"/"Par"..., parentheticals,
    e-mail addresses, photo credits and separators; people, desks and agencies alike
    (`split_byline` tells them apart)."""
    text = _EMAIL.sub(" ", _CREDIT_LABEL.sub("", _WHEN_AFTER_NAMES.sub("", byline)))
    text = _PARENTHETICAL.sub("", _strip_prefix(text))
    parts = []
    for part in _SEPARATORS.split(text):
        parts.extend(_JOINERS.split(_strip_prefix(part)))
    parts = (_trimmed(part) for part in parts)
    return [_natural_case(part) for part in parts if part]


def has_byline_prefix(text: str) -> bool:
    """Whether `text` opens with a byline's "By", "Von", "Par", "Autor:"... (any case)."""
    return _BY_PREFIX.match(text) is not None


def _strip_prefix(text: str) -> str:
    stripped = _BY_PREFIX.sub("", text, count=1)
    # "Di" and "Von" also begin surnames ("Di Maio", "Von Miller"): a prefix only before a
    # whole name or an agency ("von APA").
    if (
        stripped != text
        and text.split()[0].lower() in _SURNAME_PREFIXES
        and len(stripped.split()) < 2
        and not agencies_in(stripped)
    ):
        return text
    return stripped


def _trimmed(part: str) -> str:
    part = _CJK_TITLE.sub("", _CREDENTIALS.sub("", part.strip(" :-–—")))
    part = " ".join(part.split())
    return part if _KEPT_DOT.search(part) else part.strip(" .:-–—")


def _natural_case(name: str) -> str:
    """Bylines in capitals ("HEATHER HOLLINGSWORTH") are printed that way, not named so."""
    return name.title() if name.isupper() and len(name) > 3 else name


def split_byline(byline: str, *, not_people: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(authors, agencies) named in a byline: "By Jane Doe and John Roe (AP)" gives
    (["Jane Doe", "John Roe"], ["AP"]). Agencies keep their printed spelling, one per wire
    service; desks, dates and the names in `not_people` (any case) are dropped."""
    excluded = {name.casefold() for name in not_people}
    authors: list[str] = []
    agencies: list[str] = []
    for inner in _PARENTHETICAL.findall(byline):  # "Jane Doe (dpa)"
        agencies = merge_agencies(agencies, agencies_in(inner))
    for part in byline_parts(byline):
        if found := agencies_in(part):
            agencies = merge_agencies(agencies, found)
            continue
        person, agency = _person_then_agency(part)
        person = _natural_case(person)
        if agency:
            agencies = merge_agencies(agencies, [agency])
        if person.casefold() not in excluded and not _is_date(person) and is_person_name(person):
            _append_new(authors, unicodedata.normalize("NFC", person))
    return authors, agencies


def _person_then_agency(part: str) -> tuple[str, str | None]:
    """ "John O'Connor The Associated Press": a name followed by the agency it writes for."""
    words = part.split()
    for size in (3, 2, 1):
        if len(words) > size + 1:
            agency = " ".join(words[-size:])
            if agency_name(agency) and is_person_name(" ".join(words[:-size])):
                return " ".join(words[:-size]), agency
    return part, None


def _is_date(text: str) -> bool:
    return any(c.isdigit() for c in text) and parse_moment(text) is not None


def _append_new(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)
