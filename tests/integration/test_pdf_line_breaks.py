"""Chinese and Japanese break between characters; the words of other scripts beside them do not.

ReportLab's CJK wrap broke a Latin word wherever the line ran out ("architectur|e") when a cell
also held Chinese, because it looked back only half a line for a space.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interviewdesk.export.pdf.styles import make_styles
from interviewdesk.export.pdf.text import user_text
from interviewdesk.services.pdf_export import export_interview_pdf
from interviewdesk.store.database import Database
from tests.integration.pdf_support import Spec, read_pdf, store_interview

MIXED = (
    "张伟 discussed distributed systems architecture and the replay tool 面试官认为很好。"
    "他解释了 idempotency keys, observability dashboards and internationalisation 的问题。"
)
LATIN_WORDS = re.findall(r"[A-Za-z]+", MIXED)


def laid_out_lines(text: str, width: float) -> list[str]:
    paragraph = user_text(text, make_styles().body)
    paragraph.wrap(width, 10_000)
    return ["".join(frag.text for frag in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("width", range(95, 400, 9))
def test_latin_words_beside_chinese_stay_whole_at_every_width(width: int) -> None:
    lines = laid_out_lines(MIXED, width)
    words_per_line = [re.findall(r"[A-Za-z]+", line) for line in lines]
    assert [word for words in words_per_line for word in words] == LATIN_WORDS  # none cut in two
    assert "".join(lines).replace(" ", "") == MIXED.replace(" ", "")  # nothing lost or doubled
    assert not any(line[:1] in "。、，" for line in lines)  # a closing mark never starts a line


def test_chinese_alone_still_breaks_between_characters_and_fills_the_line() -> None:
    text = "面试官认为候选人的回答非常具体并且举出了很多真实的例子" * 3
    lines = laid_out_lines(text, 120)
    assert len(lines) > 3 and "".join(lines) == text
    assert all(len(line) >= 10 for line in lines[:-1])  # full lines, not a word per line


def test_a_word_wider_than_the_line_is_cut_only_where_it_must_be() -> None:
    lines = laid_out_lines("张伟 Pneumonoultramicroscopicsilicovolcanoconiosis", 90)
    assert lines[0] == "张伟" and "".join(lines[1:]) == "Pneumonoultramicroscopicsilicovolcanoconiosis"


def test_a_rubric_cell_with_chinese_keeps_its_english_words_in_the_pdf(db: Database, tmp_path: Path) -> None:
    # The same evidence after a few more characters each time, so its breaks fall everywhere.
    ids = ("ownership", "collaboration", "communication", "problem-solving", "learning")
    scores = {cid: (3, "好" * shift + MIXED) for shift, cid in enumerate(ids)}
    _, interview_id = store_interview(db, Spec(template="general-structured", scores=scores))
    target = export_interview_pdf(db, interview_id, tmp_path / "mixed.pdf")
    words = {word for page in read_pdf(target).pages for word in re.findall(r"[A-Za-z]+", page)}
    assert {"architecture", "internationalisation", "observability", "idempotency"} <= words
