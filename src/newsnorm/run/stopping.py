"""Stopping a run on Ctrl-C or SIGTERM without cutting a record in half.

Outside a held block the first signal raises KeyboardInterrupt at once, so a run waiting on
its input or its workers stops. Inside one (writing a line and counting it) the signal waits
until the block ends. Later signals only note the request: the files are being closed."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stop:
    def __init__(self) -> None:
        self.requested = False
        self._holding = False

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT and SIGTERM this way for the block (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {number: signal.signal(number, self._handle) for number in _SIGNALS}
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)

    @contextmanager
    def held(self) -> Iterator[None]:
        """A block a signal does not cut short; it stops the run once the block is done."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        if self.requested:
            raise KeyboardInterrupt

    def _handle(self, signum, frame) -> None:
        first = not self.requested
        self.requested = True
        if first and not self._holding:
            raise KeyboardInterrupt
