"""Where the app leaves a trace: a rotating log file in the user's log folder (platformdirs).

Warnings and errors from every layer go there (never a candidate's words: the code logs what an
edit was, not what it said); ``--verbose`` also prints them, and debug lines, on stderr. The window
adds a crash handler (``faulthandler``) and an excepthook that writes the traceback here and shows
the user one plain sentence with this file's path (ui/app.py).
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from interviewdesk.config import APP_NAME

LOG_NAME = "interviewdesk.log"
MAX_BYTES = 1_000_000
KEEP = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a line is logged (it may have been replaced)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def log_path() -> Path:
    """e.g. ``~/.local/state/InterviewDesk/log/interviewdesk.log`` on Linux."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False) / LOG_NAME


def start_logging(*, verbose: bool = False) -> Path | None:
    """Send the app's log lines to the log file (once per process); the file's path, or None when
    it cannot be written (a read-only home): the app runs on, logging to stderr only."""
    logger = logging.getLogger("interviewdesk")
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    if verbose and not any(isinstance(h, _Stderr) for h in logger.handlers):
        stream = _Stderr()
        stream.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(stream)
    existing = [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]
    if existing:
        return Path(existing[0].baseFilename)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.addHandler(handler)
    return path
