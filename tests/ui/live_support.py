"""Helpers for the live window's tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

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
