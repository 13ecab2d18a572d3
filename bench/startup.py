"""Start-up time of the window with 10,000 interviews, against a bare PySide6 window, in one run.

    python bench/startup.py [--runs 9]

Each variant runs in a fresh interpreter, interleaved with the others so that noise on this
shared machine hits them alike; medians are compared:

- bare:        a QMainWindow, first painted
- bare+orm:    the same after `import sqlalchemy.orm`
- app painted: InterviewDesk's main window, first painted
- app ready:   the interview list loaded and the window taking input (MainWindow.ready)

Targets (DESIGN.md): painted <= 1.3x bare; ready <= 1.15x bare+orm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHILD_BARE = """
import sys, time
{extra}
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", time.time(), flush=True)
            print("ready", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 680)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""

CHILD_APP = """
import sys, time
import interviewdesk.cli  # what the `interviewdesk` command imports first
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from interviewdesk.ui.app import run_app

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", time.time(), flush=True)
            obj.removeEventFilter(self)
        return False

probe = FirstPaint()

def on_ready():
    print("ready", time.time(), flush=True)
    QTimer.singleShot(0, QApplication.instance().quit)

def hook(window):
    window.installEventFilter(probe)
    window.ready.connect(on_ready)

run_app(sys.argv[1], on_window=hook)
"""


def run_child(code: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env, timeout=60
    ).stdout
    marks = dict(line.split() for line in out.splitlines() if line.split()[:1] in (["painted"], ["ready"]))
    return {name: (float(value) - started) * 1000 for name, value in marks.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path, default=HERE / "out" / "bench-10000.sqlite3")
    args = parser.parse_args()
    from make_db import make_db

    db = make_db(args.db)
    bare_code = CHILD_BARE.format(extra="")
    orm_code = CHILD_BARE.format(extra="import sqlalchemy.orm")
    run_child(bare_code)  # warm the file cache once
    run_child(CHILD_APP, str(db))
    bare, orm, painted, ready = [], [], [], []
    for _ in range(args.runs):
        bare.append(run_child(bare_code)["painted"])
        orm.append(run_child(orm_code)["painted"])
        app = run_child(CHILD_APP, str(db))
        painted.append(app["painted"])
        ready.append(app["ready"])
    med = statistics.median
    print(
        f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, runs: {args.runs}, database: {db.name}"
    )
    rows = [
        ("bare window painted", med(bare), None),
        ("bare + sqlalchemy.orm", med(orm), None),
        ("app painted", med(painted), (med(painted) / med(bare), 1.30)),
        ("app ready (list loaded)", med(ready), (med(ready) / med(orm), 1.15)),
    ]
    for label, value, ratio in rows:
        tail = f"   ratio {ratio[0]:.2f}  (target {ratio[1]:.2f})" if ratio else ""
        print(f"{label:<24} {value:7.1f} ms{tail}")


if __name__ == "__main__":
    main()
