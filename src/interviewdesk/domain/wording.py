"""Small helpers for the words around numbers: "1 interview", "3 interviews", never "interview(s)"."""

from __future__ import annotations


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``count(1, "interview")`` is "1 interview"; ``count(2, "interview")`` "2 interviews"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
