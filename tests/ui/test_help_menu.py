"""The Help menu of both windows: the shortcut sheet, the user guide, and About with the licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from interviewdesk import __version__
from interviewdesk.domain.clock import ManualClock
from interviewdesk.logs import log_path
from interviewdesk.services.demo import create_demo
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.store.database import Database
from interviewdesk.ui.app import _application
from interviewdesk.ui.help_menu import AboutDialog, GuideDialog, LicencesDialog
from interviewdesk.ui.icons import APP_ID
from interviewdesk.ui.live.sheets import ShortcutSheet
from tests.ui.live_support import open_live
from tests.ui.test_main_window import open_window


def menu_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.text() for action in window.menuBar().actions()]


def test_the_main_window_s_help_menu_opens_keys_guide_and_about(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    assert menu_titles(window)[-1] == "&Help"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutSheet)
    assert sheet is not None and sheet.isVisible()
    keys = sheet.text.text()
    for name in ("Add candidate", "Plan interview", "Open interview", "Export panel PDF"):
        assert name in keys
    assert "Keyboard shortcuts" in keys and keys.index("Add candidate") < keys.index(
        "Export panel"
    )  # menu order
    sheet.reject()
    window.candidate_list.setFocus()
    qtbot.keyClick(window.candidate_list, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.right_tabs.currentWidget() is window.follow_ups and window.follow_ups.view.hasFocus()
    qtbot.keyClick(window.follow_ups.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.right_tabs.currentIndex() == 0 and window.table.hasFocus()

    window.help.guide.trigger()
    guide = window.findChild(GuideDialog)
    assert guide is not None and "During the interview" in guide.browser.toPlainText()
    assert guide.browser.document().toMarkdown().startswith("# InterviewDesk user guide")
    guide.reject()

    window.help.about.trigger()
    about = window.findChild(AboutDialog)
    assert about is not None
    text = about.text.text()
    assert f"InterviewDesk {__version__}" in text and str(log_path()) in text
    assert db.describe() in text  # the database this window uses
    about.licences.click()
    licences = about.findChild(LicencesDialog)
    assert licences is not None
    body = licences.text.toPlainText()
    assert "PySide6_Essentials" in body and "GNU LESSER GENERAL PUBLIC LICENSE" in body
    licences.reject()
    about.reject()
    window.close()
    window.close_database()


def test_the_live_window_has_the_same_help_menu(qtbot, db: Database) -> None:
    candidate = add_candidate(db, "Ada Lovelace", role="Analyst")
    interview_id = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
    window = open_live(qtbot, db, interview_id, ManualClock())
    (help_menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help"]
    assert window.menuBar().actions()[-1] is help_menu.menuAction()  # the last menu
    names = [action.text() for action in help_menu.actions() if not action.isSeparator()]
    assert names == ["Keyboard shortcuts", "User &guide", "&About InterviewDesk"]
    window.commands.help_menu.about.trigger()
    about = window.findChild(AboutDialog)
    assert about is not None and db.describe() in about.text.text()
    about.reject()
    window.close()


def test_the_application_names_itself_for_the_desktop(qtbot) -> None:
    app = _application()
    assert app is QApplication.instance()
    assert app.desktopFileName() == APP_ID and app.applicationVersion() == __version__
    assert not app.windowIcon().isNull() and app.windowIcon().availableSizes()


def test_a_folder_that_does_not_exist_is_not_offered_to_open(qtbot, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr("interviewdesk.ui.help_menu.data_dir", lambda: tmp_path / "not-yet")
    about = AboutDialog(None)
    qtbot.addWidget(about)
    assert not about.open_folder.isEnabled()
