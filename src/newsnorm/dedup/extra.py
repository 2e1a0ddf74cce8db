"""Deduplication's libraries are an extra (`pip install 'newsnorm[dedup]'`): NumPy, SciPy
and datasketch are more than most conversions need."""

from __future__ import annotations

from newsnorm.errors import UsageError

DEDUP_EXTRA = "deduplication needs datasketch: pip install 'newsnorm[dedup]'"


def require_dedup_extra() -> None:
    """UsageError naming the extra to install when its libraries cannot be imported."""
    try:
        import datasketch  # noqa: F401
        import numpy  # noqa: F401
        import scipy  # noqa: F401
    except ImportError:
        raise UsageError(DEDUP_EXTRA) from None
