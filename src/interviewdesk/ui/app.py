"""Starting the window.

The database is chosen (``--db``, ``INTERVIEWDESK_DB`` or the default file) before the window
exists, but opened just after its first paint: the window appears about as fast as a bare Qt
window, and SQLAlchemy loads while the user is already looking at it. A database that must be
refused is reported in a dialog, and the app exits with code 2 without having touched it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from interviewdesk.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from interviewdesk.services.workspace import Workspace
    from interviewdesk.ui.main_window import MainWindow


def _display_available() -> bool:
    if sys.platform != "linux":
        return True
    return bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def _application(qt_options: Sequence[str] = ()) -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_options])
    from interviewdesk import __version__
    from interviewdesk.ui.icons import APP_ID, app_icon

    app.setApplicationName("InterviewDesk")
    app.setApplicationDisplayName("InterviewDesk")
    app.setOrganizationName("InterviewDesk")
    app.setApplicationVersion(__version__)
    # Ties the windows to the menu entry and its icon (Wayland's app id, the taskbar's grouping).
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def run_app(
    target: str,
    *,
    on_window: Callable[[MainWindow], None] | None = None,
    qt_options: Sequence[str] = (),
) -> int:
    """Show the window, open the database named by ``target``, and run until the window closes.

    ``on_window`` sees the window before it is shown (bench/startup.py measures through it).
    """
    if not _display_available():
        raise UserError("no display to open the window on; the subcommands (see --help) work without one.")

    from interviewdesk.ui.main_window import MainWindow

    app = _application(qt_options)
    from interviewdesk.ui.crash import install_crash_handlers

    install_crash_handlers()
    window = MainWindow(target)
    if on_window is not None:
        on_window(window)
    window.show()
    code = app.exec()
    window.close_database()
    refused = window.open_error is not None
    # Widgets must go before the QApplication: left to the garbage collector the order is undefined.
    del window
    return 2 if refused else code


def run_live(db: Workspace, interview_id: int, *, qt_options: Sequence[str] = ()) -> int:
    """Open the live window for one interview (a calendar link or a script) and run until it closes.

    An unknown id is refused before any window or Qt is set up, so it is one line on stderr.
    """
    from interviewdesk.domain.clock import SystemClock
    from interviewdesk.services.live_session import open_live_session

    open_live_session(db, interview_id, SystemClock())  # NotFoundError for an unknown id
    if not _display_available():
        raise UserError("no display to open the window on; the subcommands (see --help) work without one.")

    from interviewdesk.ui.live.window import LiveInterviewWindow

    app = _application(qt_options)
    from interviewdesk.ui.crash import install_crash_handlers

    install_crash_handlers()
    window = LiveInterviewWindow(db, interview_id)
    window.show()
    code = app.exec()
    del window  # before the QApplication, as in run_app
    from interviewdesk.services.backups import close_with_backup

    close_with_backup(db)
    return code
