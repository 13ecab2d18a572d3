"""Panel aggregation: one candidate's scores from every interviewer, side by side, honestly.

- Only submitted interviews count: an unsubmitted one's marks are shown but kept out of the mean,
  the spread and the disagreements (its scores may still change).
- A score amended after the seal counts at its amended value, and the sealed value is kept beside it.
- A spread needs two counted scores; with one there is none (not "0").
- Competencies are matched by id *and* name: the same id under two names (two templates) is two
  rows, each under its own template's name.
- Where a template weights its competencies, each interviewer's weighted overall is computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import fmean

from interviewdesk.domain.vocabulary import QuestionTopic

DISAGREEMENT_GAP = 2  # levels this far apart are a disagreement the debrief must discuss

CompetencyKey = tuple[str, str]  # (id, name)


@dataclass(frozen=True, slots=True)
class Mark:
    """One interviewer's score for one competency."""

    level: int | None
    counted: bool = True  # from a submitted interview
    sealed_level: int | None = None  # the value sealed, when an amendment changed it
    amended: bool = False
    evidence: str = ""


NO_MARK = Mark(None, counted=False)


@dataclass(frozen=True, slots=True)
class PanelScores:
    interviewer: str
    marks: dict[CompetencyKey, Mark]
    submitted: bool = True
    weights: dict[CompetencyKey, float] = field(default_factory=dict)

    def weighted_overall(self) -> float | None:
        """The weighted mean of this interviewer's levels (None when nothing is scored)."""
        pairs = [
            (self.weights.get(key, 1.0), m.level) for key, m in self.marks.items() if m.level is not None
        ]
        total = sum(w for w, _ in pairs)
        return sum(w * lv for w, lv in pairs) / total if pairs and total > 0 else None


@dataclass(frozen=True, slots=True)
class CompetencyRow:
    competency_id: str
    name: str
    marks: tuple[Mark, ...]  # one per interviewer, in panel order

    @property
    def levels(self) -> tuple[int | None, ...]:
        """Every interviewer's level as shown (counted or not)."""
        return tuple(m.level for m in self.marks)

    @property
    def scored(self) -> list[int]:
        """The levels that count: from submitted interviews, scored."""
        return [m.level for m in self.marks if m.counted and m.level is not None]

    @property
    def count(self) -> int:
        return len(self.scored)

    @property
    def mean(self) -> float | None:
        return fmean(self.scored) if self.scored else None

    @property
    def spread(self) -> int | None:
        return max(self.scored) - min(self.scored) if len(self.scored) >= 2 else None

    @property
    def disagreement(self) -> bool:
        return (self.spread or 0) >= DISAGREEMENT_GAP


def competency_matrix(names: Sequence[CompetencyKey], panel: Sequence[PanelScores]) -> list[CompetencyRow]:
    """Rows in the order of ``names``; competencies nobody marked are left out."""
    rows = [
        CompetencyRow(cid, name, tuple(p.marks.get((cid, name), NO_MARK) for p in panel))
        for cid, name in names
    ]
    return [row for row in rows if any(m.level is not None for m in row.marks)]


def has_weights(panel: Iterable[PanelScores]) -> bool:
    return any(w != 1.0 for p in panel for w in p.weights.values())


def questions_by_topic(questions: Iterable[tuple[QuestionTopic, str]]) -> dict[QuestionTopic, list[str]]:
    """The candidate's questions from every interview, grouped by topic, most asked-about first."""
    grouped: dict[QuestionTopic, list[str]] = {}
    for topic, text in questions:
        grouped.setdefault(topic, []).append(text)
    order = list(QuestionTopic)
    return dict(sorted(grouped.items(), key=lambda item: (-len(item[1]), order.index(item[0]))))
