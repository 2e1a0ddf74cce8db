"""The learning pass over a run's inputs: read, group, count; then the drafts."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsnorm.errors import NormalizeError
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, Fields, InputDocument, UnreadableDocument
from newsnorm.inputs.find import find_documents
from newsnorm.learn.drafts import Draft, draft_key
from newsnorm.learn.grouping import Grouper
from newsnorm.learn.pages import PageLines
from newsnorm.learn.reading import page_lines
from newsnorm.learn.template import GroupTemplate
from newsnorm.parallel import map_in_processes

DEFAULT_MIN_PAGES = 2


@dataclass
class Learned:
    """What a learning pass found: the drafts, and what it read."""

    drafts: list[Draft] = field(default_factory=list)
    documents: int = 0  # read and grouped
    unreadable: int = 0  # skipped: the conversion pass reports them
    groups: int = 0


def learn(
    inputs: list[str],
    *,
    fields: Fields | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_pages: int = DEFAULT_MIN_PAGES,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> Learned:
    """The templates of the outlets of `inputs` (what `newsnorm convert` reads: files,
    directories, archives, JSON Lines; not stdin, which cannot be read twice), one draft
    for each outlet with at least `min_pages` different pages. `workers` processes read the
    pages' lines (the same drafts for any number)."""
    documents = find_documents(inputs, fields, max_bytes=max_bytes)
    return learn_documents(
        documents, max_bytes=max_bytes, min_pages=min_pages, progress=progress, workers=workers
    )


def learn_documents(
    documents: Iterable[InputDocument],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_pages: int = DEFAULT_MIN_PAGES,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> Learned:
    learned, grouper = Learned(), Grouper()
    templates: dict[str, GroupTemplate] = {}
    for page in read_pages(_contents(documents, max_bytes, learned), workers, learned):
        templates.setdefault(grouper.group(page), GroupTemplate()).add(page)
        if progress is not None:
            progress(learned.documents)
    learned.groups = len(templates)
    learned.drafts = _drafts(templates, min_pages)
    return learned


Content = tuple[bytes | str, str | None, str | None]  # a page, its URL and media type


def _contents(
    documents: Iterable[InputDocument], max_bytes: int, learned: Learned
) -> Iterator[Content]:
    """Each document's content; a document read before (an archive holding a page twice, a
    crawl's repeats) is counted, not read again: it would teach nothing new."""
    seen: set[int] = set()
    for document in documents:
        content = _content(document, max_bytes)
        if content is None:
            learned.unreadable += document.skip is None
            continue
        learned.documents += 1
        digest = _digest(content, document.url)
        if digest not in seen:
            seen.add(digest)
            yield content, document.url, document.media_type


def _content(document: InputDocument, max_bytes: int) -> bytes | str | None:
    """The document's content; None for a record that is no page, or one that cannot be
    read (the conversion pass reports why, as the document's error record)."""
    if document.skip is not None:
        return None
    try:
        return document.read(max_bytes)
    except (NormalizeError, UnreadableDocument, OSError, EOFError, zlib.error):
        return None


def _lines(content: Content) -> PageLines | None:
    try:
        return page_lines(*content)
    except (NormalizeError, ValueError):  # not text (binary), or markup lxml refuses
        return None


def read_pages(contents: Iterable[Content], workers: int, learned: Learned) -> Iterator[PageLines]:
    """The pages' lines, in input order, read by `workers` processes."""
    if workers > 1:
        lines = map_in_processes(_lines_of_batch, contents, workers)
    else:
        lines = map(_lines, contents)
    for page in lines:
        if page is None:
            learned.unreadable += 1
        else:
            yield page


def _lines_of_batch(batch: list[Content]) -> list[PageLines | None]:
    return [_lines(content) for content in batch]


def _digest(content: bytes | str, url: str | None) -> int:
    data = content.encode() if isinstance(content, str) else content
    digest = hashlib.blake2b(data, digest_size=8)
    digest.update((url or "").encode())
    return int.from_bytes(digest.digest(), "little")


def template_shares(
    inputs: list[str],
    learned: Learned,
    *,
    fields: Fields | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = 1,
) -> dict[str, float]:
    """For each draft, the share of its pages' lines its template matches: a second pass
    over the same inputs, grouped the same way, read by `workers` processes."""
    pairs = {draft.group: draft.pairs() for draft in learned.drafts}
    matched: dict[str, list[int]] = {group: [0, 0] for group in pairs}
    grouper, ignored = Grouper(), Learned()
    documents = find_documents(inputs, fields, max_bytes=max_bytes)
    for page in read_pages(_contents(documents, max_bytes, ignored), workers, ignored):
        group = grouper.group(page)
        if group in matched:
            matched[group][0] += page.matched(pairs[group])
            matched[group][1] += len(page.lines)
    return {draft.key: _share(*matched[draft.group]) for draft in learned.drafts}


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _drafts(templates: dict[str, GroupTemplate], min_pages: int) -> list[Draft]:
    drafts, keys = [], set()
    for group, template in templates.items():
        runs = template.runs() if template.pages >= min_pages else []
        if not runs:
            continue
        key, domains = draft_key(group)
        key = _unique(key, keys)
        drafts.append(Draft(key, domains, template.pages, template.stories, tuple(runs), group))
    return drafts


def _unique(key: str, taken: set[str]) -> str:
    candidate, number = key, 1
    while candidate in taken:
        number += 1
        candidate = f"{key}-{number}"
    taken.add(candidate)
    return candidate
