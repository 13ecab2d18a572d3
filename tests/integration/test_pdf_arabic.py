"""Arabic is drawn in its joined, contextual forms and in the right order.

Text extraction alone could not see the bug: the letters were drawn isolated and each word came out
backwards (the bidi algorithm's visual order was handed to a shaper that reverses right-to-left
text itself), yet extracted as the right letters. So the glyphs drawn are compared with what
HarfBuzz, asked directly, makes of the same words in the same font.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import uharfbuzz as hb

from interviewdesk.export.pdf.fonts import ARABIC, register_fonts
from interviewdesk.resources import resource
from interviewdesk.services.pdf_export import export_interview_pdf
from interviewdesk.store.database import Database
from tests.integration.pdf_support import Spec, drawn_text, store_interview

NAME = "محمد العلي"
INTERVIEWER = "ليلى حداد"


def harfbuzz_forms(text: str) -> set[str]:
    """The characters of the glyphs HarfBuzz chooses for ``text`` in our Arabic font."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    glyph_chars = pdfmetrics.getFont(ARABIC).face.glyphToChar
    font = hb.Font(hb.Face(hb.Blob(resource("fonts", "NotoSansArabic-Regular.ttf").read_bytes())))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"kern": True, "liga": True, "dlig": False})
    return {
        chr(glyph_chars[info.codepoint][0]) for info in buffer.glyph_infos if info.codepoint in glyph_chars
    }


def test_arabic_names_are_drawn_joined_and_in_order(db: Database, tmp_path: Path) -> None:
    _, interview_id = store_interview(db, Spec(candidate=NAME, interviewer=INTERVIEWER))
    target = tmp_path / "summary.pdf"
    export_interview_pdf(db, interview_id, target)
    drawn = drawn_text(target)
    for word in (NAME, INTERVIEWER):
        forms = harfbuzz_forms(word)
        assert any(unicodedata.normalize("NFKC", ch) != ch for ch in forms)  # contextual forms exist
        matches = [t for t in drawn if unicodedata.normalize("NFKC", t) == word]
        assert matches, (word, drawn[:12])  # the right letters, in the right order
        for text in matches:
            assert set(text) - {" "} == forms - {" "}, (word, text)  # each in the form HarfBuzz chose
