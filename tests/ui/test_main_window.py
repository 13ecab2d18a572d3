"""The main window on a temporary database: add a candidate, plan an interview, see it listed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from interviewdesk.services import interview_list, planning
from interviewdesk.services.demo import create_demo
from interviewdesk.store.database import Database
from interviewdesk.ui.dialogs import AddCandidateDialog, PlanInterviewDialog
from interviewdesk.ui.interview_table import PAGE_SIZE
from interviewdesk.ui.main_window import MainWindow


def open_window(qtbot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(900, 600)
    with qtbot.waitSignal(window.ready, timeout=5000):
        window.show()
    return window


def test_add_candidate_plan_interview_and_see_it_listed(qtbot, db: Database) -> None:
    window = open_window(qtbot, db)
    assert window.model.rowCount() == 0

    window.add_candidate_action.trigger()
    dialog = window.findChild(AddCandidateDialog)
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name_edit, "Nadia Haddad")
    dialog.role_edit.clear()
    qtbot.keyClicks(dialog.role_edit, "Software Engineer")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_candidate_id() is not None)
    (candidate,) = planning.list_candidates(db)
    assert (candidate.name, candidate.role) == ("Nadia Haddad", "Software Engineer")
    assert window.current_candidate_id() == candidate.id

    window.plan_action.trigger()
    plan = window.findChild(PlanInterviewDialog)
    assert plan is not None
    assert plan.candidate_box.currentData() == candidate.id
    plan.template_box.setCurrentIndex(
        plan.template_box.findText("Software engineer", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.keyClicks(plan.interviewer_edit, "Priya Raman")
    qtbot.mouseClick(plan.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)

    row = window.model.row_at(0)
    assert (row.candidate, row.interviewer, row.template) == (
        "Nadia Haddad",
        "Priya Raman",
        "Software engineer interview",
    )
    assert row.scheduled_at is not None
    assert window.model.index(0, 1).data() == "Nadia Haddad"
    assert interview_list.count_interviews(db) == 1


def test_lists_the_demo_panel_and_filters_by_candidate(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    assert window.model.rowCount() == 5
    labels = [window.candidates.index(row).data() for row in range(window.candidates.rowCount())]
    assert labels[0] == "All candidates (2)"
    assert labels[1] == "Amara Okafor\nSoftware Engineer · 3 interviews"
    window.select_candidate(window.candidates.candidate_id(1))
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert {window.model.row_at(r).interviewer for r in range(3)} == {
        "Priya Raman",
        "Jonas Weber",
        "Lucía Fernández",
    }


def test_long_lists_load_page_by_page(qtbot, db: Database) -> None:
    cid = planning.add_candidate(db, "Many Interviews")
    for _ in range(PAGE_SIZE + 30):
        planning.plan_interview(db, candidate_id=cid, template_ref="general-structured")
    window = open_window(qtbot, db)
    assert window.model.rowCount() == PAGE_SIZE
    assert window.model.canFetchMore(window.model.index(-1, -1))
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == PAGE_SIZE + 30)


def test_plan_without_candidates_explains(qtbot, db: Database) -> None:
    window = open_window(qtbot, db)
    window.plan_action.trigger()
    assert window.plans.box is not None and window.plans.box.text() == "Add a candidate first."
    assert window.findChild(PlanInterviewDialog) is None


def test_a_refused_database_is_reported_and_left_alone(qtbot, tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "interviewdesk.ui.opening.QMessageBox.critical", lambda _parent, _title, text: shown.append(text)
    )
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    window = MainWindow(str(path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.open_failed, timeout=5000) as failed:
        window.show()
    assert "not an SQLite file" in failed.args[0]
    assert shown == [failed.args[0]]
    assert window.open_error == failed.args[0]
    assert not window.add_candidate_action.isEnabled()
    assert path.read_text() == "not a database"


def test_opens_a_database_by_path_after_the_first_paint(qtbot, tmp_path) -> None:
    path = tmp_path / "fresh.sqlite3"
    window = MainWindow(str(path))
    qtbot.addWidget(window)
    assert not path.exists()  # nothing opened before the window is shown
    with qtbot.waitSignal(window.ready, timeout=5000):
        window.show()
    assert path.exists()
    assert window.add_candidate_action.isEnabled()
    window.close_database()


def test_enter_on_an_interview_opens_the_live_window(qtbot, db: Database) -> None:
    from interviewdesk.ui.live.window import LiveInterviewWindow

    demo = create_demo(db)
    window = open_window(qtbot, db)
    window.select_candidate(demo.candidate_ids[1])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.table.setFocus()
    window.table.selectRow(0)  # the planned interview sorts first
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.live_windows) == 1)
    live = window.live_windows[0]
    assert isinstance(live, LiveInterviewWindow)
    assert live.session.interview_id == window.model.row_at(0).id
    assert live.windowTitle().startswith("Mateo Rossi")
    live.close()  # deleted on close, and forgotten by the main window
    qtbot.waitUntil(lambda: window.live_windows == [])


def test_follow_ups_queue_shows_overdue_and_marks_done(qtbot, db: Database) -> None:
    from datetime import date, timedelta

    from sqlalchemy import update

    from interviewdesk.store.tables import follow_ups

    create_demo(db)
    with db.begin() as connection:
        late = update(follow_ups).where(follow_ups.c.id == 1).values(due=date.today() - timedelta(days=2))
        assert connection.execute(late).rowcount == 1
    window = open_window(qtbot, db)
    queue = window.follow_ups
    qtbot.waitUntil(lambda: queue.model.rowCount() > 0)
    tabs = window.right_tabs
    assert tabs.tabText(tabs.indexOf(queue)) == "Follow-ups (1 overdue)"
    first = queue.model.items[0]
    assert first.id == 1 and first.overdue
    assert queue.model.data(queue.model.index(0, 1)) == "OVERDUE"
    assert queue.model.data(queue.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    tabs.setCurrentWidget(queue)
    queue.view.setFocus()
    queue.view.selectRow(0)
    qtbot.keyClick(queue.view, Qt.Key.Key_Return)  # Enter marks it done
    qtbot.waitUntil(lambda: tabs.tabText(tabs.indexOf(queue)) == "Follow-ups")
    assert all(item.id != 1 for item in queue.model.items)
    queue.show_done.setChecked(True)
    assert any(item.id == 1 and item.done for item in queue.model.items)


def test_an_empty_database_shows_the_next_step_and_the_demo(qtbot, db: Database) -> None:
    window = open_window(qtbot, db)
    assert window.interview_pages.currentWidget() is window.empty_state
    assert "No interviews yet" in window.empty_state.text.text()
    empty = window.empty_state
    assert empty.add_candidate.isVisibleTo(window) and empty.demo.isVisibleTo(window)
    assert "Select a candidate" in window.export_panel_action.toolTip()  # why it is disabled
    window.empty_state.demo.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert window.interview_pages.currentWidget() is window.table
    assert window.export_panel_action.isEnabled()


def test_a_planned_interview_is_selected_and_enter_opens_it(qtbot, db: Database) -> None:
    from interviewdesk.ui.live.window import LiveInterviewWindow

    create_demo(db)
    window = open_window(qtbot, db)
    candidate = window.candidates.candidate_id(1)
    window.select_candidate(candidate)
    window.plan_action.trigger()
    plan = window.findChild(PlanInterviewDialog)
    qtbot.mouseClick(plan.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_interview() is not None)
    newest = max(row.id for row in interview_list.list_interviews(db, candidate_id=candidate))
    assert window.current_interview().id == newest  # Ctrl+O did nothing before: nothing was selected
    assert window.open_action.isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.live_windows) == 1)
    live = window.live_windows[0]
    qtbot.addWidget(live)  # closed after the test: a window left open keeps renewing its lease
    assert isinstance(live, LiveInterviewWindow) and live.session.interview_id == newest
    window.activateWindow()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # again: the open window, not a second editor
    assert window.live_windows == [live]


def test_the_selection_is_kept_after_the_live_window_closes(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    window.table.selectRow(3)
    chosen = window.current_interview().id
    window.open_interview()
    qtbot.waitUntil(lambda: len(window.live_windows) == 1)
    window.live_windows[0].close()
    qtbot.waitUntil(lambda: window.live_windows == [])
    assert window.current_interview() is not None and window.current_interview().id == chosen  # was row 0


def test_ctrl_e_is_bound_in_neither_window(qtbot, db: Database) -> None:
    from PySide6.QtGui import QKeySequence

    window = open_window(qtbot, db)
    keys = {action.shortcut().toString() for action in window.findChildren(type(window.open_action))}
    assert "Ctrl+E" not in keys and window.export_interview_action.shortcut() == QKeySequence("Ctrl+P")


def test_the_follow_ups_follow_the_selected_candidate_and_everyone_is_one_click_away(
    qtbot, db: Database
) -> None:
    from interviewdesk.services.follow_ups import list_follow_ups

    demo = create_demo(db)
    window = open_window(qtbot, db)
    everyone = len(list_follow_ups(db))
    qtbot.waitUntil(lambda: window.follow_ups.model.rowCount() == everyone)  # loaded after the first paint
    assert window.follow_ups.everyone.isHidden()
    amara = demo.candidate_ids[0]
    window.candidate_list.setCurrentIndex(window.candidates.index(window.candidates.row_of(amara)))
    hers = list_follow_ups(db, candidate_id=amara)
    assert 0 < len(hers) < everyone
    assert window.follow_ups.model.rowCount() == len(hers)
    assert all(item.candidate == "Amara Okafor" for item in window.follow_ups.model.items)
    assert "For <b>Amara Okafor</b>" in window.follow_ups.summary.text()
    assert not window.follow_ups.everyone.isHidden()
    window.follow_ups.everyone.click()  # one click back to everyone's
    assert window.current_candidate_id() is None and window.follow_ups.model.rowCount() == everyone
    window.close()
    window.close_database()
