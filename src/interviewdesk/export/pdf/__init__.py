"""PDF summaries for the hiring panel (ReportLab; no Qt, no database).

The functions take the plain reports built by :mod:`interviewdesk.services.reports` and return
the PDF's bytes; writing them to disk, atomically, is the caller's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from interviewdesk.domain.report import InterviewReport, PanelReport
from interviewdesk.domain.role_compare import CandidateLine, RoleComparison
from interviewdesk.export.pdf.interview import interview_story
from interviewdesk.export.pdf.page import MARGIN, PageFrame, Paper, build_pdf, paper_for_locale
from interviewdesk.export.pdf.panel import panel_story
from interviewdesk.export.pdf.role import role_story
from interviewdesk.export.pdf.styles import make_styles

__all__ = ["Paper", "paper_for_locale", "render_interview", "render_panel", "render_role"]


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


def render_role(
    comparison: RoleComparison,
    lines: Sequence[CandidateLine],
    paper: Paper,
    *,
    exported_at: datetime | None = None,
) -> bytes:
    """The candidates of a role, in the order of ``lines``."""
    width = paper.size[0] - 2 * MARGIN
    story = role_story(comparison, lines, make_styles(), width)
    frame = PageFrame(
        "InterviewDesk · role comparison", comparison.title, private=False, exported_at=exported_at
    )
    return build_pdf(story, frame=frame, paper=paper, subject=f"Role comparison: {comparison.title}")
