"""Exporting PDFs from the main window: file dialog, worker thread, progress, result and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from interviewdesk.errors import UserError
from interviewdesk.services.demo import create_demo
from interviewdesk.store.database import Database
from interviewdesk.ui.main_window import MainWindow
from tests.integration.pdf_support import read_pdf
from tests.ui.live_support import choose_file as type_file_name
from tests.ui.test_main_window import open_window


def choose_file(qtbot, window: MainWindow, path: Path) -> None:
    type_file_name(qtbot, window.exporter.file_dialog, path)


def test_export_interview_pdf_then_show_it_in_the_file_manager(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = create_demo(db)
    window = open_window(qtbot, db)
    window.select_candidate(demo.candidate_ids[0])
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert not window.export_interview_action.isEnabled()  # nothing selected yet
    window.table.selectRow(0)
    assert window.export_interview_action.isEnabled()

    window.export_interview_action.trigger()
    assert window.exporter.file_dialog is not None
    assert window.exporter.file_dialog.selectedFiles()[0].endswith(".pdf")
    target = tmp_path / "amara.pdf"
    with qtbot.waitSignal(window.exporter.finished, timeout=20000) as finished:
        choose_file(qtbot, window, target)
    assert finished.args == [str(target)]
    text = read_pdf(target)
    assert text.has("Interview summary") and text.has("Amara Okafor")

    opened: list[QUrl] = []
    monkeypatch.setattr(
        "interviewdesk.ui.pdf_export.QDesktopServices.openUrl", lambda url: opened.append(url) or True
    )
    box = window.exporter.result_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.defaultButton() is window.exporter.open_button  # Enter opens the PDF itself
    next(b for b in box.buttons() if b.text() == "Show in folder").click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]
    window.exporter.open_button.click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path), str(target)]


def test_export_panel_pdf_reports_progress(qtbot, db: Database, tmp_path: Path) -> None:
    demo = create_demo(db)
    window = open_window(qtbot, db)
    window.select_candidate(demo.candidate_ids[0])
    qtbot.waitUntil(window.export_panel_action.isEnabled)
    window.export_panel_action.trigger()
    steps: list[tuple[int, int]] = []
    target = tmp_path / "panel.pdf"
    window.exporter.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(window.exporter.finished, timeout=20000):
        choose_file(qtbot, window, target)
    assert read_pdf(target).has("Panel summary")
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert window.exporter.progress is None and not window.exporter.busy


def test_a_failed_export_shows_one_message_and_writes_nothing(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = create_demo(db)

    def refuse(*_args: object, **_kwargs: object) -> Path:
        raise UserError("cannot write panel.pdf: No space left on device.")

    monkeypatch.setattr("interviewdesk.services.pdf_export.export_panel_pdf", refuse)
    window = open_window(qtbot, db)
    window.select_candidate(demo.candidate_ids[0])
    window.export_panel_action.trigger()
    with qtbot.waitSignal(window.exporter.failed, timeout=20000) as failed:
        choose_file(qtbot, window, tmp_path / "panel.pdf")
    assert failed.args == ["cannot write panel.pdf: No space left on device."]
    box = window.exporter.result_box
    assert isinstance(box, QMessageBox) and box.text() == failed.args[0]
    assert list(tmp_path.glob("*.pdf")) == []


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the export dialog had no Cancel: a large panel could only be waited out."""
    from interviewdesk.services import pdf_export

    demo = create_demo(db)
    window = open_window(qtbot, db)
    assert window.exporter.progress is None
    real = pdf_export.panel_report

    def read_then_press_cancel(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        report = real(*args, **kwargs)  # type: ignore[arg-type]
        window.exporter._cancel.set()  # what Cancel does, at the moment the reading is done
        return report

    monkeypatch.setattr(pdf_export, "panel_report", read_then_press_cancel)
    window.select_candidate(demo.candidate_ids[0])
    window.export_panel_action.trigger()
    with qtbot.waitSignal(window.exporter.cancelled, timeout=20000):
        choose_file(qtbot, window, tmp_path / "panel.pdf")
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.tmp")) == []
    assert window.exporter.result_box is None and not window.exporter.busy


def test_the_progress_dialog_offers_cancel(qtbot, db: Database, tmp_path: Path) -> None:
    demo = create_demo(db)
    window = open_window(qtbot, db)
    window.select_candidate(demo.candidate_ids[0])
    window.export_panel_action.trigger()
    with qtbot.waitSignal(window.exporter.finished, timeout=20000):
        choose_file(qtbot, window, tmp_path / "panel.pdf")
        dialog = window.exporter.progress
        assert dialog is not None and dialog.labelText().startswith("Writing")
        from PySide6.QtWidgets import QPushButton

        assert any(b.text() == "Cancel" for b in dialog.findChildren(QPushButton))
