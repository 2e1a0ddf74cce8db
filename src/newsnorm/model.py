"""The canonical article record (schema v1).

`schemas/article.v1.json` is generated from these models (`make schema`); a test fails
when the two disagree.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, Field, computed_field

from newsnorm.stages import IsolatedStage
from newsnorm.strict import StrictModel

SCHEMA_VERSION = "1"

BlockType = Literal["paragraph", "heading", "quote", "list_item", "preformatted"]

# A date when only the day is known, a date-time with its UTC offset when the time is.
# `type` sits beside the pattern so that strict validators (ajv) see what it applies to.
ISO_MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$"
Moment = Annotated[
    AwareDatetime | date,
    Field(json_schema_extra={"type": "string", "pattern": ISO_MOMENT_PATTERN}),
]
NonEmpty = Annotated[str, Field(min_length=1)]


class Outlet(StrictModel):
    """The publication the article comes from."""

    name: str | None
    domain: str | None


class BodyBlock(StrictModel):
    """One block of the article body, in reading order."""

    type: BlockType
    text: NonEmpty


class Image(StrictModel):
    """An image of the article; its caption never appears in the text."""

    url: str | None
    caption: str | None
    credit: str | None


class PluginRef(StrictModel):
    """A plugin that changed the record."""

    name: NonEmpty
    version: str | None


class PluginWarning(StrictModel):
    """An installed plugin's hook that raised; its changes to the document were undone."""

    plugin: NonEmpty
    stage: IsolatedStage
    error: NonEmpty = Field(description="The exception's type and message")


class Provenance(StrictModel):
    """Where the record came from and what made it."""

    source: str | None = Field(description="File path, `<stdin>`, or what the caller named")
    input_format: NonEmpty = Field(description="The reader that parsed the input, e.g. `text`")
    plugins: list[PluginRef]
    newsnorm_version: NonEmpty
    warnings: list[PluginWarning] | None = Field(
        default=None,
        description="Only when a plugin failed: what it was, at which stage, and why",
    )


class Removal(StrictModel):
    """A line or block removed from the document, and the rule that removed it."""

    rule: str = Field(
        pattern=r"^(learned:)?[\w.-]+:[\w.-]+(\[\d+\])?$",
        description="`plugin:rule`; an outlet profile's unnamed rules are `KEY:FIELD[N]`, a"
        " learned template's runs `learned:KEY:template[N]`",
    )
    text: str


class Article(StrictModel):
    """A normalised news article."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str = Field(pattern=r"^[0-9a-f]{32}$", description="From the canonical URL, else content")
    url: str | None
    canonical_url: str | None
    outlet: Outlet
    title: str | None
    subtitle: str | None
    section: str | None
    byline: str | None = Field(description="The byline as printed")
    authors: list[NonEmpty] = Field(description="People only")
    agencies: list[NonEmpty] = Field(description="Wire services: Reuters, AFP, AP, ...")
    published: Moment | None
    updated: Moment | None
    dateline: str | None
    language: str | None
    tags: list[NonEmpty]
    body: list[BodyBlock]
    images: list[Image]
    provenance: Provenance
    extensions: dict[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")], dict[str, Any]] = (
        Field(
            description="Plugin-specific fields, one object per plugin namespace",
            json_schema_extra={"additionalProperties": False},
        )
    )
    removed: list[Removal] | None = Field(
        default=None, description="Only with --explain: what was removed, by which rule"
    )
    duplicate_of: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{32}$",
        description="Only after deduplication (`newsnorm dedup`, `convert --dedup`): the id"
        " of the record this one copies, word for word or nearly (other furniture, an edit,"
        " an update); null when it copies none",
    )
    story: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{32}$",
        description="Only after deduplication: one id shared by every record that reports"
        " the same story (copies, rewrites, other outlets' versions); else the record's own",
    )

    @computed_field
    @property
    def text(self) -> str:
        """The body blocks joined by a blank line."""
        return "\n\n".join(block.text for block in self.body)

    @computed_field
    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_record(self) -> dict[str, Any]:
        """The record as JSON-ready data; `removed` only when it was asked for,
        `duplicate_of` and `story` only after deduplication, and `provenance.warnings` only
        when a plugin failed."""
        exclude: dict[str, Any] = {}
        if self.removed is None:
            exclude["removed"] = True
        if self.story is None:  # not deduplicated: neither field says anything
            exclude.update(duplicate_of=True, story=True)
        if self.provenance.warnings is None:
            exclude["provenance"] = {"warnings"}
        return self.model_dump(mode="json", exclude=exclude or None)
