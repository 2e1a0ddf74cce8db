"""Bylines as captures print them: "By Sarah Whitfield, Political Correspondent" on a line
of its own, "ByThe Associated Press" glued by innerText, a lone "By" or "Von" with the names
on the lines below, a name beside its date ("Jane Doe 8:41 PM on December 20, 2023"), or a
bare name line next to the date line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsnorm.capture.captions import credit_of
from newsnorm.capture.lines import is_furniture
from newsnorm.text.people import agencies_in, has_byline_prefix, is_person_name, split_byline

MAX_BYLINE_WORDS = 15
# Names listed on their own lines below a lone "By": at most this many.
MAX_NAME_LINES = 4
# "ByThe Associated Press": innerText joins the label and the link after it.
_GLUED_LABEL = re.compile(r"^(By|BY|Von|VON|Par|PAR|Por|POR)(?=[A-Z][a-z])")
# Every byline above has one of these words within its first three (a cheap first test).
_MAY_BE_BYLINE = re.compile(
    r"^(\S+\s+){0,2}(by|von|vom|par|por|di|av|af|door|przez|od|oleh|skrevet|tekst|autor|"
    r"author|text|texte|texto|testo|teksti|szöveg|szerző|yazar|writer|reportage|reporter|"
    r"redaktion|автор|текст)",
    re.IGNORECASE,
)
_LONE_LABEL = re.compile(
    r"^(by|von|par|por|di|av|af|door|przez|od|oleh|autor(in)?|author|text|texte|texto|"
    r"testo|tekst|reporter|redaktion|yazar)\s*:?$",
    re.IGNORECASE,
)


# "Julia Vergin | Clare Roth", "Jane Doe and John Roe": several names on one line.
_NAME_SEPARATORS = re.compile(r"\s*(?:[|,/&·•]|\band\b|\bund\b|\bet\b|\by\b)\s*")


_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# Words a headline in title case holds and a name never does: "Tucker Carlson Is Entering
# Streaming" is no byline (words that are also names, "Will", "Can", "An", "He", stay out).
_TITLE_CASE_WORDS = re.compile(
    r"\b(?:The|Of|And|Or|To|For|With|From|Into|After|Over|About|How|Why|What|When|Where|"
    r"Not|Your|Our|This|That|Is|Are|Was|Were|Has|Have|Had|Would|Should|Could|Does|Did|"
    r"They|We|You|It|On|At|Says|Said|Gets|Makes|Takes)\b"
)
# "구현모 기자" (reporter Gu), "记者 王伟": a name with the word for reporter.
_CJK_REPORTER = re.compile(r"기자|특파원|记者|記者|特派員")
# "Kommentar von Nicole Opitz", "Analysis by Jane Doe": a genre word before the label.
_GENRE_BEFORE_LABEL = re.compile(
    r"^(?:[^\W\d_]+\s+){1,2}(?=(?:von|by|par|por|door)(?:\s+[A-Z]|\s*$))"
)
# "Emma Batypublished Dec 20": innerText joins the name and the label after it.
# In capitals ("BY EMMA BATYPUBLISHED: DEC 22", "BY JANE DOESTAFF WRITER") the job title
# after the name is glued the same way, and so is a reading time.
_GLUED_AFTER_NAME = re.compile(
    r"(?<=[a-z])(published|updated|posted|long read)\b.*$|"
    r"(?<=[A-Z]{2})(PUBLISHED|UPDATED|POSTED|LONG READ|STAFF|SENIOR|DATA|CONTRIBUTING|"
    r"CONTRIBUTOR|REPORTER|EDITOR|CORRESPONDENT|WRITER|COLUMNIST)\b.*$|"
    r"(?<=[^\W\d_])\d+ ?(minutes?|mins?|MINUTES?|MINS?)\.? (read|READ)$"  # "PRESS3 MINUTE READ"
)
_TRAILING_BUTTON = re.compile(r"\s+(follow|folgen|suivre|seguir|segui)( (on|auf) \w+)?$", re.I)
# "Von Diana Resnik mit AP": the writer with a wire service.
_WITH_AGENCY = re.compile(r"\s+(mit|avec|con|met|med|z|com)\s+(?=[A-Z])")
# "Joanna Walters and Edward Helmore in New York": where they wrote from.
_IN_PLACE = re.compile(r"\s+(in|aus|en|à|desde|da|from)\s+[A-Z][\w.-]*(\s+[A-Z][\w.-]*){0,2}$")
# "Daniel Großert Redakteur", "Jane Doe Staff Writer", "Sophie FosterTravel News Reporter"
# (glued by innerText): a job title printed after the name, of up to three words before
# the job's own.
_JOB_WORD = re.compile(
    r"(redakteur(in)?|reporter(in)?|korrespondent(in)?|autor(in)?|editor|correspondent|"
    r"writer|reporter|journalist(in|e)?|rédacteur|rédactrice|redactor[a]?|redattore|"
    r"director|producer|columnist|contributor|analyst)$",
    re.IGNORECASE,
)
_LEADING_LABEL = re.compile(r"^((?:by|von|par|por|door|di|av|af)\s+)?(.*)$", re.IGNORECASE | re.S)
_CAMEL_GLUE = re.compile(r"(?<=[a-z]{4})(?=[A-Z])")  # not "McCormick", "MacDonald"
MAX_JOB_WORDS = 4
_JOB_MODIFIERS = frozenset(
    {
        "senior",
        "chief",
        "staff",
        "political",
        "business",
        "sports",
        "sport",
        "foreign",
        "deputy",
        "parliamentary",
        "contributing",
        "associate",
        "executive",
        "managing",
        "news",
        "data",
        "lifestyle",
        "entertainment",
        "content",
        "hub",
        "digital",
        "national",
        "international",
        "local",
        "investigative",
        "health",
        "science",
        "tech",
        "travel",
        "landespolitische",
        "politische",
        "leitender",
        "leitende",
        "stellvertretender",
        "stellvertretende",
    }
)
# What pages print after the name beside a separator: an address, a site, the outlet, a
# note ("Anneice Coady | acoady@mlive.com", "Kelly Quinlan • Rivals.com", "Jane Doe |
# Published 4 months ago"); or a reading time or an age ("Kyle Wiggers 7 hours").
_AFTER_NAME = re.compile(
    r"\s*[|•·,/–-]\s*(\S+@\S+|\S+\.[a-z]{2,}\b|"
    r"(published|updated|posted|sponsored|veröffentlicht)\b).*$|"
    r"\s+\d+\s*(min(ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)(\s+(read|ago))?$|"
    r"(?<=[a-z])\d{1,2}\.\d{1,2}\.\d{2,4}\b.*$",
    re.IGNORECASE,
)
# "Dolores Chang For Dailymail.Com": the outlet a writer writes for is no author.
_FOR_OUTLET = re.compile(r"\s+for\s+\S+(\s+\S+)?$", re.IGNORECASE)
# "FOXBusiness", "CNBCTech": a brand's capitals glued to a word, never part of a name.
_GLUED_OUTLET = re.compile(r"\s+[A-Z]{2,}[a-z]\w*$")
MIN_NAME_WORDS = 2
# The last word of a newsroom's name: a byline part ending in one names an outlet.
_OUTLET_WORD = re.compile(
    r"\s(news|times|post|press|zeitung|journal|herald|tribune|gazette|sentinel|courier|"
    r"mail|telegraph|chronicle|daily|radio|television|tv|online|magazine|media|network|"
    r"channel|today|express|observer|standard|review|report|insider)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundByline:
    """A byline as printed and the indexes of the lines it was read from."""

    text: str
    lines: tuple[int, ...]


def clean_byline(text: str) -> str:
    """A byline without what innerText glues to it or pages print around the names:
    "ByThe Associated Press", "Kolumne von X", "Emma Batypublished", "X Follow",
    "X For Dailymail.Com"."""
    text = _GENRE_BEFORE_LABEL.sub("", _GLUED_LABEL.sub(r"\1 ", text))
    text = _WITH_AGENCY.sub(", ", _GLUED_AFTER_NAME.sub("", text))
    text = _FOR_OUTLET.sub("", _TRAILING_BUTTON.sub("", text))
    text = _AFTER_NAME.sub("", text)
    return _IN_PLACE.sub("", _without_job(text)).strip()


def _without_job(text: str) -> str:
    """The name without the job title after it ("Jane Doe Senior Writer"); a job glued by
    innerText ("Jane DoeNews Reporter") is cut where the words were glued."""
    label, name = _LEADING_LABEL.match(text).groups(default="")
    if not _JOB_WORD.search(name):
        return text
    glued = list(_CAMEL_GLUE.finditer(name))
    if glued and len(name[glued[-1].start() :].split()) <= MAX_JOB_WORDS:
        kept = name[: glued[-1].start()].split()
    else:
        kept = name.split()[:-1]
        while kept and (kept[-1].islower() or kept[-1].casefold() in _JOB_MODIFIERS):
            kept.pop()
    if len(kept) >= MIN_NAME_WORDS and is_person_name(" ".join(kept)):
        return label + " ".join(kept)
    return text


def byline_at(texts: list[str], index: int) -> FoundByline | None:
    """The byline that starts on line `index`, or None."""
    kind = _byline_kind(texts[index])
    if kind == "label":
        return _names_below(texts, index, clean_byline(texts[index]))
    return FoundByline(texts[index], (index,)) if kind == "byline" else None  # as printed


@lru_cache(maxsize=8192)
def _byline_kind(line: str) -> str | None:
    """ "label" for a lone "By"/"Von" (the names follow), "byline" for a whole one."""
    if len(line.split()) > MAX_BYLINE_WORDS or not _MAY_BE_BYLINE.search(line):
        return None
    if credit_of(line) is not None and not has_byline_prefix(line):
        return None  # "Photograph by Jaap Arriens, NurPhoto/Getty Images": the photo's
    text = clean_byline(line)
    if _LONE_LABEL.match(text):
        return "label"
    return "byline" if has_byline_prefix(text) and names_someone(text) else None


def _names_below(texts: list[str], index: int, label: str) -> FoundByline | None:
    names, used = [], [index]
    for below in range(index + 1, min(index + 1 + MAX_NAME_LINES, len(texts))):
        if not (is_person_name(texts[below]) or agencies_in(texts[below])):
            break
        names.append(texts[below])
        used.append(below)
    if not names:
        return None
    return FoundByline(f"{label} {', '.join(names)}", tuple(used))


@lru_cache(maxsize=8192)
def names_someone(text: str) -> bool:
    """Whether a byline names a person or a wire service (a desk alone names no one)."""
    authors, agencies = people_in(text)
    return bool(authors or agencies)


def people_in(byline: str) -> tuple[list[str], list[str]]:
    """(authors, agencies) of a capture's byline: `split_byline` on the cleaned byline,
    without the newsroom names bylines list beside the writers ("CBC News")."""
    authors, agencies = split_byline(clean_byline(byline))
    people = (_without_outlet(name) for name in authors)
    return [name for name in people if name], agencies


def _without_outlet(name: str) -> str | None:
    """ "Amanda Cappelli Fox News" -> "Amanda Cappelli"; "CBC News" -> None; "JIM WALSH
    Cherry Hill Courier-Post" -> "JIM WALSH"; "Janelle Ash FOXBusiness" -> "Janelle Ash"."""
    name = _GLUED_OUTLET.sub("", name)
    words = name.split()
    capitals = next((i for i, word in enumerate(words) if not word.isupper()), len(words))
    if MIN_NAME_WORDS <= capitals < len(words) and is_person_name(" ".join(words[:capitals])):
        return " ".join(words[:capitals]).title()  # the name in capitals, the outlet after it
    while words and _OUTLET_WORD.search(" " + words[-1]):
        words = words[:-2] if len(words) > 2 and words[-2][0].isupper() else words[:-1]
        if len(words) >= 2 and is_person_name(" ".join(words)):
            return " ".join(words)
    return name if not _OUTLET_WORD.search(name) else None


@lru_cache(maxsize=8192)
def bare_name(text: str) -> bool:
    """A line that is only a person's name or a wire service: a byline when it sits beside
    the article's date."""
    if is_furniture(text) or _photo_credit(text):
        return False
    # (only what follows a name: the whole cleaning would make "How Much Would You Pay
    # for Alternative Leathers?" a name without "for …")
    text = _PARENTHESES.sub("", _without_job(_AFTER_NAME.sub("", text)))
    if not any(c.isupper() or c.islower() for c in text) and not _CJK_REPORTER.search(text):
        return False  # a short phrase in a script without capitals is as likely a label
    parts = [part for part in _NAME_SEPARATORS.split(text) if part.strip()]
    return bool(parts) and all(_bare_person(p) or agencies_in(p) for p in parts)


def _bare_person(text: str) -> bool:
    return is_person_name(text) and not _TITLE_CASE_WORDS.search(text)


def _photo_credit(text: str) -> bool:
    """ "Megan Briggs/Getty Images" names the photographer; "Jane Doe/dpa" beside the date
    may name the writer and the wire service."""
    return credit_of(text) is not None and not agencies_in(text.rsplit("/", 1)[-1])


# The author's box under a story: "Jane Doe is a senior writer for WIRED.", "Mr. Doe is the
# deputy Opinion editor.", "Jane is a reporter covering science", "Jane Doe can be reached
# at jdoe@…"; "Anna Berg ist Redakteurin im Ressort Politik", "Jeanne Dupont est
# journaliste au service Monde".
_BIO_SUBJECT = r"^(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?(?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]+\s+"
_BIO = re.compile(
    _BIO_SUBJECT + r"(?:is|was)\s+(?:(?:a|an|the)\s+|[\w-]+['’]s\s+)(?:[\w'’-]+\s+){0,5}?"
    r"(?i:writer|reporter|editor|contributor|journalist|correspondent|columnist|producer|"
    r"freelancer|fact-checker)s?(?i:[\s-]+in[\s-]+chief)?"
    r"(?:\s+(?:for|at|with|on|in|of)\s+(?:the\s+)?[A-Z]|,?\s+(?:who|covering|specializing|"
    r"reporting|based)\b|\s+and\s+has\s+been\b|\.$)"
    r"|" + _BIO_SUBJECT + r"(?:can|may) be (?:reached|contacted) (?:at|via|on)\b"
    r"|" + _BIO_SUBJECT + r"(?:ist|est|es|è)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:Redakteur(?:in)?|Korrespondent(?:in)?|Reporter(?:in)?|Journalist(?:in)?|"
    r"journaliste|rédact(?:eur|rice)|correspondant(?:e)?|periodista|redactor(?:a)?|"
    r"corresponsal|giornalista|redatt(?:ore|rice)|corrispondente)"
    r"\s+(?:bei|beim|im|für|der|des|au|à|chez|pour|de|del|en|di|del|per)\s"
)
MAX_BIO_WORDS = 120


def is_author_bio(text: str) -> bool:
    """Whether a paragraph is the author's box: who the writer is and where they write."""
    return len(text.split()) <= MAX_BIO_WORDS and _BIO.match(text) is not None
