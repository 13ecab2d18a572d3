"""Scoring rules: a score as a value, and the seal over what was submitted."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from interviewdesk.domain.digest import content_hash


class ScoreRow(Protocol):
    """A stored score as the database hands it back."""

    @property
    def competency_id(self) -> str: ...
    @property
    def level(self) -> int | None: ...
    @property
    def evidence(self) -> str: ...
    @property
    def evidence_sha256(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ScoreValue:
    competency_id: str
    level: int | None
    evidence: str
    # Only on a score imported with its evidence withheld: the digest of the evidence as sealed.
    evidence_sha256: str | None = None

    @classmethod
    def of(cls, row: ScoreRow) -> ScoreValue:
        return cls(row.competency_id, row.level, row.evidence, row.evidence_sha256)

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence.strip())

    @property
    def is_blank(self) -> bool:
        if self.evidence_sha256 is not None:
            return self.level is None and self.evidence_sha256 == _EMPTY
        return self.level is None and not self.evidence

    @property
    def sealed_evidence_digest(self) -> str:
        return self.evidence_sha256 or evidence_digest(self.evidence)


def evidence_digest(evidence: str) -> str:
    return hashlib.sha256(evidence.encode("utf-8")).hexdigest()


_EMPTY = evidence_digest("")


def seal_digest(interview_uid: str, recommendation: str | None, scores: Iterable[ScoreValue]) -> str:
    """A SHA-256 over what was submitted, so a later change is detectable and kept as an amendment.

    It is made over the interview's global id, so it can be checked on any laptop the interview
    travels to, and over each evidence's digest rather than its words, so it still holds where a
    private note's words were withheld from the evidence. Blank scores (no level, no evidence) are
    left out: they say nothing, and an amendment of a competency left unscored adds one after the
    seal. A checksum, not a signature: it detects a change, not who made it.
    """
    kept = sorted(
        ([s.competency_id, s.level, s.sealed_evidence_digest] for s in scores if not s.is_blank),
        key=lambda item: str(item[0]),
    )
    return content_hash(
        {"seal": 2, "interview": interview_uid, "recommendation": recommendation, "scores": kept}
    )


def seal_holds(
    interview_uid: str, recommendation: str | None, scores: Iterable[ScoreValue], seal_hash: str
) -> bool:
    """Whether the stored scores are still what was sealed."""
    return seal_digest(interview_uid, recommendation, scores) == seal_hash
