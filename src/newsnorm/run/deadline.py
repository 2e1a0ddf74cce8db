"""A time limit per document, so one pathological page cannot hold up a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """Raised inside a document's conversion when its time is up. A BaseException, like
    KeyboardInterrupt, so that no plugin's `except Exception` can swallow it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout after `seconds` of wall time (no limit for None or 0, and where
    the platform has no interval timer or this is not the main thread). The check runs when
    Python code runs: one long call into C finishes first."""
    if not seconds or not hasattr(signal, "setitimer") or not _in_main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _expire(signum, frame) -> None:
    raise DocumentTimeout


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
