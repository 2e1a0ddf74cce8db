"""What a profile file may say, as pydantic models: the published schema
(schemas/profile.v1.json) is generated from them, and their descriptions document it.

Everything is checked as the file loads: unknown fields (a misspelt name is an error, never
a rule silently ignored), CSS selectors and regular expressions (compiled here), time zones
and `@attr` field sources.
"""

from __future__ import annotations

import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, model_validator

from newsnorm.profiles.selectors import FieldSource, cleaned_tree_xpath
from newsnorm.strict import StrictModel

NAME_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
DOMAIN_PATTERN = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


def _selector(text: str) -> str:
    cleaned_tree_xpath(text)
    return text


def _pattern(text: str) -> str:
    try:
        re.compile(text)
    except re.error as exc:
        raise ValueError(f"bad regular expression {text!r}: {exc}") from None
    return text


def _field_source(text: str) -> str:
    FieldSource.parse(text)
    return text


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r} (an IANA name, like Europe/London)") from None
    return name


def _byline_pattern(text: str) -> str:
    if "names" not in re.compile(_pattern(text)).groupindex:
        raise ValueError(f"byline pattern {text!r} has no (?P<names>...) group")
    return text


RuleName = Annotated[
    str,
    Field(
        pattern=NAME_PATTERN,
        description="Credits the rule as `KEY:NAME` in `removed[].rule` (lowercase words"
        " joined by hyphens)",
    ),
]
Selector = Annotated[
    str,
    AfterValidator(_selector),
    Field(description="A CSS selector (lxml's cssselect dialect)"),
]
Pattern = Annotated[
    str,
    AfterValidator(_pattern),
    Field(description="A Python regular expression, matched at the start of a line"),
]
Source = Annotated[
    str,
    AfterValidator(_field_source),
    Field(
        description="`selector` (the first matching element's text) or `selector@attr` (its"
        " attribute)"
    ),
]


_SOURCE = (
    ": `selector` (the first match's text) or `selector@attr` (its attribute), on the page"
    " as served; it wins over what newsnorm finds elsewhere"
)


class NamedSelector(StrictModel):
    """A remove rule with a name of its own."""

    selector: Selector
    name: RuleName


class NamedPattern(StrictModel):
    """A line rule with a name of its own."""

    pattern: Pattern
    name: RuleName


class HtmlRules(StrictModel):
    """Rules for HTML pages of the outlet."""

    remove: list[Selector | NamedSelector] = Field(
        default=[],
        description="Boxes that are never the article: every block inside an element a"
        " selector matches is removed, credited `KEY:remove[N]` or `KEY:NAME`",
    )
    title: Source | None = Field(default=None, description="The headline's element" + _SOURCE)
    byline: Source | None = Field(
        default=None,
        description="The byline's element; authors and agencies are read from it" + _SOURCE,
    )
    published: Source | None = Field(
        default=None, description="The publishing time's element" + _SOURCE
    )
    updated: Source | None = Field(default=None, description="The update time's element" + _SOURCE)
    section: Source | None = Field(default=None, description="The section name's element" + _SOURCE)


class TextRules(StrictModel):
    """Rules for plain-text captures of the outlet."""

    remove_lines: list[Pattern | NamedPattern] = Field(
        default=[],
        description="Lines that are never the article, credited `KEY:remove_lines[N]` or"
        " `KEY:NAME`",
    )
    footer_starts: list[Pattern | NamedPattern] = Field(
        default=[],
        description="The first line one of these matches, and every line after it, is a"
        " footer: removed, credited `KEY:footer_starts[N]` or `KEY:NAME`",
    )
    byline: Annotated[str, AfterValidator(_byline_pattern)] | None = Field(
        default=None,
        description="The byline line, among the first lines: a regular expression with a"
        " `(?P<names>...)` group and optionally `(?P<published>...)`; the line is taken out"
        " of the text, credited `KEY:byline`",
    )


class TemplateRun(StrictModel):
    """Lines the outlet prints one after another on its pages (a menu, a footer, a box)."""

    lines: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=2,
        description="The lines in the order the pages print them, compared with case and"
        " spacing ignored and each run of digits written `#` (`Updated # hours ago`). A line"
        " of the page is the template's when it and the line before or after it are two"
        " lines in a row of a run",
    )
    name: RuleName | None = Field(
        default=None, description="Credits the run as `learned:KEY:NAME`, not `template[N]`"
    )


class Template(StrictModel):
    """What `newsnorm learn` found the outlet's pages repeat: a draft for a person to
    review, applied to its HTML pages' blocks and its captures' lines alike. A profile with
    a template names no outlet in records: it only removes its template's lines."""

    pages: int = Field(ge=0, description="The pages it was learned from")
    stories: int = Field(ge=0, description="The different stories among those pages")
    recognise: int = Field(
        default=5,
        ge=1,
        description="A document on none of the domains is the outlet's when at least this"
        " many of its pairs of lines are the template's (captures carry no address)",
    )
    runs: list[TemplateRun] = Field(
        default=[],
        description="Its runs of lines; a line one matches is removed, credited"
        " `learned:KEY:template[N]` or `learned:KEY:NAME`",
    )


class ProfileSpec(StrictModel):
    """An outlet profile: the outlet newsnorm recognises, and the rules for its pages."""

    key: str = Field(
        pattern=NAME_PATTERN,
        description="The outlet's key (`--outlet KEY`); rules are credited `KEY:RULE` and the"
        " profile is listed as the plugin `profile:KEY`",
    )
    name: str = Field(min_length=1, description="The outlet's name, as records give it")
    domains: list[Annotated[str, Field(pattern=DOMAIN_PATTERN)]] = Field(
        default=[],
        description="Its domains: a page whose address (or canonical link) is on one of them,"
        " or on a subdomain, is the outlet's. At least one, unless the profile has a"
        " template that recognises its documents",
    )
    timezone: Annotated[str, AfterValidator(_timezone)] | None = Field(
        default=None, description="The IANA time zone it prints times in"
    )
    language: str | None = Field(
        default=None,
        pattern=LANGUAGE_PATTERN,
        description="Its language (BCP 47, like `en` or `pt-BR`), when a page declares none",
    )
    html: HtmlRules = Field(default=HtmlRules(), description="Rules for its HTML pages")
    text: TextRules = Field(default=TextRules(), description="Rules for its plain-text captures")
    template: Template | None = Field(
        default=None, description="Its template, as `newsnorm learn` wrote it"
    )

    @model_validator(mode="after")
    def _recognisable(self) -> ProfileSpec:
        if not self.domains and not (self.template and self.template.runs):
            raise ValueError("domains: a profile needs at least one domain, or template runs")
        return self
