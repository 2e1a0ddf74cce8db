"""What becomes of one document: a record, a failure (plain data, with the reason), or
skipped; `convert_one` never raises, so one bad document never stops the others."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Protocol

import orjson

from newsnorm import formats
from newsnorm.document import Source
from newsnorm.errors import NormalizeError
from newsnorm.inputs.document import InputDocument, UnreadableDocument
from newsnorm.model import Article
from newsnorm.pipeline import Pipeline
from newsnorm.run.deadline import DocumentTimeout, time_limit
from newsnorm.run.failure import Failure
from newsnorm.run.settings import Settings

if TYPE_CHECKING:
    from newsnorm.run.progress import Tally
    from newsnorm.run.report import Reporter


@dataclass(frozen=True)
class Outcome:
    """What became of one document: an article, a failure, or skipped (with the reason)."""

    source: str
    article: Article | None = None
    failure: Failure | None = None
    skipped: str | None = None
    line: bytes | None = None  # the article's JSON line, instead of the article, when asked
    warnings: int = 0  # plugins that failed on it and were rolled back

    @classmethod
    def failed(cls, source: str, stage: str, reason: str, error: BaseException) -> Outcome:
        return cls(source, failure=Failure.of(source, stage, reason, error))

    def record_line(self) -> bytes | None:
        """The JSON line to write for a converted document; None for the others."""
        if self.line is not None or self.article is None:
            return self.line
        return dumps(self.article)


def convert_one(
    pipeline: Pipeline, document: InputDocument, settings: Settings, *, as_lines: bool = False
) -> Outcome:
    """One document's outcome; never raises."""
    name = document.name
    if document.skip is not None:
        return Outcome(name, skipped=document.skip)
    try:
        content = document.read(settings.max_bytes)
    except NormalizeError as exc:  # too large
        return Outcome.failed(name, exc.stage, str(exc), exc)
    except UnreadableDocument as exc:  # a damaged record inside a web archive or dump
        return Outcome.failed(name, "read", str(exc), exc)
    except (OSError, EOFError, zlib.error) as exc:  # unreadable, or broken gzip data
        return Outcome.failed(
            name, "read", f"cannot read: {getattr(exc, 'strerror', None) or exc}", exc
        )
    source = _source(document, content, settings.url)
    try:
        with time_limit(settings.time_limit):
            article = pipeline.run(
                source,
                outlet=settings.outlet,
                explain=settings.explain,
                strict_plugins=settings.strict_plugins,
            )
    except DocumentTimeout as exc:
        reason = f"took longer than {settings.timeout:g}s (--timeout)"
        return Outcome.failed(name, "timeout", reason, exc)
    except NormalizeError as exc:
        return Outcome.failed(name, exc.stage, str(exc), exc)
    except Exception as exc:  # a bug of ours must still not stop the batch
        return Outcome.failed(name, "internal", f"internal error: {type(exc).__name__}: {exc}", exc)
    warnings = len(article.provenance.warnings or ())
    if not as_lines:
        return Outcome(name, article=article, warnings=warnings)
    try:
        line = formats.line(article, settings.output_format, pipeline.pm)
    except NormalizeError as exc:  # a plugin adding to the ninjs item failed
        return Outcome.failed(name, exc.stage, str(exc), exc)
    return Outcome(name, line=line, warnings=warnings)


def _source(document: InputDocument, content: bytes | str, url: str | None) -> Source:
    """A web archive record or a dump record carries its own URL; else the caller's."""
    return Source(
        content, url=document.url or url, name=document.name, media_type=document.media_type
    )


def error_record(failure: Failure) -> bytes:
    """One JSON Lines error record: where, at which stage, what kind of error, and why."""
    record = {
        "source": failure.source,
        "stage": failure.stage,
        "error": failure.error_type,
        "message": failure.reason,
    }
    if failure.plugin:
        record["plugin"] = failure.plugin
    return orjson.dumps(record) + b"\n"


def dumps(article: Article) -> bytes:
    """One JSON Lines record: the same article always gives the same bytes."""
    return formats.line(article)


class Lines(Protocol):
    def write(self, line: bytes) -> object: ...


def write_outcome(
    outcome: Outcome,
    records: Lines | BinaryIO,
    errors: Lines | BinaryIO | None,
    tally: Tally,
    reporter: Reporter,
) -> None:
    """One outcome into the records or the errors (when there is an errors file), counted;
    a failure also goes to the reporter."""
    if (line := outcome.record_line()) is not None:
        records.write(line)
        tally.converted += 1
        if outcome.warnings:
            tally.warned += 1
    elif outcome.failure is not None:
        tally.failed += 1
        if errors is not None:
            errors.write(error_record(outcome.failure))
        reporter.failure(outcome.failure)
    else:
        tally.skipped += 1
