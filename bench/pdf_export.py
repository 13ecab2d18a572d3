"""How long the PDF summaries take to build, in process, against a bare ReportLab build.

    python bench/pdf_export.py [--rounds 15]

The baseline is the same text, every string of the report, laid out by ReportLab as plain
paragraphs in the same embedded font: what any PDF of this content costs. Runs are interleaved
and medians compared, so a busy machine slows both sides alike. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import astuple, is_dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from interviewdesk.domain.report import InterviewReport
from interviewdesk.export.pdf import Paper, render_interview, render_panel
from interviewdesk.export.pdf.fonts import SANS, register_fonts
from interviewdesk.services.demo import create_demo
from interviewdesk.services.pdf_export import export_interview_pdf
from interviewdesk.services.reports import interview_report, panel_report
from interviewdesk.services.workspace import open_workspace


def strings(value: object) -> list[str]:
    """Every string inside a report, in order."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if is_dataclass(value) and not isinstance(value, type):
        return [s for field in astuple(value) for s in strings(field)]
    if isinstance(value, tuple | list):
        return [s for item in value for s in strings(item)]
    return []


def bare_build(report: InterviewReport) -> bytes:
    register_fonts()
    style = ParagraphStyle("plain", fontName=SANS, fontSize=9.5, leading=12.5)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=Paper.A4.size, initialFontName=SANS)
    doc.build([Paragraph(escape(text), style) for text in strings(report)])
    return buffer.getvalue()


def bare_layout(report: InterviewReport) -> bytes:
    """The same tables and radar, built with ReportLab's own classes and nothing of ours: one font,
    plain escaped Paragraph cells, no per-script runs, no bidi, no running header or page count."""
    register_fonts()
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=8.5, leading=11)
    body = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5)

    def grid(rows: list[list[str]], widths: list[float]) -> Table:
        table = Table([[Paragraph(escape(c), cell) for c in row] for row in rows], colWidths=widths)
        table.setStyle(
            TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        return table

    width = Paper.A4.size[0] - 2 * 51
    chart_drawing = Drawing(width, 260, initialFontName=SANS)
    chart = SpiderChart()
    chart.x, chart.y, chart.width, chart.height = 75, 18, 170, 170
    chart.data = [[line.level or 0 for line in report.rubric], [4] * len(report.rubric)]
    chart.labels = [line.name for line in report.rubric]
    chart.spokeLabels.fontName = SANS
    chart_drawing.add(chart)
    story = [
        Paragraph(escape(report.candidate), body),
        grid(
            [[k, v] for k, v in (("Interviewer", report.interviewer), ("Template", report.template_name))],
            [90, width - 90],
        ),
        grid([[f.kind.label, f.detail] for f in report.flags] or [["", ""]], [170, width - 170]),
        Paragraph(escape(report.recommendation), body),
        Paragraph(escape(report.summary), body),
        grid(
            [["Competency", "Level", "Anchor", "Evidence"]]
            + [[r.name, r.level_label, r.anchor, r.evidence] for r in report.rubric],
            [0.2 * width, 0.16 * width, 0.3 * width, 0.34 * width],
        ),
        chart_drawing,
        grid(
            [["Section", "Planned", "Actual", "Over or under"]]
            + [[t.title, f"{t.planned_s / 60:.0f}", f"{t.actual_s / 60:.0f}", ""] for t in report.sections],
            [0.49 * width, 0.15 * width, 0.15 * width, 0.21 * width],
        ),
        grid(
            [
                [q.text, q.topic.label, q.answer, "owed" if q.follow_up_owed else ""]
                for q in report.candidate_questions
            ],
            [0.34 * width, 0.16 * width, 0.34 * width, 0.16 * width],
        ),
        grid(
            [[item, "covered" if done else "not covered"] for item, done in report.checklist],
            [0.75 * width, 0.25 * width],
        ),
        Paragraph(escape(report.aspirations), body),
        *[Paragraph(escape(f"{n.section} min {n.minute}: {n.text}"), body) for n in report.notes],
        grid(
            [[f.kind_label, f.description, f.due.isoformat()] for f in report.follow_ups],
            [0.2 * width, 0.6 * width, 0.2 * width],
        ),
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=Paper.A4.size, initialFontName=SANS).build(story)
    return buffer.getvalue()


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_workspace(str(Path(tmp) / "bench.sqlite"))
        demo = create_demo(db)
        report = interview_report(db, demo.interview_ids[0])
        panel = panel_report(db, demo.candidate_ids[0])
        target = Path(tmp) / "summary.pdf"
        cases: dict[str, Callable[[], object]] = {
            "bare ReportLab, same text": lambda: bare_build(report),
            "bare ReportLab, same tables and radar": lambda: bare_layout(report),
            "interview summary (report to bytes)": lambda: render_interview(report, Paper.A4),
            "interview export (database to file)": lambda: export_interview_pdf(
                db, demo.interview_ids[0], target, paper=Paper.A4
            ),
            "panel summary, 3 interviews (report to bytes)": lambda: render_panel(panel, Paper.A4),
        }
        for work in cases.values():  # warm up: fonts registered, modules imported
            work()
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.rounds):
            for name, work in cases.items():
                samples[name].append(timed(work))
        db.close()
    medians = {name: statistics.median(values) for name, values in samples.items()}
    base = medians["bare ReportLab, same text"]
    layout = medians["bare ReportLab, same tables and radar"]
    print(f"{'case':<48} {'median ms':>10} {'min ms':>8} {'vs text':>8} {'vs layout':>9}")
    for name, values in samples.items():
        print(
            f"{name:<48} {medians[name]:>10.1f} {min(values):>8.1f} {medians[name] / base:>7.2f}x"
            f" {medians[name] / layout:>8.2f}x"
        )
    print(f"python {sys.version.split()[0]}, {args.rounds} interleaved rounds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
