"""How long a section change (F8) holds the GUI thread, each section's first visit and a later one.

    python bench/section_change.py [--rounds 5]

Each round is a fresh process per way, alternating: the live window as it is (the pages not shown
yet are rendered off screen while the window is idle) and without that preparation. F8 through
every section of the general structured interview, then back to the first and through again;
wall time of the key press and the events it causes. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ONE_RUN = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from interviewdesk.domain.clock import ManualClock
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.workspace import open_workspace
from interviewdesk.ui.live import script_view
from interviewdesk.ui.live.window import LiveInterviewWindow
if sys.argv[2] == "without":
    script_view.ScriptView.prepare_pages = lambda self: None
db = open_workspace(sys.argv[1])
candidate = add_candidate(db, "Bench")
interview = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
window = LiveInterviewWindow(db, interview, clock=ManualClock(0.0))
window.show()
deadline = time.monotonic() + 2
while time.monotonic() < deadline:  # the window idles as it would before the call starts
    app.processEvents()
QTest.keyClick(window, Qt.Key.Key_F5)
app.processEvents()
def press(key):
    started = time.perf_counter()
    QTest.keyClick(QApplication.focusWidget() or window, key)
    app.processEvents()
    return (time.perf_counter() - started) * 1000
sections = window.script.count()
first = [press(Qt.Key.Key_F8) for _ in range(sections - 1)]
for _ in range(sections - 1):
    press(Qt.Key.Key_F7)
later = [press(Qt.Key.Key_F8) for _ in range(sections - 1)]
print(json.dumps({"first": first, "later": later}))
window.close()
db.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {
        way: {"first": [], "later": []} for way in ("prepared", "without")
    }
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            for way, visits in results.items():
                path = str(Path(folder) / f"{way}-{round_}.sqlite3")
                env = {**os.environ, "XDG_CONFIG_HOME": folder, "XDG_STATE_HOME": folder}
                out = subprocess.run(
                    [sys.executable, "-c", ONE_RUN, path, way],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=True,
                ).stdout
                found = json.loads(out.strip().splitlines()[-1])
                for visit, times in visits.items():
                    times.extend(found[visit])
            time.sleep(0.5)
    print(f"{args.rounds} rounds, ms per F8 (min / median / max):")
    for way, visits in results.items():
        line = "  ".join(
            f"{visit} visit {min(v):.1f} / {statistics.median(v):.1f} / {max(v):.1f}"
            for visit, v in visits.items()
        )
        print(f"  {way:<9} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
