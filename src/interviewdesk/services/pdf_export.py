"""Export summaries as PDF files: built in memory, then written atomically."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from interviewdesk.atomic import check_target, write_bytes_atomic
from interviewdesk.domain.clock import utc_now
from interviewdesk.errors import ExportCancelledError
from interviewdesk.export.pdf import Paper, paper_for_locale, render_interview, render_panel, render_role
from interviewdesk.services.reports import interview_report, panel_report
from interviewdesk.store.database import Database

__all__ = ["Paper", "export_feedback_pdf", "export_interview_pdf", "export_panel_pdf"]


def _go_on(cancelled: Callable[[], bool] | None) -> None:
    """Between the steps of an export: stop, having written nothing, once the user cancelled."""
    if cancelled is not None and cancelled():
        raise ExportCancelledError


def export_interview_pdf(
    db: Database,
    interview_id: int,
    target: Path,
    *,
    include_private: bool = False,
    paper: Paper | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    check_target(target)  # before the work of building the PDF
    report = interview_report(db, interview_id, include_private=include_private)
    _go_on(cancelled)
    # With private notes in it, the file is readable by its owner alone.
    pdf = render_interview(report, paper or paper_for_locale(), exported_at=export_time())
    _go_on(cancelled)
    write_bytes_atomic(target, pdf, private=include_private)
    return target


def export_panel_pdf(
    db: Database,
    candidate_id: int,
    target: Path,
    *,
    paper: Paper | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """``progress(done, total)`` counts the interviews read, plus one step for the written file;
    ``cancelled()`` is asked after each of them and before the file is written."""
    check_target(target)  # before the work of building the PDF

    def step(done: int, total: int) -> None:
        _go_on(cancelled)
        if progress is not None:
            progress(done, total + 1)

    panel = panel_report(db, candidate_id, progress=step)
    pdf = render_panel(panel, paper or paper_for_locale(), exported_at=export_time())
    _go_on(cancelled)
    write_bytes_atomic(target, pdf)
    if progress is not None:
        progress(len(panel.members) + 1, len(panel.members) + 1)
    return target


def export_role_pdf(
    db: Database,
    target: Path,
    role: str | None = None,
    *,
    template: str | None = None,
    sort: str = "overall",
    paper: Paper | None = None,
) -> Path:
    """The candidates of a role (or of one template) side by side, sorted by ``sort``."""
    from interviewdesk.services.role_compare import compare_role, sorted_lines

    check_target(target)
    comparison = compare_role(db, role, template=template)
    lines = sorted_lines(comparison, sort)
    write_bytes_atomic(
        target, render_role(comparison, lines, paper or paper_for_locale(), exported_at=export_time())
    )
    return target


def export_time() -> datetime:
    """When an export is stamped as made: now, or the reproducible-builds convention's
    SOURCE_DATE_EPOCH when it is set (the bundle's check compares its PDFs with the venv's byte for
    byte; ReportLab stamps its own dates from the same variable)."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if fixed.isdigit():
        return datetime.fromtimestamp(int(fixed), UTC)
    return utc_now()


def export_feedback_pdf(
    db: Database, interview_id: int, target: Path, *, text: str | None = None, paper: Paper | None = None
) -> Path:
    """The feedback letter: ``text`` as the interviewer edited it, or the draft when None."""
    from interviewdesk.export.pdf.letter import render_letter
    from interviewdesk.services.feedback import feedback_draft
    from interviewdesk.services.settings import organisation

    check_target(target)  # before the work of building the PDF
    draft = feedback_draft(db, interview_id)
    write_bytes_atomic(
        target,
        render_letter(
            text if text is not None else draft.text,
            draft.candidate,
            paper or paper_for_locale(),
            dated=export_time().astimezone().date(),
            organisation=organisation(db),
        ),
    )
    return target
