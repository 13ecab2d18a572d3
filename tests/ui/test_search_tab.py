"""The Search tab: Ctrl+F, results while typing (off the GUI thread), Enter opens the interview at
the note, a name selects the candidate, and the results can follow the selected candidate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from interviewdesk.services.demo import create_demo
from interviewdesk.store.database import Database
from interviewdesk.ui.main_window import MainWindow
from interviewdesk.ui.search_tab import HIT_ROLE, HTML_ROLE
from tests.ui.test_main_window import open_window


def hits(window: MainWindow) -> list:  # type: ignore[type-arg]
    model = window.search.model
    return [model.index(row, 0).data(HIT_ROLE) for row in range(model.rowCount())]


def typed(qtbot, window: MainWindow, text: str) -> None:
    window.search.field.clear()
    qtbot.keyClicks(window.search.field, text)
    qtbot.waitUntil(lambda: window.search.status.text().endswith(f"for {text.strip()!r}."), timeout=5000)


def test_ctrl_f_searches_as_you_type_and_enter_opens_the_interview_at_the_note(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    window.activateWindow()
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.right_tabs.currentWidget() is window.search and window.search.field.hasFocus()
    typed(qtbot, window, "retry sto")  # the last word is still being typed
    (hit,) = [h for h in hits(window) if h.kind == "note"]
    assert hit.candidate == "Amara Okafor" and "retry storm" in hit.excerpt.text
    html = window.search.model.index(0, 0).data(HTML_ROLE)
    assert "<b>retry</b> <b>storm</b>" in html or "<b>retry storm</b>" in html

    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.live_windows) == 1)
    live = window.live_windows[0]
    qtbot.addWidget(live)
    assert live.session.interview_id == hit.interview_id
    assert live.script.currentIndex() == hit.section_index
    editor = live.script.notes[(hit.section_index, hit.question_index)]
    qtbot.waitUntil(editor.hasFocus)
    assert editor.textCursor().selectedText() == "retry"


def test_a_name_selects_the_candidate_and_results_can_follow_the_selection(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    window.start_search()
    typed(qtbot, window, "okafor")
    (hit,) = hits(window)
    assert hit.kind == "candidate"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)  # into the results
    assert window.search.results.hasFocus()
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert window.current_candidate_id() == hit.candidate_id
    assert window.right_tabs.currentIndex() == 0 and window.table.hasFocus()

    window.start_search()
    typed(qtbot, window, "idempotency")
    assert {h.candidate for h in hits(window)} == {"Amara Okafor"}
    others = [
        row
        for row in range(1, window.candidates.rowCount())
        if window.candidates.candidate_id(row) != hit.candidate_id
    ]
    window.candidate_list.setCurrentIndex(window.candidates.index(others[0]))
    window.search.only_selected.setChecked(True)
    qtbot.waitUntil(
        lambda: window.search.model.rowCount() == 0 and "Nothing found" in window.search.status.text()
    )


def test_only_the_newest_query_is_shown_and_a_private_note_is_marked(qtbot, db: Database) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    window.start_search()
    for text in ("led", "ledger", "ledger write"):  # typed on while the first ones run
        window.search.field.setText(text)
        window.search.search_now()
    qtbot.waitUntil(lambda: window.search.status.text().endswith("for 'ledger write'."), timeout=5000)
    (hit,) = hits(window)
    assert hit.private
    assert "(private note)" in window.search.model.index(0, 0).data(HTML_ROLE)
    assert "Private note." in window.search.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
