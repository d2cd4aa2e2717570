"""Small pieces the secretariat window's pages are built from, so each page says only what is its own."""

from __future__ import annotations


def fill(text: str, *values: object) -> str:
    """Qt-style ``%1 … %9`` placeholders, filled from the highest so %1 never eats %10's digits."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text
