"""Kill -9 while typing, many times: the database stays sound and no edit older than 1 s is lost.

    python bench/kill_typing.py [--kills 200]

Each round starts a child process that types into a live interview through the app's own save path
(LiveSession, SaveScheduler with its 1 s cap, the SaveQueue's worker thread, SQLite in WAL mode with
synchronous=FULL) at 8 keystrokes a second, reporting each keystroke's monotonic time. The parent
kills it with SIGKILL at a random moment, then checks `PRAGMA integrity_check` and that the stored
text holds every keystroke typed more than 1 s before the kill. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TEXT = "the candidate explained the migration step by step and named what failed " * 20
KEY_INTERVAL = 1 / 8


def child(path: str, interview_id: int) -> None:
    """Type forever; print the time and the length after each keystroke."""
    from interviewdesk.domain.autosave import SaveScheduler
    from interviewdesk.domain.clock import SystemClock
    from interviewdesk.services.live_session import open_live_session
    from interviewdesk.services.save_queue import SaveQueue
    from interviewdesk.services.workspace import open_workspace

    clock = SystemClock()
    db = open_workspace(path)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    scheduler = SaveScheduler(clock)
    session.start()
    print("ready", flush=True)
    typed = 0
    next_key = time.monotonic()
    while True:
        if time.monotonic() >= next_key:
            typed += 1
            session.set_notes(0, None, [(0.0, TEXT[: typed % len(TEXT) or 1], False)])
            scheduler.edited()
            print(f"{time.monotonic():.6f} {typed % len(TEXT) or 1}", flush=True)
            next_key += KEY_INTERVAL
        if scheduler.due():
            queue.submit(session.take_batch())
            scheduler.saved()
        # Wake for the next keystroke or the save deadline, as the window's timer does.
        wait = scheduler.seconds_until_due()
        until_key = next_key - time.monotonic()
        time.sleep(max(0.0, min(until_key, wait) if wait is not None else until_key))


def prepare(folder: Path) -> tuple[Path, int]:
    from interviewdesk.services.planning import add_candidate, plan_interview
    from interviewdesk.services.workspace import open_workspace

    path = folder / "kill.sqlite"
    db = open_workspace(str(path))
    candidate = add_candidate(db, "Ada Lovelace")
    interview_id = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
    db.close()
    return path, interview_id


def one_round(
    path: Path, interview_id: int, rng: random.Random, script: str = __file__
) -> tuple[bool, bool, float]:
    """Returns (database sound, nothing older than 1 s lost, seconds of typing lost before the kill).
    ``script`` is run with ``--child PATH ID`` and must print "ready", then "TIME LENGTH" per key."""
    with sqlite3.connect(path) as connection:  # a fresh note for each round
        connection.execute("DELETE FROM notes")
        connection.execute("DELETE FROM timer_events")
    connection.close()
    process = subprocess.Popen(
        [sys.executable, script, "--child", str(path), str(interview_id)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + rng.uniform(0.3, 3.0)
    log: list[tuple[float, int]] = []
    os.set_blocking(process.stdout.fileno(), False)
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line:
            stamp, length = line.split()
            log.append((float(stamp), int(length)))
        else:
            time.sleep(0.005)
    killed_at = time.monotonic()
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(path) as connection:
        sound = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = connection.execute("SELECT text FROM notes WHERE section_index = 0").fetchone()
    connection.close()
    stored = len(row[0]) if row else 0
    owed = max((length for at, length in log if at <= killed_at - 1.0), default=0)
    prefix_ok = row is None or TEXT.startswith(row[0])
    typed_before = [at for at, length in log if length <= stored]
    lost_s = killed_at - (max(typed_before) if typed_before else killed_at)
    return sound, prefix_ok and stored >= owed, lost_s


def main(type_in: Callable[[str, int], None] = child, script: str = __file__, label: str = "kills") -> int:
    """Run the rounds; ``type_in(path, interview_id)`` is the child's typing (``script --child``
    runs it), so bench/kill_window.py drives the same rounds through the real window."""
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        type_in(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=(sys.modules["__main__"].__doc__ or "").splitlines()[0])
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
            sound, kept, lost_s = one_round(path, interview_id, rng, script=script)
            failures += not (sound and kept)
            damaged += not sound
            lost.append(lost_s)
    print(f"{args.kills} {label}: {failures} failed (integrity_check, or an edit older than 1 s lost)")
    print(f"integrity_check failures: {damaged}")
    print(f"typing lost at the kill: max {max(lost):.3f} s, median {sorted(lost)[len(lost) // 2]:.3f} s")
    print(f"{time.monotonic() - started:.0f} s in all")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
