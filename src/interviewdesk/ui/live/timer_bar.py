"""The timer strip: elapsed and remaining, the section against its plan, pacing, the two-way
balance, and a state banner that makes a paused timer impossible to miss.

It only redraws what the session's timer says; it never counts ticks itself. Its buttons never
take the keyboard focus: the caret stays in the notes, and Space can never press them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from interviewdesk.services.live_session import LiveSession
from interviewdesk.ui import theme

# After this long paused, the banner says "still paused" and the window asks for attention.
PAUSE_REMINDER_S = 60.0


def clock_text(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 60:d}:{seconds % 60:02d}"


@dataclass(frozen=True, slots=True)
class TimerState:
    """What the strip says about the timer's state, shared with the compact layout and the title."""

    kind: str  # "new", "running", "paused", "ended"
    banner: str  # empty while running
    reminder: bool = False  # paused longer than PAUSE_REMINDER_S

    @classmethod
    def of(cls, session: LiveSession) -> TimerState:
        timer = session.timer
        if not timer.started:
            return cls("new", "Not started: F5 starts the timer")
        if timer.ended:
            return cls("ended", f"Ended after {clock_text(timer.elapsed())}")
        paused = timer.paused_for()
        if paused is None:
            return cls("running", "")
        if paused >= PAUSE_REMINDER_S:
            return cls("paused", f"STILL PAUSED ({clock_text(paused)}): F5 resumes", reminder=True)
        return cls("paused", f"PAUSED ({clock_text(paused)}): F5 resumes")


def state_style(state: TimerState) -> str:
    """The banner's style: amber with black or white text when paused, plain text otherwise."""
    if state.kind != "paused":
        return "font-weight: bold; padding: 2px 6px;"
    background, text = theme.banner()
    return (
        f"background: {background.name()}; color: {text.name()}; font-weight: bold; "
        "padding: 2px 6px; border-radius: 3px;"
    )


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
        self.remaining.setObjectName("timerRemaining")
        self.state = QLabel()
        self.state.setObjectName("timerState")
        state_font = self.state.font()
        state_font.setPointSizeF(state_font.pointSizeF() * 1.25)
        self.state.setFont(state_font)
        self.section = QLabel()
        self.section.setObjectName("timerSection")
        self.pacing = QLabel()
        self.pacing.setObjectName("timerPacing")
        self.balance = QLabel()
        self.balance.setObjectName("twoWayBalance")
        self.start_button = QToolButton()
        self.previous_button = QToolButton()
        self.next_button = QToolButton()
        for button in (self.previous_button, self.start_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
        layout.addSpacing(12)
        layout.addWidget(self.state, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addSpacing(12)
        layout.addLayout(middle, 1)
        for button in (self.previous_button, self.start_button, self.next_button):
            layout.addWidget(button)

    def refresh(self, session: LiveSession) -> TimerState:
        timer = session.timer
        template = session.template
        state = TimerState.of(session)
        elapsed = timer.elapsed()
        self.total.setText(f"{clock_text(elapsed)} / {clock_text(timer.planned_total())}")
        theme.restyle(self.total, theme.style(theme.Role.DANGER) if timer.interview_over() else "")
        remaining = timer.remaining()
        if state.kind == "ended":
            gap = clock_text(abs(remaining))
            self.remaining.setText(f"ended {gap} early" if remaining >= 0 else f"ended {gap} over the plan")
        elif remaining >= 0:
            self.remaining.setText(f"{clock_text(remaining)} left")
        else:
            self.remaining.setText(f"{clock_text(-remaining)} over the plan")
        self.state.setText(state.banner)
        self.state.setVisible(bool(state.banner))
        theme.restyle(self.state, state_style(state))
        index = timer.current_section
        section = template.sections[index]
        self.section.setText(
            f"{index + 1}/{len(template.sections)} {section.title}: "
            f"{clock_text(timer.section_elapsed())} of {clock_text(timer.section_planned())}"
        )
        self.section.setToolTip(section.title)
        theme.restyle(self.section, theme.style(theme.Role.DANGER) if timer.section_over() else "")
        if not timer.started:
            self.pacing.setText("Start when the candidate is ready.")
        elif timer.ended:
            self.pacing.setText("The interview has ended: decide and submit (Ctrl+Shift+S).")
        else:
            self.pacing.setText(timer.pacing().describe())
        self.balance.setText(_balance_text(session))
        return state


def _balance_text(session: LiveSession) -> str:
    intended = f"{session.template.candidate_questions_share:.0%}"
    if not session.timer.started:
        return f"Time for the candidate's questions: plan {intended}"
    share = session.two_way_share()
    if not share:
        return f"Time for the candidate's questions: none yet (plan {intended})"
    return f"Time for the candidate's questions: {share:.0%} so far (plan {intended})"
