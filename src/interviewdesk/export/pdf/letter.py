"""The feedback letter to a candidate: the interviewer's edited text, set as a plain letter."""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from interviewdesk.export.pdf.page import PageFrame, Paper, build_pdf
from interviewdesk.export.pdf.styles import make_styles
from interviewdesk.export.pdf.text import user_text


def render_letter(
    text: str,
    candidate: str,
    paper: Paper,
    *,
    dated: date | None = None,
    organisation: str | None = None,
) -> bytes:
    """A letter, not a report: the organisation's name and the date at the top, no running header
    or "page 1 of 1". Blank lines separate paragraphs; a line starting with "- " is a point of a
    list, with a hanging indent."""
    styles = make_styles()
    point = ParagraphStyle("point", parent=styles.body, leftIndent=10, firstLineIndent=-8)
    story: list[Flowable] = []
    if organisation:
        story += [user_text(organisation, styles.heading), Spacer(1, 4)]
    if dated is not None:
        story += [Paragraph(f"{dated.day} {dated:%B %Y}", styles.body), Spacer(1, 10)]
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        heading = len(lines) > 1 and lines[1].startswith("- ") and not lines[0].startswith("- ")
        for index, line in enumerate(lines):
            if index == 0 and heading:
                story.append(user_text(line, styles.heading))
            elif line.startswith("- "):
                story.append(user_text("• " + line[2:], point))
            else:
                story.append(user_text(line, styles.body))
        story.append(Spacer(1, 6))
    frame = PageFrame("Feedback", candidate, private=False, confidential=False, furniture=False)
    subject = f"Feedback for {candidate}" + (f" from {organisation}" if organisation else "")
    return build_pdf(story, frame=frame, paper=paper, subject=subject)
