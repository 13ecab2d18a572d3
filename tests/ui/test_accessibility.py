"""Every control a keyboard or a screen reader reaches says what it is for.

Walks the main window and the live window (a plain and a working interview, both layouts) and
asks Qt's accessibility layer, as a screen reader would, for the name of every focusable widget.
Before, 3 controls of the main window and 30 of the live window had none, and the "Asked" boxes
were all called "Asked".
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

from interviewdesk.domain.clock import ManualClock
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.store.database import Database
from tests.ui.live_support import open_live
from tests.ui.test_main_window import open_window


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def focusable(root: QWidget) -> list[QWidget]:
    """Every widget that can take the keyboard, hidden pages and the other layout included; a
    drop-down's own popup list is the drop-down's part, named through it."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent, inside_combo = widget.parentWidget(), False
        while parent is not None:
            inside_combo = inside_combo or isinstance(parent, QComboBox)
            parent = parent.parentWidget()
        if not inside_combo:
            found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in focusable(root) if not accessible_name(w)]


def test_every_control_of_the_main_window_has_a_name(qtbot, db: Database) -> None:
    window = open_window(qtbot, db)
    assert len(focusable(window)) > 5
    assert unnamed(window) == []
    window.close()
    window.close_database()


@pytest.mark.parametrize("template", ["general-structured", "working-interview-data-analyst"])
def test_every_control_of_the_live_window_has_a_name(qtbot, db: Database, template: str) -> None:
    candidate = add_candidate(db, "Ada Lovelace", role="Analyst")
    interview_id = plan_interview(db, candidate_id=candidate, template_ref=template)
    window = open_live(qtbot, db, interview_id, ManualClock())
    controls = focusable(window)
    assert len(controls) > 20
    assert unnamed(window) == []
    names = [accessible_name(w) for w in controls]
    # Each question's box and notes, each competency's evidence: named apart, never twice the same.
    repeated = {name: n for name, n in Counter(names).items() if n > 1}
    assert repeated == {}, repeated
    question = next(q.text for s in window.session.template.sections for q in s.questions)
    assert f"Asked: {question}" in names and f"Notes: {question}" in names
    levels = [b.accessibleName() for b in window.rubric.findChildren(QAbstractButton)]
    first = window.session.template.competencies[0].name
    assert f"{first}: level 1, {window.session.template.scale[0].label}" in levels
    window.close()


def test_tab_follows_the_reading_order(qtbot, db: Database) -> None:
    """From the first notes of a section, Tab goes down the script (each question's Asked box,
    then its notes), then across to the rubric and down its cards, and comes round again."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    candidate = add_candidate(db, "Ada Lovelace", role="Analyst")
    interview_id = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
    window = open_live(qtbot, db, interview_id, ManualClock())
    window.script.setCurrentIndex(2)  # the behavioural section: four questions
    page = window.script.currentWidget()
    first = next(w for w in focusable(page) if w.isVisibleTo(window))
    first.setFocus()
    visited: list[QWidget] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        if widget is None or (visited and widget is visited[0]):
            break
        visited.append(widget)
        window.focusNextChild()
    assert visited and visited[0] is first

    def position(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(window, QPoint(0, 0))
        return point.x(), point.y()

    script = [w for w in visited if page.isAncestorOf(w)]
    rubric = [w for w in visited if window.rubric.isAncestorOf(w)]
    assert len(script) >= 8 and len(rubric) >= 10  # four questions (box and notes), five cards (and evidence)
    assert [position(w)[1] for w in script] == sorted(position(w)[1] for w in script)  # down the script
    assert [position(w)[1] for w in rubric] == sorted(position(w)[1] for w in rubric)  # down the rubric
    assert visited.index(script[-1]) < visited.index(rubric[0])  # the script first, then the rubric
    # Nothing between them but the rubric itself: the tab bar's scroll arrows took a Tab stop.
    between = visited[visited.index(script[-1]) + 1 : visited.index(rubric[0])]
    assert between in ([], [window.rubric]), [type(w).__name__ for w in between]
    window.close()
