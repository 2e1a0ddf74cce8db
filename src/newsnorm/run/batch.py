"""Converting many documents, in this process or on a local process pool: each one becomes
a record or a failure, never both, outcomes in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsnorm.inputs.document import InputDocument
from newsnorm.pipeline import Pipeline, pipeline_with
from newsnorm.run.outcome import Outcome, convert_one
from newsnorm.run.pool import convert_in_processes
from newsnorm.run.settings import DEFAULTS, Settings


def convert(
    documents: Iterable[InputDocument],
    settings: Settings = DEFAULTS,
    *,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    as_lines: bool = False,
) -> Iterator[Outcome]:
    """Normalise each document with the run's `settings`, outcomes in input order (also with
    `workers` > 1); an unknown `settings.outlet` raises before anything is read. A
    `pipeline` of the caller's own runs in this process: worker processes build the default
    one, with `settings.profiles`. With `as_lines`, converted documents come as their JSON
    line in `settings.output_format` (`Outcome.line`), made where they were converted:
    cheaper to send between processes than the article. See Settings for the rest (the
    size cap, the time limit, strict plugins)."""
    parallel = workers > 1 and pipeline is None
    pipeline = pipeline or pipeline_with(settings.profiles)
    if settings.outlet:
        pipeline.find_outlet(settings.outlet)
    if parallel:
        return convert_in_processes(documents, workers, settings, as_lines=as_lines)
    return (convert_one(pipeline, document, settings, as_lines=as_lines) for document in documents)
