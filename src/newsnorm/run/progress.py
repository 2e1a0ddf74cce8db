"""Counting what became of each document, and a one-line progress report on stderr for
long runs (at a terminal only)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

_EVERY_SECONDS = 0.5


@dataclass
class Tally:
    """Documents read so far, by what became of them; the four add up to all read."""

    converted: int = 0
    failed: int = 0
    skipped: int = 0  # records of a container that are not pages (images, redirects)
    already_done: int = 0  # in the output of the run being resumed
    warned: int = 0  # of those converted, records with plugin warnings

    def read(self) -> int:
        return self.converted + self.failed + self.skipped + self.already_done

    def summary(self, seconds: float) -> str:
        parts = [f"{self.converted} converted{self._warned()}", f"{self.failed} failed"]
        parts.append(f"{self.skipped} skipped")
        if self.already_done:
            parts.append(f"{self.already_done} already done")
        return f"{_documents(self.read())}: {', '.join(parts)} in {seconds:.1f}s"

    def _warned(self) -> str:
        if not self.warned:
            return ""
        return f" ({self.warned} with plugin warnings: see provenance.warnings)"


class Progress:
    """Documents done, rate, failures and the time left, redrawn at most twice a second;
    silent when off. The time left comes from the work done so far out of `total_work`, when
    known: bytes of input read on one machine, partitions finished on a cluster."""

    def __init__(
        self,
        enabled: bool,
        stream: TextIO | None = None,
        *,
        total_work: int | None = None,
        work_done: Callable[[], int] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = clock()
        self.total_work = total_work
        self.work_done = work_done
        self._drawn_at = 0.0
        self._first_seen: tuple[float, int] | None = None  # (time, work done) at first look

    def update(self, tally: Tally) -> None:
        now = self.clock()
        if self.enabled and now - self._drawn_at >= _EVERY_SECONDS:
            self._drawn_at = now
            self.stream.write(f"\r\x1b[K{self.line(tally)}")
            self.stream.flush()

    def line(self, tally: Tally) -> str:
        done = tally.converted + tally.failed + tally.skipped
        rate = done / max(self.elapsed(), 1e-9)
        line = f"newsnorm: {_documents(done)}, {rate:.1f}/s, {tally.failed} failed"
        if tally.warned:
            line += f", {tally.warned} with plugin warnings"
        left = self.seconds_left()
        return line if left is None else f"{line}, {_clock(left)} left"

    def seconds_left(self) -> float | None:
        """The work still to do at the rate done since the first look (so documents a
        resumed run passes over do not count as speed); None while unknown."""
        if not self.total_work or self.work_done is None:
            return None
        now, read = self.clock(), self.work_done()
        if self._first_seen is None:
            self._first_seen = (now, read)
            return None
        since, then = self._first_seen
        if read <= then:
            return None
        return (now - since) * max(self.total_work - read, 0) / (read - then)

    def elapsed(self) -> float:
        return self.clock() - self.started

    def clear(self) -> None:
        if self.enabled and self._drawn_at:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
