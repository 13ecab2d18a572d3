"""Opening the main window's database: as the one window that writes it, or read-only when another
window has it, and the full integrity check after an unclean exit, off the GUI thread.

A second window on the same file is told which process has it and may look read-only (every
change is refused by the database itself) rather than be shut out.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from interviewdesk.errors import DatabaseBusyError, DatabaseRefusedError, UserError
from interviewdesk.services.backups import backups_of, restore
from interviewdesk.services.health import integrity_findings
from interviewdesk.services.workspace import Workspace, open_workspace
from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.confirm import ask, tell


class DatabaseOpener(QObject):
    """``opened(Workspace)`` once the database is open; ``failed(message)`` when it cannot be (the
    message was shown); ``declined()`` when the user chose not to open it read-only."""

    opened = Signal(object)
    failed = Signal(str)
    declined = Signal()

    def __init__(self, parent: QWidget, target: str, bridge: Bridge) -> None:
        super().__init__(parent)
        self._why = ""  # when the background check runs: "after the unclean exit", ...
        self._parent, self._target, self._bridge = parent, target, bridge
        self.busy_box: QMessageBox | None = None
        self.restore_box: QMessageBox | None = None
        self.restored = False

    def open(self) -> None:
        try:
            db = open_workspace(self._target, instance=True)
        except DatabaseBusyError as busy:
            self._offer_read_only(busy)
            return
        except DatabaseRefusedError as refused:
            if refused.damaged and self._offer_restore(refused.message):
                return
            self._fail(refused.message)
            return
        except UserError as exc:
            self._fail(exc.message)
            return
        self._opened(db)

    def _offer_restore(self, message: str) -> bool:
        """A damaged file with a backup: offer the newest, never overwrite without asking."""
        try:
            newest = next(iter(backups_of(self._target)), None)
        except UserError:
            return False
        if newest is None:
            return False
        when = newest.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.restore_box = ask(
            self._parent,
            "The database is damaged",
            message,
            f"The newest backup was made {when} and verified. Restore it? The damaged file is kept aside, "
            "not overwritten; what was written after the backup is not in it.",
            act="Restore the backup",
            keep="Quit",
            on_act=self._restore,
            on_keep=lambda: self.failed.emit(message),  # the window closes; the file stays as it was
            icon=QMessageBox.Icon.Critical,
        )
        return True

    def _restore(self) -> None:
        self.restore_box = None
        try:
            restore(self._target)
        except UserError as exc:
            self._fail(exc.message)
            return
        self.restored = True
        self.open()

    def _offer_read_only(self, busy: DatabaseBusyError) -> None:
        self.busy_box = ask(
            self._parent,
            "Already open",
            busy.message,
            "Read-only, you can look at every interview and export PDFs; nothing can be changed.",
            act="Open read-only",
            keep="Quit",
            on_act=self._open_read_only,
            on_keep=self.declined.emit,
            icon=QMessageBox.Icon.Information,
            act_is_safe=True,
        )

    def _open_read_only(self) -> None:
        self.busy_box = None
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
        # After an unclean exit, or when the file was too large to check at open: every page, in
        # the background, while the interviewer already works.
        if db.unclean or db.unchecked:
            self._why = "after the unclean exit" if db.unclean else "in the background"
            self._bridge.run(lambda: integrity_findings(db), self._checked, self._check_failed)

    def _checked(self, findings: list[str]) -> None:
        if findings:
            self._inform(
                f"The database check {self._why} found problems:\n"
                + "\n".join(findings)
                + "\nClose InterviewDesk and restore the newest backup (`interviewdesk backup restore`); "
                "the damaged file is kept beside it."
            )

    def _check_failed(self, error: BaseException) -> None:
        self._inform(f"The database could not be checked {self._why}: {error}")

    def _inform(self, text: str) -> None:
        tell(self._parent, "InterviewDesk", text)
