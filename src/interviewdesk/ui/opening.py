"""Opening the main window's database: as the one window that writes it, or read-only when another
window has it, and the full integrity check after an unclean exit, off the GUI thread.

A second window on the same file is told which process has it and may look read-only (every
change is refused by the database itself) rather than be shut out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from interviewdesk.errors import DatabaseBusyError, UserError
from interviewdesk.services.health import integrity_findings
from interviewdesk.services.workspace import Workspace, open_workspace
from interviewdesk.ui.bridge import Bridge


class DatabaseOpener(QObject):
    """``opened(Workspace)`` once the database is open; ``failed(message)`` when it cannot be (the
    message was shown); ``declined()`` when the user chose not to open it read-only."""

    opened = Signal(object)
    failed = Signal(str)
    declined = Signal()

    def __init__(self, parent: QWidget, target: str, bridge: Bridge) -> None:
        super().__init__(parent)
        self._parent, self._target, self._bridge = parent, target, bridge
        self.busy_box: QMessageBox | None = None

    def open(self) -> None:
        try:
            db = open_workspace(self._target, instance=True)
        except DatabaseBusyError as busy:
            self._offer_read_only(busy)
            return
        except UserError as exc:
            self._fail(exc.message)
            return
        self._opened(db)

    def _offer_read_only(self, busy: DatabaseBusyError) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Already open", busy.message, parent=self._parent)
        box.setInformativeText(
            "Read-only, you can look at every interview and export PDFs; nothing can be changed."
        )
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        quit_ = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(read_only)
        box.setEscapeButton(quit_)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: self._busy_answered(box.clickedButton() is read_only))
        self.busy_box = box
        box.open()

    def _busy_answered(self, read_only: bool) -> None:
        self.busy_box = None
        if not read_only:
            self.declined.emit()
            return
        try:
            db = open_workspace(self._target, read_only=True)
        except UserError as exc:
            self._fail(exc.message)
            return
        self._opened(db)

    def _fail(self, message: str) -> None:
        self.failed.emit(message)
        QMessageBox.critical(self._parent, "InterviewDesk cannot open its database", message)

    def _opened(self, db: Workspace) -> None:
        for notice in db.notices:  # a damaged write-ahead log found at start, say
            self._inform(notice)
        self.opened.emit(db)
        if db.unclean:  # the last session ended without closing: check every page, in the background
            self._bridge.run(lambda: integrity_findings(db), self._checked, self._check_failed)

    def _checked(self, findings: list[str]) -> None:
        if findings:
            self._inform("The database check after the unclean exit found problems:\n" + "\n".join(findings))

    def _check_failed(self, error: BaseException) -> None:
        self._inform(f"The database could not be checked after the unclean exit: {error}")

    def _inform(self, text: str, then: Callable[[], None] | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "InterviewDesk", text, parent=self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if then is not None:
            box.finished.connect(lambda _code: then())
        box.open()
