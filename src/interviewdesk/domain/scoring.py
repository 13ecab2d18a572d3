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


def seal_digest(interview_id: int, recommendation: str | None, scores: Iterable[ScoreValue]) -> str:
    """A SHA-256 over what was submitted, so a later change is detectable and kept as an amendment."""
    payload = {
        "interview": interview_id,
        "recommendation": recommendation,
        "scores": sorted(
            ([s.competency_id, s.level, s.evidence] for s in scores), key=lambda item: str(item[0])
        ),
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
