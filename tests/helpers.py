from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The shared data sits beside the checkout; NEWSNORM_SHARED points elsewhere if needed.
SHARED = Path(os.environ.get("NEWSNORM_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"shared data not found at {path} (set NEWSNORM_SHARED)")
    return path
