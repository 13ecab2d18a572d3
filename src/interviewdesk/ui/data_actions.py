"""The main window's Data menu: check the database, back it up now, erase a candidate, the
retention period and the organisation's name that signs feedback letters. The slow parts (the
full check, a backup, an erasure's rebuild of the file) run on the window's bridge, so the window
never waits on them; every erasure is confirmed first with what goes, named.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.wording import count
from interviewdesk.errors import UserError
from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.confirm import ask, tell

if TYPE_CHECKING:
    from interviewdesk.services.erasure import Erased
    from interviewdesk.services.health import Finding
    from interviewdesk.services.workspace import Workspace


class DataActions(QObject):
    """``changed()`` after an erasure (the lists are reloaded); ``done(message)`` after each job."""

    changed = Signal()
    done = Signal(str)

    def __init__(
        self,
        window: QWidget,
        menu: QMenu,
        db: Callable[[], Workspace],
        bridge: Bridge,
        candidate: Callable[[], tuple[int, str] | None],
    ) -> None:
        super().__init__(window)
        self._window, self._db, self._bridge, self._candidate = window, db, bridge, candidate
        self.box: QMessageBox | None = None
        self.box_input: QInputDialog | None = None
        self.check = self._add(menu, "&Check database…", self.run_check)
        self.backup = self._add(menu, "&Back up now", self.back_up)
        menu.addSeparator()
        self.erase = self._add(menu, "&Erase candidate…", self.confirm_erase)
        self.retention = self._add(menu, "&Retention…", self.edit_retention)
        self.organisation = self._add(menu, "&Organisation name…", self.edit_organisation)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def set_writable(self, writable: bool) -> None:
        for action in (self.backup, self.erase, self.retention, self.organisation):
            action.setEnabled(writable)

    def _show(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
        self.box = tell(self._window, title, text, icon)
        self.done.emit(text)

    def _failed(self, title: str, error: BaseException) -> None:
        text = error.message if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        self._show(title, text, QMessageBox.Icon.Warning)

    # -- check and back up --------------------------------------------------------------------
    def run_check(self) -> None:
        from interviewdesk.services.health import check_database

        db = self._db()
        self._bridge.run(lambda: check_database(db), self._checked, partial(self._failed, "Check database"))

    def _checked(self, findings: list[Finding]) -> None:
        problems = [f for f in findings if f.problem]
        head = (
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found."
            if problems
            else "No problems: every page reads, every seal matches."
        )
        lines = "\n\n".join(f"{f.what} {f.advice}" for f in findings)
        icon = QMessageBox.Icon.Warning if problems else QMessageBox.Icon.Information
        self._show("Check database", f"{head}\n\n{lines}".strip(), icon)

    def back_up(self) -> None:
        from interviewdesk.services.backups import backup_now

        db = self._db()
        self._bridge.run(
            lambda: backup_now(db),
            lambda made: self.done.emit(f"Backed up and verified: {made.path}"),
            partial(self._failed, "Back up now"),
        )

    # -- erasure ------------------------------------------------------------------------------
    def confirm_erase(self) -> None:
        from interviewdesk.services.erasure import erasure_plan

        chosen = self._candidate()
        if chosen is None:
            self._show("Erase candidate", "Select the candidate to erase in the list on the left first.")
            return
        try:
            plan = erasure_plan(self._db(), chosen[0])
        except UserError as exc:
            self._failed("Erase candidate", exc)
            return
        self.box = ask(
            self._window,
            "Erase candidate",
            f"Erase {plan.name} and everything about them, for good?",
            f"Erased: {plan.describe()} Nothing of it can be brought back, not from a backup either; "
            "a record that an erasure happened (with no name) is kept.",
            act="Erase for good",
            keep="Keep",
            on_act=partial(self.erase_now, chosen[0], "request"),
        )

    def erase_now(self, candidate_id: int, reason: str) -> None:
        from interviewdesk.services.erasure import erase_candidate

        db = self._db()
        self._bridge.run(
            lambda: erase_candidate(db, candidate_id, reason=reason),
            self._erased,
            partial(self._failed, "Erase candidate"),
        )

    def _erased(self, erased: Erased) -> None:
        self.changed.emit()
        text = f"{erased.plan.name} was erased ({count(erased.plan.interviews, 'interview')})."
        if not erased.log_emptied:
            text += " Another InterviewDesk has the file open; the log is emptied when it closes."
        if erased.problems:
            self._show(
                "Erase candidate", text + "\n\n" + "\n".join(erased.problems), QMessageBox.Icon.Warning
            )
        else:
            self.done.emit(text)

    # -- retention ----------------------------------------------------------------------------
    def edit_retention(self) -> None:
        from interviewdesk.services.erasure import due_for_erasure, retention_days

        db = self._db()
        dialog = RetentionDialog(retention_days(db), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._retention_set(dialog.days()))
        dialog.show_due(len(due_for_erasure(db)))
        dialog.open()

    def _retention_set(self, days: int | None) -> None:
        from interviewdesk.services.erasure import due_for_erasure, set_retention_days

        db = self._db()
        try:
            set_retention_days(db, days)
        except UserError as exc:
            self._failed("Retention", exc)
            return
        due = due_for_erasure(db)
        if not due:
            self.done.emit("Retention saved; no candidate is due.")
            return
        names = ", ".join(d.name for d in due[:10]) + (" …" if len(due) > 10 else "")
        self.box = ask(
            self._window,
            "Retention",
            f"{len(due)} candidate{'s are' if len(due) != 1 else ' is'} past the retention period. "
            "Erase now?",
            f"{names}. Each is erased with every interview and note, also from the backups.",
            act="Erase them",
            keep="Not now",
            on_act=partial(self._erase_due, [d.candidate_id for d in due]),
        )

    # -- the organisation's name -----------------------------------------------------------------
    def edit_organisation(self) -> None:
        from interviewdesk.services.settings import MAX_ORGANISATION, organisation

        dialog = QInputDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Organisation name")
        dialog.setLabelText(
            "The name that heads and signs feedback letters (empty: the interviewer's alone):"
        )
        dialog.setTextValue(organisation(self._db()) or "")
        dialog.setOkButtonText("Save")
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setMaxLength(MAX_ORGANISATION)
        dialog.textValueSelected.connect(self._organisation_set)
        self.box_input = dialog
        dialog.open()

    def _organisation_set(self, name: str) -> None:
        from interviewdesk.services.settings import set_organisation

        try:
            stored = set_organisation(self._db(), name)
        except UserError as exc:
            self._failed("Organisation name", exc)
            return
        self.done.emit(
            f"Feedback letters are now signed by {stored}." if stored else "Organisation name cleared."
        )

    def _erase_due(self, candidate_ids: list[int]) -> None:
        for candidate_id in candidate_ids:  # one after another on the bridge's worker
            self.erase_now(candidate_id, "retention")


class RetentionDialog(QDialog):
    def __init__(self, days: int | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Retention")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "How long a candidate's data is kept after their last interview. Off keeps everything "
                "until you erase it."
            )
        )
        self.enabled = QCheckBox("Erase candidates' data after")
        self.enabled.setChecked(days is not None)
        self.period = QSpinBox()
        self.period.setRange(1, 36500)
        self.period.setSuffix(" days")
        self.period.setValue(days or 365)
        self.period.setEnabled(days is not None)
        self.enabled.toggled.connect(self.period.setEnabled)
        layout.addWidget(self.enabled)
        layout.addWidget(self.period)
        self.due = QLabel()
        layout.addWidget(self.due)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def days(self) -> int | None:
        return self.period.value() if self.enabled.isChecked() else None

    def show_due(self, count: int) -> None:
        self.due.setText(f"Due now under the saved period: {count}." if count else "")
