"""The live window's panes, built in code: the timer strip, the section list, the script, the tabs
beside it (rubric, the candidate's questions, role and aspirations, decide and submit), the
compact layout, and the line that reports an edit set aside."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.services.live_session import LiveSession
from interviewdesk.ui.live.compact import CompactView
from interviewdesk.ui.live.rubric import RubricPanel
from interviewdesk.ui.live.script_view import ScriptView
from interviewdesk.ui.live.side_panels import ClosePanel, QuestionsPanel, RolePanel
from interviewdesk.ui.live.timer_bar import TimerBar


@dataclass(frozen=True)
class LivePanes:
    timer_bar: TimerBar
    sections: QListWidget
    script: ScriptView
    rubric: RubricPanel
    questions: QuestionsPanel
    role: RolePanel
    close_panel: ClosePanel
    tabs: QTabWidget
    splitter: QSplitter
    compact: CompactView
    full: QWidget  # the full layout: timer strip above the three panes
    layouts: QStackedWidget  # the full layout, then the compact one
    problem: QLabel


def section_list(session: LiveSession) -> QListWidget:
    sections = QListWidget()
    sections.setObjectName("sectionList")
    sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F7/F8 move; typing never lands here
    sections.setWordWrap(True)
    sections.setTextElideMode(Qt.TextElideMode.ElideNone)
    sections.setResizeMode(QListWidget.ResizeMode.Adjust)
    sections.setMinimumWidth(140)
    for index, section in enumerate(session.template.sections):
        item = QListWidgetItem(f"{index + 1}. {section.title}\n{section.minutes:g} min planned")
        item.setToolTip(f"{section.title} ({section.minutes:g} min planned)")
        sections.addItem(item)
    return sections


def build_panes(session: LiveSession) -> LivePanes:
    template = session.template
    timer_bar = TimerBar()
    sections = section_list(session)
    script = ScriptView(template, session.offset)
    rubric = RubricPanel(template.competencies, template.scale)
    questions = QuestionsPanel()
    role = RolePanel(template)
    close_panel = ClosePanel(template)
    tabs = QTabWidget()
    tabs.setAccessibleName("Rubric, the candidate's questions, role and decision")
    tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for arrow in tabs.tabBar().findChildren(QToolButton):  # its scroll arrows: no stop for Tab either
        arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    tabs.addTab(rubric, "Rubric")
    tabs.addTab(questions, "Candidate's questions")
    tabs.addTab(role, "Role && aspirations")  # && shows one ampersand
    tabs.addTab(close_panel, "Decide && submit")
    tabs.setTabToolTip(2, "The role-clarity checklist and the candidate's aspirations")
    tabs.setTabToolTip(3, "Recommendation, summary for the panel, and Submit (seals the scores)")
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)
    for widget in (sections, script, tabs):
        splitter.addWidget(widget)
    splitter.setStretchFactor(1, 3)
    splitter.setStretchFactor(2, 2)
    splitter.setSizes([170, 560, 540])
    full = QWidget()
    full_layout = QVBoxLayout(full)
    full_layout.setContentsMargins(0, 0, 0, 0)
    full_layout.addWidget(timer_bar)
    full_layout.addWidget(splitter, 1)
    compact = CompactView(template.scale)
    layouts = QStackedWidget()
    layouts.addWidget(full)
    layouts.addWidget(compact)
    problem = QLabel()
    problem.setObjectName("saveProblem")
    problem.setWordWrap(True)
    problem.hide()
    return LivePanes(
        timer_bar=timer_bar,
        sections=sections,
        script=script,
        rubric=rubric,
        questions=questions,
        role=role,
        close_panel=close_panel,
        tabs=tabs,
        splitter=splitter,
        compact=compact,
        full=full,
        layouts=layouts,
        problem=problem,
    )
