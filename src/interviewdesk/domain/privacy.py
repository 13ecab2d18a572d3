"""Privacy follows the text: a private note stays private wherever its words were copied.

A note paragraph linked into a competency's evidence (Ctrl+L) is copied there; marking the
paragraph private afterwards must not leave the copy in what the panel and the candidate read.
Everything shared (the interview and panel PDFs, the feedback letter) withholds every line of
evidence, summary or aspirations that carries a private note: the same words, the words with a
few edited, or the words inside a longer line.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from interviewdesk.domain import stamps

SIMILAR = 0.75  # a copy edited this little is still the private note
MIN_INSIDE = 20  # a shared line this short inside a private note is not taken for a copy of it


def _plain(text: str) -> str:
    return " ".join(stamps.strip_linked(text).split()).casefold()


def carries(line: str, private: str) -> bool:
    """Whether ``line`` carries the words of the private note ``private``."""
    body, secret = _plain(line), _plain(private)
    if not body or not secret:
        return False
    if secret in body or (len(body) >= MIN_INSIDE and body in secret):
        return True
    matcher = SequenceMatcher(None, body, secret, autojunk=False)
    # The two cheap upper bounds of ratio() first (lengths, then letters): the same answer, and most
    # lines are told apart by them without the quadratic comparison.
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )


def withhold(text: str, private: Iterable[str]) -> str:
    """``text`` without the lines that carry a private note."""
    secrets = [p for p in private if p.strip()]
    if not secrets:
        return text
    kept = [line for line in text.splitlines() if not any(carries(line, s) for s in secrets)]
    return "\n".join(kept)
