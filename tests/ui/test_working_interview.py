"""A working interview driven through the live window: disclosure, two tasks, observations, overrun."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from interviewdesk.domain.clock import ManualClock
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.reports import interview_report
from interviewdesk.store.database import Database
from interviewdesk.ui.live.task_panel import DisclosureDialog
from interviewdesk.ui.live.window import LiveInterviewWindow
from tests.integration.pdf_support import read_pdf
from tests.ui.live_support import open_live

# working-interview-data-analyst: 0 welcome and disclosure 10 min, 1 task explore-churn 60,
# 2 task present-findings 30, 3 debrief 10, 4 the candidate's questions 20, 5 closing 5.


@pytest.fixture
def interview_id(db: Database) -> int:
    candidate = add_candidate(db, "Noor Haddad", role="Data Analyst")
    return plan_interview(
        db, candidate_id=candidate, template_ref="working-interview-data-analyst", interviewer="Jonas Weber"
    )


def confirm(dialog: DisclosureDialog) -> None:
    for box in dialog.boxes:
        box.click()
    dialog.confirm_button.click()


def observe(qtbot, window: LiveInterviewWindow, task_id: str, *texts: str) -> None:
    field = window.script.task_panels[task_id].observation
    field.setFocus()
    for text in texts:
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_working_interview_with_two_tasks(
    qtbot, db: Database, interview_id: int, cli, tmp_path: Path
) -> None:
    clock = ManualClock()
    window = open_live(qtbot, db, interview_id, clock)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    clock.advance(8 * 60)
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = window.tasks.disclosure_dialog
    assert isinstance(dialog, DisclosureDialog)
    assert "EUR 240" in " ".join(box.text() for box in dialog.boxes)
    assert not dialog.confirm_button.isEnabled()
    confirm(dialog)
    assert window.session.disclosure_confirmed_at is not None

    qtbot.keyClick(window, Qt.Key.Key_F8)  # task 1; no second disclosure: it is confirmed
    explore = window.script.task_panels["explore-churn"]
    explore.start_button.click()
    clock.advance(20 * 60)
    observe(
        qtbot,
        window,
        "explore-churn",
        "Checked the data dictionary before querying.",
        "Asked who owns billing.",
    )
    clock.advance(35 * 60)
    explore.deliverable.setFocus()
    qtbot.keyClicks(explore.deliverable, "notebook churn-march.ipynb on the shared drive")
    explore.levels.button(3).click()
    explore.start_button.click()  # end: 55 of 60 minutes
    assert "55:00 of 60:00" in explore.timer.text()

    qtbot.keyClick(window, Qt.Key.Key_F8)  # task 2
    present = window.script.task_panels["present-findings"]
    present.start_button.click()
    clock.advance(20 * 60)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the call dropped for five minutes: not the task's time
    clock.advance(5 * 60)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    clock.advance(18 * 60)
    window.refresh()
    assert "OVER THE STATED TIME" in present.timer.text()
    observe(qtbot, window, "present-findings", "Led with the answer, then the evidence.")
    present.outcome.setFocus()
    qtbot.keyClicks(present.outcome, "The product lead left with a decision.")
    present.start_button.click()
    window.closer.submit()
    assert window.queue.flush()

    report = interview_report(db, interview_id)
    assert report.disclosure_confirmed_at is not None
    tasks = {task.title: task for task in report.tasks}
    explore_line = tasks["Why did subscription cancellations rise in March?"]
    assert round(explore_line.actual_s or 0) == 55 * 60 and not explore_line.over
    assert [text for _, text in explore_line.observations] == [
        "Checked the data dictionary before querying.",
        "Asked who owns billing.",
    ]
    assert explore_line.deliverable == "notebook churn-march.ipynb on the shared drive"
    assert explore_line.level_label.startswith("3 ")
    present_line = tasks["Present what you found to the product lead"]
    assert round(present_line.actual_s or 0) == 38 * 60 and present_line.over
    assert present_line.outcome == "The product lead left with a decision."

    target = tmp_path / "working.pdf"
    assert cli("export", "pdf", str(interview_id), "-o", str(target)).code == 0
    text = read_pdf(target)
    assert text.has("Working interview")
    assert text.has("Tasks, duration and pay disclosed to the candidate:") and not text.has("NOT CONFIRMED")
    assert not text.has("Tasks started without the disclosure confirmed")
    assert text.has("60 min stated") and text.has("55 min")
    assert text.has("38 min (over)")
    assert text.has("Task over its stated time") and text.has(
        "Present what you found to the product lead: 38 min"
    )
    assert text.has("Checked the data dictionary before querying.") and text.has(
        "Paid as part of the half day"
    )
    # What the candidate was told: the brief, how the work is judged, who they work with.
    assert text.has("The brief") and text.has("How the work is judged") and text.has("Works with")
    assert text.has("The product lead answers questions about the business")


def test_starting_a_task_without_the_disclosure_asks_once_more(
    qtbot, db: Database, interview_id: int
) -> None:
    clock = ManualClock()
    window = open_live(qtbot, db, interview_id, clock)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # into the first task: the disclosure comes up by itself
    first = window.tasks.disclosure_dialog
    assert isinstance(first, DisclosureDialog) and first.isVisible()
    first.reject()
    window.script.task_panels["explore-churn"].start_button.click()
    again = window.tasks.disclosure_dialog
    assert again is not first and again is not None and again.skip_button is not None
    assert window.session.tasks["explore-churn"].started_s is None  # not until they decide
    again.skip_button.click()
    assert window.session.tasks["explore-churn"].started_s is not None
    assert window.session.disclosure_confirmed_at is None
    window.closer.submit()
    assert window.queue.flush()
    report = interview_report(db, interview_id)
    assert report.disclosure_confirmed_at is None
    assert [flag.kind.value for flag in report.flags if flag.kind.value == "no_disclosure"] == [
        "no_disclosure"
    ]
