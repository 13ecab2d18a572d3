"""Minute stamps are written and read in one place."""

from __future__ import annotations

from interviewdesk.domain import stamps


def test_minutes_count_from_one_like_a_clock_hand() -> None:
    assert [stamps.minute(s) for s in (0, 59.9, 60, 3599)] == [1, 1, 2, 60]
    assert stamps.minute_label(400) == "m7"


def test_linked_evidence_round_trips() -> None:
    evidence = "\n".join([stamps.linked(400, "Rebuilt the billing jobs."), stamps.linked(10, "Asked why.")])
    assert evidence == "[m7] Rebuilt the billing jobs.\n[m1] Asked why."
    assert stamps.strip_linked(evidence) == "Rebuilt the billing jobs.\nAsked why."
