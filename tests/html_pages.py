"""Small HTML pages for tests, built from parts so each test shows only what it is about."""

from __future__ import annotations

LONG = "The storm closed the port for two days and left hundreds of boats stranded"


def paragraphs(count: int, *, start: int = 0, word: str = "Paragraph") -> str:
    return "".join(f"<p>{word} {n} has enough words to be article text ({n}).</p>"
                   for n in range(start, start + count))  # fmt: skip


def page(
    body: str,
    head: str = "",
    title: str = "Storm closes ports | Example Times",
    charset: str = "utf-8",
) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}">{head}'
        f"<title>{title}</title></head><body><nav><a href='/'>Home</a></nav>{body}"
        "<footer><p>Copyright Example Times, all rights reserved worldwide</p></footer>"
        "</body></html>"
    )
