"""Typing into the Search tab on a large file: does the GUI thread ever stall?

    QT_QPA_PLATFORM=offscreen python bench/search_typing.py [--queries 12]

Opens the main window on bench/search.py's file (100,000 interviews, 1,000,000 note paragraphs),
and types queries into the search field through the event loop in real time (a key every 125 ms,
8 keys a second; 2.5 s to read each query's results), so searches start, run on their worker and
come back while typing goes on.
Every key press and every delivery of results is timed on the GUI thread, and a 1 ms timer
measures how late the event loop runs it: the longest of those is the longest stall a user could
feel. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interviewdesk.services.workspace import open_workspace
from interviewdesk.ui.main_window import MainWindow
from search import vocabulary  # the same words as the file's notes

KEY_MS = 125
LATE_MS = 16  # a stall a user can feel: printed when it happens
READ_MS = 2500


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` (QTest.qWait sleeps in 10 ms steps: every timer would look late)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measure(window: MainWindow, keys: list[str]) -> dict[str, list[float]]:
    """Type ``keys`` (a newline clears the field) in real time; the times, in ms."""
    times: dict[str, list[float]] = {"key press": [], "results shown": [], "event loop late": []}
    original = window.search._shown

    def timed_shown(results):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        original(results)
        times["results shown"].append((time.perf_counter() - started) * 1000)

    window.search._shown = timed_shown  # type: ignore[method-assign]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        late = max(0.0, now - last[0] - 1)
        times["event loop late"].append(late)
        last[0] = now

    ticker = QTimer(interval=1)
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)
    ticker.start()
    for char in keys:
        started = time.perf_counter()
        if char == "\n":  # the results read for a while, then the next search
            wait(READ_MS)
            started = time.perf_counter()
            window.search.field.clear()
        else:
            QTest.keyClicks(window.search.field, char)
        times["key press"].append((time.perf_counter() - started) * 1000)
        wait(KEY_MS)
    wait(1500)  # the last results come back
    ticker.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=12)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "interviewdesk-bench")
    args = parser.parse_args()
    path = args.folder / "search-100000-1000000.sqlite3"
    if not path.exists():
        sys.exit(f"{path} is missing: run bench/search.py first")
    words = vocabulary(random.Random(7))
    rng = random.Random(11)
    texts = [
        " ".join(rng.choice(words[: 10 ** rng.randint(1, 3)]) for _ in range(rng.randint(1, 3)))
        for _ in range(args.queries)
    ]
    application = QApplication.instance() or QApplication([])
    db = open_workspace(str(path))
    window = MainWindow(db)
    window.resize(1100, 680)
    window.show()
    wait(300)
    window.start_search()
    keys = [char for text in texts for char in [*text, "\n"]]
    collections: list[tuple[int, float]] = []
    began: list[float] = []

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began.append(time.perf_counter())
        elif began:
            took = (time.perf_counter() - began.pop()) * 1000
            collections.append((info["generation"], took))
            if info["generation"] == 2:
                when = "after" if window.search._frozen else "before"
                print(f"  a full collection: {took:.1f} ms, {when} the first pause's freeze")

    gc.callbacks.append(collected)
    times = measure(window, keys)
    gc.callbacks.remove(collected)
    window.close()
    db.close()
    shown = len(times["results shown"])
    print(f"{len(texts)} queries, {len(keys)} keys, {1000 // KEY_MS} a second; {shown} result lists shown")
    for name, found in times.items():
        ordered = sorted(found)
        p99, longest = ordered[int(0.99 * (len(ordered) - 1))], ordered[-1]
        print(
            f"{name:<16} median {statistics.median(ordered):5.1f}  p99 {p99:5.1f}  longest {longest:5.1f} ms"
        )
    felt = sum(1 for late in times["event loop late"] if late > LATE_MS)
    print(f"the event loop more than {LATE_MS} ms late {felt} times")
    longest = max(collections, key=lambda c: c[1], default=(0, 0.0))
    full = [ms for generation, ms in collections if generation == 2]
    print(
        f"garbage collections: {len(collections)}, {len(full)} full; the longest {longest[1]:.1f} ms "
        f"(generation {longest[0]}), on whichever thread allocated"
    )
    del application


if __name__ == "__main__":
    main()
