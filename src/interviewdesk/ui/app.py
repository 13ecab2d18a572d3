"""Starting the window: the database is opened before the QApplication exists (as Vorta does), so
a refused database is reported without a half-built window."""

from __future__ import annotations

import os
import sys

from interviewdesk.errors import UserError


def _display_available() -> bool:
    if sys.platform != "linux":
        return True
    return bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def run_app(target: str) -> int:
    if not _display_available():
        raise UserError("no display to open the window on; the subcommands (see --help) work without one.")
    from interviewdesk.store.database import open_database

    try:
        db = open_database(target)
    except UserError as exc:
        _show_startup_error(exc.message)
        raise
    from PySide6.QtWidgets import QApplication

    from interviewdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("InterviewDesk")
    app.setApplicationDisplayName("InterviewDesk")
    window = MainWindow(db)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()


def _show_startup_error(message: str) -> None:
    """Say why the database was refused in a dialog too: a user who started from a menu sees no stderr."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    _app = QApplication.instance() or QApplication(sys.argv)
    QMessageBox.critical(None, "InterviewDesk cannot open its database", message)
