"""HTML pages: a box of links to other stories announced by its own heading ("Related",
"Editors' Recommendations", "More from ...", "You may also like", "Visual Stories", and
their like in other languages: "Mehr zum Thema", "À lire aussi", "Leggi anche"...)
leaves the body, wherever it sits. The box is the heading's own wrapper when the page has
one; on flat pages, the headline-shaped lines right under the heading."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newsnorm.document import Block, Document
from newsnorm.hookspecs import hookimpl
from newsnorm.stages import HTML
from newsnorm.text.patterns import is_headline_shaped

_SECTION_HEADING = re.compile(
    r"^(related( (articles?|stories|posts|coverage|content|reading|news))?|"
    r"editors?['’]? (picks|recommendations)|recommended( for you| reading| stories)?|"
    r"more (from|on|in)( \S+){1,3}|more (stories|news|like this)|"
    r"more( \S+){1,2} (advice|news|stories|articles|guides|reviews|coverage|videos)|"
    r"(you )?(may|might) also (like|enjoy)|"
    r"(also|read|see) (also|more)|read next|up next|what to read next|"
    r"(most )?(popular|read|trending)( now| stories| articles| today)?|top (stories|trends)|"
    r"visual stories|follow us( on social media)?|latest (news|stories)|trending now|"
    r"don['’]t miss)[\s:.!]*$",
    re.IGNORECASE,
)
# The same boxes as most European news sites announce them in their own language.
_SECTION_HEADING_ELSEWHERE = re.compile(
    r"^(mehr (zum thema|aus|zu|von|über)( \S+){0,3}|zum thema|auch interessant|"
    r"(das )?könnte (sie|dich) auch interessieren|lesen sie (auch|mehr)|meistgelesen\w*|"
    r"weitere (artikel|nachrichten|themen|beiträge|meldungen)( \S+){0,3}|"
    r"verwandte (artikel|themen)|schlagwörter( zu diesem artikel)?|empfehlungen( der redaktion)?|"
    r"(à )?lire aussi|sur le même (sujet|thème)|articles? (similaires|liés)|les plus lus|"
    r"à voir aussi|vous aimerez aussi|"
    r"(también )?(te|le) puede interesar|(noticias|artículos) relacionad[oa]s|le[ae] también|"
    r"lo más (leído|visto)|más noticias|"
    r"leggi anche|(ti )?potrebbe interessarti|articoli correlati|(i )?più letti|"
    r"lees ook|meer over( \S+){1,3}|gerelateerde artikelen|meest gelezen|"
    r"leia também|(notícias|artigos) relacionad[oa]s|mais lid[oa]s|veja também|"
    r"les også|läs också|læs også|mest (lest|läst|læste)|relater(te|ade) artikl(er|ar)|"
    r"czytaj (też|także|również)|zobacz (też|także|również)|najczęściej czytane|"
    r"ilgili haberler|benzer haberler|en çok okunanlar)[\s:.!]*$",
    re.IGNORECASE,
)
_MAX_HEADING_WORDS = 8


@hookimpl(trylast=True)
def newsnorm_remove_noise(document: Document) -> None:
    if document.input_format != HTML:
        return
    for block in list(document.live_blocks()):
        if block.live and _announces_other_stories(block):
            for member in [block, *_box_after(document, block)]:
                document.remove(member, "related-section")


def _announces_other_stories(block: Block) -> bool:
    text = block.text.strip()
    if len(text.split()) > _MAX_HEADING_WORDS:
        return False
    return bool(_SECTION_HEADING.match(text) or _SECTION_HEADING_ELSEWHERE.match(text))


def _box_after(document: Document, heading: Block) -> list[Block]:
    after = document.live_after(heading)
    box = heading.node.getparent() if heading.node is not None else None
    if box is not None and not _holds_other_text(box, document, heading):
        return [block for block in after if _inside(block.node, box)]
    run = []
    for block in after:  # a flat page: the teaser headlines under the heading
        if not is_headline_shaped(block.text):
            break
        run.append(block)
    return run


def _holds_other_text(box: HtmlElement, document: Document, heading: Block) -> bool:
    """The heading's wrapper is the article itself when it also holds the text above it."""
    return any(_inside(block.node, box) for block in document.live_before(heading))


def _inside(node: HtmlElement | None, box: HtmlElement) -> bool:
    return node is not None and any(ancestor is box for ancestor in node.iterancestors())
