"""How a run converts each document: the options that travel with the documents to every
process or cluster worker that converts them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from newsnorm.formats import RECORD
from newsnorm.inputs.document import DEFAULT_MAX_BYTES, Fields
from newsnorm.profiles import ProfileText

DEFAULT_TIMEOUT = 10.0  # seconds a document; pages take well under one


@dataclass(frozen=True)
class Settings:
    """`url` applies to a single input; `timeout` None or 0 means no limit. `profiles` are
    the run's own profile files (`--profiles`, NEWSNORM_PROFILES), as text: every process
    that converts builds its pipeline with them, on this machine or a cluster's."""

    url: str | None = None
    outlet: str | None = None
    explain: bool = False
    strict_plugins: bool = False  # a failing installed plugin fails the document
    timeout: float | None = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    fields: Fields = field(default_factory=Fields)
    profiles: tuple[ProfileText, ...] = ()
    output_format: str = RECORD  # or "ninjs" (2.2), "ninjs3" (3.1), "parquet": newsnorm.formats
    # Learn the outlets' templates from the inputs first (newsnorm.learn), from the outlets
    # with at least `learn_min_pages` pages; what is learned joins `profiles`.
    learn: bool = False
    learn_min_pages: int = 2
    # Link the run's records to the records they copy and the stories they tell
    # (newsnorm.dedup): converted first, then deduplicated into the output.
    dedup: bool = False

    @property
    def time_limit(self) -> float | None:
        """Seconds a document may take, or None for no limit (`timeout` 0 too)."""
        return self.timeout or None


DEFAULTS = Settings()


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
