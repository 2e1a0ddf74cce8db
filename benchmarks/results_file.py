"""results.md holds one section per benchmark; each benchmark rewrites only its own."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.md"
TITLE = "# newsnorm benchmarks\n"


def replace_section(name: str, body: str, path: Path = RESULTS) -> None:
    """Put `body` under `## name`, replacing what was there; other sections stay."""
    text = path.read_text(encoding="utf-8") if path.exists() else TITLE
    section = f"## {name}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = f"{text.rstrip()}\n\n{section}"
    path.write_text(text.rstrip() + "\n", encoding="utf-8")
