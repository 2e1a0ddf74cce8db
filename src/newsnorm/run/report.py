"""What a run tells a person while it works: a progress line, one line per failure, and
warnings. The Python API is silent unless given a reporter; the command gives `Stderr`."""

from __future__ import annotations

import sys
from typing import TextIO

from newsnorm.run.failure import Failure
from newsnorm.run.progress import Progress, Tally


class Reporter:
    """Says nothing: failures still end as error records and in the summary."""

    progress: Progress | None = None

    def start(self, progress: Progress) -> None:
        self.progress = progress

    def update(self, tally: Tally) -> None:
        """Called after each document (or part) is written."""

    def failure(self, failure: Failure) -> None:
        """Called for each document that fails."""

    def note(self, message: str) -> None:
        """A warning for the person running it."""

    def news(self, message: str) -> None:
        """Something worth knowing while it runs (a dashboard's address); not a problem."""

    def finish(self) -> None:
        """The run is over: leave the terminal clean for the summary."""


class Stderr(Reporter):
    """Failures and notes on stderr, with a progress line when `show_progress`."""

    def __init__(
        self,
        *,
        show_progress: bool,
        debug: bool = False,
        quiet: bool = False,
        stream: TextIO | None = None,
    ) -> None:
        self.show_progress = show_progress
        self.debug, self.quiet = debug, quiet
        self.stream = stream or sys.stderr

    def start(self, progress: Progress) -> None:
        progress.enabled = self.show_progress
        progress.stream = self.stream
        self.progress = progress

    def update(self, tally: Tally) -> None:
        if self.progress is not None:
            self.progress.update(tally)

    def failure(self, failure: Failure) -> None:
        self.note(f"error: {failure.message()}")
        if self.debug:
            self.stream.write(failure.trace)

    def note(self, message: str) -> None:
        self.finish()
        print(f"newsnorm: {message}", file=self.stream, flush=True)

    def news(self, message: str) -> None:
        if not self.quiet:
            self.note(message)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress.clear()
