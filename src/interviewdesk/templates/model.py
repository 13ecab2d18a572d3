"""The template as the rest of the program sees it: frozen dataclasses built from a validated dict.

Sections and questions are identified by their position. That is stable because a stored template
version never changes: an edit makes a new version, and an interview keeps the version it ran with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class SectionKind(StrEnum):
    OPENING = "opening"
    QUESTIONS = "questions"
    WORKING_TASK = "working_task"
    CANDIDATE_QUESTIONS = "candidate_questions"
    CLOSING = "closing"


@dataclass(frozen=True, slots=True)
class ScaleLevel:
    level: int
    label: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    name: str
    description: str
    weight: float
    anchors: dict[int, str]


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    follow_ups: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    title: str
    brief: str
    minutes: float
    paid: bool
    pay: str = ""
    expectations: str = ""
    needs: str = ""
    works_with: str = ""
    competencies: tuple[str, ...] = ()
    anchors: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    kind: SectionKind
    minutes: float
    guidance: str = ""
    questions: tuple[Question, ...] = ()
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    name: str
    role: str
    kind: str
    description: str
    scale: tuple[ScaleLevel, ...]
    recommendations: tuple[Recommendation, ...]
    competencies: tuple[Competency, ...]
    sections: tuple[Section, ...]
    role_clarity: tuple[str, ...] = ()
    follow_up_days: dict[str, int] = field(default_factory=dict)

    @property
    def planned_minutes(self) -> float:
        return sum(s.minutes for s in self.sections)

    @property
    def candidate_questions_share(self) -> float:
        """The share of planned time reserved for the candidate's own questions (0..1)."""
        reserved = sum(s.minutes for s in self.sections if s.kind is SectionKind.CANDIDATE_QUESTIONS)
        total = self.planned_minutes
        return reserved / total if total else 0.0

    def competency(self, competency_id: str) -> Competency:
        for c in self.competencies:
            if c.id == competency_id:
                return c
        raise KeyError(competency_id)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Template:
        """Build from a dict that has passed :func:`interviewdesk.templates.loader.validate`."""

        def anchors(raw: dict[str, str] | None) -> dict[int, str]:
            return {int(k): v for k, v in (raw or {}).items()}

        return cls(
            id=data["id"],
            name=data["name"],
            role=data["role"],
            kind=data["kind"],
            description=data.get("description", ""),
            scale=tuple(ScaleLevel(int(s["level"]), s["label"]) for s in data["scale"]),
            recommendations=tuple(Recommendation(r["id"], r["label"]) for r in data["recommendations"]),
            competencies=tuple(
                Competency(
                    id=c["id"],
                    name=c["name"],
                    description=c["description"],
                    weight=float(c.get("weight", 1)),
                    anchors=anchors(c["anchors"]),
                )
                for c in data["competencies"]
            ),
            sections=tuple(
                Section(
                    title=s["title"],
                    kind=SectionKind(s["kind"]),
                    minutes=float(s["minutes"]),
                    guidance=s.get("guidance", ""),
                    questions=tuple(
                        Question(
                            text=q["text"],
                            follow_ups=tuple(q.get("follow_ups", ())),
                            competencies=tuple(q.get("competencies", ())),
                        )
                        for q in s.get("questions", ())
                    ),
                    tasks=tuple(
                        Task(
                            id=t["id"],
                            title=t["title"],
                            brief=t["brief"],
                            minutes=float(t["minutes"]),
                            paid=bool(t["paid"]),
                            pay=t.get("pay", ""),
                            expectations=t.get("expectations", ""),
                            needs=t.get("needs", ""),
                            works_with=t.get("works_with", ""),
                            competencies=tuple(t.get("competencies", ())),
                            anchors=anchors(t.get("anchors")),
                        )
                        for t in s.get("tasks", ())
                    ),
                )
                for s in data["sections"]
            ),
            role_clarity=tuple(data.get("role_clarity", ())),
            follow_up_days=dict(data.get("follow_up_days", {})),
        )
