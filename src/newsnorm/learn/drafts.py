"""Draft profiles of learned templates, as TOML a person reviews: every run with a comment
saying on how many stories' pages it was found. Each draft is read back and checked as any
profile is before it is written, so a draft always loads."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from newsnorm.learn.template import Run
from newsnorm.profiles.loading import Profile, ProfileText, parse_profile
from newsnorm.profiles.model import DOMAIN_PATTERN, NAME_PATTERN
from newsnorm.text.line_pairs import run_pairs

_NAME = re.compile(NAME_PATTERN)
_DOMAIN = re.compile(DOMAIN_PATTERN)
SUFFIX = ".toml"


@dataclass(frozen=True)
class Draft:
    """One outlet's learned template, as a profile."""

    key: str
    domains: tuple[str, ...]
    pages: int
    stories: int
    runs: tuple[Run, ...]
    group: str = ""  # the group it was learned from: a host, or `template-N`

    def pairs(self) -> set[int]:
        """The hashes of its lines in a row, as pages are compared with them."""
        return {pair for run in self.runs for pair in run_pairs(run.lines)}

    @property
    def rules(self) -> int:
        return len(self.runs)

    @property
    def file_name(self) -> str:
        return self.key + SUFFIX

    def text(self) -> str:
        lines = [
            f"# Learned by `newsnorm learn` from {self.pages} pages ({self.stories} stories).",
            "# A draft: check that every run below is the outlet's furniture, never its",
            "# stories' text, and delete or edit what is not; then use it with --profiles.",
            f"key = {_string(self.key)}",
            f"name = {_string(self.key)}",
            f"domains = [{', '.join(_string(domain) for domain in self.domains)}]",
            "",
            "[template]",
            f"pages = {self.pages}",
            f"stories = {self.stories}",
        ]
        for run in self.runs:
            lines += ["", f"# on pages of {run.stories} of {self.stories} stories"]
            lines += ["[[template.runs]]", "lines = ["]
            lines += [f"  {_string(line)}," for line in run.lines]
            lines.append("]")
        return "\n".join(lines) + "\n"

    def profile_text(self) -> ProfileText:
        """The draft as the text a run's profiles travel as (`Settings.profiles`)."""
        return ProfileText(f"learned:{self.file_name}", self.text())

    def profile(self) -> Profile:
        """The draft as a checked profile (ProfileError if it were not one)."""
        return parse_profile(ProfileText(self.file_name, self.text()))


def draft_key(group: str) -> tuple[str, tuple[str, ...]]:
    """A group's profile key and domains: a host is both; a template group has no domain."""
    ascii_host = _ascii(group)
    if ascii_host is not None and _DOMAIN.match(ascii_host):
        return ascii_host, (ascii_host,)
    return group if _NAME.match(group) else "template", ()


def _ascii(host: str) -> str | None:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML escapes."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
