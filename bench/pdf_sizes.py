"""PDF export time against the amount of text, and a panel of eight interviewers.

    python bench/pdf_sizes.py

A note of 100 KB to 1 MB (as lines, and as one paragraph without a line break), each exported in
process, beside a bare ReportLab build of the same text in the same font (one Paragraph per 3,000
characters, nothing of ours), run interleaved in the same process. Export time should grow with the
length (the ratio to the bare build stays flat), not with its square. Then a panel of eight
interviews (five competencies each), five runs. Results: docs/performance.md.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.integration.pdf_support import Spec, store_interview

from interviewdesk.export.pdf import Paper
from interviewdesk.export.pdf.fonts import SANS, register_fonts
from interviewdesk.services.pdf_export import export_interview_pdf, export_panel_pdf
from interviewdesk.services.workspace import open_workspace

LINE = "the candidate walked through the migration and named what failed first " * 2


def bare(text: str) -> None:
    register_fonts()
    style = ParagraphStyle("plain", fontName=SANS, fontSize=9.5, leading=12.5)
    pieces = [text[i : i + 3000] for i in range(0, len(text), 3000)]
    SimpleDocTemplate(io.BytesIO(), pagesize=Paper.A4.size, initialFontName=SANS).build(
        [Paragraph(escape(p), style) for p in pieces]
    )


def timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_workspace(str(folder / "sizes.sqlite3"))
        print("| note | shape | export | bare ReportLab | ratio |")
        print("| --- | --- | --- | --- | --- |")
        for kb in (100, 200, 400, 1000):
            for shape in ("lines", "one paragraph"):
                count = kb * 1024 // (len(LINE) + 1)
                text = "\n".join([LINE] * count) if shape == "lines" else " ".join([LINE] * count)
                _, interview_id = store_interview(db, Spec(candidate="Long", notes=[(1, 60.0, text, False)]))
                ours = timed(lambda: export_interview_pdf(db, interview_id, folder / "n.pdf"))  # noqa: B023
                base = timed(lambda: bare(text))  # noqa: B023
                print(f"| {kb} KB | {shape} | {ours:.2f} s | {base:.2f} s | {ours / base:.2f}x |", flush=True)
        candidate_id = None
        for n in range(8):
            candidate_id, _ = store_interview(
                db, Spec(interviewer=f"Panelist {n}"), candidate_id=candidate_id
            )
        runs = sorted(timed(lambda: export_panel_pdf(db, candidate_id, folder / "p.pdf")) for _ in range(5))
        print(f"\npanel of 8 interviews: min {runs[0] * 1000:.0f} ms, median {runs[2] * 1000:.0f} ms")
        db.close()


if __name__ == "__main__":
    main()
