"""PDF summaries for the hiring panel (ReportLab; no Qt, no database).

The functions take the plain reports built by :mod:`interviewdesk.services.reports` and return
the PDF's bytes; writing them to disk, atomically, is the caller's business.
"""

from __future__ import annotations

from datetime import datetime

from interviewdesk.domain.report import InterviewReport, PanelReport
from interviewdesk.export.pdf.interview import interview_story
from interviewdesk.export.pdf.page import MARGIN, PageFrame, Paper, build_pdf, paper_for_locale
from interviewdesk.export.pdf.panel import panel_story
from interviewdesk.export.pdf.styles import make_styles

__all__ = ["Paper", "paper_for_locale", "render_interview", "render_panel"]


def render_interview(report: InterviewReport, paper: Paper, *, exported_at: datetime | None = None) -> bytes:
    """``exported_at`` is printed on every page and dated into the file (None: fixed dates)."""
    width = paper.size[0] - 2 * MARGIN
    story = interview_story(report, make_styles(), width)
    frame = PageFrame(
        "InterviewDesk · interview summary",
        report.candidate,
        report.include_private,
        exported_at=exported_at,
        author=report.interviewer,
    )
    private = " (includes private notes)" if report.include_private else ""
    subject = (
        f"Interview {report.interview_id} of {report.candidate} by {report.interviewer or 'no interviewer'}"
    )
    return build_pdf(story, frame=frame, paper=paper, subject=subject + private)


def render_panel(panel: PanelReport, paper: Paper, *, exported_at: datetime | None = None) -> bytes:
    width = paper.size[0] - 2 * MARGIN
    story = panel_story(panel, make_styles(), width)
    frame = PageFrame(
        "InterviewDesk · panel summary", panel.candidate, private=False, exported_at=exported_at
    )
    return build_pdf(story, frame=frame, paper=paper, subject=f"Panel summary: {panel.candidate}")
