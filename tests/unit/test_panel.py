"""Panel aggregation: the matrix, means, spreads, disagreements and questions by topic."""

from __future__ import annotations

import pytest

from interviewdesk.domain.panel import PanelScores, competency_matrix, questions_by_topic
from interviewdesk.domain.vocabulary import QuestionTopic

NAMES = [
    ("ownership", "Ownership"),
    ("collaboration", "Collaboration"),
    ("design", "Design"),
    ("unused", "U"),
]


def test_matrix_means_spreads_and_disagreements() -> None:
    panel = [
        PanelScores("Priya", {"ownership": 4, "collaboration": 4, "design": 4}),
        PanelScores("Jonas", {"ownership": 4, "collaboration": 2}),
        PanelScores("Lucía", {"ownership": 3, "collaboration": None}),
    ]
    rows = competency_matrix(NAMES, panel)
    assert [r.competency_id for r in rows] == ["ownership", "collaboration", "design"]
    ownership, collaboration, design = rows
    assert ownership.levels == (4, 4, 3)
    assert ownership.mean == pytest.approx(11 / 3)
    assert (ownership.spread, ownership.disagreement) == (1, False)
    assert collaboration.levels == (4, 2, None)
    assert (collaboration.mean, collaboration.spread, collaboration.disagreement) == (3.0, 2, True)
    assert (design.mean, design.spread, design.disagreement) == (4.0, 0, False)


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
