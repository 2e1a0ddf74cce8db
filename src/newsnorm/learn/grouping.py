"""Which outlet a page belongs to: the host of its address (its URL, else the address it
declares) when it has one; a capture without one joins the earlier pages whose template
it shares, judged by the pairs of short lines it repeats (a menu, a footer), or begins a
group of its own. Sister sites built on one template fall into one group: what is learned
is the template, and they share it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsnorm.learn.pages import PageLines

# A capture shares a group's template when at least this many of its pairs of short
# lines are the group's, and at least this share of them: the generic pairs every site
# has ("Facebook", "Twitter") are a handful.
MIN_SHARED_PAIRS = 5
MIN_SHARED_SHARE = 0.1
GROUP_PREFIX = "template-"


@dataclass
class Grouper:
    """Groups pages as they come; the same pages in the same order give the same groups."""

    _groups: int = 0
    _pairs: dict[int, set[int]] = field(default_factory=dict)  # short pair -> groups

    def group(self, page: PageLines) -> str:
        if page.host is not None:
            return page.host
        return f"{GROUP_PREFIX}{self._by_template(page.short_pairs())}"

    def _by_template(self, pairs: set[int]) -> int:
        group = shared_group(pairs, self._pairs)
        if group is None:
            group, self._groups = self._groups + 1, self._groups + 1
        for pair in pairs:
            self._pairs.setdefault(pair, set()).add(group)
        return group


def shared_group(pairs: set[int], index: dict[int, set[int]]) -> int | None:
    """The group whose pairs the page shares most, when it shares enough of them."""
    shared = Counter(group for pair in pairs for group in index.get(pair, ()))
    if not shared:
        return None
    group, count = min(shared.items(), key=lambda item: (-item[1], item[0]))
    return group if count >= max(MIN_SHARED_PAIRS, MIN_SHARED_SHARE * len(pairs)) else None
