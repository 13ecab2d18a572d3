"""Comparing the candidates of one role: a candidates x competencies table, and whether each
candidate had the same interview as the others.

- Only submitted interviews count, as on the panel page: a score that may still change is not
  averaged with sealed ones. A candidate without a submitted interview is listed, marked so.
- A competency is matched by id and name across templates (as in :mod:`.panel`).
- The overall is the mean of the competency means, weighted by the template's weights where it
  has any; competencies nobody scored are left out of it, and flagged.
- Equal treatment, interview by interview against the other candidates' interviews of the same
  template: the same version, the share of the script's questions asked, the time it took (against
  the median) and the time left for the candidate's own questions (against the plan); and a kind
  of interview most candidates had and this one did not. Only interviews that were held count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import fmean, median

from interviewdesk.domain.panel import DISAGREEMENT_GAP, CompetencyKey

SHORT_SHARE = 0.8  # under 80% of the others' median (time, questions asked) is flagged
OWN_QUESTIONS_SHARE = 0.5  # under half the planned time for the candidate's questions is flagged


@dataclass(frozen=True, slots=True)
class InterviewFacts:
    """One interview of a candidate, as far as the comparison needs it."""

    interview_id: int
    interviewer: str
    submitted: bool
    template: str  # the template's id ("software-engineer"): interviews of one kind are compared
    version: int
    template_name: str
    levels: dict[CompetencyKey, int]
    weights: dict[CompetencyKey, float]
    recommendation: str | None  # its label
    questions: int  # the script's questions
    asked: int
    spent_s: float  # running time, pauses left out
    planned_s: float
    own_questions_s: float  # in the candidate's-questions sections
    own_questions_planned_s: float
    started: bool = True


@dataclass(frozen=True, slots=True)
class Cell:
    mean: float | None
    count: int  # submitted interviews that scored it
    spread: int | None  # highest minus lowest, with two or more

    @property
    def disagreement(self) -> bool:
        return (self.spread or 0) >= DISAGREEMENT_GAP


@dataclass(frozen=True, slots=True)
class Treatment:
    templates: tuple[str, ...]
    asked_share: float | None  # of the script's questions, over the interviews that started
    spent_s: float
    planned_s: float
    own_questions_s: float
    own_questions_planned_s: float


@dataclass(frozen=True, slots=True)
class CandidateLine:
    candidate_id: int
    name: str
    cells: dict[CompetencyKey, Cell]
    overall: float | None
    recommendations: dict[str, int]
    interviews: int
    submitted: int
    treatment: Treatment
    flags: tuple[str, ...] = field(default=())  # about the scores
    unequal: tuple[str, ...] = field(default=())  # how the interviews differed from the others'

    @property
    def to_discuss(self) -> tuple[str, ...]:
        return self.flags + self.unequal


@dataclass(frozen=True, slots=True)
class RoleComparison:
    title: str
    competencies: tuple[CompetencyKey, ...]
    lines: tuple[CandidateLine, ...]
    weighted: bool  # some template weighs its competencies: the overall is weighted


def compare(title: str, candidates: Sequence[tuple[int, str, Sequence[InterviewFacts]]]) -> RoleComparison:
    """``candidates``: (id, name, their interviews) in the order to show them."""
    competencies = tuple(
        dict.fromkeys(key for _, _, facts in candidates for fact in facts for key in fact.weights)
    )
    lines = [_line(cid, name, facts, competencies) for cid, name, facts in candidates]
    weighted = any(w != 1.0 for _, _, facts in candidates for fact in facts for w in fact.weights.values())
    flagged = _with_treatment_flags(lines, {cid: facts for cid, _, facts in candidates})
    return RoleComparison(title, competencies, tuple(flagged), weighted)


def _line(
    candidate_id: int, name: str, facts: Sequence[InterviewFacts], competencies: tuple[CompetencyKey, ...]
) -> CandidateLine:
    counted = [fact for fact in facts if fact.submitted]
    cells = {}
    for key in competencies:
        levels = [fact.levels[key] for fact in counted if key in fact.levels]
        cells[key] = Cell(
            fmean(levels) if levels else None,
            len(levels),
            max(levels) - min(levels) if len(levels) >= 2 else None,
        )
    weights: dict[CompetencyKey, float] = {}
    for fact in counted:
        weights.update(fact.weights)
    scored = [(weights.get(key, 1.0), cell.mean) for key, cell in cells.items() if cell.mean is not None]
    total = sum(weight for weight, _ in scored)
    overall = sum(weight * mean for weight, mean in scored) / total if scored and total > 0 else None
    recommendations = Counter(fact.recommendation for fact in counted if fact.recommendation)
    flags = []
    if not counted:
        flags.append("no submitted interview yet")
    else:
        asked_for = {key for fact in counted for key in fact.weights}
        flags += [
            f"nobody scored {key[1]}" for key in competencies if key in asked_for and not cells[key].count
        ]
        flags += [
            f"the panel disagrees on {key[1]} ({min(_levels(counted, key))} to {max(_levels(counted, key))})"
            for key, cell in cells.items()
            if cell.disagreement
        ]
        if len(recommendations) > 1:
            flags.append("the recommendations differ")
    return CandidateLine(
        candidate_id,
        name,
        cells,
        overall,
        dict(recommendations.most_common()),
        len(facts),
        len(counted),
        _treatment(facts),
        tuple(flags),
    )


def _levels(facts: Sequence[InterviewFacts], key: CompetencyKey) -> list[int]:
    return [fact.levels[key] for fact in facts if key in fact.levels]


def _treatment(facts: Sequence[InterviewFacts]) -> Treatment:
    held = [fact for fact in facts if fact.started]
    questions = sum(fact.questions for fact in held)
    return Treatment(
        templates=tuple(sorted({f"{fact.template} v{fact.version}" for fact in held})),
        asked_share=sum(fact.asked for fact in held) / questions if questions else None,
        spent_s=sum(fact.spent_s for fact in held),
        planned_s=sum(fact.planned_s for fact in held),
        own_questions_s=sum(fact.own_questions_s for fact in held),
        own_questions_planned_s=sum(fact.own_questions_planned_s for fact in held),
    )


def _with_treatment_flags(
    lines: list[CandidateLine], facts: dict[int, Sequence[InterviewFacts]]
) -> list[CandidateLine]:
    """Each candidate's held interviews against the others' of the same template."""
    held = {cid: [fact for fact in found if fact.started] for cid, found in facts.items()}
    by_template: dict[str, list[InterviewFacts]] = {}
    holders: dict[str, set[int]] = {}
    for cid, found in held.items():
        for fact in found:
            by_template.setdefault(fact.template, []).append(fact)
            holders.setdefault(fact.template, set()).add(cid)
    compared = sum(1 for found in held.values() if found)
    usual = {template: _Usual.of(facts) for template, facts in by_template.items()}
    flagged = []
    for line in lines:
        flags: list[str] = []
        mine = held.get(line.candidate_id, [])
        if mine:
            had = {fact.template for fact in mine}
            flags += [
                f"no {by_template[kind][0].template_name} held (most had one)"
                for kind, who in holders.items()
                if kind not in had and compared > 1 and len(who) * 2 > compared
            ]
            for fact in mine:
                flags += _unequal(fact, usual[fact.template])
        flagged.append(replace(line, unequal=tuple(flags)))
    return flagged


@dataclass(frozen=True, slots=True)
class _Usual:
    """What the interviews of one template were like, across the candidates (computed once)."""

    count: int
    versions: int
    version: int
    time_s: float
    asked_share: float

    @classmethod
    def of(cls, facts: Sequence[InterviewFacts]) -> _Usual:
        versions = Counter(fact.version for fact in facts)
        shares = [fact.asked / fact.questions for fact in facts if fact.questions]
        return cls(
            count=len(facts),
            versions=len(versions),
            version=versions.most_common(1)[0][0],
            time_s=median(fact.spent_s for fact in facts),
            asked_share=median(shares) if shares else 0.0,
        )


def _unequal(fact: InterviewFacts, usual: _Usual) -> list[str]:
    name, flags = fact.template_name, []
    if usual.versions > 1 and fact.version != usual.version:
        flags.append(f"{name}: version {fact.version}, most had version {usual.version}")
    if usual.count > 1:
        if usual.time_s and fact.spent_s < SHORT_SHARE * usual.time_s:
            flags.append(f"{name}: {_minutes(fact.spent_s)} min, the median {_minutes(usual.time_s)}")
        share = fact.asked / fact.questions if fact.questions else None
        if share is not None and usual.asked_share and share < SHORT_SHARE * usual.asked_share:
            flags.append(
                f"{name}: {share:.0%} of the script's questions asked, the median {usual.asked_share:.0%}"
            )
    planned = fact.own_questions_planned_s
    if planned and fact.own_questions_s < OWN_QUESTIONS_SHARE * planned:
        flags.append(
            f"{name}: {_minutes(fact.own_questions_s)} of {_minutes(planned)} min planned "
            "for the candidate's own questions"
        )
    return flags


def _minutes(seconds: float) -> int:
    return round(seconds / 60)
