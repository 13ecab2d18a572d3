"""The candidates of a role side by side: numbers against a case worked out by hand."""

from __future__ import annotations

from dataclasses import replace

from interviewdesk.domain.role_compare import InterviewFacts, compare

TECH, TALK = ("tech", "Technical depth"), ("talk", "Communication")
WEIGHTS = {TECH: 2.0, TALK: 1.0}


def interview(
    n: int, levels: dict, *, submitted: bool = True, minutes: float = 60, own: float = 10, **more
) -> InterviewFacts:  # type: ignore[type-arg]
    facts = InterviewFacts(
        interview_id=n,
        interviewer=f"Interviewer {n}",
        submitted=submitted,
        template="engineer",
        version=1,
        template_name="Engineer interview",
        levels=levels,
        weights=WEIGHTS,
        recommendation="Yes" if submitted else None,
        questions=10,
        asked=10,
        spent_s=minutes * 60,
        planned_s=3600,
        own_questions_s=own * 60,
        own_questions_planned_s=600,
    )
    return replace(facts, **more)


def test_means_counts_weights_and_flags_by_hand() -> None:
    result = compare(
        "Engineer",
        [
            (
                1,
                "Ada",
                [
                    interview(1, {TECH: 4, TALK: 3}),
                    interview(2, {TECH: 2, TALK: 3}),
                    interview(3, {TECH: 1}, submitted=False),
                ],
            ),
            (2, "Bo", [interview(4, {TECH: 4}, minutes=30, own=2, recommendation="No")]),
            (3, "Cy", [interview(5, {TECH: 1, TALK: 1}, submitted=False, version=2)]),
        ],
    )
    ada, bo, cy = result.lines
    assert result.competencies == (TECH, TALK) and result.weighted
    # Ada: the unsubmitted interview's 1 is kept out; tech (4+2)/2 = 3, talk 3; overall (2*3 + 1*3) / 3.
    assert (ada.cells[TECH].mean, ada.cells[TECH].count, ada.cells[TECH].spread) == (3.0, 2, 2)
    assert (ada.cells[TALK].mean, ada.cells[TALK].count) == (3.0, 2)
    assert (
        ada.overall == 3.0 and ada.recommendations == {"Yes": 2} and (ada.interviews, ada.submitted) == (3, 2)
    )
    assert "the panel disagrees on Technical depth (2 to 4)" in ada.flags
    # Bo: communication nobody scored, left out of the overall; a short interview, little own time.
    assert bo.overall == 4.0 and bo.cells[TALK].count == 0 and bo.recommendations == {"No": 1}
    assert "nobody scored Communication" in bo.flags
    assert "Engineer interview: 30 min, the median 60" in bo.unequal  # median of 60, 60, 60, 30, 60
    assert "Engineer interview: 2 of 10 min planned for the candidate's own questions" in bo.unequal
    # Cy: nothing submitted, so no numbers; held on another version of the template.
    assert cy.overall is None and cy.cells[TECH].mean is None and cy.submitted == 0
    assert cy.flags == ("no submitted interview yet",)
    assert cy.unequal == ("Engineer interview: version 2, most had version 1",)
    assert ada.treatment.asked_share == 1.0 and ada.treatment.spent_s == 3 * 3600


def test_a_kind_of_interview_most_had_is_missed_and_planned_ones_do_not_count() -> None:
    culture = {"template": "culture", "template_name": "Culture conversation"}
    result = compare(
        "Engineer",
        [
            (1, "Ada", [interview(1, {TECH: 3}), interview(2, {TALK: 3}, **culture)]),
            (2, "Bo", [interview(3, {TECH: 3}), interview(4, {TALK: 3}, **culture)]),
            (
                3,
                "Cy",
                [
                    interview(5, {TECH: 3}),
                    interview(6, {}, submitted=False, spent_s=0, **culture, started=False),
                ],
            ),
        ],
    )
    assert result.lines[2].unequal == ("no Culture conversation held (most had one)",)
    assert result.lines[0].unequal == () and result.lines[1].unequal == ()
    assert result.lines[2].treatment.planned_s == 3600  # the planned conversation is not counted
