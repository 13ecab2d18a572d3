"""Privacy follows the text: which lines carry a private note's words."""

from __future__ import annotations

from interviewdesk.domain import privacy

SECRET = "Mentioned a health issue that made her leave the last job."


def test_a_linked_copy_an_edited_copy_and_a_longer_line_all_carry_it() -> None:
    assert privacy.carries(f"[m7] {SECRET}", SECRET)
    assert privacy.carries("[m7] Mentioned a health issue that made her leave the job.", SECRET)  # edited
    assert privacy.carries(f"Strong owner. [m7] {SECRET} Led the migration.", SECRET)  # inside a longer line
    assert privacy.carries("  mentioned A HEALTH issue that made her\tleave the last job. ", SECRET)


def test_unrelated_and_short_shared_lines_are_kept() -> None:
    assert not privacy.carries("[m3] Led the billing rewrite with four people.", SECRET)
    assert not privacy.carries("health", SECRET)  # a word in common is not a copy
    assert not privacy.carries("", SECRET) and not privacy.carries("Anything.", "")


def test_withhold_drops_only_the_lines_that_carry_it() -> None:
    evidence = f"[m3] Led the billing rewrite.\n[m7] {SECRET}\nAsked good questions."
    assert privacy.withhold(evidence, [SECRET]) == "[m3] Led the billing rewrite.\nAsked good questions."
    assert privacy.withhold(evidence, []) == evidence
