"""The fixed words of the product, shared by storage, services, export and the window."""

from __future__ import annotations

from enum import StrEnum


class InterviewStatus(StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    COMPLETED = "completed"
    SUBMITTED = "submitted"
    CANCELLED = "cancelled"  # planned, then called off: kept, visibly, rather than deleted


class TimerEventKind(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    SECTION = "section"
    END = "end"


class QuestionTopic(StrEnum):
    """What a candidate's question is about; the panel PDF groups questions by it."""

    ROLE = "role"
    TEAM = "team"
    CULTURE = "culture"
    GROWTH = "growth"
    COMPENSATION = "compensation"
    PROCESS = "process"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _TOPIC_LABELS[self]


_TOPIC_LABELS = {
    QuestionTopic.ROLE: "Role and day-to-day",
    QuestionTopic.TEAM: "Team",
    QuestionTopic.CULTURE: "Culture",
    QuestionTopic.GROWTH: "Growth",
    QuestionTopic.COMPENSATION: "Compensation and benefits",
    QuestionTopic.PROCESS: "Process and next steps",
    QuestionTopic.OTHER: "Other",
}


class FollowUpKind(StrEnum):
    FEEDBACK = "feedback"
    ANSWER = "answer"
    THANK_YOU = "thank_you"
    NEXT_STEPS = "next_steps"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _FOLLOW_UP_LABELS[self]


_FOLLOW_UP_LABELS = {
    FollowUpKind.FEEDBACK: "Feedback",
    FollowUpKind.ANSWER: "Answer owed",
    FollowUpKind.THANK_YOU: "Thank-you note",
    FollowUpKind.NEXT_STEPS: "Next steps",
    FollowUpKind.OTHER: "Other",
}
