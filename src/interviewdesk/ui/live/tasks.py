"""Wires a working interview's task panels to the session, and asks for the disclosure in time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow

from interviewdesk.domain.records import TaskFields
from interviewdesk.services.live_session import LiveSession
from interviewdesk.templates.model import SectionKind
from interviewdesk.ui.live.script_view import ScriptView
from interviewdesk.ui.live.task_panel import DisclosureDialog

STARTED_WITHOUT = 2  # the dialog's result when the interviewer starts the task anyway


class TaskController(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: LiveSession,
        script: ScriptView,
        *,
        edited: Callable[[], None],
        mark: Callable[[object, Callable[[], None]], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.script = script
        self._edited = edited
        self.disclosure_dialog: DisclosureDialog | None = None
        self._asked_before_tasks = False
        for task_id, panel in script.task_panels.items():
            state = session.tasks[task_id]
            panel.show_values(state.deliverable, state.outcome, state.level, state.observations)
            panel.start_requested.connect(self.start)
            panel.end_requested.connect(self.end)
            panel.observed.connect(self.observe)
            panel.levelled.connect(self._levelled)
            panel.field_edited.connect(
                lambda tid, panel=panel: mark(
                    ("task", tid),
                    lambda: self.session.set_task(
                        tid,
                        TaskFields(deliverable=panel.deliverable.text(), outcome=panel.outcome.toPlainText()),
                    ),
                )
            )

    def _levelled(self, task_id: str, level: int | None) -> None:
        self.session.set_task(task_id, TaskFields(level=level))
        self._edited()

    @property
    def has_tasks(self) -> bool:
        return bool(self.script.task_panels)

    def refresh(self) -> None:
        for task_id, panel in self.script.task_panels.items():
            state = self.session.tasks[task_id]
            panel.show_state(
                self.session.task_seconds(task_id), state.started_s is not None and state.ended_s is None
            )

    def entering_section(self, index: int) -> None:
        """Before the first task section, put the disclosure in front of the interviewer once."""
        section = self.session.template.sections[index]
        unconfirmed = self.session.disclosure_confirmed_at is None
        if section.kind is SectionKind.WORKING_TASK and unconfirmed and not self._asked_before_tasks:
            self._asked_before_tasks = True
            self.show_disclosure()

    def show_disclosure(
        self, on_done: Callable[[int], None] | None = None, *, asking_again: bool = False
    ) -> None:
        if not self.has_tasks:
            return
        dialog = DisclosureDialog(self.session.template, self.window, asking_again=asking_again)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._confirmed)
        if on_done is not None:
            dialog.finished.connect(on_done)
        self.disclosure_dialog = dialog
        dialog.open()

    def _confirmed(self) -> None:
        self.session.confirm_disclosure()
        self._edited()
        self.window.statusBar().showMessage("Disclosure confirmed with the candidate.", 5000)

    def start(self, task_id: str) -> None:
        if self.session.disclosure_confirmed_at is not None:
            self._start(task_id)
            return

        def decided(result: int) -> None:
            if result in (1, STARTED_WITHOUT):  # 1: confirmed now
                self._start(task_id)

        self.show_disclosure(decided, asking_again=True)

    def _start(self, task_id: str) -> None:
        self.session.start_task(task_id)
        self._edited()
        self.refresh()

    def end(self, task_id: str) -> None:
        self.session.end_task(task_id)
        self._edited()
        self.refresh()

    def observe(self, task_id: str, text: str) -> None:
        self.session.observe(task_id, text)
        offset, stored = self.session.tasks[task_id].observations[-1]
        self.script.task_panels[task_id].add_observation(offset, stored)
        self._edited()
