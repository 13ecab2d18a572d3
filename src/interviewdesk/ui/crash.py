"""When something unexpected goes wrong in the window: a trace in the log, one plain sentence for
the user, never a traceback on screen. What was typed is already saved (every edit is written
within a second), and the window keeps running.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtWidgets import QMessageBox

from interviewdesk.logs import start_logging

log = logging.getLogger(__name__)
_fault_files: list[IO[str]] = []  # kept open for faulthandler, which writes on a hard crash


def unexpected_message(path: Path | None) -> str:
    where = f"The details are in {path}." if path else "The details could not be written to a log file."
    return (
        "Something went wrong inside InterviewDesk. Everything you typed up to now is saved. "
        f"{where} Please send that file to whoever looks after the app."
    )


def install_crash_handlers() -> Path | None:
    """Log unexpected Python errors and show a sentence instead; dump C-level crashes (Qt) to the
    log with faulthandler. Returns the log file's path."""
    path = start_logging()
    if path is not None and not _fault_files:
        try:
            _fault_files.append(path.open("a", encoding="utf-8"))
            faulthandler.enable(file=_fault_files[0])
        except OSError:
            _fault_files.clear()

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, trace)
            return
        log.critical("unexpected error", exc_info=(kind, value, trace))
        QMessageBox.critical(None, "InterviewDesk", unexpected_message(path))

    sys.excepthook = hook
    return path
