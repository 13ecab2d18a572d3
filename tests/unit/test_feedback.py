"""The feedback draft: the full name, the levels that hold now, and never a bare competency name."""

from __future__ import annotations

from datetime import UTC, datetime

from interviewdesk.domain.report import Amendment, RubricLine
from interviewdesk.services.feedback import compose
from tests.unit.test_report import report

ANCHORS = ((1, "Rarely follows through."), (3, "Follows through."), (4, "Takes ownership unasked."))


def test_a_competency_without_evidence_is_described_not_named_bare() -> None:
    line = RubricLine("own", "Ownership", 4, "4 High", "Takes ownership unasked.", "", anchors=ANCHORS)
    text = compose(report(rubric=(line,), scale=((1, "Low"), (3, "Meets"), (4, "High"))))
    assert text.startswith("Dear Ada,")  # the candidate is "Ada" in this report
    assert "- Ownership: Takes ownership unasked." in text
    assert "- Ownership.\n" not in text + "\n"


def test_an_amended_level_decides_where_a_competency_goes() -> None:
    amended = Amendment(
        1, "1 Low", "Missed two hand-offs.", "re-read notes", datetime(2026, 11, 3, tzinfo=UTC)
    )
    line = RubricLine("own", "Ownership", 4, "4 High", "", "Saw it through.", (amended,), ANCHORS)
    text = compose(report(rubric=(line,), scale=((1, "Low"), (3, "Meets"), (4, "High"))))
    growth = text.split("Where you could grow")[1]
    assert "Missed two hand-offs." in growth and "What stood out" not in text
