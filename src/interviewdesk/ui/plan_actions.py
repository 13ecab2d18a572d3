"""The main window's Edit menu: correct a candidate's details; reschedule, reassign, cancel or
delete a planned interview. Each calls services/plans.py; cancelling and deleting ask first, with
keeping the interview as the default."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.errors import UserError
from interviewdesk.ui.confirm import ask
from interviewdesk.ui.dialogs import AddCandidateDialog, NewCandidate, RescheduleDialog

if TYPE_CHECKING:
    from datetime import datetime

    from interviewdesk.services.interview_list import InterviewRow
    from interviewdesk.services.workspace import Workspace


class PlanActions(QObject):
    """``changed(interview_id, message)``: something changed; the window reloads its lists,
    selects that interview (0: none) and shows the message."""

    changed = Signal(int, str)

    def __init__(
        self,
        window: QWidget,
        menu: QMenu,
        db: Callable[[], Workspace],
        candidate: Callable[[], int | None],
        interview: Callable[[], InterviewRow | None],
    ) -> None:
        super().__init__(window)
        self._window, self._db, self._candidate, self._interview = window, db, candidate, interview
        self.box: QMessageBox | None = None
        self.dialog: AddCandidateDialog | RescheduleDialog | None = None
        self.edit_candidate = self._add(menu, "&Edit candidate…", self.edit_selected_candidate, "F2")
        menu.addSeparator()
        self.reschedule = self._add(menu, "&Reschedule or reassign…", self.reschedule_selected, "Ctrl+R")
        self.cancel = self._add(menu, "&Cancel interview…", self.cancel_selected)
        self.delete = self._add(menu, "&Delete planned interview…", self.delete_selected)
        self._writable = True
        self.update()

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None], key: str | None = None) -> QAction:
        action = menu.addAction(text)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self.update()

    def update(self) -> None:
        """Enable what applies to the selection: a candidate; a planned interview."""
        row = self._interview()
        planned = row is not None and row.status is InterviewStatus.PLANNED
        self.edit_candidate.setEnabled(self._writable and self._candidate() is not None)
        for action in (self.reschedule, self.cancel, self.delete):
            action.setEnabled(self._writable and planned)

    def _failed(self, title: str, error: UserError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, parent=self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()

    # -- a candidate --------------------------------------------------------------------------
    def edit_selected_candidate(self) -> None:
        from interviewdesk.services.plans import candidate_details

        candidate_id = self._candidate()
        if candidate_id is None:
            return
        details = candidate_details(self._db(), candidate_id)
        dialog = AddCandidateDialog(
            self._window, editing=NewCandidate(details.name, details.role, details.email)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_candidate(candidate_id, dialog.value()))
        self.dialog = dialog
        dialog.open()

    def _save_candidate(self, candidate_id: int, value: NewCandidate) -> None:
        from interviewdesk.services.plans import edit_candidate

        try:
            edit_candidate(self._db(), candidate_id, name=value.name, role=value.role, email=value.email)
        except UserError as exc:
            self._failed("Candidate not changed", exc)
            return
        self.changed.emit(0, f"Saved the details of {value.name.strip()}.")

    # -- a planned interview ------------------------------------------------------------------
    def reschedule_selected(self) -> None:
        row = self._interview()
        if row is None or row.status is not InterviewStatus.PLANNED:
            return
        title = f"{row.candidate} · {row.template} (v{row.template_version})"
        dialog = RescheduleDialog(title, row.scheduled_at, row.interviewer, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._save_plan(row, dialog.when.value(), dialog.interviewer_edit.text())
        )
        self.dialog = dialog
        dialog.open()

    def _save_plan(self, row: InterviewRow, when: datetime | None, interviewer: str) -> None:
        from interviewdesk.services.plans import reassign, reschedule

        try:
            reschedule(self._db(), row.id, when)
            reassign(self._db(), row.id, interviewer)
        except UserError as exc:
            self._failed("Interview not changed", exc)
            return
        self.changed.emit(row.id, f"The interview with {row.candidate} is rescheduled.")

    # What each question says: (title, question, details, the acting button).
    QUESTIONS: ClassVar[dict[str, tuple[str, str, str, str]]] = {
        "cancel": (
            "Cancel interview",
            "Cancel the interview with {}?",
            "It stays in the list, marked cancelled, so the panel sees it was planned; it cannot be "
            "opened any more.",
            "Cancel the interview",
        ),
        "delete": (
            "Delete interview",
            "Delete the planned interview with {}?",
            "For an interview planned by mistake: it goes from the list for good. One that should "
            "simply not happen is better cancelled, so the panel sees it.",
            "Delete it",
        ),
    }

    def cancel_selected(self) -> None:
        self._ask("cancel")

    def delete_selected(self) -> None:
        self._ask("delete")

    def _ask(self, what: str) -> None:
        """Ask first, keeping the interview the default (Enter and Esc)."""
        row = self._interview()
        if row is None or row.status is not InterviewStatus.PLANNED:
            return
        title, question, details, act = self.QUESTIONS[what]
        self.box = ask(
            self._window,
            title,
            question.format(row.candidate),
            details,
            act=act,
            keep="Keep it",
            on_act=lambda: self._run(row, what),
            icon=QMessageBox.Icon.Warning if what == "delete" else QMessageBox.Icon.Question,
        )

    def _run(self, row: InterviewRow, what: str) -> None:
        from interviewdesk.services.plans import cancel, delete_planned

        try:
            (cancel if what == "cancel" else delete_planned)(self._db(), row.id)
        except UserError as exc:
            self._failed("Interview not changed", exc)
            return
        if what == "cancel":
            self.changed.emit(row.id, f"The interview with {row.candidate} is cancelled.")
        else:
            self.changed.emit(0, f"The planned interview with {row.candidate} is deleted.")
