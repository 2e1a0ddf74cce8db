"""Converting many documents, in this process or on a local process pool: each one becomes
a record or a failure, never both, outcomes in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsnorm.inputs.document import DEFAULT_MAX_BYTES, InputDocument
from newsnorm.pipeline import Pipeline, pipeline_with
from newsnorm.profiles import ProfileText
from newsnorm.run.outcome import Outcome, convert_one
from newsnorm.run.pool import convert_parallel


def convert(
    documents: Iterable[InputDocument],
    *,
    url: str | None = None,
    outlet: str | None = None,
    explain: bool = False,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    timeout: float | None = None,
    as_lines: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict_plugins: bool = False,
    profiles: tuple[ProfileText, ...] = (),
    output_format: str = "record",
) -> Iterator[Outcome]:
    """Normalise each document, outcomes in input order (also with `workers` > 1); an
    unknown `outlet` raises before anything is read. A `pipeline` of the caller's own runs
    in this process: worker processes build the default one. With `as_lines`, converted
    documents come as their JSON line (`Outcome.line`), made where they were converted:
    cheaper to send between processes than the article. A document longer than
    `max_bytes` (after decompression) fails at stage `read`, read no further than that.
    `strict_plugins` fails a document whose installed plugin fails, instead of converting
    it without that plugin's changes and a warning in the record. `profiles` (a run's
    profile files) join the default pipeline, in every process. `output_format` is the
    shape of the lines (`newsnorm.formats`: the record, or a ninjs item)."""
    parallel = workers > 1 and pipeline is None
    pipeline = pipeline or pipeline_with(profiles)
    if outlet:
        pipeline.find_outlet(outlet)
    options = {
        "url": url, "outlet": outlet, "explain": explain, "timeout": timeout,
        "as_lines": as_lines, "max_bytes": max_bytes, "strict_plugins": strict_plugins,
        "profiles": profiles,
        "output_format": output_format,
    }  # fmt: skip
    if parallel:
        return convert_parallel(documents, workers, **options)
    return (convert_one(pipeline, document, **options) for document in documents)
