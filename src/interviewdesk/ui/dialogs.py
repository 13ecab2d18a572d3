"""Dialogs of the main window: add a candidate, plan an interview. They collect input only; the
main window hands it to the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the services import SQLAlchemy, which the window loads after its first paint
    from interviewdesk.services.planning import CandidateSummary
    from interviewdesk.services.template_library import TemplateSummary


@dataclass(frozen=True, slots=True)
class NewCandidate:
    name: str
    role: str
    email: str


@dataclass(frozen=True, slots=True)
class NewInterview:
    candidate_id: int
    template_id: int
    interviewer: str
    scheduled_at: datetime | None


def close_only(dialog: QDialog, *content: QWidget) -> None:
    """Lay ``content`` out in ``dialog`` above a single Close button (Esc closes too)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in content:
        layout.addWidget(widget)
    layout.addWidget(buttons)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class AddCandidateDialog(QDialog):
    """Adding a candidate, or (with ``editing``) correcting one's details."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        default_role: str = "",
        editing: NewCandidate | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit candidate" if editing else "Add candidate")
        self.name_edit = QLineEdit(editing.name if editing else "")
        self.name_edit.setPlaceholderText("Full name")
        self.name_edit.setMaxLength(200)
        self.role_edit = QLineEdit(editing.role if editing else default_role)
        self.role_edit.setPlaceholderText("Role applied for")
        self.email_edit = QLineEdit(editing.email if editing else "")
        self.email_edit.setPlaceholderText("Optional")
        form = QFormLayout(self)
        form.addRow("&Name", self.name_edit)
        form.addRow("&Role", self.role_edit)
        form.addRow("&E-mail", self.email_edit)
        self.buttons = _buttons(self, "Save" if editing else "Add")
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))
        self.name_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))

    def value(self) -> NewCandidate:
        return NewCandidate(self.name_edit.text(), self.role_edit.text(), self.email_edit.text())


class PlanInterviewDialog(QDialog):
    def __init__(
        self,
        candidates: list[CandidateSummary],
        templates: list[TemplateSummary],
        parent: QWidget | None = None,
        *,
        candidate_id: int | None = None,
        interviewer: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plan interview")
        self.candidate_box = QComboBox()
        for c in candidates:
            self.candidate_box.addItem(f"{c.name} ({c.role})" if c.role else c.name, c.id)
        if candidate_id is not None:
            self.candidate_box.setCurrentIndex(max(0, self.candidate_box.findData(candidate_id)))
        self.template_box = QComboBox()
        for t in templates:
            self.template_box.addItem(f"{t.name}, v{t.version} · {t.planned_minutes:.0f} min", t.id)
        self.interviewer_edit = QLineEdit(interviewer)
        self.interviewer_edit.setPlaceholderText("Your name")
        self.when = WhenFields(None, default_next_hour=True)
        form = QFormLayout(self)
        form.addRow("&Candidate", self.candidate_box)
        form.addRow("&Template", self.template_box)
        form.addRow("&Interviewer", self.interviewer_edit)
        self.when.add_to(form)
        self.buttons = _buttons(self, "Plan")
        form.addRow(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(candidates and templates))

    def value(self) -> NewInterview:
        return NewInterview(
            candidate_id=int(self.candidate_box.currentData()),
            template_id=int(self.template_box.currentData()),
            interviewer=self.interviewer_edit.text().strip(),
            scheduled_at=self.when.value(),
        )


class WhenFields:
    """A date and time, or "no time fixed yet", for planning and rescheduling."""

    def __init__(self, when: datetime | None, *, default_next_hour: bool = False) -> None:
        start = QDateTime.fromSecsSinceEpoch(int(when.timestamp())) if when is not None else self._next_hour()
        self.edit = QDateTimeEdit(start)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.unscheduled = QCheckBox("No time fixed yet")
        self.unscheduled.toggled.connect(lambda on: self.edit.setEnabled(not on))
        self.unscheduled.setChecked(when is None and not default_next_hour)

    @staticmethod
    def _next_hour() -> QDateTime:
        now = QDateTime.currentDateTime()
        return QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(3600)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow("&When", self.edit)
        form.addRow("", self.unscheduled)

    def value(self) -> datetime | None:
        if self.unscheduled.isChecked():
            return None
        chosen: datetime = self.edit.dateTime().toPython()  # type: ignore[assignment]
        return chosen.astimezone()


class RescheduleDialog(QDialog):
    """A planned interview's new time and interviewer."""

    def __init__(self, title: str, when: datetime | None, interviewer: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reschedule or reassign")
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{escape(title)}</b>"))
        self.interviewer_edit = QLineEdit(interviewer)
        self.interviewer_edit.setPlaceholderText("Nobody yet")
        form.addRow("&Interviewer", self.interviewer_edit)
        self.when = WhenFields(when)
        self.when.add_to(form)
        self.buttons = _buttons(self, "Save")
        form.addRow(self.buttons)
        self.setMinimumWidth(460)  # the title bar shows the whole title
