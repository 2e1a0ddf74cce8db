"""Why one document produced no record: the failure a run reports and writes to its errors
file, as plain data that crosses process boundaries."""

from __future__ import annotations

import traceback
from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    """Why one document produced no record. Plain data, so it crosses process boundaries."""

    source: str
    stage: str
    reason: str
    error_type: str
    plugin: str | None = None
    trace: str = ""  # the formatted traceback, for --debug

    @classmethod
    def of(cls, source: str, stage: str, reason: str, error: BaseException) -> Failure:
        trace = "".join(traceback.format_exception(error))
        plugin = getattr(error, "plugin", None)
        return cls(source, stage, reason, type(error).__name__, plugin, trace)

    def message(self) -> str:
        return f"{self.source}: {self.reason}"
