"""Kill -9 while typing into the real live window: the database stays sound and no keystroke older
than 1 s is lost.

    python bench/kill_window.py [--kills 200]

The variant of bench/kill_typing.py that goes through everything the interviewer's keys go
through: each round's child opens the LiveInterviewWindow (Qt's offscreen platform, the app's own
event loop and timers) and types into the notes that have the caret with QTest key clicks, 8 a
second from a QTimer; the window's EditRelay, Saver (0.4 s after a pause, 0.9 s at the latest), the
save thread and SQLite write them. The parent kills the child with SIGKILL at a random moment and
checks `PRAGMA integrity_check` and the stored text (see kill_typing.one_round). The next round's
window takes back the lease the killed one left (its process is gone). Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from kill_typing import KEY_INTERVAL, TEXT, one_round, prepare


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
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = damaged = 0
    lost: list[float] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        path, interview_id = prepare(Path(tmp))
        for _ in range(args.kills):
            sound, kept, lost_s = one_round(path, interview_id, rng, script=__file__)
            failures += not (sound and kept)
            damaged += not sound
            lost.append(lost_s)
    what = "integrity_check, or a keystroke older than 1 s lost"
    print(f"{args.kills} kills of the live window: {failures} failed ({what})")
    print(f"integrity_check failures: {damaged}")
    print(f"typing lost at the kill: max {max(lost):.3f} s, median {sorted(lost)[len(lost) // 2]:.3f} s")
    print(f"{time.monotonic() - started:.0f} s in all")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
