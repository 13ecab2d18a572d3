"""Kill -9 while typing into the real live window: the database stays sound and no keystroke older
than 1 s is lost.

    python bench/kill_window.py [--kills 200]

The variant of bench/kill_typing.py that goes through everything the interviewer's keys go
through: each round's child opens the LiveInterviewWindow (Qt's offscreen platform, the app's own
event loop and timers) and types into the notes that have the caret with QTest key clicks, 8 a
second from a QTimer; the window's EditRelay, Saver (0.4 s after a pause, 0.6 s at the latest), the
save thread and SQLite write them. The parent kills the child with SIGKILL at a random moment and
checks `PRAGMA integrity_check` and the stored text (see kill_typing.one_round). The next round's
window takes back the lease the killed one left (its process is gone). Results: docs/performance.md.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from kill_typing import KEY_INTERVAL, TEXT
from kill_typing import main as run_rounds


def child(path: str, interview_id: int) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from interviewdesk.services.workspace import open_workspace
    from interviewdesk.ui.live.window import LiveInterviewWindow

    app = QApplication([])
    db = open_workspace(path)
    window = LiveInterviewWindow(db, interview_id)
    window.show()
    window.activateWindow()
    notes = window.current_notes()
    notes.setFocus()
    typed = 0

    def key() -> None:
        nonlocal typed
        QTest.keyClick(notes, TEXT[typed % len(TEXT)])
        typed += 1
        print(f"{time.monotonic():.6f} {typed}", flush=True)

    ticker = QTimer(interval=round(KEY_INTERVAL * 1000))
    ticker.timeout.connect(key)
    QTimer.singleShot(0, lambda: (print("ready", flush=True), ticker.start()))
    app.exec()


def main() -> int:
    return run_rounds(child, __file__, "kills of the live window")


if __name__ == "__main__":
    raise SystemExit(main())
