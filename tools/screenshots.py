"""Make the screenshots in docs/images from a fresh demo database.

    python tools/screenshots.py          # every window rendered offscreen with QWidget.grab()
    python tools/screenshots.py --x11    # the live window as a person sees it, light and dark

With --x11 the script starts its own X server at 1366x768 (Debian's xvfb) with a window manager
(openbox), lets the app place its windows as it would on a laptop, and photographs the whole screen
(ImageMagick's import): frames, placement and all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if "--x11" in sys.argv else "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.records import CandidateQuestion
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.services.demo import create_demo
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.workspace import Workspace as Database
from interviewdesk.services.workspace import open_workspace
from interviewdesk.ui.live.window import LiveInterviewWindow
from interviewdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
X11 = "--x11" in sys.argv


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


Capture = Callable[[QWidget, str], None]


def grab(window: QWidget, name: str) -> None:
    window.grab().save(str(OUT / name))
    print(OUT / name)


def photograph(_window: QWidget, name: str) -> None:
    """The whole X screen, with the window manager's frames."""
    settle(400)
    subprocess.run(["import", "-window", "root", str(OUT / name)], check=True)
    print(OUT / name)


def live_screenshots(db: Database, interview_id: int, capture: Capture = grab, suffix: str = "") -> None:
    """The live window part-way through an interview, in the full and the compact layout."""
    clock = ManualClock()
    window = LiveInterviewWindow(db, interview_id, clock=clock)
    if not X11:
        window.resize(1280, 800)
    window.show()
    window.toggle_timer()
    clock.advance(5 * 60 + 20)
    window.go_to_section(1)
    clock.advance(9 * 60 + 40)
    window.script.notes[(1, 0)].set_paragraphs(
        [
            (340.0, "Led the move of the billing jobs to an event queue; four people, eight months.", False),
            (520.0, "Owned the rollback plan herself; names what she would now do earlier.", False),
            (600.0, "Mentioned a family reason for leaving; not for the panel.", True),
        ]
    )
    window.script.asked_boxes[(1, 0)].setChecked(True)
    window.go_to_section(2)
    clock.advance(4 * 60 + 10)
    card = window.rubric.cards["ownership"]
    card.score(3)
    card.evidence.setPlainText("[m6] Led the move of the billing jobs to an event queue.")
    window.rubric.cards["collaboration"].score(4)
    window.edits.log_question(
        CandidateQuestion("What does on-call look like?", QuestionTopic.ROLE, "One week in six.")
    )
    window.refresh()
    window.focus_notes()
    settle()
    capture(window, f"live-full{suffix}.png")
    window.toggle_timer()  # the call dropped: paused
    clock.advance(75)
    window.toggle_compact()
    window.refresh()
    settle()
    capture(window, f"live-compact{suffix}.png")
    window.close()


def working_screenshot(db: Database) -> None:
    """A working interview's first task, part-way through, with observations."""
    candidate = add_candidate(db, "Noor Haddad", role="Data Analyst")
    interview_id = plan_interview(
        db, candidate_id=candidate, template_ref="working-interview-data-analyst", interviewer="Jonas Weber"
    )
    clock = ManualClock()
    window = LiveInterviewWindow(db, interview_id, clock=clock)
    window.resize(1280, 800)
    window.show()
    window.toggle_timer()
    window.session.confirm_disclosure()
    clock.advance(9 * 60)
    window.go_to_section(1)
    window.tasks.start("explore-churn")
    clock.advance(24 * 60)
    window.tasks.observe("explore-churn", "Read the data dictionary first; found the duplicated March rows.")
    clock.advance(16 * 60)
    window.tasks.observe("explore-churn", "Asked the analyst whether refunds count as cancellations.")
    clock.advance(22 * 60)
    window.refresh()
    settle()
    window.grab().save(str(OUT / "live-working.png"))
    print(OUT / "live-working.png")
    window.close()


@contextmanager
def x_server() -> Iterator[None]:
    """Xvfb at 1366x768 with openbox on it, for the length of the block."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        os.environ["DISPLAY"] = f":{pipe.readline().strip()}"
    wm = subprocess.Popen(["openbox"])
    try:
        subprocess.run(["sleep", "1"], check=True)  # let openbox take the screen
        yield
    finally:
        wm.terminate()
        xvfb.terminate()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#171717"),
        (QPalette.ColorRole.AlternateBase, "#2a2b2e"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
        (QPalette.ColorRole.Mid, "#5f6368"),
        (QPalette.ColorRole.ToolTipBase, "#303134"),
        (QPalette.ColorRole.ToolTipText, "#e8eaed"),
    ):
        palette.setColor(role, QColor(value))
    return palette


def x11_screenshots() -> None:
    """The live window at 1366x768 under a window manager, in a light and a dark palette."""
    with x_server():
        app = QApplication.instance() or QApplication(sys.argv)
        app.setStyle("Fusion")
        light = QPalette(app.palette())
        OUT.mkdir(parents=True, exist_ok=True)
        for suffix, palette in (("-light", light), ("-dark", dark_palette())):
            app.setPalette(palette)
            with tempfile.TemporaryDirectory() as folder:
                os.environ["XDG_CONFIG_HOME"] = folder  # no remembered window places
                db = open_workspace(str(Path(folder) / "demo.sqlite3"))
                demo = create_demo(db)
                live_screenshots(db, demo.interview_ids[-1], photograph, suffix)
                db.close()
        app.quit()


def main() -> None:
    if X11:
        x11_screenshots()
        return
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        db = open_workspace(str(Path(folder) / "demo.sqlite3"))
        create_demo(db)
        window = MainWindow(db)
        window.show()
        settle(1500)  # the placement fits the window to the (800x600) offscreen screen after a second
        window.resize(1180, 640)  # a laptop's window, as the pictures have always shown it
        settle()
        window.grab().save(str(OUT / "main-window.png"))
        print(OUT / "main-window.png")
        window.right_tabs.setCurrentWidget(window.follow_ups)
        settle()
        window.grab().save(str(OUT / "follow-ups.png"))
        print(OUT / "follow-ups.png")
        window.close()
        del window
        working_screenshot(db)  # the live layouts are photographed under X (--x11)
        db.close()
    app.quit()


if __name__ == "__main__":
    main()
