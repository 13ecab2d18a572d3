"""The main window's Edit menu: correct a candidate, reschedule or reassign, cancel and delete a
planned interview, each from the selection; what has begun offers none of them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.services.demo import create_demo
from interviewdesk.services.interview_list import list_interviews
from interviewdesk.services.planning import list_candidates
from interviewdesk.store.database import Database
from interviewdesk.ui.confirm import button
from interviewdesk.ui.dialogs import AddCandidateDialog, RescheduleDialog
from interviewdesk.ui.main_window import MainWindow
from tests.ui.test_main_window import open_window


def select_interview(window: MainWindow, status: InterviewStatus) -> int:
    for row in range(window.model.rowCount()):
        if window.model.row_at(row).status is status:
            window.table.selectRow(row)
            return window.model.row_at(row).id
    raise AssertionError(f"no {status} interview listed")


def test_a_candidate_is_corrected_from_the_edit_menu(qtbot, db: Database) -> None:
    demo = create_demo(db)
    window = open_window(qtbot, db)
    window.candidate_list.setCurrentIndex(
        window.candidates.index(window.candidates.row_of(demo.candidate_ids[1]))
    )
    assert window.plans.edit_candidate.isEnabled()
    window.plans.edit_candidate.trigger()
    dialog = window.plans.dialog
    assert isinstance(dialog, AddCandidateDialog) and dialog.windowTitle() == "Edit candidate"
    assert dialog.name_edit.text() == "Mateo Rossi"  # the details as they are, to correct
    dialog.role_edit.setText("Staff Engineer")
    dialog.accept()
    assert {c.name: c.role for c in list_candidates(db)}["Mateo Rossi"] == "Staff Engineer"
    assert window.current_candidate_id() == demo.candidate_ids[1]  # still selected
    window.close()
    window.close_database()


def test_a_planned_interview_is_rescheduled_cancelled_or_deleted(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    select_interview(window, InterviewStatus.SUBMITTED)
    assert not window.plans.reschedule.isEnabled() and not window.plans.cancel.isEnabled()
    planned = select_interview(window, InterviewStatus.PLANNED)
    assert window.plans.reschedule.isEnabled() and window.plans.delete.isEnabled()

    window.plans.reschedule.trigger()
    dialog = window.plans.dialog
    assert isinstance(dialog, RescheduleDialog) and dialog.interviewer_edit.text() == "Jonas Weber"
    dialog.interviewer_edit.setText("Lucía Fernández")
    dialog.when.unscheduled.setChecked(True)
    dialog.accept()
    row = next(r for r in list_interviews(db) if r.id == planned)
    assert row.interviewer == "Lucía Fernández" and row.scheduled_at is None
    assert window.current_candidate_id() is None  # "All candidates" stays: the list is not narrowed
    assert window.current_interview() is not None and window.current_interview().id == planned

    window.plans.cancel.trigger()
    box = window.plans.box
    assert isinstance(box, QMessageBox) and box.defaultButton().text() == "Keep it"
    button(box, "Cancel the interview").click()
    qtbot.waitUntil(
        lambda: next(r for r in list_interviews(db) if r.id == planned).status is InterviewStatus.CANCELLED
    )
    assert window.current_interview() is not None and window.current_interview().id == planned
    assert not window.plans.cancel.isEnabled()  # cancelled: nothing more to plan
    window.close()
    window.close_database()


def test_deleting_asks_and_keeping_is_the_default(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    planned = select_interview(window, InterviewStatus.PLANNED)
    window.plans.delete.trigger()
    box = window.plans.box
    assert isinstance(box, QMessageBox) and box.defaultButton().text() == "Keep it"
    button(box, "Keep it").click()
    assert planned in [r.id for r in list_interviews(db)]
    window.plans.delete.trigger()
    button(window.plans.box, "Delete it").click()
    qtbot.waitUntil(lambda: planned not in [r.id for r in list_interviews(db)])
    window.close()
    window.close_database()
