"""The feedback letter to a candidate: the interviewer's edited text, set as a plain letter."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from interviewdesk.export.pdf.page import PageFrame, Paper, build_pdf
from interviewdesk.export.pdf.styles import make_styles
from interviewdesk.export.pdf.text import user_text


def render_letter(text: str, candidate: str, paper: Paper) -> bytes:
    """Blank lines separate paragraphs; a line starting with "- " is a point of a list."""
    styles = make_styles()
    story: list[Flowable] = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        heading = len(lines) > 1 and lines[1].startswith("- ") and not lines[0].startswith("- ")
        for index, line in enumerate(lines):
            if index == 0 and heading:
                story.append(user_text(line, styles.heading))
            elif line.startswith("- "):
                story.append(user_text("• " + line[2:], styles.body))
            else:
                story.append(user_text(line, styles.body))
        story.append(Spacer(1, 6))
    frame = PageFrame("Feedback", candidate, private=False, confidential=False)
    return build_pdf(story, frame=frame, paper=paper, subject=f"Feedback for {candidate}")
