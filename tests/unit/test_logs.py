"""The log file: where it is, owner-only, what lands in it; the window's crash handler."""

from __future__ import annotations

import logging
import stat
import sys

import pytest

from interviewdesk.logs import log_path, start_logging


def test_the_log_is_an_owner_only_file_in_the_user_s_log_folder(isolated_home) -> None:
    path = start_logging()
    assert path is not None
    logging.getLogger("interviewdesk.test").warning("a line for the log")
    for handler in logging.getLogger("interviewdesk").handlers:
        handler.flush()
    assert "a line for the log" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.name == "interviewdesk.log" and "InterviewDesk" in str(log_path())


def test_verbose_is_an_option_of_every_command(cli) -> None:
    assert cli("--verbose", "candidates", "list").code == 0


def test_an_unexpected_error_in_the_window_is_logged_and_said_plainly(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from interviewdesk.ui.crash import install_crash_handlers

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    path = install_crash_handlers()
    try:
        raise RuntimeError("a bug of ours")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger("interviewdesk").handlers:
        handler.flush()
    assert shown and "Everything you typed up to now is saved" in shown[0] and str(path) in shown[0]
    assert "Traceback" not in shown[0]
    assert path is not None and "RuntimeError: a bug of ours" in path.read_text(encoding="utf-8")
