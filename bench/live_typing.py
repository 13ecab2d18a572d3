"""A scripted live interview: 5 minutes of simulated typing, scoring, questions and section changes.

    QT_QPA_PLATFORM=offscreen python bench/live_typing.py [--minutes 5] [--interviews 10000]
        [--real-time] [--no-freeze]

--real-time types in wall time through the running event loop (real timers, debounce and save
cap, the system clock): the honest measure of stalls and of keystroke to committed. Without it, a
simulated clock runs the interview 60 times faster than real time (a smoke test).

Drives the real live window (key events through Qt, the real autosave and save thread) against a
database holding 10,000 other interviews with their notes. Time inside the interview is simulated
by an injected clock (8 keystrokes a second, never pausing long enough for the debounce, so every
save is forced by the 1 s cap or by an event); wall time is measured for what the GUI thread does
and for each commit on the save thread. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interviewdesk.domain.clock import ManualClock
from interviewdesk.services.planning import plan_interview
from interviewdesk.services.save_queue import SaveReport
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.tables import interviews, notes
from interviewdesk.ui.live.window import LiveInterviewWindow
from make_db import make_db

KEYS_PER_S = 8
SECTION_EVERY, SCORE_EVERY, QUESTION_EVERY = 60.0, 45.0, 90.0
WORDS = [
    "the",
    "candidate",
    "explained",
    "how",
    "they",
    "rebuilt",
    "the",
    "pipeline",
    "and",
    "what",
    "failed",
    "in",
    "production",
]


def add_notes(path: Path, per_interview: int = 10) -> None:
    """Give every stored interview some notes, so the notes table and its index are realistic."""
    db = open_workspace(str(path))
    with db.begin() as connection:
        if connection.execute(select(notes.c.id).limit(1)).first() is None:
            ids = list(connection.scalars(select(interviews.c.id)))
            rows = [
                {
                    "interview_id": iid,
                    "section_index": n % 5,
                    "text": "A stored note " * 8,
                    "offset_s": 60.0 * n,
                }
                for iid in ids
                for n in range(per_interview)
            ]
            connection.execute(insert(notes), rows)
    db.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Run:
    """One scripted interview in the live window, with what it measured."""

    def __init__(self, app: QApplication, window: LiveInterviewWindow, clock: ManualClock) -> None:
        self.app, self.window, self.clock = app, window, clock
        self.keystrokes: list[float] = []
        self.submits: list[float] = []
        self.reports: list[SaveReport] = []
        self.stalls: list[float] = []
        self.labels: list[str] = []
        original = window.queue.submit

        def recorded(batch):  # type: ignore[no-untyped-def]
            self.submits.append(clock.monotonic())
            return original(batch)

        window.queue.submit = recorded  # type: ignore[method-assign]
        window.saved.connect(self.reports.append)

    def act(self, action: Callable[[], object], label: str = "keystroke") -> None:
        start = time.perf_counter()
        action()
        self.app.processEvents()
        self.stalls.append(time.perf_counter() - start)
        self.labels.append(label)

    def type_word(self, text: str) -> None:
        window = self.window
        editor = window.script.notes[(window.script.currentIndex(), None)]
        if QApplication.focusWidget() is not editor:
            editor.setFocus()
        for char in text:
            if char != " ":  # a trailing space changes no stored paragraph (they are stripped)
                self.keystrokes.append(self.clock.monotonic())
            self.act(lambda char=char: QTest.keyClicks(editor, char))
            self.clock.advance(1 / KEYS_PER_S)

    def script(self, minutes: float) -> None:
        window, clock = self.window, self.clock
        self.act(lambda: QTest.keyClick(window, Qt.Key.Key_F5))
        next_section, next_score, next_question = SECTION_EVERY, SCORE_EVERY, QUESTION_EVERY
        cards = list(window.rubric.cards.values())
        word = 0
        while clock.monotonic() < minutes * 60:
            now = clock.monotonic()
            if now >= next_section:
                next_section += SECTION_EVERY
                self.act(
                    lambda: QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F8),
                    "next section",
                )
            if now >= next_score:
                next_score += SCORE_EVERY
                card = cards[int(now) % len(cards)]
                card.setFocus()
                self.act(lambda card=card: QTest.keyClick(card, "3"), "score")
            if now >= next_question:
                next_question += QUESTION_EVERY
                self.act(
                    lambda: QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
                    "open capture",
                )
                self.act(
                    lambda: QTest.keyClicks(window.questions.question, "What does on-call look like?"),
                    "type question",
                )
                self.act(lambda: QTest.keyClick(window.questions.question, Qt.Key.Key_Return), "log question")
            self.type_word(WORDS[word % len(WORDS)] + " ")
            word += 1
            if word % 12 == 0:
                editor = window.script.notes[(window.script.currentIndex(), None)]
                self.act(lambda editor=editor: QTest.keyClick(editor, Qt.Key.Key_Return))
        window.save_now()
        window.queue.flush()
        self.app.processEvents()

    def print_results(self, minutes: float) -> None:
        submits = self.submits
        delays = [min(s for s in submits if s >= at) - at for at in self.keystrokes if at <= submits[-1]]
        gaps = [b - a for a, b in itertools.pairwise(submits)]
        commits_ms = [r.commit_s * 1000 for r in self.reports]
        stall_ms = [s * 1000 for s in self.stalls]
        print(
            f"simulated {minutes:g} min: {len(self.keystrokes)} keystrokes, {len(submits)} saves, "
            f"{len(self.reports)} commits"
        )
        print(
            f"keystroke to save (simulated): max {max(delays):.3f} s; "
            f"largest gap between saves {max(gaps):.3f} s"
        )
        print(
            f"commit on the save thread: p50 {statistics.median(commits_ms):.2f} ms, "
            f"p99 {percentile(commits_ms, 0.99):.2f} ms, max {max(commits_ms):.2f} ms"
        )
        worst = sorted(zip(stall_ms, self.labels, strict=True), reverse=True)[:3]
        print("longest actions: " + ", ".join(f"{label} {ms:.1f} ms" for ms, label in worst))
        print(
            f"GUI thread per action: p50 {statistics.median(stall_ms):.2f} ms, "
            f"p99 {percentile(stall_ms, 0.99):.2f} ms, longest {max(stall_ms):.2f} ms"
        )


def real_time(app: QApplication, window: LiveInterviewWindow, minutes: float) -> None:
    """Type at 8 keys a second for ``minutes`` of wall time through the running event loop: real
    timers, the real debounce and save cap, the real clock. Reports how late each keystroke's
    timer fired (a stall of the GUI thread delays it) and each keystroke's handling time, and
    keystroke to committed from the save thread's reports."""
    from PySide6.QtCore import QEventLoop, QTimer

    editor = window.script.notes[(window.script.currentIndex(), None)]
    editor.setFocus()
    text = itertools.cycle(" ".join(WORDS) + " ")
    pressed: list[float] = []  # perf_counter of each keystroke
    lateness: list[float] = []
    handling: list[float] = []
    committed: list[tuple[float, float]] = []  # (when the commit was reported, its duration)
    window.saved.connect(lambda report: committed.append((time.perf_counter(), report.commit_s * 1000)))
    loop = QEventLoop()
    started = time.perf_counter()
    expected = [started + 1 / KEYS_PER_S]

    def key() -> None:
        now = time.perf_counter()
        lateness.append((now - expected[0]) * 1000)
        expected[0] = now + 1 / KEYS_PER_S
        char = next(text)
        t0 = time.perf_counter()
        QTest.keyClicks(editor, char)
        handling.append((time.perf_counter() - t0) * 1000)
        if char != " ":
            pressed.append(t0)
        if now - started > minutes * 60:
            loop.quit()

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(int(1000 / KEYS_PER_S))
    ticker.timeout.connect(key)
    ticker.start()
    loop.exec()
    ticker.stop()
    window.save_now()
    window.queue.flush()
    app.processEvents()
    commits = [at for at, _ in committed]
    delays = [min(c for c in commits if c >= at) - at for at in pressed if commits and at <= commits[-1]]
    durations = [ms for _, ms in committed]
    print(f"real time {minutes:g} min: {len(pressed)} keystrokes, {len(committed)} commits")
    print(
        f"timer lateness (a GUI stall delays the next key): p50 {statistics.median(lateness):.1f} ms, "
        f"p99 {percentile(lateness, 0.99):.1f} ms, max {max(lateness):.1f} ms"
    )
    print(
        f"keystroke handling: p50 {statistics.median(handling):.2f} ms, "
        f"p99 {percentile(handling, 0.99):.2f} ms, max {max(handling):.2f} ms"
    )
    print(f"keystroke to committed: max {max(delays):.3f} s")
    print(
        f"commit on the save thread: p50 {statistics.median(durations):.2f} ms, "
        f"p99 {percentile(durations, 0.99):.2f} ms, max {max(durations):.2f} ms"
    )


class FullCollections:
    """The wall time of every full (generation 2) garbage collection, wherever it happens."""

    def __init__(self) -> None:
        self.times_ms: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.times_ms.append((time.perf_counter() - self._started) * 1000)

    def report(self) -> str:
        if not self.times_ms:
            return "full garbage collections: none"
        worst = max(self.times_ms)
        return f"full garbage collections: {len(self.times_ms)}, longest {worst:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument(
        "--real-time",
        action="store_true",
        help="type in wall time through the event loop (the honest measure)",
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="the baseline: leave the window's objects in every collection",
    )
    args = parser.parse_args()
    if args.no_freeze:
        import interviewdesk.ui.live.window as live_window

        live_window.settle_garbage = lambda: None  # type: ignore[assignment]
    collections = FullCollections()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = make_db(Path(tmp) / "typing.sqlite", args.interviews)
        add_notes(path)
        db = open_workspace(str(path))
        interview_id = plan_interview(
            db, candidate_id=1, template_ref="general-structured", interviewer="Bench"
        )
        clock = ManualClock(0.0)
        window = (
            LiveInterviewWindow(db, interview_id)  # the system clock
            if args.real_time
            else LiveInterviewWindow(db, interview_id, clock=clock)
        )
        window.show()
        window.activateWindow()
        app.processEvents()
        app.processEvents()  # the window settles its garbage after its first paint
        collections.times_ms.clear()  # those while typing count, not the settling itself
        if args.real_time:
            QTest.keyClick(window, Qt.Key.Key_F5)  # the interview starts
            real_time(app, window, args.minutes)
        else:
            run = Run(app, window, clock)
            run.script(args.minutes)
        window.close()
        db.close()
    if not args.real_time:
        run.print_results(args.minutes)
    print(collections.report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
