"""The main window's Data menu and a second window on one database file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from interviewdesk.services.demo import create_demo
from interviewdesk.services.planning import list_candidates
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.database import Database
from interviewdesk.ui.confirm import button
from interviewdesk.ui.main_window import MainWindow
from tests.ui.test_main_window import open_window


def test_a_second_window_on_the_file_offers_to_open_it_read_only(qtbot, db_path: Path) -> None:
    first = open_workspace(str(db_path), instance=True)
    create_demo(first)
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: getattr(getattr(window, "opener", None), "busy_box", None) is not None)
    box = window.opener.busy_box
    assert "is open in another InterviewDesk window" in box.text() and "process" in box.text()
    assert box.defaultButton().text() == "Open read-only"
    with qtbot.waitSignal(window.ready, timeout=5000):
        button(box, "Open read-only").click()
    assert window.db.read_only and window.windowTitle() == "Read-only"
    assert window.candidates.rowCount() > 1  # everyone is there to look at
    assert not window.add_candidate_action.isEnabled() and not window.plan_action.isEnabled()
    window.table.selectRow(0)
    assert not window.open_action.isEnabled() and window.export_interview_action.isEnabled()
    assert not window.data.erase.isEnabled() and window.data.check.isEnabled()
    window.close()
    window.close_database()
    first.close()


def test_quit_at_the_busy_question_leaves_the_file_alone(qtbot, db_path: Path) -> None:
    first = open_workspace(str(db_path), instance=True)
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: getattr(getattr(window, "opener", None), "busy_box", None) is not None)
    button(window.opener.busy_box, "Quit").click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.db is None
    first.close()


def test_erasing_a_candidate_names_what_goes_and_waits_for_a_yes(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    amara = next(c.id for c in list_candidates(db) if c.name == "Amara Okafor")
    window.select_candidate(amara)
    window.data.erase.trigger()
    box = window.data.box
    assert isinstance(box, QMessageBox) and "Erase Amara Okafor" in box.text()
    assert "3 interviews" in box.informativeText() and box.defaultButton().text() == "Keep"
    button(box, "Keep").click()
    assert len(list_candidates(db)) == 2
    window.data.erase.trigger()
    with qtbot.waitSignal(window.data.changed, timeout=10000):
        button(window.data.box, "Erase for good").click()
    assert [c.name for c in list_candidates(db)] == ["Mateo Rossi"]
    qtbot.waitUntil(lambda: window.candidates.rowCount() == 2)  # "everyone" and Mateo


def test_check_database_reports_off_the_gui_thread(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    with qtbot.waitSignal(window.data.done, timeout=10000) as reported:
        window.data.check.trigger()
    assert reported.args[0].startswith("No problems: every page reads, every seal matches.")
    assert "There is no backup yet" in reported.args[0]


def test_a_damaged_database_is_answered_with_its_newest_backup(qtbot, db: Database, db_path: Path) -> None:
    from interviewdesk.services.backups import backup_now
    from interviewdesk.store.backups import backup_folder
    from tests.integration.damage import damage_a_page

    create_demo(db)
    backup_now(db)
    db.close()
    damage_a_page(db_path)
    damaged = db_path.read_bytes()
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: getattr(getattr(window, "opener", None), "restore_box", None) is not None)
    box = window.opener.restore_box
    assert "is damaged" in box.text() and box.defaultButton().text() == "Quit"
    assert db_path.read_bytes() == damaged  # nothing overwritten while asking
    with qtbot.waitSignal(window.ready, timeout=10000):
        button(box, "Restore the backup").click()
    assert window.opener.restored and window.candidates.rowCount() == 3
    (aside,) = backup_folder(db_path).glob("*.before-restore.*")
    assert aside.read_bytes() == damaged
    window.close()
    window.close_database()


def test_retention_is_set_in_the_window_and_what_is_due_erased_on_a_yes(qtbot, db: Database) -> None:
    from datetime import UTC, datetime, timedelta

    from interviewdesk.services.erasure import retention_days
    from interviewdesk.ui.data_actions import RetentionDialog

    create_demo(db, now=datetime.now(UTC) - timedelta(days=400))
    window = open_window(qtbot, db)
    window.data.retention.trigger()
    dialog = window.findChild(RetentionDialog)
    assert dialog is not None and not dialog.enabled.isChecked()  # off by default
    dialog.enabled.setChecked(True)
    dialog.period.setValue(365)
    dialog.accept()
    assert retention_days(db) == 365
    box = window.data.box
    assert isinstance(box, QMessageBox) and "2 candidates are past the retention period" in box.text()
    assert box.defaultButton().text() == "Not now"
    with qtbot.waitSignal(window.data.changed, timeout=10000):
        button(box, "Erase them").click()
    qtbot.waitUntil(lambda: list_candidates(db) == [], timeout=10000)


def test_the_organisation_name_is_set_from_the_data_menu(qtbot, db: Database) -> None:
    from PySide6.QtWidgets import QInputDialog

    from interviewdesk.services.settings import organisation

    window = open_window(qtbot, db)
    window.data.organisation.trigger()
    dialog = window.data.box_input
    assert isinstance(dialog, QInputDialog) and dialog.isVisible() and dialog.textValue() == ""
    dialog.setTextValue("Northwind Traders")
    with qtbot.waitSignal(window.data.done) as said:
        dialog.accept()
    assert organisation(db) == "Northwind Traders"
    assert said.args == ["Feedback letters are now signed by Northwind Traders."]
    window.data.organisation.trigger()
    assert window.data.box_input.textValue() == "Northwind Traders"  # shown again to edit
    window.data.box_input.reject()
    window.close()
    window.close_database()


def test_a_large_file_opens_without_waiting_and_is_checked_in_the_background(
    qtbot, db: Database, db_path: Path, monkeypatch
) -> None:
    """Every page was checked before opening: 0.6 s warm, 7.5 s cold at 100,000 interviews. A file
    over the limit (here: any) opens at once, and the check runs on the bridge and says what it found."""
    from tests.integration.damage import PAGE, damage_a_page

    create_demo(db)
    db.close()
    damage_a_page(db_path, db_path.stat().st_size // PAGE)  # the last page: data, not the schema
    monkeypatch.setattr("interviewdesk.store.inspect.CHECK_AT_OPEN_BYTES", 0)
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    assert window.db.unchecked and not window.db.read_only  # opened, not refused

    def reported() -> list[QMessageBox]:
        return [b for b in window.findChildren(QMessageBox) if "in the background found problems" in b.text()]

    qtbot.waitUntil(lambda: bool(reported()), timeout=10000)
    assert "backup restore" in reported()[0].text()
    window.close()
    window.close_database()
