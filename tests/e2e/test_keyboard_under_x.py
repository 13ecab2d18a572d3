"""The live window as an interviewer meets it: a real X server at 1366x768 with a window manager
(openbox: focus, frames), the real app in its own process, and real key events from xdotool.
Nothing is clicked and no focus is set by the test: what the keys do is what a person gets.

Skipped, saying why, only where Xvfb, openbox or the X tools are not installed (.ci/run installs them).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from interviewdesk.domain.clock import ManualClock
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.tables import timer_events

TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"needs {', '.join(MISSING)} (Debian: xvfb openbox xdotool x11-utils)"
)
SCREEN = (1366, 768)
FIRST = "Led the invoice rewrite with four people."
SECOND = " She chose the harder path and said why."
QUESTION = "What does on-call look like?"


@dataclass
class Display:
    name: str
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 20) -> str:
        done = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=timeout, check=True)
        return done.stdout


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Poll a condition across processes (the app is not ours to signal), with a deadline."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[Display]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shown = Display(f":{number}", env)
    try:
        wait_for(
            lambda: "window id" in shown.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK"), 20, "openbox"
        )
        yield shown
    finally:
        for process in (wm, xvfb):
            process.terminate()
            process.wait(10)


def test_typing_without_looking_lands_in_the_notes_and_nothing_ends_the_interview(
    display: Display, tmp_path: Path
) -> None:
    path = tmp_path / "interviews.sqlite3"
    db = open_workspace(str(path))
    candidate = add_candidate(db, "Ada Lovelace", role="Analyst")
    interview_id = plan_interview(
        db, candidate_id=candidate, template_ref="general-structured", interviewer="Kim"
    )
    db.close()
    app = subprocess.Popen(
        [sys.executable, "-m", "interviewdesk", "--db", str(path), "open", str(interview_id)],
        env=display.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = display.run(
            "xdotool", "search", "--sync", "--onlyvisible", "--name", "Ada Lovelace", timeout=60
        ).split()[0]
        wait_for(lambda: display.run("xdotool", "getactivewindow").strip() == window, 20, "focus")
        keys = [
            ("key", "F5"),  # start
            ("key", "F8"),  # section 2: background and motivation
            ("type", FIRST),
            ("key", "ctrl+k"),
            ("type", QUESTION),
            ("key", "Return"),  # logs it and gives the caret back
            ("type", SECOND),
            ("key", "ctrl+e"),  # once ended the interview at once
        ]
        for verb, what in keys:
            args = ["xdotool", verb, "--delay", "40", what] if verb == "type" else ["xdotool", "key", what]
            display.run(*args)
        db = open_workspace(str(path))

        def stored() -> bool:
            session = open_live_session(db, interview_id, ManualClock())
            notes = [text for _, text, _ in session.notes.get((1, 0), [])]
            return notes == [FIRST + SECOND] and len(session.questions) == 1

        wait_for(stored, 20, "the notes and the question in the database")
        session = open_live_session(db, interview_id, ManualClock())
        (question,) = session.questions.values()
        assert question.text == QUESTION
        assert session.timer.running and not session.timer.ended  # Ctrl+E ended nothing
        with db.begin() as connection:
            kinds = connection.execute(select(timer_events.c.kind).order_by(timer_events.c.id)).scalars()
            assert list(kinds) == ["start", "section"]  # no section change nobody wanted
        db.close()
        assert_frame_fits(display, window)
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=20)
    assert "Traceback" not in err, err


def assert_frame_fits(display: Display, window: str) -> None:
    """The window with its window-manager frame lies within the screen."""
    info = dict(
        line.strip().split(":", 1)
        for line in display.run("xwininfo", "-id", window).splitlines()
        if ":" in line
    )
    x, y = int(info["Absolute upper-left X"]), int(info["Absolute upper-left Y"])
    width, height = int(info["Width"]), int(info["Height"])
    extents = display.run("xprop", "-id", window, "_NET_FRAME_EXTENTS").split("=")[1]
    left, right, top, bottom = (int(v) for v in extents.split(","))
    assert top > 0, "no window manager frame"
    assert x - left >= 0 and y - top >= 0
    assert x + width + right <= SCREEN[0] and y + height + bottom <= SCREEN[1], (x, y, width, height)
