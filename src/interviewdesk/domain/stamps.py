"""Minute stamps: how a moment of the interview is written beside a note, an observation or a
linked piece of evidence ("m7" in a margin, "[m7] " before linked text), and read back out."""

from __future__ import annotations

import re

_LINKED = re.compile(r"\[m\d+\]\s*")


def minute(offset_s: float) -> int:
    """The minute of the interview an offset falls in, counted from 1 (0-59 s is minute 1)."""
    return int(offset_s // 60) + 1


def minute_label(offset_s: float) -> str:
    """The short form shown in margins and lists: ``m7``."""
    return f"m{minute(offset_s)}"


def linked(offset_s: float, text: str) -> str:
    """A note linked into evidence keeps the minute it was written: ``[m7] text``."""
    return f"[{minute_label(offset_s)}] {text}"


def strip_linked(text: str) -> str:
    """Evidence without the minute stamps of linked notes (for a letter to the candidate)."""
    return _LINKED.sub("", text)
