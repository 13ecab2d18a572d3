"""Planning in the main window: add a candidate, plan an interview, load the demo (File menu,
toolbar, empty state), and the Edit menu: correct a candidate's details; reschedule, reassign,
cancel or delete a planned interview. Each calls the services; cancelling and deleting ask first,
with keeping the interview as the default."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.errors import UserError
from interviewdesk.ui.confirm import ask, tell
from interviewdesk.ui.dialogs import (
    AddCandidateDialog,
    NewCandidate,
    NewInterview,
    PlanInterviewDialog,
    RescheduleDialog,
)

if TYPE_CHECKING:
    from datetime import datetime

    from interviewdesk.services.interview_list import InterviewRow
    from interviewdesk.services.workspace import Workspace


class PlanActions(QObject):
    """``changed(candidate_id, interview_id, message)``: something changed; the window reloads its
    lists, selects that candidate (0: the same) and interview (0: none), and shows the message."""

    changed = Signal(int, int, str)

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
        self.dialog: AddCandidateDialog | PlanInterviewDialog | RescheduleDialog | None = None
        self._settings = QSettings("InterviewDesk", "InterviewDesk")
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

    def _failed(
        self, title: str, error: UserError, icon: QMessageBox.Icon = QMessageBox.Icon.Warning
    ) -> None:
        self.box = tell(self._window, title, error.message, icon)

    # -- adding -------------------------------------------------------------------------------
    def add_candidate(self) -> None:
        """Open the add-candidate dialog (window-modal, no nested event loop)."""
        dialog = AddCandidateDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_candidate(dialog.value()))
        self.dialog = dialog
        dialog.open()

    def _add_candidate(self, value: NewCandidate) -> None:
        from interviewdesk.services import planning

        try:
            new_id = planning.add_candidate(self._db(), value.name, role=value.role, email=value.email)
        except UserError as exc:
            self._failed("Candidate not added", exc)
            return
        self.changed.emit(new_id, 0, f"Added {value.name.strip()}.")

    def plan_interview(self) -> None:
        from interviewdesk.services import planning, template_library

        candidates = planning.list_candidates(self._db())
        if not candidates:
            self._failed("Plan interview", UserError("Add a candidate first."), QMessageBox.Icon.Information)
            return
        dialog = PlanInterviewDialog(
            candidates,
            template_library.list_templates(self._db()),
            self._window,
            candidate_id=self._candidate(),
            interviewer=str(self._settings.value("interviewer", "")),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._plan_interview(dialog.value()))
        self.dialog = dialog
        dialog.open()

    def _plan_interview(self, value: NewInterview) -> None:
        from interviewdesk.services import planning

        try:
            new_id = planning.plan_interview(
                self._db(),
                candidate_id=value.candidate_id,
                template_ref=value.template_id,
                interviewer=value.interviewer or None,
                scheduled_at=value.scheduled_at,
            )
        except UserError as exc:
            self._failed("Interview not planned", exc)
            return
        if value.interviewer:
            self._settings.setValue("interviewer", value.interviewer)  # offered next time
        self.changed.emit(value.candidate_id, new_id, "Interview planned: press Enter to open it.")

    def load_demo(self) -> None:
        """Fill an empty database with the demo candidate and panel, to look around."""
        from interviewdesk.services.demo import create_demo

        try:
            result = create_demo(self._db())
        except UserError as exc:
            self._failed("Demo not loaded", exc)
            return
        self.changed.emit(
            result.candidate_ids[0], 0, "Loaded the demo: a candidate seen by a panel of three."
        )

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
        self.changed.emit(0, 0, f"Saved the details of {value.name.strip()}.")

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
        self.changed.emit(0, row.id, f"The interview with {row.candidate} is rescheduled.")

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
            self.changed.emit(0, row.id, f"The interview with {row.candidate} is cancelled.")
        else:
            self.changed.emit(0, 0, f"The planned interview with {row.candidate} is deleted.")
