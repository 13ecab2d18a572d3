"""After the interview: follow-ups created at submit and listed by the CLI, and the feedback letter."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.vocabulary import FollowUpKind, QuestionTopic
from interviewdesk.services.follow_ups import list_follow_ups, set_follow_up_done
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.store.database import Database
from tests.integration.pdf_support import read_pdf

INTERVIEW_DAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
PRIVATE = "Mentioned a health issue; not for anyone else."
SCALE_LABELS = ("Strong concern", "Below the bar", "Meets the bar", "Exceeds the bar")


def run_interview(db: Database, candidate: int, interviewer: str, scores: dict[str, tuple[int, str]]) -> int:
    interview_id = plan_interview(
        db, candidate_id=candidate, template_ref="general-structured", interviewer=interviewer
    )
    clock = ManualClock()
    session = open_live_session(db, interview_id, clock, now=lambda: INTERVIEW_DAY)
    session.start()
    clock.advance(1800)
    session.set_notes(1, 0, [(60.0, "Led the billing rewrite.", False), (90.0, PRIVATE, True)])
    key = session.log_question("What does on-call look like?", QuestionTopic.ROLE)
    session.update_question(replace(session.questions[key], follow_up_owed=True))
    session.log_question("Who would I work with?", QuestionTopic.TEAM, "Four engineers.")
    for cid, (level, evidence) in scores.items():
        session.set_score(cid, level)
        session.set_evidence(cid, evidence)
    session.set_recommendation("yes")
    session.submit()
    queue = SaveQueue(db, interview_id)
    assert queue.submit(session.take_batch()).result(5)
    queue.close()
    return interview_id


SCORES = {
    "ownership": (4, "Owned the outage follow-up and the customer refund."),
    "collaboration": (2, "Escalated before talking to the product manager."),
    "communication": (3, "Structured answers, checked understanding twice."),
    "problem-solving": (4, "Compared options with their costs before deciding."),
    "learning": (3, "Changed how she reviews code after feedback."),
}


def test_follow_ups_are_created_at_submit_and_listed(cli, db: Database) -> None:
    candidate = add_candidate(db, "Ada Lovelace")
    interview_id = run_interview(db, candidate, "Kwame Mensah", SCORES)
    items = list_follow_ups(db, today=date(2026, 11, 3))
    kinds = [(item.kind, item.description, item.due) for item in items]
    # general-structured promises: answers in 3 days, next steps in 3, feedback in 5; thanks the next day.
    assert kinds == [
        (FollowUpKind.THANK_YOU, "Thank-you note to Ada Lovelace", date(2026, 11, 3)),
        (FollowUpKind.ANSWER, "What does on-call look like?", date(2026, 11, 5)),
        (FollowUpKind.NEXT_STEPS, "Next steps promised in the closing", date(2026, 11, 5)),
        (FollowUpKind.FEEDBACK, "Feedback to Ada Lovelace", date(2026, 11, 7)),
    ]
    assert all(item.interview_id == interview_id and not item.overdue for item in items)

    overdue = list_follow_ups(db, today=date(2026, 11, 6), overdue_only=True)
    assert [item.kind for item in overdue] == [
        FollowUpKind.THANK_YOU,
        FollowUpKind.ANSWER,
        FollowUpKind.NEXT_STEPS,
    ]
    set_follow_up_done(db, overdue[0].id)
    assert [item.kind for item in list_follow_ups(db, today=date(2026, 11, 6), overdue_only=True)] == [
        FollowUpKind.ANSWER,
        FollowUpKind.NEXT_STEPS,
    ]

    # The command line, against today's date: all of them are long overdue by now.
    listed = cli("followups", "list", "--overdue", "--json")
    assert listed.code == 0, listed.err
    rows = json.loads(listed.out)
    assert [row["kind"] for row in rows] == ["answer", "next_steps", "feedback"]
    assert all(row["overdue"] and row["candidate"] == "Ada Lovelace" for row in rows)
    text = cli("followups", "list").out
    assert (
        "OVERDUE" in text
        and "Answer owed" in text
        and "What does on-call look like?" in text
        and "Kwame Mensah" in text
    )
    assert cli("followups", "done", str(rows[0]["id"])).code == 0
    assert len(json.loads(cli("followups", "list", "--json").out)) == 2
    mine = json.loads(cli("followups", "list", "--json", "--candidate", str(candidate)).out)
    assert mine and all(item["candidate"] == "Ada Lovelace" for item in mine)
    assert json.loads(cli("followups", "list", "--json", "--candidate", "999").out) == []
    bad = cli("followups", "done", "999")
    assert bad.code == 2 and "no follow-up 999" in bad.err


def test_the_feedback_letter_holds_no_scores_no_private_note_and_no_other_voice(
    cli, db: Database, tmp_path: Path
) -> None:
    candidate = add_candidate(db, "Ada Lovelace", role="Software Engineer")
    interview_id = run_interview(db, candidate, "Kwame Mensah", SCORES)
    other = {"ownership": (1, "Blamed the vendor for everything; another panelist's words.")}
    run_interview(db, candidate, "Priya Raman", other)
    target = tmp_path / "feedback.pdf"
    result = cli("export", "feedback", str(interview_id), "-o", str(target))
    assert result.code == 0, result.err
    text = read_pdf(target)
    assert text.has("Dear Ada Lovelace,") and text.has("Kwame Mensah")  # the full name
    assert "Page 1 of 1" not in text.flat and "Confidential" not in text.flat  # a letter, not a report
    assert text.has("What stood out") and text.has("Owned the outage follow-up and the customer refund.")
    assert text.has("Where you could grow") and text.has("Escalated before talking to the product manager.")
    assert text.has("What would make this stronger")
    flat = text.flat
    assert PRIVATE not in flat and "Led the billing rewrite" not in flat
    assert "another panelist" not in flat and "Priya Raman" not in flat
    for label in SCALE_LABELS:
        assert label not in flat
    assert "level" not in flat.lower() and "score" not in flat.lower()
    # The only numbers in the letter are its own date and the interview's.
    today = datetime.now().astimezone().date()
    rest = flat.replace("2 November 2026", "").replace(f"{today.day} {today:%B %Y}", "")
    assert not any(ch.isdigit() for ch in rest), rest


def test_an_edited_letter_is_exported_as_written_and_an_unsubmitted_one_is_refused(
    cli, db: Database, tmp_path: Path
) -> None:
    candidate = add_candidate(db, "Ada Lovelace")
    interview_id = run_interview(db, candidate, "Kwame Mensah", SCORES)
    draft = cli("export", "feedback", str(interview_id), "-o", str(tmp_path / "x.pdf"), "--draft").out
    edited = tmp_path / "letter.txt"
    edited.write_text(draft.replace("Dear Ada Lovelace,", "Dear Ada — שלום,"), encoding="utf-8")
    target = tmp_path / "edited.pdf"
    assert cli("export", "feedback", str(interview_id), "-o", str(target), "--text", str(edited)).code == 0
    assert read_pdf(target).has("שלום")
    planned = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
    refused = cli("export", "feedback", str(planned), "-o", str(tmp_path / "no.pdf"))
    assert refused.code == 2 and "not submitted" in refused.err
    assert not (tmp_path / "no.pdf").exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_the_organisation_set_once_heads_and_signs_every_letter(cli, db: Database, tmp_path: Path) -> None:
    candidate = add_candidate(db, "Ada Lovelace", role="Software Engineer")
    interview_id = run_interview(db, candidate, "Kwame Mensah", SCORES)
    assert "organisation: (not set" in cli("settings").out
    set_result = cli("settings", "--organisation", "  Northwind\n Traders ")
    assert set_result.code == 0 and "organisation: Northwind Traders" in set_result.out  # one line
    draft = cli("export", "feedback", str(interview_id), "--draft").out
    assert "spent with us at Northwind Traders on" in draft
    assert draft.rstrip().endswith("Kwame Mensah\nNorthwind Traders")
    target = tmp_path / "letter.pdf"
    assert cli("export", "feedback", str(interview_id), "-o", str(target)).code == 0
    text = read_pdf(target)
    assert text.pages[0].lstrip().startswith("Northwind Traders")  # the letterhead, above the date
    too_long = cli("settings", "--organisation", "N" * 121)
    assert too_long.code == 2 and "the limit is 120" in too_long.err
    assert "organisation: Northwind Traders" in cli("settings").out  # the refusal changed nothing
    cleared = cli("settings", "--organisation", "")
    assert "organisation: (not set" in cleared.out
    assert "at Northwind" not in cli("export", "feedback", str(interview_id), "--draft").out
