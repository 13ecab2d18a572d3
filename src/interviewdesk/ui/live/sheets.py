"""Small dialogs of the live window: the shortcut sheet (F1) and an amendment after the seal."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.templates.model import ScaleLevel
from interviewdesk.ui.dialogs import close_only
from interviewdesk.ui.live.actions import help_text


class ShortcutSheet(QDialog):
    """Every action of the window with its key, read from the actions themselves so it stays true."""

    def __init__(
        self, actions: list[QAction], extra: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = [
            (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), help_text(action))
            for action in actions
            if not action.shortcut().isEmpty()
        ]
        rows += extra
        table = "".join(
            f"<tr><td><b>{escape(key)}</b>&nbsp;&nbsp;</td><td>{escape(what)}</td></tr>" for key, what in rows
        )
        self.text = QLabel(f"<table>{table}</table>")
        self.text.setObjectName("shortcutTable")
        close_only(self, self.text)


class AmendDialog(QDialog):
    """A change after the seal: the new level and evidence, and why; the sealed score stays."""

    def __init__(
        self,
        name: str,
        scale: tuple[ScaleLevel, ...],
        level: int | None,
        evidence: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Amend {name}")
        self.level = QComboBox()
        self.level.addItem("Not scored", None)
        for option in scale:
            self.level.addItem(f"{option.level} {option.label}", option.level)
        self.level.setCurrentIndex(max(0, self.level.findData(level)))
        self.evidence = QPlainTextEdit(evidence)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why the score changes after submitting")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        form = QFormLayout(self)
        form.addRow(QLabel("The sealed score stays as it was; this is recorded beside it."))
        form.addRow("Level", self.level)
        form.addRow("Evidence", self.evidence)
        form.addRow("Reason", self.reason)
        form.addRow(self.buttons)


class FeedbackDialog(QDialog):
    """The feedback draft to edit; then export it as a PDF letter or copy it. Nothing is sent."""

    export_requested = Signal(str)

    def __init__(self, candidate: str, draft: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Feedback for {candidate}")
        self.resize(640, 560)
        note = QLabel(
            "A draft from your scores' evidence: no numbers, no private notes, no one else's words. "
            "Edit it; nothing leaves this machine unless you send it yourself."
        )
        note.setWordWrap(True)
        self.text = QPlainTextEdit(draft)
        self.text.setObjectName("feedbackText")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton("Copy text", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button = self.buttons.addButton(
            "Export PDF letter…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.text.toPlainText()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
