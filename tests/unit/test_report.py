"""The rules of a summary (flags, balance) without a database or ReportLab; paper and font runs."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from interviewdesk.domain.report import (
    Amendment,
    FlagKind,
    InterviewReport,
    RubricLine,
    SectionTiming,
    TaskLine,
    interview_flags,
)

WHEN = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def report(**changes: object) -> InterviewReport:
    base = InterviewReport(
        interview_id=1,
        candidate="Ada",
        candidate_role="Engineer",
        interviewer="Kwame",
        status="submitted",
        submitted=True,
        when=WHEN,
        template_name="T",
        template_version=1,
        planned_s=3600,
        actual_s=3600,
        sealed_at=WHEN,
        seal_hash="0" * 64,
        recommendation="Yes",
        summary="",
        aspirations="",
        rubric=(RubricLine("a", "Alpha", 3, "3 Meets", "anchor", "did X"),),
        scale=((1, "Low"), (3, "Meets")),
        sections=(
            SectionTiming("Questions", 2400, 2400, False, ("Q1",), ()),
            SectionTiming("Your questions", 1200, 1200, True, (), ()),
        ),
        intended_share=1 / 3,
        actual_share=1 / 3,
        candidate_questions=(),
        checklist=(),
        notes=(),
        follow_ups=(),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def kinds(r: InterviewReport) -> list[FlagKind]:
    return [flag.kind for flag in interview_flags(r)]


def test_a_clean_interview_has_no_flags() -> None:
    assert kinds(report()) == []


def test_each_rule_raises_its_flag() -> None:
    amended = Amendment(4, "4 High", "did X", "re-read notes", WHEN)
    r = report(
        status="live",
        submitted=False,
        rubric=(
            RubricLine("a", "Alpha", 3, "3 Meets", "anchor", "   "),
            RubricLine("b", "Beta", None, "", "", ""),
            RubricLine("c", "Gamma", 3, "3 Meets", "anchor", "ok", (amended,)),
        ),
        sections=(
            SectionTiming("Questions", 2400, 3590, False, ("Q1", "Q2"), ("Q2",)),
            SectionTiming("Your questions", 1200, 10, True, (), ()),
        ),
        actual_share=10 / 3600,
        tasks=(TaskLine("Explore", 1800, 2400, True, "EUR 200", "", "", "", (), started=True),),
    )
    assert kinds(r) == [
        FlagKind.NOT_SUBMITTED,
        FlagKind.NO_EVIDENCE,
        FlagKind.UNSCORED,
        FlagKind.QUESTIONS_NOT_ASKED,
        FlagKind.SECTION_SKIPPED,
        FlagKind.LOW_CANDIDATE_SHARE,
        FlagKind.AMENDED_AFTER_SEAL,
        FlagKind.NO_DISCLOSURE,
        FlagKind.TASK_OVER_TIME,
    ]


def test_share_within_rounding_of_the_plan_is_not_flagged() -> None:
    assert kinds(report(actual_share=1 / 3 - 0.004)) == []
    assert kinds(report(actual_share=1 / 3 - 0.02)) == [FlagKind.LOW_CANDIDATE_SHARE]


def test_an_interview_not_started_flags_no_skipped_sections() -> None:
    sections = (SectionTiming("Questions", 2400, 0, False, ("Q1",), ("Q1",)),)
    r = report(status="planned", submitted=False, actual_s=0, actual_share=None, sections=sections)
    assert kinds(r) == [FlagKind.NOT_SUBMITTED]


def test_a_short_section_with_a_note_or_an_asked_question_was_held_not_skipped() -> None:
    """Before, a section visited for under a minute with a note in it was flagged "skipped"."""
    brief = SectionTiming("Welcome", 300, 20, False, ("Q1",), ("Q1",))
    assert brief.skipped
    assert not replace(brief, noted=True).skipped
    assert not replace(brief, not_asked=()).skipped  # its question was asked


def test_flag_text_reads_after_a_title_that_ends_in_punctuation() -> None:
    sections = (
        SectionTiming("What would you change?", 2400, 2400, False, ("Q1",), ("Q1",)),
        SectionTiming("Your questions", 1200, 1200, True, (), ()),
    )
    (flag,) = interview_flags(report(sections=sections))
    assert flag.detail == "What would you change? — Q1"  # was "What would you change?: Q1"
    (plain,) = interview_flags(report(rubric=(RubricLine("a", "Alpha", 3, "3 Meets", "anchor", ""),)))
    assert plain.detail == "Alpha: level 3 with no evidence"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "de_DE.UTF-8", "LC_PAPER": "en_CA.UTF-8"}, "letter"),
        ({"LC_ALL": "fr_FR.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "a4"),
        ({"LANG": "C.UTF-8"}, "a4"),
        ({}, "a4"),
    ],
)
def test_paper_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    from interviewdesk.export.pdf.page import paper_for_locale

    assert paper_for_locale(environ).value == expected


def test_font_runs_cover_every_script_and_keep_every_character() -> None:
    from interviewdesk.export.pdf.fonts import ARABIC, CJK, HEBREW, SANS, font_runs

    text = "Zoë, Ирина & Γιώργος: דנה לוי / ليلى — 王小明 やまだ (2)"
    runs = font_runs(text)
    assert "".join(run.text for run in runs) == text
    families = {run.family for run in runs}
    assert families == {SANS, HEBREW, ARABIC, CJK}
    assert next(run for run in runs if "דנה" in run.text).family == HEBREW
    assert next(run for run in runs if "王" in run.text).family == CJK


def test_recommendation_tally_counts_submitted_interviews_only() -> None:
    from interviewdesk.domain.report import recommendation_tally

    reports = [
        report(recommendation="Yes"),
        report(recommendation="Strong yes"),
        report(recommendation="Yes"),
        report(recommendation="No", submitted=False, status="live"),
    ]
    assert recommendation_tally(reports) == "2 Yes, 1 Strong yes"
    assert recommendation_tally([]) == ""
    assert report().script_coverage == (1, 1)


def test_the_panel_combines_role_clarity_and_lists_what_is_owed() -> None:
    from datetime import date

    from interviewdesk.domain.report import FollowUpLine, PanelMember, PanelReport

    first = report(
        interviewer="Priya",
        checklist=(("Pay range", True), ("On-call", False)),
        follow_ups=(FollowUpLine("Feedback", "Feedback to Ada", date(2026, 11, 26), False),),
    )
    second = report(
        interviewer="Jonas",
        checklist=(("Pay range", False), ("On-call", False), ("Remote work", True)),
        follow_ups=(
            FollowUpLine("Answer owed", "On-call rota", date(2026, 11, 24), False),
            FollowUpLine("Next steps", "Done already", date(2026, 11, 20), True),
        ),
        aspirations="Lead a team",
    )
    panel = PanelReport("Ada", "Engineer", (PanelMember(first), PanelMember(second)), ())
    assert panel.checklist() == [("Pay range", ["Priya"]), ("On-call", []), ("Remote work", ["Jonas"])]
    assert [(who, f.description) for who, f in panel.open_promises()] == [
        ("Jonas", "On-call rota"),
        ("Priya", "Feedback to Ada"),
    ]
    assert panel.aspirations() == [("Jonas", "Lead a team")]


def test_brackets_in_right_to_left_text_are_mirrored() -> None:
    """Before, "שלום (עולם) טוב" was drawn as "בוט )םלוע( םולש": brackets facing away from their words."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from interviewdesk.export.pdf.text import draw_line

    drawn: list[str] = []

    class Recording(Canvas):
        def drawString(self, x, y, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(str(text))

    draw_line(Recording(io.BytesIO()), 0, 0, "שלום (עולם) טוב", 10)
    assert "".join(drawn) == "בוט (םלוע) םולש"


def test_a_wrapped_right_to_left_paragraph_keeps_its_direction_on_every_line() -> None:
    """Before, a line of a Hebrew paragraph that began with a Latin word was laid out left to right."""
    from interviewdesk.export.pdf.styles import make_styles
    from interviewdesk.export.pdf.text import BidiText

    text = "שלום " * 6 + "Python " * 6 + "עולם " * 6
    block = BidiText(text, make_styles().body)
    block.wrap(80, 1000)
    lines = block._break_lines(80)
    assert len(lines) > 3 and any(line.startswith("Python") for line, _ in lines)
    assert {direction for _, direction in lines} == {"R"}
    _first, rest = block.split(80, 2 * make_styles().body.leading)
    assert {d for _, d in rest._break_lines(80)} == {"R"}  # also on the next page
