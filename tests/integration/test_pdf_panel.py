"""The panel summary PDF of one candidate, read back as text."""

from __future__ import annotations

from pathlib import Path
from statistics import fmean

from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.services.demo import create_demo
from interviewdesk.services.demo_data import PANEL
from interviewdesk.services.interview_list import list_interviews
from interviewdesk.services.pdf_export import export_panel_pdf
from interviewdesk.store.database import Database
from tests.integration.pdf_support import read_pdf


def test_demo_panel_page_holds_the_matrix_with_means(cli, db: Database, tmp_path: Path) -> None:
    demo = create_demo(db)
    target = tmp_path / "panel.pdf"
    result = cli("export", "panel", str(demo.candidate_ids[0]), "-o", str(target))
    assert result.code == 0, result.err
    text = read_pdf(target)
    first = " ".join(text.pages[0].split())
    assert "Amara Okafor" in first and "3 interviews" in first
    for spec in PANEL:
        assert spec["interviewer"] in first
    # Every competency row: the levels in panel order ("-" where not scored), how many scored it,
    # the mean, and the spread (none with one scorer).
    levels: dict[str, list[int | None]] = {}
    for index, spec in enumerate(PANEL):
        for competency, (level, _) in spec["scores"].items():
            levels.setdefault(competency, [None] * len(PANEL))[index] = level
    assert len(levels) >= 8
    for row in levels.values():
        scored = [lv for lv in row if lv is not None]
        cells = " ".join("-" if lv is None else str(lv) for lv in row)
        spread = max(scored) - min(scored) if len(scored) > 1 else "-"
        expected = f"{cells} {len(scored)} {fmean(scored):.1f} {spread}"
        assert expected in first, expected
    assert "Collaboration 4 2 - 2 3.0 2 apart" in first  # the disagreement, flagged in the matrix
    assert "Disagreements to discuss (1)" in first
    assert "Collaboration Interviewer Level Evidence Priya Raman 4 " in first
    assert "Jonas Weber 2 " in first
    assert "Recommendations" in first and "Submitted: 2 Yes, 1 Strong yes." in first
    # Each interviewer on one line: recommendation, sealed when, script coverage, the
    # candidate's share of the time, flags.
    assert "Priya Raman Strong yes 20" in first and " 6 of 6 16% 1 " in first
    assert " 3 of 3 49% 0 " in first
    # The candidate's side: every question of every interview with its topic, the answer given
    # and whom it was asked of; what they want; what nobody told them; what is still owed.
    opening = " ".join(" ".join(text.pages[:2]).split())
    for spec in PANEL:
        for question, topic, answer, _owed in spec["questions"]:
            assert " ".join(question.split()) in opening, question
            assert QuestionTopic(topic).label in opening
            if answer:
                assert " ".join(answer.split())[:40] in opening, answer
        assert " ".join(spec["aspirations"].split()) in opening
    assert "Not told by anyone:" in opening and "Still owed to the candidate (" in opening
    # Then each interview's summary as an appendix.
    assert text.flat.count("Appendix: interview with") == len(PANEL)
    assert text.flat.count("Interview summary") == len(PANEL)


def test_unsubmitted_interviews_are_marked(cli, db: Database, tmp_path: Path) -> None:
    demo = create_demo(db)
    target = tmp_path / "panel.pdf"
    assert cli("export", "panel", str(demo.candidate_ids[1]), "-o", str(target)).code == 0
    text = read_pdf(target)
    assert text.has("Not yet submitted; their scores may change:")
    assert text.has("Jonas Weber (planned, not held yet)")
    assert text.has("not submitted")  # in the recommendations


def test_progress_reports_every_step_and_ends_complete(db: Database, tmp_path: Path) -> None:
    demo = create_demo(db)
    steps: list[tuple[int, int]] = []
    export_panel_pdf(
        db, demo.candidate_ids[0], tmp_path / "p.pdf", progress=lambda d, t: steps.append((d, t))
    )
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_candidate_without_interviews_is_one_clear_line(cli, tmp_path: Path) -> None:
    assert cli("candidates", "add", "Noor Haddad").code == 0
    result = cli("export", "panel", "1", "-o", str(tmp_path / "none.pdf"))
    assert result.code == 2 and "has no interviews" in result.err
    assert not (tmp_path / "none.pdf").exists()


def test_right_to_left_interviewer_names_in_the_matrix_extract_exactly(
    cli, db: Database, tmp_path: Path
) -> None:
    from interviewdesk.services.planning import plan_interview
    from tests.integration.pdf_support import Spec, store_interview

    candidate_id, _ = store_interview(db, Spec(candidate="Zoë Ångström", interviewer="דנה לוי"))
    # A second interview of the same candidate, not yet held, by an Arabic-named interviewer.
    plan_interview(db, candidate_id=candidate_id, template_ref="general-structured", interviewer="ليلى حداد")
    target = tmp_path / "panel.pdf"
    assert cli("export", "panel", str(candidate_id), "-o", str(target)).code == 0
    first = read_pdf(target).pages[0]
    lines = [line.strip() for line in first.splitlines()]
    header = lines.index("Competency")  # the matrix's header row: one interviewer per column
    assert lines[header + 1] == "דנה לוי"
    assert lines[header + 2] == "Scored"  # the interview not held yet has no column of empty marks
    assert "ليلى حداد" in lines[: lines.index("Competency")]  # it is named above, with its state


def test_mixed_script_names_keep_their_own_scores(db: Database, tmp_path: Path) -> None:
    """Before, "Priya Raman 4, محمد العلي 2, יונתן לוי 3" was one bidi paragraph and read as if the
    Arabic-named interviewer gave 3. Each name now shares a table row with its own level."""
    from tests.integration.pdf_support import Spec, placed_text, store_interview

    given = {"Priya Raman": 4, "محمد العلي": 2, "יונתן לוי": 3, "王芳": 4}
    candidate_id = None
    for name, level in given.items():
        scores = {"collaboration": (level, f"Evidence from {name}."), "ownership": (3, "Owned it.")}
        candidate_id, _ = store_interview(
            db, Spec(interviewer=name, scores=scores), candidate_id=candidate_id
        )
    target = tmp_path / "panel.pdf"
    export_panel_pdf(db, candidate_id, target)
    placed = placed_text(target)
    heading_y = next(y for y, _x, text in placed if text.startswith("Disagreements to discuss"))
    level_x = next(x for y, x, text in placed if text == "Level" and y < heading_y)
    for name, level in given.items():
        row_y = next(y for y, _x, text in placed if text == name and y < heading_y)
        in_level_column = [text for y, x, text in placed if y == row_y and abs(x - level_x) < 1]
        assert in_level_column == [str(level)], (name, in_level_column)


def test_amended_and_unsubmitted_scores_are_stated_as_they_are(db: Database, tmp_path: Path) -> None:
    """Before: an amended score showed its sealed value unmarked, and an unsubmitted interview's
    scores entered the mean and the spread."""
    from interviewdesk.domain.vocabulary import InterviewStatus
    from tests.integration.pdf_support import Spec, store_interview

    scores = {"collaboration": (4, "Led the review."), "ownership": (3, "Owned it.")}
    candidate_id, _ = store_interview(
        db,
        Spec(interviewer="Priya Raman", scores=scores, amendments=[("collaboration", 2, "Misread my notes")]),
    )
    draft = {"collaboration": (1, "Draft."), "ownership": (1, "Draft.")}
    store_interview(
        db,
        Spec(interviewer="Jonas Weber", scores=draft, status=InterviewStatus.COMPLETED),
        candidate_id=candidate_id,
    )
    target = tmp_path / "panel.pdf"
    export_panel_pdf(db, candidate_id, target)
    first = " ".join(read_pdf(target).pages[0].split())
    assert "Collaboration 2 (was 4) (1) 1 2.0 -" in first
    assert "Ownership 3 (1) 1 3.0 -" in first
    assert "are not counted in the mean or spread" in first and "Disagreements to discuss" not in first


def test_a_large_panel_is_set_in_several_tables(db: Database, tmp_path: Path) -> None:
    """Before, 24 or more interviews failed with ReportLab's "negative availWidth" ValueError."""
    from tests.integration.pdf_support import Spec, store_interview

    candidate_id = None
    for n in range(26):
        candidate_id, _ = store_interview(
            db, Spec(interviewer=f"Panelist {n:02d}"), candidate_id=candidate_id
        )
    target = tmp_path / "panel.pdf"
    export_panel_pdf(db, candidate_id, target)
    text = read_pdf(target)
    head = " ".join(" ".join(text.pages[:3]).split())
    assert all(f"Panelist {n:02d}" in head for n in range(26))
    assert head.count("Competency") >= 6  # 26 interviewers in tables of five
    assert "Ownership 3 26 3.0 0" in head  # the counts once, after the last of them (the 26th)
    assert text.flat.count("Appendix: interview with") == 26


def test_export_time_grows_with_a_note_s_length_not_its_square(db: Database, tmp_path: Path) -> None:
    """Before, one long note was one Paragraph laid out again at every page break: 100 KB took
    7 s, 400 KB 2 min. Counted in layout work, not seconds: the pieces a note becomes."""
    from interviewdesk.export.pdf.styles import make_styles
    from interviewdesk.export.pdf.text import LONG_LINE, user_paragraphs

    styles = make_styles()
    one_line = "word " * 40_000  # 200 KB without a line break
    pieces = user_paragraphs(one_line, styles.body)
    assert len(pieces) >= len(one_line) // LONG_LINE
    assert all(len(p.text) <= LONG_LINE for p in pieces)  # type: ignore[attr-defined]
    assert " ".join(p.text for p in pieces).split() == one_line.split()  # type: ignore[attr-defined]
    lines = "first line\nsecond line\n\nafter a blank"
    assert [p.text for p in user_paragraphs(lines, styles.body)] == lines.split("\n")  # type: ignore[attr-defined]


def test_a_planned_interview_is_one_plain_line_not_a_page_of_red(cli, db: Database, tmp_path: Path) -> None:
    """Before: "NOT SCORED" rows, every checklist item "not covered", "-23 min under", a one-dot
    radar and "the candidate's own questions took not measured of the interview"."""
    demo = create_demo(db)
    planned = [
        r for r in list_interviews(db, candidate_id=demo.candidate_ids[1]) if r.status.value == "planned"
    ]
    target = tmp_path / "planned.pdf"
    assert cli("export", "pdf", str(planned[0].id), "-o", str(target)).code == 0
    text = read_pdf(target)
    assert len(text.pages) == 1 and text.has("Not held yet")
    for noise in ("NOT SCORED", "not covered", "under", "not measured", "Rubric", "Timing"):
        assert noise not in text.flat, noise


def test_the_outline_leads_to_each_interview(db: Database, tmp_path: Path) -> None:
    from pypdf import PdfReader

    demo = create_demo(db)
    target = tmp_path / "panel.pdf"
    export_panel_pdf(db, demo.candidate_ids[0], target)
    reader = PdfReader(target)
    top, children = reader.outline[0], reader.outline[1]
    assert top.title == "Panel summary: Amara Okafor" and reader.get_destination_page_number(top) == 0
    assert [c.title for c in children] == [f"Interview with {spec['interviewer']}" for spec in PANEL]
    for child in children:  # each bookmark opens the page where that appendix begins
        page = reader.pages[reader.get_destination_page_number(child)].extract_text()
        assert f"Appendix: {child.title[0].lower()}{child.title[1:]}" in " ".join(page.split())
