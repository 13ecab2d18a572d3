"""A scripted live interview: 5 minutes of simulated typing, scoring, questions and section changes.

    QT_QPA_PLATFORM=offscreen python bench/live_typing.py [--minutes 5] [--interviews 10000]

Drives the real live window (key events through Qt, the real autosave and save thread) against a
database holding 10,000 other interviews with their notes. Time inside the interview is simulated
by an injected clock (8 keystrokes a second, never pausing long enough for the debounce, so every
save is forced by the 1 s cap or by an event); wall time is measured for what the GUI thread does
and for each commit on the save thread. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_db import make_db  # noqa: E402

from interviewdesk.domain.clock import ManualClock  # noqa: E402
from interviewdesk.services.planning import plan_interview  # noqa: E402
from interviewdesk.services.save_queue import SaveReport  # noqa: E402
from interviewdesk.store.database import open_database  # noqa: E402
from interviewdesk.store.tables import interviews, notes  # noqa: E402
from interviewdesk.ui.live.window import LiveInterviewWindow  # noqa: E402

KEYS_PER_S = 8
WORDS = "the candidate explained how they rebuilt the pipeline and what failed in production".split()


def add_notes(path: Path, per_interview: int = 10) -> None:
    """Give every stored interview some notes, so the notes table and its index are realistic."""
    db = open_database(str(path))
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--interviews", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = make_db(Path(tmp) / "typing.sqlite", args.interviews)
        add_notes(path)
        db = open_database(str(path))
        interview_id = plan_interview(
            db, candidate_id=1, template_ref="general-structured", interviewer="Bench"
        )
        clock = ManualClock(0.0)
        window = LiveInterviewWindow(db, interview_id, clock=clock)
        window.show()
        window.activateWindow()
        app.processEvents()
        submits: list[float] = []
        reports: list[SaveReport] = []
        original = window.queue.submit

        def recorded(batch):  # type: ignore[no-untyped-def]
            submits.append(clock.monotonic())
            return original(batch)

        window.queue.submit = recorded  # type: ignore[method-assign]
        window.saved.connect(reports.append)
        stalls: list[float] = []

        def act(action: Callable[[], object]) -> None:
            start = time.perf_counter()
            action()
            app.processEvents()
            stalls.append(time.perf_counter() - start)

        act(lambda: QTest.keyClick(window, Qt.Key.Key_F5))
        keystrokes: list[float] = []
        end = args.minutes * 60
        section_every, score_every, question_every = 60.0, 45.0, 90.0
        next_section, next_score, next_question = section_every, score_every, question_every
        word = 0
        cards = list(window.rubric.cards.values())
        while clock.monotonic() < end:
            now = clock.monotonic()
            if now >= next_section:
                next_section += section_every
                act(lambda: QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F8))
            if now >= next_score:
                next_score += score_every
                card = cards[int(now) % len(cards)]
                card.setFocus()
                act(lambda card=card: QTest.keyClick(card, "3"))
            if now >= next_question:
                next_question += question_every
                act(lambda: QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier))
                act(lambda: QTest.keyClicks(window.questions.question, "What does on-call look like?"))
                act(lambda: QTest.keyClick(window.questions.question, Qt.Key.Key_Return))
            section = window.script.currentIndex()
            editor = window.script.notes[(section, None)]
            if QApplication.focusWidget() is not editor:
                editor.setFocus()
            text = WORDS[word % len(WORDS)] + " "
            word += 1
            for char in text:
                if char != " ":  # a trailing space changes no stored paragraph (they are stripped)
                    keystrokes.append(clock.monotonic())
                act(lambda char=char: QTest.keyClicks(editor, char))
                clock.advance(1 / KEYS_PER_S)
            if word % 12 == 0:
                act(lambda: QTest.keyClick(editor, Qt.Key.Key_Return))
        window.save_now()
        window.queue.flush()
        app.processEvents()
        window.close()
        db.close()

    delays = [min(s for s in submits if s >= at) - at for at in keystrokes if at <= submits[-1]]
    gaps = [b - a for a, b in zip(submits, submits[1:], strict=False)]
    commits_ms = [r.commit_s * 1000 for r in reports]
    print(
        f"simulated {args.minutes:g} min: {len(keystrokes)} keystrokes, {len(submits)} saves, {len(reports)} commits"
    )
    print(
        f"keystroke to save (simulated): max {max(delays):.3f} s; largest gap between saves {max(gaps):.3f} s"
    )
    print(
        f"commit on the save thread: p50 {statistics.median(commits_ms):.2f} ms, "
        f"p99 {percentile(commits_ms, 0.99):.2f} ms, max {max(commits_ms):.2f} ms"
    )
    stall_ms = [s * 1000 for s in stalls]
    print(
        f"GUI thread per action: p50 {statistics.median(stall_ms):.2f} ms, p99 {percentile(stall_ms, 0.99):.2f} ms, "
        f"longest {max(stall_ms):.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
