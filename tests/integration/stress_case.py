"""The debrief stress case: one candidate seen by eight interviewers whose names are in Latin,
Hebrew, Arabic, Chinese, Japanese, Cyrillic, Greek and with an emoji; 60 candidate questions and a
20,000-character note in one interview; an amended score; an unsubmitted interview; a working
interview whose disclosure was never confirmed. Built through the live session and the real writer
(tests/integration/pdf_support.py); `python tools/pdf_pages.py` exports it and its page images.
"""

from __future__ import annotations

from interviewdesk.domain.vocabulary import InterviewStatus, QuestionTopic
from interviewdesk.store.database import Database
from tests.integration.pdf_support import Spec, store_interview

CANDIDATE = "Ngozi Adeyemi-Łukasiewicz"
# interviewer -> collaboration level (the disagreement), in panel order
PANEL: dict[str, int] = {
    "Priya Raman": 4,
    "יונתן לוי": 3,
    "محمد العلي": 2,
    "王芳": 4,
    "佐藤 花子": 3,
    "Иван Петров": 1,
    "Ελένη Παπαδοπούλου": 3,
    "Sam 🙂 Okoro": 4,
}
UNSUBMITTED = "Иван Петров"
AMENDED = "王芳"  # collaboration amended from 4 to 2 after the seal
LONG_NOTE = ("She walked through the incident timeline, naming each decision and its cost. " * 260)[:20_000]


def build_stress_case(db: Database) -> int:
    """Store the stress case; returns the candidate's id."""
    candidate_id: int | None = None
    for index, (name, level) in enumerate(PANEL.items()):
        scores = {
            "ownership": (3, f"{name}: took the follow-up without being asked."),
            "collaboration": (level, f"{name}: evidence for collaboration {level}."),
            "communication": (3, "Clear."),
            "problem-solving": (4 if index % 2 else 3, "Compared options."),
            "learning": (3, "Asks for feedback."),
        }
        spec = Spec(
            candidate=CANDIDATE,
            interviewer=name,
            scores=scores,
            status=InterviewStatus.COMPLETED if name == UNSUBMITTED else InterviewStatus.SUBMITTED,
            amendments=[("collaboration", 2, "Re-read my notes")] if name == AMENDED else [],
        )
        if index == 0:
            spec.notes = [(2, 600.0, LONG_NOTE, False)]
            spec.questions = [
                (
                    f"Question {n} about the team's way of working?",
                    QuestionTopic.TEAM,
                    f"Answer {n}.",
                    n % 7 == 0,
                )
                for n in range(1, 61)
            ]
        candidate_id, _ = store_interview(db, spec, candidate_id=candidate_id)
    working = Spec(candidate=CANDIDATE, interviewer="Kwame Mensah", template="working-interview-data-analyst")
    store_interview(db, working, candidate_id=candidate_id)
    assert candidate_id is not None
    return candidate_id
