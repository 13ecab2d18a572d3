"""The export commands: an interview's summary, a candidate's panel, a feedback letter."""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewdesk.cli.common import Commands, command, group, open_db, row_id, wrote
from interviewdesk.cli.review import add_role_arguments
from interviewdesk.errors import UserError


def add_export_commands(commands: Commands) -> None:
    export = group(commands, "export", "PDF summaries for the hiring panel, and feedback letters")
    pdf = command(
        export, "pdf", "one interview's summary", "export pdf 4 -o amara-okafor.pdf --paper a4", _export_pdf
    )
    pdf.add_argument("interview", type=row_id, metavar="INTERVIEW_ID", help="from `interviews list`")
    pdf.add_argument(
        "--include-private", action="store_true", help="include private notes (every page then says so)"
    )
    panel = command(
        export,
        "panel",
        "a candidate's whole panel: the decision, the scores, then every interview",
        "export panel 1 -o panel.pdf",
        _export_panel,
    )
    panel.add_argument("candidate", type=row_id, metavar="CANDIDATE_ID", help="from `candidates list`")
    feedback = command(
        export,
        "feedback",
        "a feedback letter to the candidate (print the draft, edit it, export it)",
        "export feedback 4 --draft > letter.txt",
        _export_feedback,
    )
    feedback.add_argument("interview", type=row_id, metavar="INTERVIEW_ID", help="a submitted interview")
    feedback.add_argument(
        "--text", type=Path, metavar="FILE", help="your edited letter (UTF-8 text) instead of the draft"
    )
    feedback.add_argument(
        "--draft", action="store_true", help="print the draft as text instead of writing a PDF"
    )
    role = command(
        export,
        "role",
        "the candidates of a role side by side: scores, recommendations, equal treatment",
        'export role "Software Engineer" -o role.pdf --sort name',
        _export_role,
    )
    add_role_arguments(role)
    for sub in (pdf, panel, feedback, role):
        # Only the draft (printed as text) needs no file to write.
        sub.add_argument(
            "-o",
            "--output",
            type=Path,
            required=sub is not feedback,
            metavar="FILE.pdf",
            help="where to write the PDF (- for standard output)",
        )
        sub.add_argument(
            "--paper", choices=("a4", "letter"), help="paper size (default: from the locale, e.g. LC_PAPER)"
        )


def _export_pdf(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.pdf_export import Paper, export_interview_pdf

    paper = Paper(args.paper) if args.paper else None
    export_interview_pdf(
        open_db(target), args.interview, args.output, include_private=args.include_private, paper=paper
    )
    private = " (with private notes)" if args.include_private else ""
    wrote(f"wrote the summary of interview {args.interview}{private} to", args.output)
    return 0


def _export_panel(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.pdf_export import Paper, export_panel_pdf

    paper = Paper(args.paper) if args.paper else None
    export_panel_pdf(open_db(target), args.candidate, args.output, paper=paper)
    wrote(f"wrote the panel summary of candidate {args.candidate} to", args.output)
    return 0


def _export_role(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.cli.review import chosen
    from interviewdesk.services.pdf_export import Paper, export_role_pdf

    chosen(args)
    paper = Paper(args.paper) if args.paper else None
    export_role_pdf(
        open_db(target), args.output, args.role, template=args.template, sort=args.sort, paper=paper
    )
    wrote(f"wrote the comparison of {args.role or 'template ' + args.template} to", args.output)
    return 0


def _export_feedback(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.feedback import feedback_draft
    from interviewdesk.services.pdf_export import Paper, export_feedback_pdf

    db = open_db(target)
    if args.draft:
        print(feedback_draft(db, args.interview).text)
        return 0
    if args.output is None:
        raise UserError("export feedback needs -o FILE.pdf (or --draft to print the draft).")
    text = None
    if args.text is not None:
        try:
            text = args.text.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read {args.text}: {getattr(exc, 'strerror', None) or exc}") from None
    paper = Paper(args.paper) if args.paper else None
    export_feedback_pdf(db, args.interview, args.output, text=text, paper=paper)
    wrote(f"wrote the feedback letter for interview {args.interview} to", args.output)
    return 0
