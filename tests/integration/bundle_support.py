"""Laptops for the bundle tests: each a database of its own with its own device and "me", and one
scripted interview each panelist runs through the services, private notes included."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.records import Paragraph
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.services.identity import DEVICE_KEY, set_me
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store import setting_rows
from interviewdesk.store.database import Database

PRIVATE = "Salary expectations: ninety-five thousand, keep this private."


@dataclass
class Laptop:
    name: str
    path: Path
    db: Database


def make_laptop(folder: Path, seeded: Path, name: str, *, coordinator: bool = False) -> Laptop:
    """A copy of the seeded database with a device id of its own (a copy would share one)."""
    path = folder / f"{name.split(maxsplit=1)[0].lower()}.sqlite3"
    shutil.copyfile(seeded, path)
    path.chmod(0o600)
    db = open_workspace(str(path))
    with db.begin() as connection:
        setting_rows.set_setting(connection, DEVICE_KEY, str(uuid.uuid4()))
    set_me(db, name, f"{name.split(maxsplit=1)[0].lower()}@example.org", coordinator=coordinator)
    return Laptop(name, path, db)


SCRIPTS = {
    "Priya Raman": (4, "yes", "Rebuilt the billing pipeline; owned the cutover."),
    "Tomás Ortega": (3, "yes", "Explained a trade-off in her design clearly."),
    "Wen Li": (2, "no", "Struggled to name what she would do differently."),
}


def run_interview(db: Database, interview_id: int, interviewer: str) -> None:
    """The interviewer's part: notes (one private), a score with evidence that quotes the private
    note, a candidate question, a checklist tick, a recommendation, then the seal."""
    level, recommendation, evidence = SCRIPTS[interviewer]
    clock = ManualClock()
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    try:
        session.start()
        clock.advance(300)
        session.go_to_section(1)
        session.set_notes(
            1, 0, [Paragraph(310.0, f"{interviewer}: {evidence}", False), Paragraph(320.0, PRIVATE, True)]
        )
        session.set_asked(1, 0, True)
        session.set_score("ownership", level)
        session.set_evidence("ownership", f"{evidence}\n{PRIVATE}")
        session.set_score("communication", level)
        session.set_evidence("communication", "Clear and calm.")
        session.log_question(
            f"How is on-call shared? ({interviewer})", QuestionTopic.ROLE, "One week in six."
        )
        session.set_checklist(0, True)
        clock.advance(1200)
        session.end()
        session.set_recommendation(recommendation)
        session.set_summary(f"Summary by {interviewer}.")
        session.submit()
        assert queue.submit(session.take_batch()).result(10)
    finally:
        queue.close()
