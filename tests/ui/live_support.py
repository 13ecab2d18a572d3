"""Helpers for the live window's tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from interviewdesk.domain.clock import ManualClock
from interviewdesk.store.database import Database
from interviewdesk.ui.live.window import LiveInterviewWindow


def open_live(qtbot, db: Database, interview_id: int, clock: ManualClock) -> LiveInterviewWindow:
    window = LiveInterviewWindow(db, interview_id, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts go to the active window
    return window


def choose_file(qtbot, dialog: QFileDialog | None, path: Path) -> None:
    """Put a full path in the file-name field and accept. (``selectFile`` leaves the name alone
    while that field has the keyboard, and typing a path pops up the completer.)"""
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    name.setText(str(path))
    dialog.accept()
