"""PDF summaries for the hiring panel (ReportLab; no Qt, no database).

The functions take the plain reports built by :mod:`interviewdesk.services.reports` and return
the PDF's bytes; writing them to disk, atomically, is the caller's business.
"""

from __future__ import annotations

from interviewdesk.domain.report import InterviewReport, PanelReport
from interviewdesk.export.pdf.interview import interview_story
from interviewdesk.export.pdf.page import MARGIN, PageFrame, Paper, build_pdf, paper_for_locale
from interviewdesk.export.pdf.panel import panel_story
from interviewdesk.export.pdf.styles import make_styles

__all__ = ["Paper", "paper_for_locale", "render_interview", "render_panel"]


def render_interview(report: InterviewReport, paper: Paper) -> bytes:
    width = paper.size[0] - 2 * MARGIN
    story = interview_story(report, make_styles(), width)
    frame = PageFrame("InterviewDesk · interview summary", report.candidate, report.include_private)
    return build_pdf(story, frame=frame, paper=paper, subject=f"Interview {report.interview_id}")


def render_panel(panel: PanelReport, paper: Paper) -> bytes:
    width = paper.size[0] - 2 * MARGIN
    story = panel_story(panel, make_styles(), width)
    frame = PageFrame("InterviewDesk · panel summary", panel.candidate, private=False)
    return build_pdf(story, frame=frame, paper=paper, subject=f"Panel summary: {panel.candidate}")
