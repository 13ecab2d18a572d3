"""The panel summary PDF of one candidate, read back as text."""

from __future__ import annotations

from pathlib import Path
from statistics import fmean

from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.services.demo import create_demo
from interviewdesk.services.demo_data import PANEL
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
    # Every competency row: the levels in panel order ("-" where not scored), the mean, the spread.
    levels: dict[str, list[int | None]] = {}
    for index, spec in enumerate(PANEL):
        for competency, (level, _) in spec["scores"].items():
            levels.setdefault(competency, [None] * len(PANEL))[index] = level
    assert len(levels) >= 8
    for row in levels.values():
        scored = [lv for lv in row if lv is not None]
        cells = " ".join("-" if lv is None else str(lv) for lv in row)
        spread = max(scored) - min(scored)
        expected = f"{cells} {fmean(scored):.1f} {spread}"
        assert expected in first, expected
    assert "Collaboration 4 2 - 3.0 2 apart" in first  # the disagreement, flagged in the matrix
    assert "Disagreements to discuss (1)" in first and "Collaboration: Priya Raman 4, Jonas Weber 2" in first
    assert "Recommendations" in first and "Strong yes" in first
    # What the candidate cares about: every question of every interview, grouped under its topic.
    for spec in PANEL:
        for question, topic, _answer, _owed in spec["questions"]:
            assert " ".join(question.split()) in first, question
            assert QuestionTopic(topic).label in first
    # Then each interview's summary as an appendix.
    assert text.flat.count("Appendix: interview with") == len(PANEL)
    assert text.flat.count("Interview summary") == len(PANEL)


def test_unsubmitted_interviews_are_marked(cli, db: Database, tmp_path: Path) -> None:
    demo = create_demo(db)
    target = tmp_path / "panel.pdf"
    assert cli("export", "panel", str(demo.candidate_ids[1]), "-o", str(target)).code == 0
    text = read_pdf(target)
    assert text.has("Not yet submitted; their scores may change:")
    assert text.has("Jonas Weber (planned)")
    assert text.has("(not submitted)")


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
    assert "ليلى حداد" in lines[header + 2 : header + 4]
