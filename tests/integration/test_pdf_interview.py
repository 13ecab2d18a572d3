"""The interview summary PDF, read back as text: content, flags, private notes, paper and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.export.pdf.page import PRIVATE_BANNER
from interviewdesk.services.demo import create_demo
from interviewdesk.services.demo_data import PANEL
from interviewdesk.services.reports import interview_report
from interviewdesk.store.database import Database
from tests.integration.pdf_support import Spec, font_names, read_pdf, store_interview

PRIVATE_NOTE = "Would now split the ledger write from the notification step earlier."


@pytest.fixture
def demo(db: Database):
    return create_demo(db)


def export(cli, *args: str) -> None:
    result = cli("export", *args)
    assert result.code == 0, result.err
    assert result.err == ""


def test_demo_interview_summary_holds_what_the_panel_needs(cli, db: Database, demo, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    export(cli, "pdf", str(demo.interview_ids[0]), "-o", str(target))
    text = read_pdf(target)
    spec = PANEL[0]
    report = interview_report(db, demo.interview_ids[0])
    assert text.has("Amara Okafor") and text.has(spec["interviewer"])
    assert text.has("Software engineer interview, version 1")
    assert text.has("75 min planned, 75 min actual")
    assert text.has("Strong yes")
    for line in report.rubric:  # every competency with its level, its label and anchor
        assert text.has(line.name) and text.has(line.level_label), line.name
        assert text.has(line.anchor)
    for question, topic, answer, _owed in spec["questions"]:
        assert text.has(question) and text.has(answer)
        assert text.has(QuestionTopic(topic).label)
    assert text.has("FOLLOW-UP OWED")
    assert text.has("Two-way balance")
    assert text.has("Notes") and text.has("min 6")  # the minute stamp of a note written at 320 s
    assert not text.has(PRIVATE_NOTE) and PRIVATE_BANNER not in text.flat


def test_private_notes_only_on_request_and_then_every_page_says_so(cli, demo, tmp_path: Path) -> None:
    shared, private = tmp_path / "shared.pdf", tmp_path / "private.pdf"
    export(cli, "pdf", str(demo.interview_ids[0]), "-o", str(shared))
    export(cli, "pdf", str(demo.interview_ids[0]), "-o", str(private), "--include-private")
    assert not read_pdf(shared).has(PRIVATE_NOTE)
    pages = read_pdf(private).pages
    assert read_pdf(private).has(PRIVATE_NOTE)
    assert len(pages) > 1
    # A band at the top and at the bottom of every page; the note itself set apart and labelled.
    assert all(" ".join(page.split()).count(PRIVATE_BANNER) == 2 for page in pages)
    assert read_pdf(private).has("PRIVATE NOTE · min 16")
    from pypdf import PdfReader

    meta = PdfReader(private).metadata
    assert meta is not None and "includes private notes" in (meta.title or "")
    assert "includes private notes" in (meta.subject or "")


def test_every_kind_of_flag_is_printed(cli, db: Database, tmp_path: Path) -> None:
    # general-structured: 0 welcome 5, 1 background 10 (2 q), 2 behavioural 23 (4 q), 3 the role 5 (1 q),
    # 4 the candidate's questions 12, 5 closing 5.
    spec = Spec(
        section_minutes=[5, 14, 30, 0.1, 3, 6],
        asked={(1, 0), (1, 1), (2, 0), (2, 1)},
        scores={
            "ownership": (3, "Saw the migration through, named her mistake."),
            "collaboration": (2, ""),
            "communication": (None, ""),
            "problem-solving": (3, "Compared three options with costs."),
            "learning": (4, "Asks for critical feedback every sprint."),
        },
        amendments=[("ownership", 4, "Re-read my notes after the debrief")],
    )
    _, interview_id = store_interview(db, spec)
    target = tmp_path / "flags.pdf"
    export(cli, "pdf", str(interview_id), "-o", str(target))
    text = read_pdf(target)
    assert text.has("Score without evidence") and text.has("Collaboration: level 2 with no evidence")
    assert text.has("NO EVIDENCE")
    assert text.has("Competency not scored") and text.has("NOT SCORED")
    assert text.has("Section skipped") and text.has("The role, honestly")
    assert text.has("Script questions not asked")
    assert text.has("Tell me about something that went wrong and that you were responsible for.")
    assert text.has("Less time for the candidate's questions than planned")
    assert text.has("Amended after the seal") and text.has("Re-read my notes after the debrief")
    assert text.has("amended to 4 Exceeds the bar")


def test_a_clean_interview_has_no_flags(cli, db: Database, tmp_path: Path) -> None:
    _, interview_id = store_interview(db, Spec())
    target = tmp_path / "clean.pdf"
    export(cli, "pdf", str(interview_id), "-o", str(target))
    assert read_pdf(target).has("No flags.")


NAMES = {
    "accented Latin": "Zoë Ångström-Núñez",
    "Cyrillic": "Ирина Петрова",
    "Greek": "Γιώργος Παπαδόπουλος",
    "Hebrew": "דנה לוי",
    "Arabic": "ليلى حداد",
    "Chinese": "王小明",
    "Japanese": "山田 さくら",
}


@pytest.mark.parametrize("script", NAMES)
def test_names_and_notes_in_every_script_extract_back_exactly(
    cli, db: Database, tmp_path: Path, script: str
) -> None:
    name = NAMES[script]
    note = f"{name} {name}"
    _, interview_id = store_interview(
        db,
        Spec(
            candidate=name,
            interviewer=name,
            notes=[(1, 120.0, note, False)],
            questions=[(name, QuestionTopic.TEAM, name, False)],
        ),
    )
    target = tmp_path / "scripts.pdf"
    export(cli, "pdf", str(interview_id), "-o", str(target))
    text = read_pdf(target)
    lines = {line.strip() for page in text.pages for line in page.splitlines()}
    assert name in lines  # the title line: exactly the name, nothing garbled
    assert text.flat.count(name) >= 6  # title, header, footer, interviewer, question, answer, note
    assert text.has(note)
    # User text is set in the embedded fonts, never in a built-in one.
    assert not {f for f in font_names(target) if "Helvetica" in f or "Times" in f or "Courier" in f}


def test_mixed_direction_text_keeps_its_words(cli, db: Database, tmp_path: Path) -> None:
    """What holds for a Latin sentence with a Hebrew name inside: every word extracts intact."""
    note = "Spoke with דנה לוי about the SQL test"
    _, interview_id = store_interview(db, Spec(notes=[(1, 60.0, note, False)]))
    target = tmp_path / "mixed.pdf"
    export(cli, "pdf", str(interview_id), "-o", str(target))
    flat = read_pdf(target).flat
    for word in ("Spoke", "with", "דנה", "לוי", "about", "the", "SQL", "test"):
        assert word in flat


def test_long_notes_paginate_with_name_and_page_number_on_every_page(
    cli, db: Database, tmp_path: Path
) -> None:
    paragraph = "The candidate described the migration in detail, step by step, with numbers. " * 40
    hebrew = "המועמדת תיארה את ההגירה בפירוט רב, צעד אחר צעד. " * 60
    notes = [(2, 60.0 * i, paragraph, False) for i in range(1, 8)] + [(2, 900.0, hebrew, False)]
    _, interview_id = store_interview(db, Spec(notes=notes))
    target = tmp_path / "long.pdf"
    export(cli, "pdf", str(interview_id), "-o", str(target))
    pages = read_pdf(target).pages
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Zoë Ångström" in page
    # Every right-to-left word survives the page breaks (punctuation at a line's end may move).
    assert read_pdf(target).flat.count("אחר") == 60


def test_paper_follows_the_option_and_the_locale(
    cli, demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter, a4, by_locale = tmp_path / "letter.pdf", tmp_path / "a4.pdf", tmp_path / "locale.pdf"
    export(cli, "pdf", "1", "-o", str(letter), "--paper", "letter")
    export(cli, "pdf", "1", "-o", str(a4), "--paper", "a4")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    export(cli, "pdf", "1", "-o", str(by_locale))

    def size(path: Path) -> tuple[int, int]:
        box = PdfReader(path).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    assert size(letter) == (612, 792) == size(by_locale)
    assert size(a4) == (595, 842)


def test_unknown_ids_and_bad_paths_fail_with_one_line_and_leave_no_file(cli, demo, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    cases = [
        (("pdf", "999", "-o", str(tmp_path / "a.pdf")), "no interview 999"),
        (("panel", "999", "-o", str(tmp_path / "b.pdf")), "no candidate 999"),
        (("pdf", "1", "-o", str(tmp_path / "missing" / "c.pdf")), "does not exist"),
        (("panel", "1", "-o", str(tmp_path)), "is a folder"),
    ]
    for args, message in cases:
        result = cli("export", *args)
        assert result.code == 2, args
        assert message in result.err and result.err.count("\n") == 1, result.err
        assert "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _full_disk(_fd: int) -> None:
    raise OSError(28, "No space left on device")


def _killed(_fd: int) -> None:
    raise KeyboardInterrupt  # what SIGINT does in the middle of the write


@pytest.mark.parametrize(
    "case",
    [(_full_disk, 2, "No space left on device"), (_killed, 130, "")],
    ids=["full disk", "killed midway"],
)
def test_a_failed_write_leaves_the_existing_file_as_it_was(
    cli, demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[object, int, str]
) -> None:
    fault, code, message = case
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "summary.pdf"
    export(cli, "pdf", "1", "-o", str(target))
    before = target.read_bytes()
    monkeypatch.setattr("interviewdesk.atomic.os.fsync", fault)
    result = cli("export", "pdf", "2", "-o", str(target))
    assert result.code == code
    assert message in result.err and result.err.count("\n") == (1 if message else 0)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]  # no temporary file left


def test_every_page_says_confidential_and_when_and_the_file_says_who(db: Database, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from interviewdesk.services.pdf_export import export_interview_pdf
    from tests.integration.pdf_support import Spec, placed_text, store_interview

    long_name = "Maximilian " + "Alexander-" * 12 + "von Habsburg-Lothringen"  # 142 characters
    _, interview_id = store_interview(db, Spec(candidate=long_name, interviewer="Priya Raman"))
    target = tmp_path / "summary.pdf"
    export_interview_pdf(db, interview_id, target)
    reader = PdfReader(target)
    meta = reader.metadata
    assert meta is not None and meta.author == "Priya Raman" and "Priya Raman" in (meta.subject or "")
    assert str(reader.trailer["/Root"].get("/Lang")) == "en"
    assert not str(meta.get("/CreationDate", "")).startswith("D:2000")  # a real date, not a fixed one
    for page in range(len(reader.pages)):
        text = " ".join(t for _y, _x, t in placed_text(target, page))
        assert "Confidential: candidate personal data" in text and "exported 20" in text and "UTC" in text
    header = [(x, t) for y, x, t in placed_text(target, 0) if y > 800]
    title_x, title = min(header)
    name_x, name = max(header)
    assert name.endswith("…") and title.startswith("InterviewDesk")  # cut, not drawn over the title
    assert name_x > title_x + 150


def test_a_fixed_source_date_makes_the_same_export_the_same_bytes(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundle's check compares its PDFs with the venv's byte for byte under SOURCE_DATE_EPOCH."""
    from interviewdesk.services.pdf_export import Paper, export_interview_pdf
    from tests.integration.pdf_support import Spec, read_pdf, store_interview

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18 11:06:40 UTC
    monkeypatch.setenv("TZ", "UTC")
    _, interview_id = store_interview(db, Spec())
    first = export_interview_pdf(db, interview_id, tmp_path / "one.pdf", paper=Paper.A4)
    second = export_interview_pdf(db, interview_id, tmp_path / "two.pdf", paper=Paper.A4)
    assert first.read_bytes() == second.read_bytes()
    assert read_pdf(first).has("exported 2026-11-18 11:06")


def test_an_emoji_no_font_has_is_named_not_dropped(db: Database, tmp_path: Path) -> None:
    """Before, "Zoë 🙂 Ng" came out as "Zoë  Ng", a double space where the emoji was."""
    from interviewdesk.services.pdf_export import export_interview_pdf
    from tests.integration.pdf_support import Spec, store_interview

    _, interview_id = store_interview(db, Spec(candidate="Zoë 🙂 Ng", interviewer="Sam 👩‍💻 Lee"))
    target = tmp_path / "summary.pdf"
    export_interview_pdf(db, interview_id, target)
    text = read_pdf(target).flat
    assert "Zoë [slightly smiling face] Ng" in text
    assert "[woman]" in text and "[personal computer]" in text


def test_evidence_longer_than_a_page_splits_across_pages(db: Database, tmp_path: Path) -> None:
    """Before, a table cell taller than a page (pasted evidence, a 100,000-character template
    name) stopped the export with ReportLab's LayoutError."""
    from interviewdesk.services.pdf_export import export_interview_pdf, export_panel_pdf
    from tests.integration.pdf_support import Spec, store_interview

    essay = " ".join(f"evidence{n}" for n in range(3000))  # about 35,000 characters
    scores = {"ownership": (3, essay), "collaboration": (3, "Short.")}
    candidate_id, interview_id = store_interview(db, Spec(scores=scores))
    target = tmp_path / "summary.pdf"
    export_interview_pdf(db, interview_id, target)
    words = set(read_pdf(target).flat.split())
    assert {"evidence0", "evidence1500", "evidence2999"} <= words
    export_panel_pdf(db, candidate_id, tmp_path / "panel.pdf")


def test_stamps_sit_in_the_margin_and_numbers_line_up_on_the_right(cli, demo, tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from interviewdesk.export.pdf.fonts import SANS, register_fonts
    from interviewdesk.export.pdf.page import MARGIN
    from tests.integration.pdf_support import placed_text

    target = tmp_path / "summary.pdf"
    export(cli, "pdf", str(demo.interview_ids[0]), "-o", str(target))
    pages = [placed_text(target, page) for page in range(3)]
    stamps = [(x, t) for page in pages for _y, x, t in page if t.startswith("min ")]
    assert stamps and all(x < MARGIN for x, _ in stamps)  # in the left margin, not on a line of their own
    register_fonts()
    timing = next(page for page in pages if any(t == "Two-way balance:" for _y, _x, t in page))
    minutes = [(x, t) for _y, x, t in timing if t.endswith(" min") and t[0].isdigit()]
    right_edges = {round(x + stringWidth(t, SANS, 8.5)) for x, t in minutes}
    assert len(minutes) >= 6 and len(right_edges) <= 2  # the Planned and the Actual column
