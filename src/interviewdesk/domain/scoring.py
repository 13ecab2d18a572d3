"""Scoring rules: a score as a value, and the seal over what was submitted."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScoreValue:
    competency_id: str
    level: int | None
    evidence: str

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence.strip())

    @property
    def is_blank(self) -> bool:
        return self.level is None and not self.evidence


def seal_holds(
    interview_id: int, recommendation: str | None, scores: Iterable[ScoreValue], seal_hash: str
) -> bool:
    """Whether the stored scores are still what was sealed (seals made before blank scores were
    left out of the digest are recognised too)."""
    stored = list(scores)
    if seal_digest(interview_id, recommendation, stored) == seal_hash:
        return True
    with_blanks = [s for s in stored if s.is_blank]
    return bool(with_blanks) and _digest_all(interview_id, recommendation, stored) == seal_hash


def seal_digest(interview_id: int, recommendation: str | None, scores: Iterable[ScoreValue]) -> str:
    """A SHA-256 over what was submitted, so a later change is detectable and kept as an amendment.

    Blank scores (no level, no evidence) are left out: they say nothing, and an amendment of a
    competency left unscored adds one after the seal."""
    return _digest_all(interview_id, recommendation, [s for s in scores if not s.is_blank])


def _digest_all(interview_id: int, recommendation: str | None, scores: Iterable[ScoreValue]) -> str:
    payload = {
        "interview": interview_id,
        "recommendation": recommendation,
        "scores": sorted(
            ([s.competency_id, s.level, s.evidence] for s in scores), key=lambda item: str(item[0])
        ),
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
