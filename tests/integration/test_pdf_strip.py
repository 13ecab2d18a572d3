"""The panel's strip plot: no mark for what nobody scored (the radar drew it as 0), a shape per
interviewer, hollow marks for an unsubmitted interview, and every name drawn in its own script
(the radar's legend had one font, so 7 of 8 non-Latin names were blank)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from interviewdesk.export.pdf import strip
from interviewdesk.export.pdf.fonts import register_fonts
from interviewdesk.export.pdf.strip import Strand, StripPlot
from interviewdesk.services.pdf_export import export_panel_pdf
from interviewdesk.store.database import Database
from tests.integration.pdf_support import Spec, placed_text, store_interview

NAMES = ["Priya Raman", "محمد العلي", "יונתן לוי", "王芳", "Ελένη Π.", "Иван Петров", "佐藤 花子", "Zoë 🙂"]


def test_marks_only_for_what_was_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    register_fonts()
    drawn: list[tuple[int, bool]] = []
    monkeypatch.setattr(strip, "_mark", lambda _c, _x, _y, index, *, hollow: drawn.append((index, hollow)))
    plot = StripPlot(
        ["Ownership", "Design", "Nobody scored this"],
        [Strand("A", [4, None, None]), Strand("B", [2, 3, None], counted=False)],
        top_level=4,
    )
    plot.wrap(400, 800)
    plot.canv = Canvas(io.BytesIO())
    plot.draw()
    in_rows = drawn[:3]  # then one mark per strand in the legend
    assert sorted(in_rows) == [(0, False), (1, True), (1, True)]
    assert drawn[3:] == [(0, False), (1, True)]
    assert len(strip.SHAPES) >= 8


def test_every_name_in_the_chart_is_drawn_in_its_script(db: Database, tmp_path: Path) -> None:
    candidate_id = None
    for n, name in enumerate(NAMES):
        scores = {"ownership": (1 + n % 4, "Owned it."), "collaboration": (2, "Worked well.")}
        candidate_id, _ = store_interview(
            db, Spec(interviewer=name, scores=scores), candidate_id=candidate_id
        )
    target = tmp_path / "panel.pdf"
    export_panel_pdf(db, candidate_id, target)
    from pypdf import PdfReader

    pages = [[t for _y, _x, t in placed_text(target, page)] for page in range(len(PdfReader(target).pages))]
    text = next(page for page in pages if "Scores at a glance" in page)  # the chart's page alone
    heading = text.index("Scores at a glance")
    chart = " ".join(text[heading:])
    for name in NAMES:
        assert name.split()[0] in chart, name
