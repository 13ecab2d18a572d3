"""The debrief stress case (stress_case.py), read back: every name in every script on page 1 next
to its own score, the amended value marked, the unsubmitted interview out of the mean, whole words
in the headers, the emoji there, Arabic shaped, and an outline to every interview."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from interviewdesk.services.pdf_export import export_panel_pdf
from interviewdesk.store.database import Database
from tests.integration.pdf_support import drawn_text, placed_text, read_pdf
from tests.integration.stress_case import AMENDED, PANEL, UNSUBMITTED, build_stress_case


@pytest.fixture
def stress_pdf(db: Database, tmp_path: Path) -> Path:
    target = tmp_path / "stress.pdf"
    export_panel_pdf(db, build_stress_case(db), target)
    return target


def test_page_one_states_every_score_honestly(stress_pdf: Path) -> None:
    first = " ".join(read_pdf(stress_pdf).pages[0].split())
    assert "Submitted: 8 Yes." in first
    assert "2 (was 4)" in first  # the amended score, with the sealed value beside it
    # Collaboration over the seven submitted: 4 3 2 2 3 3 4 -> 3.0; with the draft's 1 it was 2.8.
    assert "Collaboration (1) 3 4 - 7 3.0 2 apart" in first
    assert "[slightly smiling face]" in first  # named, not dropped
    placed = placed_text(stress_pdf)
    assert any(text == "Παπαδοπούλου" or "Παπαδοπούλου" in text.split() for _y, _x, text in placed)
    arabic = [t for t in drawn_text(stress_pdf) if unicodedata.normalize("NFKC", t) == "محمد العلي"]
    assert arabic and all(any("\ufe70" <= ch <= "\ufeff" for ch in t) for t in arabic)  # joined forms


def test_each_name_keeps_its_own_score_in_the_disagreement(stress_pdf: Path) -> None:
    reader = PdfReader(stress_pdf)
    for page in range(len(reader.pages)):
        placed = placed_text(stress_pdf, page)
        if any(t.startswith("Disagreements to discuss") for _y, _x, t in placed):
            break
    heading_y = next(y for y, _x, t in placed if t.startswith("Disagreements to discuss"))
    level_x = next(x for y, x, t in placed if t == "Level" and y < heading_y)
    for name, level in PANEL.items():
        if name == UNSUBMITTED:
            continue  # not counted, so not a side of the disagreement
        shown = 2 if name == AMENDED else level
        row_y = next(y for y, _x, t in placed if t.startswith(name.split()[0]) and y < heading_y)
        cells = [t for y, x, t in placed if y == row_y and abs(x - level_x) < 1]
        assert cells == [str(shown)], (name, cells)


def test_the_long_interview_and_the_outline(stress_pdf: Path) -> None:
    text = read_pdf(stress_pdf)
    assert "What they asked (60)" in " ".join(text.flat.split())
    reader = PdfReader(stress_pdf)
    children = reader.outline[1]
    assert len(children) == len(PANEL) + 1  # and the working interview
