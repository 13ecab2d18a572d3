"""Comparing the candidates of a role (the role written on each candidate, or one template), for the
window's Roles tab, ``interviewdesk roles compare`` and the role PDF."""

from __future__ import annotations

from dataclasses import dataclass, replace

from interviewdesk.domain.panel import CompetencyKey
from interviewdesk.domain.role_compare import CandidateLine, InterviewFacts, RoleComparison, compare
from interviewdesk.domain.timer import section_durations
from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.errors import NotFoundError
from interviewdesk.services.template_cache import parsed_template
from interviewdesk.services.visibility import sealed_for_me
from interviewdesk.store import role_rows
from interviewdesk.store.database import Database
from interviewdesk.store.types import AnyRow
from interviewdesk.templates.model import SectionKind, Template

SORTS = ("overall", "name", "submitted")


@dataclass(frozen=True, slots=True)
class RoleSummary:
    role: str
    candidates: int
    interviews: int


def list_roles(db: Database) -> list[RoleSummary]:
    with db.begin() as connection:
        return [RoleSummary(r.role, r.candidates, r.interviews) for r in role_rows.roles(connection)]


def compare_role(db: Database, role: str | None = None, *, template: str | None = None) -> RoleComparison:
    """Every candidate whose role is ``role`` (any case), or who was interviewed with the template
    ``template`` (its id, as in `templates list`); unknown ones are refused with what exists."""
    with db.begin() as connection:
        rows = role_rows.role_rows(connection, role=role, template_slug=template)
        # Independent scoring: an interview sealed from me counts as not submitted yet, unseen.
        sealed = sealed_for_me(connection, {row.candidate_id for row in rows.interviews})
        if sealed.interviews:
            rows = replace(rows, interviews=[row for row in rows.interviews if row.id not in sealed])
        # A candidate of the role not interviewed yet is listed too ("no submitted interview yet").
        everyone = role_rows.role_candidates(connection, role) if template is None and role else []
        parsed = {
            row.template_id: parsed_template(connection, row.template_id, row.content_hash)
            for row in rows.interviews
        }
    shapes = {version: _Shape.of(template) for version, template in parsed.items() if template is not None}
    if not rows.interviews and not everyone:
        if template is not None:
            raise NotFoundError(
                f"no interviews with the template {template!r}; `interviewdesk templates list`."
            )
        raise NotFoundError(
            f"no candidate has the role {role!r}; `interviewdesk roles list` shows the roles."
        )
    grouped: dict[int, tuple[str, list[InterviewFacts]]] = {c.id: (c.name, []) for c in everyone}
    for row in rows.interviews:
        if row.template_id not in shapes:
            continue  # a version that could not be read (not one of ours): nothing to compare
        facts = _facts(row, shapes[row.template_id], rows)
        grouped.setdefault(row.candidate_id, (row.candidate, []))[1].append(facts)
    title = f"Template {template}" if template is not None else _role_title(rows, role)
    return compare(title, [(cid, name, facts) for cid, (name, facts) in grouped.items()])


@dataclass(frozen=True, slots=True)
class _Shape:
    """What every interview of one template version shares, worked out once per version."""

    template: Template
    keys: dict[str, CompetencyKey]
    weights: dict[CompetencyKey, float]
    labels: dict[str, str]
    own: tuple[int, ...]  # the candidate's-questions sections
    questions: int

    @classmethod
    def of(cls, template: Template) -> _Shape:
        keys = {c.id: (c.id, c.name) for c in template.competencies}
        sections = template.sections
        return cls(
            template,
            keys,
            {keys[c.id]: c.weight for c in template.competencies},
            {r.id: r.label for r in template.recommendations},
            tuple(i for i, s in enumerate(sections) if s.kind is SectionKind.CANDIDATE_QUESTIONS),
            sum(len(section.questions) for section in sections),
        )


def _role_title(rows: role_rows.RoleRows, role: str | None) -> str:
    return rows.interviews[0].role_name if rows.interviews else (role or "")


def _facts(row: AnyRow, shape: _Shape, rows: role_rows.RoleRows) -> InterviewFacts:
    template = shape.template
    events = rows.events.get(row.id, [])
    spent = section_durations(events, len(template.sections))
    recommendation = row.recommendation
    return InterviewFacts(
        interview_id=row.id,
        interviewer=row.interviewer,
        submitted=row.status == InterviewStatus.SUBMITTED,
        template=row.slug,
        version=row.template_version,
        template_name=template.name,
        levels={
            shape.keys[cid]: level for cid, level in rows.levels.get(row.id, {}).items() if cid in shape.keys
        },
        weights=shape.weights,
        recommendation=shape.labels.get(recommendation, recommendation) if recommendation else None,
        questions=shape.questions,
        asked=rows.asked.get(row.id, 0),
        spent_s=sum(spent),
        planned_s=template.planned_minutes * 60,
        own_questions_s=sum(spent[i] for i in shape.own),
        own_questions_planned_s=sum(template.sections[i].minutes for i in shape.own) * 60,
        started=bool(events),
    )


def sorted_lines(comparison: RoleComparison, by: str = "overall") -> list[CandidateLine]:
    """The candidates by overall (best first, those without one last), by name, or by how many
    submitted interviews they have; or by a competency's id (best mean first)."""
    lines = list(comparison.lines)
    if by == "name":
        return sorted(lines, key=lambda line: line.name.casefold())
    if by == "submitted":
        return sorted(lines, key=lambda line: -line.submitted)
    if by == "overall":
        return sorted(lines, key=lambda line: (line.overall is None, -(line.overall or 0)))
    key = next((k for k in comparison.competencies if k[0] == by), None)
    if key is None:
        choices = ", ".join([*SORTS, *(k[0] for k in comparison.competencies)])
        raise NotFoundError(f"cannot sort by {by!r}; choose one of: {choices}.")
    return sorted(lines, key=lambda line: (line.cells[key].mean is None, -(line.cells[key].mean or 0)))
