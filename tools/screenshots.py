"""Make the screenshots in docs/images from a fresh demo database.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py

Each window is rendered with QWidget.grab(), so no display is needed and the pictures are the
same on every machine that has the fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.services.demo import create_demo
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.store.database import Database, open_database
from interviewdesk.ui.live.window import LiveInterviewWindow
from interviewdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def live_screenshots(db: Database, interview_id: int) -> None:
    """The live window part-way through an interview, in the full and the compact layout."""
    clock = ManualClock()
    window = LiveInterviewWindow(db, interview_id, clock=clock)
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
    window._question_logged("What does on-call look like?", QuestionTopic.ROLE, "One week in six.", False)
    window.refresh()
    settle()
    window.grab().save(str(OUT / "live-full.png"))
    print(OUT / "live-full.png")
    window._competency_focused("ownership")
    window.toggle_compact()
    settle()
    window.grab().save(str(OUT / "live-compact.png"))
    print(OUT / "live-compact.png")
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


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        db = open_database(str(Path(folder) / "demo.sqlite3"))
        demo = create_demo(db)
        window = MainWindow(db)
        window.resize(1180, 640)
        window.show()
        settle()
        window.grab().save(str(OUT / "main-window.png"))
        print(OUT / "main-window.png")
        window.right_tabs.setCurrentWidget(window.follow_ups)
        settle()
        window.grab().save(str(OUT / "follow-ups.png"))
        print(OUT / "follow-ups.png")
        window.close()
        del window
        live_screenshots(db, demo.interview_ids[-1])
        working_screenshot(db)
        db.close()
    app.quit()


if __name__ == "__main__":
    main()
