"""Panel aggregation: the matrix, means, spreads, disagreements and questions by topic, honestly
(before: unsubmitted scores entered the mean, an amended score showed its old value, one scorer
showed "spread 0", one id under two names was merged under the first, weights were ignored)."""

from __future__ import annotations

import pytest

from interviewdesk.domain.panel import Mark, PanelScores, competency_matrix, has_weights, questions_by_topic
from interviewdesk.domain.vocabulary import QuestionTopic

OWN, COLLAB, DESIGN = ("ownership", "Ownership"), ("collaboration", "Collaboration"), ("design", "Design")
NAMES = [OWN, COLLAB, DESIGN, ("unused", "U")]


def scores(who: str, levels: dict[tuple[str, str], int | None], *, submitted: bool = True) -> PanelScores:
    return PanelScores(who, {k: Mark(v, counted=submitted) for k, v in levels.items()}, submitted=submitted)


def test_matrix_means_spreads_and_disagreements() -> None:
    panel = [
        scores("Priya", {OWN: 4, COLLAB: 4, DESIGN: 4}),
        scores("Jonas", {OWN: 4, COLLAB: 2}),
        scores("Lucía", {OWN: 3, COLLAB: None}),
    ]
    rows = competency_matrix(NAMES, panel)
    assert [r.competency_id for r in rows] == ["ownership", "collaboration", "design"]
    ownership, collaboration, design = rows
    assert ownership.levels == (4, 4, 3) and ownership.count == 3
    assert ownership.mean == pytest.approx(11 / 3)
    assert (ownership.spread, ownership.disagreement) == (1, False)
    assert collaboration.levels == (4, 2, None)
    assert (collaboration.mean, collaboration.spread, collaboration.disagreement) == (3.0, 2, True)
    assert (design.count, design.mean, design.spread, design.disagreement) == (1, 4.0, None, False)


def test_unsubmitted_marks_are_shown_but_not_counted() -> None:
    panel = [scores("Priya", {OWN: 4}), scores("Draft", {OWN: 1}, submitted=False)]
    (row,) = competency_matrix(NAMES, panel)
    assert row.levels == (4, 1)  # shown
    assert (row.count, row.mean, row.spread, row.disagreement) == (1, 4.0, None, False)


def test_an_amended_mark_counts_at_its_new_value() -> None:
    amended = PanelScores("Jonas", {OWN: Mark(2, sealed_level=4, amended=True)})
    (row,) = competency_matrix(NAMES, [scores("Priya", {OWN: 4}), amended])
    assert row.scored == [4, 2] and row.disagreement
    assert row.marks[1].sealed_level == 4


def test_one_id_under_two_names_is_two_rows() -> None:
    first, second = ("impact", "Impact"), ("impact", "Customer impact")
    rows = competency_matrix([first, second], [scores("A", {first: 3}), scores("B", {second: 5})])
    assert [(r.name, r.levels) for r in rows] == [("Impact", (3, None)), ("Customer impact", (None, 5))]
    assert not any(r.disagreement for r in rows)


def test_weighted_overall() -> None:
    weighted = PanelScores("Priya", {OWN: Mark(4), COLLAB: Mark(2)}, weights={OWN: 3.0, COLLAB: 1.0})
    assert weighted.weighted_overall() == pytest.approx(3.5)
    assert has_weights([weighted]) and not has_weights([scores("Jonas", {OWN: 3})])
    assert PanelScores("Nobody", {OWN: Mark(None)}).weighted_overall() is None


def test_questions_grouped_by_topic_most_asked_first() -> None:
    grouped = questions_by_topic(
        [
            (QuestionTopic.GROWTH, "How are promotions decided?"),
            (QuestionTopic.TEAM, "Who would I work with?"),
            (QuestionTopic.TEAM, "Can I meet someone who joined recently?"),
        ]
    )
    assert list(grouped) == [QuestionTopic.TEAM, QuestionTopic.GROWTH]
    assert grouped[QuestionTopic.TEAM] == [
        "Who would I work with?",
        "Can I meet someone who joined recently?",
    ]
    assert QuestionTopic.TEAM.label == "Team"
