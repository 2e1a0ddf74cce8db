"""A one-line progress report on stderr for long runs, at a terminal only."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_EVERY_SECONDS = 0.5


class Progress:
    """Documents done, rate and errors, redrawn at most twice a second; silent when off."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self._drawn_at = 0.0

    def update(self, converted: int, failed: int) -> None:
        now = time.monotonic()
        if self.enabled and now - self._drawn_at >= _EVERY_SECONDS:
            self._drawn_at = now
            self.stream.write(f"\r\x1b[K{self.line(converted, failed)}")
            self.stream.flush()

    def line(self, converted: int, failed: int) -> str:
        done = converted + failed
        rate = done / max(self.elapsed(), 1e-9)
        return f"newsnorm: {done} documents, {rate:.1f}/s, {failed} failed"

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def clear(self) -> None:
        if self.enabled and self._drawn_at:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
