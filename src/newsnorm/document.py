"""The working document that pipeline hooks read and change.

A reader turns a `Source` into a `Document`: a list of `Block`s in reading order plus
`Metadata` that later stages fill in. Plugins change it only through its methods (or by
assigning metadata fields), so the pipeline can tell which plugin changed what and
`--explain` can list every removal with the rule behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsnorm.stages import InputFormat

if TYPE_CHECKING:  # BeautifulSoup is imported only when a plugin asks for the soup
    from bs4 import BeautifulSoup, Tag

    from newsnorm.evidence import Evidence


@dataclass(frozen=True)
class Source:
    """One input document as the caller handed it over."""

    content: bytes | str
    url: str | None = None
    name: str | None = None
    media_type: str | None = None


@dataclass
class Block:
    """A unit of content: a line of a text capture, an element of an HTML page."""

    text: str
    type: str = "paragraph"
    removed_by: str | None = None
    node: Any = None  # the parsed element this block came from, when there is one
    # A capture's line printed right under the one before, no blank line between: browsers'
    # copies part paragraphs with a blank line, and print a list's items one under another.
    stacked: bool = False

    @property
    def live(self) -> bool:
        return self.removed_by is None


@dataclass(frozen=True)
class ImageRef:
    url: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass
class Metadata:
    """What the metadata stage finds; `None` or empty means not found yet."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    published: date | datetime | None = None
    updated: date | datetime | None = None
    dateline: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    canonical_url: str | None = None
    # The outlet the document names itself (the record's `outlet` takes a recognised
    # outlet's profile first): a display name, and a host without `www.`.
    outlet_name: str | None = None
    outlet_domain: str | None = None
    extensions: dict[str, dict[str, Any]] = field(default_factory=dict)

    def state(self) -> tuple[Any, ...]:
        """Every value, compared around a hook to tell whether it changed any (cheaper than
        the repr): lists as tuples (their items are strings and frozen images), the
        plugins' extensions by their repr."""
        return tuple(
            [
                tuple(v) if type(v) is list else repr(v) if type(v) is dict else v
                for v in vars(self).values()
            ]
        )

    def copy(self) -> Metadata:
        """A copy no change to this one reaches: the lists copied, the extensions (the
        plugins' own values, of any shape) deep-copied."""
        lists = {name: list(value) for name, value in vars(self).items() if isinstance(value, list)}
        return replace(self, **lists, extensions=deepcopy(self.extensions))


@dataclass(frozen=True)
class OutletProfile:
    """An outlet a plugin knows: how to name it and how to recognise its documents.

    `matches_url` and `matches_content` default to "never"; a plugin supplies either or
    both. `timezone` is the IANA zone the outlet prints its times in.
    """

    key: str
    name: str
    domain: str | None = None
    timezone: str | None = None
    language: str | None = None
    matches_url: Callable[[str], bool] | None = None
    matches_content: Callable[[Document], bool] | None = None

    def recognises_url(self, url: str) -> bool:
        if self.matches_url is not None:
            return self.matches_url(url)
        return self.domain is not None and host_belongs_to(url, self.domain)


def host_of(url: str | None) -> str | None:
    """The URL's host without a leading `www.`, or None."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:  # not a URL at all, e.g. an unclosed IPv6 bracket
        return None
    return host.removeprefix("www.") or None


def host_belongs_to(url: str, domain: str) -> bool:
    host = host_of(url)
    return host is not None and (host == domain or host.endswith("." + domain))


def _squeezed(text: str) -> str:
    """Text without any whitespace: markup puts spaces in different places than blocks do."""
    return "".join(text.split())


@dataclass(frozen=True)
class RemovedText:
    """What a plugin took out of the working document, and by which rule (the record lists
    it as a `newsnorm.model.Removal` in `removed`, when explained)."""

    rule: str
    text: str


@dataclass
class Document:
    """The article being normalised."""

    source: Source
    input_format: InputFormat
    blocks: list[Block]
    meta: Metadata = field(default_factory=Metadata)
    outlet: OutletProfile | None = None
    removed: list[RemovedText] = field(default_factory=list)
    page: Any = None  # what an HTML page declares about itself (newsnorm.html.meta.PageFacts)
    html: str | None = None  # the decoded page, for `soup()`
    acting_plugin: str = "newsnorm"  # set by the pipeline around each plugin call
    # What one stage's plugin notes for a later stage's, by a key it owns ("capture.body"):
    # where a capture's article begins, found while removing noise, read for its head.
    marks: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # What metadata extraction saw, kept only for `newsnorm explain` (newsnorm.evidence).
    evidence: Evidence | None = field(default=None, repr=False, compare=False)
    _edits: int = 0
    _soup: BeautifulSoup | None = field(default=None, repr=False, compare=False)

    @property
    def url(self) -> str | None:
        return self.source.url

    def soup(self) -> BeautifulSoup | None:
        """The whole page as BeautifulSoup (lxml builder), for plugin rules that read markup;
        None for text inputs. Built on first use only: the core never needs it."""
        if self.html is None:
            return None
        if self._soup is None:
            from bs4 import BeautifulSoup

            self._soup = BeautifulSoup(self.html, "lxml")
        return self._soup

    def remove_element(self, element: Tag, rule: str) -> int:
        """Remove every live block whose text sits inside `element` (a BeautifulSoup tag from
        `soup()`, e.g. a related-stories box the generic rules kept); returns how many."""
        inside = _squeezed(element.get_text())
        hits = [b for b in self.live_blocks() if b.text.strip() and _squeezed(b.text) in inside]
        for block in hits:
            self.remove(block, rule)
        return len(hits)

    def outlet_is(self, key: str) -> bool:
        return self.outlet is not None and self.outlet.key == key

    def live_blocks(self) -> Iterator[Block]:
        # (`removed_by` read directly: stages walk every block several times per document)
        return (block for block in self.blocks if block.removed_by is None)

    def live_before(self, anchor: Block) -> list[Block]:
        """The live blocks above `anchor`, top first."""
        return [block for block in self.blocks[: self._index(anchor)] if block.live]

    def live_after(self, anchor: Block) -> list[Block]:
        """The live blocks below `anchor`, top first."""
        return [block for block in self.blocks[self._index(anchor) + 1 :] if block.live]

    def _index(self, block: Block) -> int:
        return next(i for i, candidate in enumerate(self.blocks) if candidate is block)

    def remove(self, block: Block, rule: str) -> None:
        """Take a block out of the body, recording `plugin:rule` as the reason."""
        if not block.live:
            return
        block.removed_by = self._rule_name(rule)
        self.removed.append(RemovedText(block.removed_by, block.text))

    def remove_for(self, block: Block, credit: str) -> None:
        """Take a block out on behalf of the rule `credit` (`plugin:rule`) that marked it in
        an earlier hook: a learned template's line, removed where the capture reader finds
        the article."""
        if block.live:
            block.removed_by = credit
            self.removed.append(RemovedText(credit, block.text))

    def take(self, block: Block, rule: str) -> str:
        """Remove a block because it became metadata, and return its text."""
        self.remove(block, rule)
        return block.text

    def cut_prefix(self, block: Block, prefix: str, rule: str) -> None:
        """Remove `prefix` (e.g. a dateline) from the start of a block's text."""
        if not block.text.startswith(prefix):
            raise ValueError(f"block does not start with {prefix!r}")
        block.text = block.text[len(prefix) :].lstrip()
        self.removed.append(RemovedText(self._rule_name(rule), prefix.strip()))
        self._edits += 1

    def fingerprint(self) -> tuple[Any, ...]:
        """Changes whenever the document changes; the pipeline compares it around hooks."""
        return (len(self.removed), self._edits, len(self.blocks), self.meta.state(), self.outlet)

    def _rule_name(self, rule: str) -> str:
        return f"{self.acting_plugin}:{rule}"
