"""The Templates tab: every version with how many interviews use it, one shown read-only, import
(every problem with its line, or a new version) and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from interviewdesk.resources import resource
from interviewdesk.services.demo import create_demo
from interviewdesk.services.template_library import list_templates
from interviewdesk.store.database import Database
from tests.ui.test_main_window import open_window


def test_the_templates_are_listed_shown_imported_and_exported(qtbot, db: Database, tmp_path: Path) -> None:
    create_demo(db)
    window = open_window(qtbot, db)
    tab = window.templates
    window.right_tabs.setCurrentWidget(tab)
    texts = [tab.list.item(i).text() for i in range(tab.list.count())]
    assert len(texts) == 4 and any("used by 2 interviews" in t for t in texts)  # the demo's use
    assert any("used by 1 interview" in t for t in texts) and any("used by 0 interviews" in t for t in texts)
    engineer = next(i for i, t in enumerate(texts) if t.startswith("Software engineer interview"))
    tab.list.setCurrentRow(engineer)
    shown = tab.view.toPlainText()
    assert "Script" in shown and "Rubric" in shown and "Role-clarity checklist" in shown
    assert "Exceeds the bar" in shown  # every anchor with its level's label

    original = resource("templates", "software-engineer.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(original.replace("format: 1", "format: 1\nscale: nonsense", 1), encoding="utf-8")
    tab.import_file(broken)
    assert isinstance(tab.box, QMessageBox) and f"{broken}:14: " in tab.box.text()  # the line of the problem
    assert len(list_templates(db, latest_only=False)) == 4  # nothing stored

    changed = tmp_path / "engineer-v2.yaml"
    changed.write_text(
        original.replace("minutes: 15", "minutes: 20", 1), encoding="utf-8"
    )  # a longer section
    with qtbot.waitSignal(tab.changed) as said:
        tab.import_file(changed)
    assert "as version 2" in said.args[0]
    assert tab.list.currentItem().text().startswith("Software engineer interview  v2")
    assert "used by 0 interviews" in tab.list.currentItem().text()

    target = tmp_path / "out.yaml"
    with qtbot.waitSignal(tab.changed):
        tab.export_file(tab.selected_id(), target)
    assert target.read_text(encoding="utf-8") == changed.read_text(encoding="utf-8")
    window.close()
    window.close_database()


def test_a_new_version_from_file_must_be_of_the_selected_template(
    qtbot, db: Database, tmp_path: Path
) -> None:
    window = open_window(qtbot, db)
    tab = window.templates
    window.right_tabs.setCurrentWidget(tab)
    texts = [tab.list.item(i).text() for i in range(tab.list.count())]
    tab.list.setCurrentRow(
        next(i for i, t in enumerate(texts) if t.startswith("Software engineer interview"))
    )
    assert tab.version_button.isEnabled()
    tab.version_button.click()
    assert tab.file_dialog is not None and "software-engineer" in tab.file_dialog.windowTitle()
    tab.file_dialog.close()

    other = resource("templates", "general-structured.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "general-changed.yaml"
    wrong.write_text(other.replace("minutes: 5", "minutes: 6", 1), encoding="utf-8")
    tab.import_file(wrong, of="software-engineer")
    assert "is the template 'general-structured', not 'software-engineer'" in tab.box.text()
    assert len(list_templates(db, latest_only=False)) == 4  # nothing stored

    original = resource("templates", "software-engineer.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "engineer-v2.yaml"
    changed.write_text(original.replace("minutes: 15", "minutes: 20", 1), encoding="utf-8")
    with qtbot.waitSignal(tab.changed) as said:
        tab.import_file(changed, of="software-engineer")
    assert "Software engineer interview as version 2" in said.args[0]
    window.close()
    window.close_database()
