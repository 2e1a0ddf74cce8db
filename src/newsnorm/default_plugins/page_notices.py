"""HTML pages: the site's own notices, not the story. Markers printed between paragraphs
("Advertisement", "Story continues below", a bare "By", "3 of 12", a lone timestamp, a
box's open and close toggle, a count alone outside a table: votes, likes, a pager's
number, a template's unfilled placeholder) and what stands in for an embed or player not
loaded ("To view this video please enable JavaScript", "Ich bin damit einverstanden, dass
mir Inhalte von YouTube angezeigt werden") go wherever they are; legal and affiliate
notices ("... our Privacy Policy", "we may earn a commission") go when they open or close
the body, where templates put them."""

from __future__ import annotations

import re

from newsnorm.capture.captions import credit_of
from newsnorm.document import Block, Document
from newsnorm.hookspecs import hookimpl
from newsnorm.stages import HTML
from newsnorm.text.dates import MONTH_NAME
from newsnorm.text.literals import any_of

_MARKER = re.compile(
    r"^((advertisement|advertising|ad)([\s–—-]+(continue reading below|(page|story|article) "
    r"continues below))?|sponsored( content)?|(the )?(story|article) continues "
    r"below( (this )?(advertisement|ad))?|continue reading( below)?|scroll (down )?to continue"
    r"( reading| with content)?|swipe to scroll( horizontally)?|by|loading|error loading|"
    r"loadingerror loading|((image|photo|slide) )?\d+ (of|/) \d+|"
    r"(\S+ )?(aufklappen|ausklappen)( \S+)? (zuklappen|einklappen)|"
    r"(expand|collapse|show more|show less)( / | )?(expand|collapse|show more|show less)?)"
    r"[\s.:!…]*$",
    re.IGNORECASE,
)
# A line that is only a timestamp: the page's date furniture, not a sentence of the story.
_TIMESTAMP = re.compile(
    rf"^((published|updated|posted)[:\s]+)?(\d+[smhd] ago|({MONTH_NAME} \d{{1,2}},? \d{{4}}|"
    rf"\d{{1,2}} {MONTH_NAME},? \d{{4}})([,\s]+(at )?\d{{1,2}}[:.]\d\d\s*([ap]\.?m\.?)?"
    r"(\s*[a-z]{2,4})?)?)(\s*/\s*\d{1,2}:\d\d\s*[ap]m(\s*[a-z]{2,4})?)?$",
    re.IGNORECASE,
)
# The same in East Asian pages: "公開日：2025/01/31 11:30 更新日：2025/01/31 11:30",
# "입력 2026.01.29 10:00", "发布时间：2024-04-24 08:00".
_EAST_ASIAN_TIMESTAMP = re.compile(
    r"^((公開日|更新日|配信日|投稿日|掲載日|発行日|发布时间|发布日期|更新时间|發佈時間|입력|수정|"
    r"업데이트|등록)\s*[:：]?\s*[\d/.\-年月日時分:\s]+\s*)+$"
)
# A template's placeholder left unfilled ("$$ARTICLEAD$$", "{{ ad_slot }}", "%%AD%%"): a
# slot for an advertisement or a widget, never text.
_PLACEHOLDER = re.compile(r"(\$\$|%%|\{\{|\[\[)\s*[\w.:|-]{1,40}\s*(\$\$|%%|\}\}|\]\])")
_NOTICE = re.compile(
    r"privacy policy|terms of (use|service)|user agreement|all rights reserved|©|"
    r"\bcopyright\b|(earn|receive|get) (a )?(small )?(commission|compensation)|affiliate link",
    re.IGNORECASE,
)
# What a page prints in place of an embed or a player it has not loaded (a consent
# request, a browser's missing feature): a sentence or two, wherever it stands.
_EMBED_NOTICE = re.compile(
    r"to view this video,? please enable javascript|please enable javascript to "
    r"(view|watch|see)|this video has failed to load|video (is )?(currently )?unavailable|"
    r"try refreshing your browser|"
    r"this content can also be viewed on the site it originates from|"
    r"your browser does not support (the )?(html5 )?video|"
    r"this (content|embed) is (provided|hosted|imported) (by|from) (a )?third[- ]party|"
    r"(we need your|requires your) consent to (load|display|show)|"
    r"an dieser stelle (findest du|finden sie) (einen |weitere )?externen? inhalte?|"
    r"ich bin damit einverstanden, dass mir (externe )?inhalte|"
    r"personenbezogene daten können an drittplattformen übermittelt werden|"
    r"contenu externe|pour afficher ce contenu|contenido externo",
    re.IGNORECASE,
)
_MAX_EMBED_NOTICE_WORDS = 45
# The site's prompts to sign up, in a line of their own between or after the paragraphs: an
# imperative opening a sentence ("The council will subscribe to the newsletter …" is none).
_PROMPT = re.compile(
    r"(^|[.!?]\s+)(sign up|subscribe|register) (now |today )?(for|to) (our|the|a) "
    r"[^.!?]{0,40}newsletters?\b|by signing up,? you (consent|agree)|\bremove ads\b|"
    r"share your feedback to help|newsletter abonnieren|abonnez-vous à (notre|la) newsletter",
    re.IGNORECASE,
)
_MAX_PROMPT_WORDS = 30
# A word every embed notice and prompt above holds one of.
_HINT = any_of((
    "javascript", "video", "originates", "browser", "third", "consent", "inhalt",
    "drittplattform", "contenu", "contenido", "newsletter", "signing", "remove ads",
    "feedback",
))  # fmt: skip
MAX_CREDIT_LINE_WORDS = 8
_MAX_NOTICE_WORDS = 90
_COUNT = re.compile(r"[\d.,]{1,6}[kKmM]?")


@hookimpl(trylast=True)
def newsnorm_remove_noise(document: Document) -> None:
    if document.input_format != HTML:
        return
    for block in list(document.live_blocks()):
        text = block.text.strip()
        if _a_marker(block, text):
            document.remove(block, "page-marker")
        elif rule := _notice_or_prompt(text):
            document.remove(block, rule)
        elif _a_lone_credit(block, text):
            document.remove(block, "photo-credit")
    _remove_edge_notices(document, list(document.live_blocks()))
    _remove_edge_notices(document, list(reversed(list(document.live_blocks()))))


def _a_marker(block: Block, text: str) -> bool:
    if _MARKER.match(text) or _TIMESTAMP.match(text) or _PLACEHOLDER.fullmatch(text):
        return True
    if not text.isascii() and _EAST_ASIAN_TIMESTAMP.match(text):
        return True
    return _a_count(block, text)


def _notice_or_prompt(text: str) -> str | None:
    """The rule of an embed's notice or a sign-up prompt, tried only on short blocks that
    hold one of their words (a literal test is many times cheaper than the patterns)."""
    words = len(text.split())
    if words > _MAX_EMBED_NOTICE_WORDS or not _HINT.search(text.casefold()):
        return None
    if _EMBED_NOTICE.search(text):
        return "embed-notice"
    return "site-prompt" if words <= _MAX_PROMPT_WORDS and _PROMPT.search(text) else None


def _a_lone_credit(block: Block, text: str) -> bool:
    """A paragraph that is only a photo's credit ("Image: Jane Doe", "Jane Doe/Reuters"): the
    picture's, printed apart from its caption (the same forms captures read)."""
    return (
        block.type == "paragraph"
        and len(text.split()) <= MAX_CREDIT_LINE_WORDS
        and credit_of(text) is not None
    )


def _a_count(block: Block, text: str) -> bool:
    """A number alone, outside a table: a vote, like or share count, or a pager's number
    (a table's cells are the story's figures)."""
    if not _COUNT.fullmatch(text) or block.node is None:
        return False
    return not any(ancestor.tag in ("tr", "table") for ancestor in block.node.iterancestors())


def _remove_edge_notices(document: Document, blocks: list[Block]) -> None:
    for block in blocks[:-1]:  # never the only block left
        if not _is_notice(block):
            return
        document.remove(block, "site-notice")


def _is_notice(block: Block) -> bool:
    return len(block.text.split()) <= _MAX_NOTICE_WORDS and bool(_NOTICE.search(block.text))
