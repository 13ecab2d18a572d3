"""A very long note: opening its interview in the live window, and one keystroke's save.

    python bench/long_note.py [--sizes 1,10] [--rounds 3]

For each size (MB of note text, in paragraphs of about 500 characters in one notes field), a fresh
process per round: the interview is made through the services, then the live window opened
offscreen and shown (the time to a painted window), one character typed at the end of the note and
the save awaited (the GUI thread's part: reading the paragraphs and handing them over; and the
whole keystroke to committed). Beside it, in the same process, the floor: a bare QPlainTextEdit
given the same text. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ONE_RUN = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.records import Paragraph
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.services.workspace import open_workspace
from interviewdesk.ui.live.window import LiveInterviewWindow

size = float(sys.argv[2]) * 1_000_000
db = open_workspace(sys.argv[1])
candidate = add_candidate(db, "Bench")
interview = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
session = open_live_session(db, interview, ManualClock())
sentence = "Walked through the billing pipeline rebuild: queues, idempotency keys and the cutover. "
paragraph = (sentence * 6).strip()
count = int(size // (len(paragraph) + 1)) + 1
session.start()
session.set_notes(1, 0, [Paragraph(float(i % 3000), f"{i} {paragraph}", False) for i in range(count)])
queue = SaveQueue(db, interview)
assert queue.submit(session.take_batch()).result(120)
queue.close()
text = "\\n".join(f"{i} {paragraph}" for i in range(count))

start = time.perf_counter()
bare = QPlainTextEdit()
bare.setPlainText(text)
bare.show()
app.processEvents()
floor = time.perf_counter() - start
bare.close()

start = time.perf_counter()
window = LiveInterviewWindow(db, interview, clock=ManualClock(0.0))
window.show()
app.processEvents()
opened = time.perf_counter() - start
from interviewdesk.ui.live.notes_edit import StampedNotesEdit
editor = next(e for e in window.findChildren(StampedNotesEdit) if e.document().characterCount() > size / 2)
editor.setFocus()
editor.moveCursor(editor.textCursor().MoveOperation.End)
start = time.perf_counter()
paragraphs = editor.paragraphs()
read = time.perf_counter() - start
start = time.perf_counter()
QTest.keyClick(editor, Qt.Key.Key_X)
keystroke = time.perf_counter() - start
start = time.perf_counter()
window.saver.save_now()  # what the save timer does: collect the field, hand the batch over
handed = time.perf_counter() - start
window.saver.queue.last.result(120)
saved = time.perf_counter() - start
# The first save of a field reads its stored rows once; the ones after it only compare.
QTest.keyClick(editor, Qt.Key.Key_Y)
start = time.perf_counter()
window.saver.save_now()
handed_again = time.perf_counter() - start
window.saver.queue.last.result(120)
saved_again = time.perf_counter() - start
window.close()
app.processEvents()
print(json.dumps({"floor": floor, "open": opened, "read": read, "key": keystroke, "hand": handed,
                  "save": saved, "hand2": handed_again, "save2": saved_again, "paragraphs": len(paragraphs)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes.split(","):
        runs = []
        for _ in range(args.rounds):
            with tempfile.TemporaryDirectory() as folder:
                done = subprocess.run(
                    [sys.executable, "-c", ONE_RUN, str(Path(folder) / "bench.sqlite3"), size],
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=900,
                )
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        shown = f"{size} MB note ({runs[0]['paragraphs']} paragraphs)"
        print(f"{shown}, seconds, min / median / max of {args.rounds}:")
        for key, what in (
            ("floor", "floor: a bare QPlainTextEdit given the text, shown"),
            ("open", "live window opened and shown"),
            ("read", "reading the field's paragraphs the first time"),
            ("key", "one keystroke at the end, GUI thread"),
            ("hand", "the save's GUI-thread part (collect, hand over)"),
            ("save", "keystroke's save handed over to committed"),
            ("hand2", "the next keystroke's save, GUI-thread part"),
            ("save2", "the next keystroke's save, to committed"),
        ):
            values = [run[key] for run in runs]
            print(f"  {what:52s} {min(values):7.3f} {statistics.median(values):7.3f} {max(values):7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
