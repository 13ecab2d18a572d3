"""Panel aggregation: one candidate's scores from every interviewer, side by side.

Competencies are matched by id across templates: a competency scored by only some interviewers
shows gaps for the others and is averaged over those who scored it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

from interviewdesk.domain.vocabulary import QuestionTopic

DISAGREEMENT_GAP = 2  # levels this far apart are a disagreement the debrief must discuss


@dataclass(frozen=True, slots=True)
class PanelScores:
    interviewer: str
    levels: dict[str, int | None]  # competency id -> level (None: not scored)


@dataclass(frozen=True, slots=True)
class CompetencyRow:
    competency_id: str
    name: str
    levels: tuple[int | None, ...]  # one per interviewer, in panel order

    @property
    def scored(self) -> list[int]:
        return [lv for lv in self.levels if lv is not None]

    @property
    def mean(self) -> float | None:
        return fmean(self.scored) if self.scored else None

    @property
    def spread(self) -> int | None:
        return max(self.scored) - min(self.scored) if self.scored else None

    @property
    def disagreement(self) -> bool:
        return (self.spread or 0) >= DISAGREEMENT_GAP


def competency_matrix(names: Sequence[tuple[str, str]], panel: Sequence[PanelScores]) -> list[CompetencyRow]:
    """Rows in the order of ``names`` (id, name); competencies nobody scored are left out."""
    rows = [CompetencyRow(cid, name, tuple(p.levels.get(cid) for p in panel)) for cid, name in names]
    return [row for row in rows if row.scored]


def questions_by_topic(questions: Iterable[tuple[QuestionTopic, str]]) -> dict[QuestionTopic, list[str]]:
    """The candidate's questions from every interview, grouped by topic, most asked-about first."""
    grouped: dict[QuestionTopic, list[str]] = {}
    for topic, text in questions:
        grouped.setdefault(topic, []).append(text)
    order = list(QuestionTopic)
    return dict(sorted(grouped.items(), key=lambda item: (-len(item[1]), order.index(item[0]))))
