"""The timer strip: elapsed and remaining, the section against its plan, pacing and the two-way balance.

It only redraws what the session's timer says; it never counts ticks itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from interviewdesk.services.live_session import LiveSession

OVER_STYLE = "color: #c62828; font-weight: bold;"


def clock_text(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 60:d}:{seconds % 60:02d}"


class TimerBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerBar")
        self.total = QLabel()
        self.total.setObjectName("timerTotal")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.total.setFont(font)
        self.remaining = QLabel()
        self.section = QLabel()
        self.section.setObjectName("timerSection")
        self.pacing = QLabel()
        self.balance = QLabel()
        self.balance.setObjectName("twoWayBalance")
        self.start_button = QToolButton()
        self.previous_button = QToolButton()
        self.next_button = QToolButton()
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.total)
        left.addWidget(self.remaining)
        middle = QVBoxLayout()
        middle.setSpacing(0)
        middle.addWidget(self.section)
        middle.addWidget(self.pacing)
        middle.addWidget(self.balance)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(left)
        layout.addSpacing(16)
        layout.addLayout(middle, 1)
        for button in (self.previous_button, self.start_button, self.next_button):
            layout.addWidget(button)

    def refresh(self, session: LiveSession) -> None:
        timer = session.timer
        template = session.template
        elapsed = timer.elapsed()
        self.total.setText(f"{clock_text(elapsed)} / {clock_text(timer.planned_total())}")
        self.total.setStyleSheet(OVER_STYLE if timer.interview_over() else "")
        remaining = timer.remaining()
        self.remaining.setText(
            f"{clock_text(remaining)} left" if remaining >= 0 else f"{clock_text(-remaining)} over the plan"
        )
        index = timer.current_section
        section = template.sections[index]
        state = (
            ""
            if timer.running
            else (" · not started" if not timer.started else " · ended" if timer.ended else " · PAUSED")
        )
        self.section.setText(
            f"{index + 1}/{len(template.sections)} {section.title}: "
            f"{clock_text(timer.section_elapsed())} of {clock_text(timer.section_planned())}{state}"
        )
        self.section.setStyleSheet(OVER_STYLE if timer.section_over() else "")
        self.pacing.setText(
            timer.pacing().describe() if timer.started else "Start when the candidate is ready."
        )
        share = session.two_way_share()
        intended = template.candidate_questions_share
        self.balance.setText(
            f"Candidate's questions: {'-' if share is None else f'{share:.0%}'} of the time so far"
            f" (plan {intended:.0%})"
        )
