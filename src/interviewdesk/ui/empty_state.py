"""What the main window shows where there are no interviews yet: the next step, not a blank table."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.text = QLabel()
        self.text.setObjectName("emptyStateText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_candidate = QPushButton("Add a candidate… (Ctrl+N)")
        self.plan = QPushButton("Plan an interview… (Ctrl+I)")
        self.demo = QPushButton("Load the demo")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_candidate, self.plan, self.demo):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def show_for(self, *, has_candidates: bool, who: str | None) -> None:
        """The next step: add a first candidate, or plan an interview for one."""
        if not has_candidates:
            self.text.setText(
                "<h3>No interviews yet</h3>"
                "<p>Add the candidate first, then plan an interview with one of the role templates "
                "(a general structured interview, a software engineer interview, a paid working "
                "interview, a candidate-led conversation).</p>"
                "<p>Or load the demo: a candidate seen by a panel of three, to look around.</p>"
                "<p>Interviews someone sent you as bundle files come in with File → Import "
                "bundles… (Ctrl+Shift+I), or by dropping the files on this window.</p>"
            )
        else:
            whom = f" for {escape(who)}" if who else ""
            self.text.setText(
                f"<h3>No interviews{whom} yet</h3><p>Plan one: the same script and rubric for every "
                "candidate of a role. Then press Enter on it to open the live interview.</p>"
            )
        self.add_candidate.setVisible(not has_candidates)
        self.plan.setVisible(has_candidates)
        self.demo.setVisible(not has_candidates)
