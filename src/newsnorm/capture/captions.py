"""Photo captions in a capture: a caption printed twice (the image's text and its caption),
or followed by its credit ("Photograph: John Smith/PA", "Foto: … / AP", "(AP Photo/…)",
"Bildrechte: picture alliance/dpa"), or ending with one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsnorm.text.people import agencies_in, is_person_name

# A line that is only a credit: a label and a name, or a photographer and an agency.
_CREDIT_LABEL = re.compile(
    r"^\(?(photo(graph)?s?|photo credit|image( credit)?s?|picture|pictures|illustration|"
    r"credit|foto(s|grafie)?|bild(er)?|bildrechte|bildquelle|quelle|fotó|zdjęcie|kuva|"
    r"crédito|crédit photo|credito)(\s+by\s+|\s*(by)?\s*[:©]\s*)(?P<credit>.+?)\)?$",
    re.IGNORECASE,
)
_AGENCY_PHOTO = re.compile(r"^\((?P<credit>[^()]*\b(photo|foto)\b[^()]*)\)$", re.IGNORECASE)
# "Jonathan Ernst/Reuters", "picture alliance/dpa | Daniel Vogl", "Getty Images".
_PHOTO_HOUSES = re.compile(
    r"(getty images|shutterstock|alamy|istock(photo)?|picture alliance|imago|epa|keystone|"
    r"afp|ap|reuters|dpa|pa|anadolu|xinhua|bloomberg|sipa|abaca|action images|"
    r"stock\.adobe\.com|adobe stock|unsplash|pexels|pixabay|supplied|handout)\b",
    re.IGNORECASE,
)
# "Douglas Sacha via Getty Images", "Jane Doe for The Washington Post"? Only a photo house.
_VIA_HOUSE = re.compile(r"^[^.!?:]{2,60}\s(via|for)\s+(" + _PHOTO_HOUSES.pattern + r")\s*$", re.I)
_SLASHED_CREDIT = re.compile(r"^[^.!?()]{1,60}\s*/\s*[^.!?/()]{2,40}$")
# A caption ending with its credit: "… on Monday. (AP Photo/Jane Doe)", "… Photo: X/AP"; the
# label after the caption's last sentence or glued to its last word by innerText, never
# inside a headline ("Erstes Bild: So …").
# In brackets, the label is followed by what a credit holds ("(AP Photo/…)", "(Photo by …)",
# "(Image credit: …)", "(Photo courtesy of …)"), never by more words ("(in Photo mode)"), and
# the brackets close no sentence ("(Text continues under the photo.)"). innerText may print
# the credit's own element again after them: "(Photo by A/Getty Images)A VIA GETTY IMAGES".
_CREDIT_IN_BRACKETS = (
    r"[^()]*?\b(?:photo|foto|credit|image|picture|bild)s?\b(?:\s+credit)?"
    r"(?:\s*[:/©|,]|\s+(?:by|courtesy|via)\b|\s*(?=\)))[^()]*?(?<![.!?])|"
    # "(Jasen Vinlove/USA Today)": a photographer and the house or paper, slashed
    r"(?-i:[A-Z])[^()/.!?]{1,40}/\s?(?-i:[A-Z])[^()/.!?]{1,40}|"
    # "… on Monday. (AP)": a photo house alone, after the caption's sentence
    r"(?<=[.!?] \()(?=(?-i:[A-Z]))(?:" + _PHOTO_HOUSES.pattern + r")"
)
_TRAILING_CREDIT = re.compile(
    r"^(?P<caption>.+?)\s*\((?P<paren>" + _CREDIT_IN_BRACKETS + r")\)(?P<tail>[^()]*)$|"
    r"^(?P<lcaption>.+?(?:[.!?)\]\"”’»]|[^\W\d_](?=[A-Z])|\s[|]))\s*"
    r"(?P<label>(photograph|photo|foto|image|bild|credit)s?(\s+credit)?"
    r"(\s*:|\s+(by|von|par|courtesy of)\b)\s*[^.!?]{2,100})\.?$",
    re.IGNORECASE,
)
# Korean, Japanese and Chinese captions: "… 있다. [사진 출처 = 연합뉴스]", "…で（山田太郎撮影）",
# "…している＝共同", "… 있다. 뉴스1": the photo's word in square brackets, the photographer
# in full-width ones, or the agency after the sentence.
_EAST_ASIAN_AGENCIES = ("연합뉴스", "뉴시스", "뉴스1", "共同", "時事", "新华社", "新華社")
_EAST_ASIAN_ENDS = ("]", "撮影）", *_EAST_ASIAN_AGENCIES)
_EAST_ASIAN_CREDIT = re.compile(
    r"^(?P<caption>.+?)\s*(\[(?P<bracket>(사진|写真|图片|圖片|照片)[^\[\]]{0,40})\]|"
    r"（(?P<shot>[^（）]{1,20}撮影)）|"
    r"(?<=[.!?。＝=])\s*(?P<house>" + "|".join(_EAST_ASIAN_AGENCIES) + r"))$"
)
_CREDIT_INSIDE = re.compile(r"\([^()]*\b(photo|foto|credit)\b[^()]*\)|\bcopyright\b", re.IGNORECASE)
# "… during the first lap.AFP", "… on Monday. Getty Images": a photo house after the caption.
_HOUSE_AFTER_SENTENCE = re.compile(r"[.!?]\s*(" + _PHOTO_HOUSES.pattern + r")\s*$", re.IGNORECASE)
MAX_CREDIT_WORDS = 16
MAX_SLASHED_WORDS = 3  # "Jane Doe/Daily Courier" ("Police Reform News Metro/State": a menu)
# A caption credited to a house alone ("… on Monday. (AP)") is a caption's length.
MAX_HOUSE_CAPTION_WORDS = 30
_BY = re.compile(r"\s(by|von|par|courtesy)\s", re.IGNORECASE)
_LABEL = re.compile(r"^\w+(\s+credit)?(\s*:|\s+(by|von|par|courtesy of)\b)\s*", re.IGNORECASE)


@lru_cache(maxsize=8192)
def credit_of(text: str) -> str | None:
    """The credit a line that is only a photo credit gives, or None."""
    if len(text.split()) > MAX_CREDIT_WORDS:
        return None
    for pattern in (_CREDIT_LABEL, _AGENCY_PHOTO):
        if match := pattern.match(text):
            return match["credit"].strip()
    if "©" in text:
        return text.replace("©", "").strip(" :") or None
    if _SLASHED_CREDIT.match(text) and _slashed_credit(text):
        return text.strip()
    if _VIA_HOUSE.match(text):
        return text.strip()
    if _PHOTO_HOUSES.fullmatch(text.strip()) or (agencies_in(text) and "/" in text):
        return text.strip()
    return None


def _slashed_credit(text: str) -> bool:
    """ "Megan Briggs/Getty Images", "Lance Yamamoto/SFGATE", "NASA/Dave Ryan": a photo
    house, or a photographer and the paper or agency they shot for, a few words each."""
    left, right = (part.strip() for part in text.rsplit("/", 1))
    if _PHOTO_HOUSES.search(right):
        return True
    if max(len(left.split()), len(right.split())) > MAX_SLASHED_WORDS:
        return False
    # Two sides that both read as names are a byline's two writers ("Sarah Whitfield/Tom
    # Hale"), even when one is a paper's ("Joe Maring/Digital Trends"): no credit is read.
    return is_person_name(left) != is_person_name(right)


@lru_cache(maxsize=8192)
def split_trailing_credit(text: str) -> tuple[str, str | None]:
    """ "A caption. (AP Photo/Jane Doe)" as ("A caption.", "AP Photo/Jane Doe")."""
    if text.endswith(_EAST_ASIAN_ENDS) and (match := _EAST_ASIAN_CREDIT.match(text)):
        credit = match["bracket"] or match["shot"] or match["house"]
        return match["caption"].strip(), credit.strip()
    if house := _HOUSE_AFTER_SENTENCE.search(text):  # "… on Monday. Getty Images"
        caption = text[: house.start() + 1]
        if len(caption.split()) <= MAX_HOUSE_CAPTION_WORDS:
            return caption, house[1]
    if ")" not in text and ":" not in text and _BY.search(text) is None:
        return text, None  # no credit's form: the pattern would try every position
    match = _TRAILING_CREDIT.match(text)
    caption = match and (match["caption"] or match["lcaption"] or "").strip(" |")
    if not caption or (match["tail"] and not _echoes(match["tail"], match["paren"])):
        return text, None
    credit = match["paren"] or _LABEL.sub("", match["label"])
    if _PHOTO_HOUSES.fullmatch(credit) and len(caption.split()) > MAX_HOUSE_CAPTION_WORDS:
        return text, None  # "… the minister said. (Reuters)": the wire's story, not a photo
    return caption, credit.strip()


def is_credited(text: str) -> bool:
    """Whether a line holds a photo's credit ("… (AP Photo/Jane Doe) - Copyright AP"): the
    line is a caption."""
    if _CREDIT_INSIDE.search(text) or _HOUSE_AFTER_SENTENCE.search(text):
        return True
    return split_trailing_credit(text)[1] is not None


_WORD = re.compile(r"\w+")
MAX_ECHO_WORDS = 8


def _echoes(tail: str, credit: str) -> bool:
    """Whether the words after a bracketed credit print the credit again (its element's own
    text): a few words, no sentence, most of them the credit's."""
    words = _WORD.findall(tail.casefold())
    if len(words) > MAX_ECHO_WORDS or re.search(r"[.!?;:,]", tail):
        return False
    credited = set(_WORD.findall(credit.casefold()))
    return 2 * sum(word in credited for word in words) >= len(words)


# "Locals gather at the vigil (", "Image:", "Getty Images)": innerText breaks a caption's
# bracketed credit after the bracket and after its label; this many lines at most.
SPLIT_CREDIT_LINES = 3


def join_split_credits(lines: list[str]) -> list[str]:
    """The lines with every caption whose bracketed credit is printed on the lines right
    under it joined again: "Locals gather at the vigil (Image: Getty Images)"."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        end = _split_credit_end(lines, index)
        joined.append(" ".join(lines[index:end]).replace("( ", "(") if end else lines[index])
        index = end or index + 1
    return joined


def _split_credit_end(lines: list[str], index: int) -> int | None:
    """Where a caption broken before its credit ends (the index after its last line)."""
    if not lines[index].endswith("(") or len(lines[index].split()) < 2:
        return None
    for end in range(index + 1, min(index + 1 + SPLIT_CREDIT_LINES, len(lines))):
        if not lines[end]:
            return None  # (a blank line: the credit is not this caption's)
        if lines[end].endswith(")"):
            credit = "(" + " ".join(lines[index + 1 : end + 1])
            return end + 1 if credit_of(credit) is not None else None
    return None
