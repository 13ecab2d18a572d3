"""The main window's side of a panel across laptops: who I am, bundles out and in (menu and drop)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from interviewdesk.services.bundles import export_bundle
from interviewdesk.services.identity import me, should_ask
from interviewdesk.services.interview_list import count_interviews
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.store.database import Database
from tests.integration.bundle_support import make_laptop, run_interview
from tests.ui.test_main_window import open_window


def _submission(tmp_path: Path, seeded: Path, interviewer: str) -> Path:
    folder = tmp_path / interviewer.split(maxsplit=1)[0]
    folder.mkdir()
    laptop = make_laptop(folder, seeded, interviewer)
    candidate = add_candidate(laptop.db, "Amara Okafor", role="Engineer")
    interview = plan_interview(
        laptop.db, candidate_id=candidate, template_ref="general-structured", interviewer=interviewer
    )
    run_interview(laptop.db, interview, interviewer)
    target = folder / "submission.idbundle"
    export_bundle(laptop.db, [interview], target)
    laptop.db.close()
    return target


def test_who_i_am_is_asked_once_in_a_bar_and_kept(qtbot, db: Database) -> None:
    window = open_window(qtbot, db)
    prompt = window.panel_files.prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)  # shown by the layout once the event loop runs
    prompt.say.click()
    dialog = window.panel_files.me_dialog
    assert dialog is not None and not dialog.save.isEnabled()  # a name is needed
    qtbot.keyClicks(dialog.name, "Priya Raman")
    dialog.coordinator.setChecked(True)
    dialog.save.click()
    found = me(db)
    assert found is not None and (found.name, found.coordinator) == ("Priya Raman", True)
    assert not prompt.isVisible() and not should_ask(db)


def test_not_now_is_remembered(qtbot, db: Database) -> None:
    window = open_window(qtbot, db)
    assert window.panel_files.prompt is not None
    window.panel_files.prompt.later.click()
    assert not window.panel_files.prompt.isVisible() and not should_ask(db)
    window.close()
    again = open_window(qtbot, db)
    assert again.panel_files.prompt is None


def test_importing_files_says_what_came_in_and_what_was_refused(
    qtbot, db: Database, tmp_path: Path, seeded_database: Path
) -> None:
    good = _submission(tmp_path, seeded_database, "Wen Li")
    bad = tmp_path / "broken.idbundle"
    bad.write_bytes(good.read_bytes()[:500])
    window = open_window(qtbot, db)
    with qtbot.waitSignal(window.panel_files.done, timeout=10000) as signal:
        window.panel_files.import_files([good, bad])
    assert signal.args == ["1 interview added, 0 updated; 1 file refused."]
    box = window.panel_files.box
    assert isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Warning
    assert "added Amara Okafor (Wen Li)" in box.informativeText()
    assert (
        "broken.idbundle: refused, nothing imported: this is not an InterviewDesk bundle"
        in box.informativeText()
    )
    assert count_interviews(db) == 1 and window.model.rowCount() == 1  # the list was reloaded


def test_a_bundle_dropped_on_the_window_is_imported(
    qtbot, db: Database, tmp_path: Path, seeded_database: Path
) -> None:
    good = _submission(tmp_path, seeded_database, "Tomás Ortega")
    window = open_window(qtbot, db)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.panel_files.done, timeout=10000):
        QApplication.sendEvent(window, drop)
    assert count_interviews(db) == 1


def test_sending_an_interview_writes_a_bundle_and_sealed_ones_are_named(
    qtbot, db: Database, tmp_path: Path, seeded_database: Path
) -> None:
    from interviewdesk.services.identity import set_me

    received = _submission(tmp_path, seeded_database, "Wen Li")
    window = open_window(qtbot, db)
    with qtbot.waitSignal(window.panel_files.done, timeout=10000):
        window.panel_files.import_files([received])
    candidate = window.candidates.candidate_id(1)
    set_me(db, "Priya Raman")
    plan_interview(db, candidate_id=candidate, template_ref="general-structured", interviewer="Priya Raman")
    window.reload_candidates(select_id=candidate)
    assert "1 sealed interview waiting for your submission" in window.heading.text()
    window.table.selectRow(0)
    target = tmp_path / "sent.idbundle"
    with qtbot.waitSignal(window.panel_files.done, timeout=10000) as signal:
        window.panel_files.export_to([window.current_interview().id], None, target)
    assert target.is_file() and "no private notes" in signal.args[0]


def test_a_look_alike_is_offered_for_merge_and_merged_only_on_yes(
    qtbot, db: Database, tmp_path: Path, seeded_database: Path
) -> None:
    from interviewdesk.services.planning import list_candidates
    from interviewdesk.ui.confirm import button

    received = _submission(tmp_path, seeded_database, "Wen Li")
    mine = add_candidate(db, "Amara Okafor", role="Engineer")  # the same name and role, another record
    window = open_window(qtbot, db)
    with qtbot.waitSignal(window.panel_files.done, timeout=10000):
        window.panel_files.import_files([received])
    summary = window.panel_files.box
    assert summary is not None and "may be the same person" in summary.informativeText()
    button(summary, "Merge look-alikes…").click()
    question = window.panel_files.box
    assert question is not None and question.defaultButton().text() == "Keep both"
    with qtbot.waitSignal(window.panel_files.done, timeout=5000) as signal:
        button(question, "Merge").click()
    assert signal.args == ["Merged 1 candidate."]
    assert [(c.id, c.interviews) for c in list_candidates(db)] == [(mine, 1)]
