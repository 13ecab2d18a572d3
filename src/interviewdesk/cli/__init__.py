"""The `interviewdesk` command.

With no subcommand it opens the window; every subcommand works headless. This module imports no
Qt and no ReportLab: the window and the PDF code are imported only by the commands that need them.
Bad input prints one line on stderr and exits non-zero, having changed nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from interviewdesk import __version__
from interviewdesk.cli.common import PROG, Parser, close_opened, open_db, row_id, split_qt_options
from interviewdesk.cli.safekeeping import add_safekeeping_commands
from interviewdesk.config import resolve_db_target
from interviewdesk.errors import UserError
from interviewdesk.logs import start_logging


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog=PROG, description="Structured interview notes, scoring and panel summaries.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", help="SQLite file or database URL (default: your data folder)"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="also print what the app logs (and debug lines) on stderr"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    templates = commands.add_parser("templates", help="role templates").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )
    listing = templates.add_parser("list", help="list templates (newest versions)")
    listing.add_argument("--all-versions", action="store_true", help="list every stored version")
    listing.set_defaults(run=_templates_list)
    imp = templates.add_parser("import", help="import a template file (a changed file makes a new version)")
    imp.add_argument("file", type=Path)
    imp.set_defaults(run=_templates_import)
    exp = templates.add_parser("export", help="write a stored template as YAML")
    exp.add_argument("id", help="a version's number, or a template id for its newest version")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.set_defaults(run=_templates_export)

    candidates = commands.add_parser("candidates", help="candidates").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )
    add = candidates.add_parser("add", help="add a candidate; prints the new id")
    add.add_argument("name")
    add.add_argument("--role", default="")
    add.add_argument("--email", default="")
    add.set_defaults(run=_candidates_add)
    candidates.add_parser("list", help="list candidates").set_defaults(run=_candidates_list)

    interviews = commands.add_parser("interviews", help="interviews").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )
    new = interviews.add_parser("new", help="plan an interview; prints the new id")
    new.add_argument("--candidate", type=row_id, required=True, metavar="ID")
    new.add_argument("--template", required=True, metavar="ID")
    new.add_argument("--interviewer", metavar="NAME")
    new.add_argument(
        "--at", metavar="ISO-TIME", help="when, e.g. 2026-11-23T14:30 (local time unless a zone is given)"
    )
    new.set_defaults(run=_interviews_new)
    ilist = interviews.add_parser("list", help="list interviews, newest first")
    ilist.add_argument("--json", action="store_true", help="one JSON array, for scripts")
    ilist.add_argument("--candidate", type=row_id, metavar="ID")
    ilist.set_defaults(run=_interviews_list)

    _add_followups(commands)
    _add_exports(commands)
    add_safekeeping_commands(commands, candidates)

    live = commands.add_parser("open", help="open the live window for one interview")
    live.add_argument("interview", type=row_id, metavar="INTERVIEW_ID")
    live.set_defaults(run=_open_interview)

    commands.add_parser("demo", help="add a realistic demo candidate and panel").set_defaults(run=_demo)
    settings = commands.add_parser("settings", help="show (or change) the settings kept with the data")
    settings.add_argument(
        "--organisation", metavar="NAME", help="the name that signs feedback letters ('' clears it)"
    )
    settings.set_defaults(run=_settings)
    about = commands.add_parser("about", help="the version, where the data and the log are, the licences")
    about.add_argument("--licences", action="store_true", help="print every licence in full")
    about.set_defaults(run=_about)
    desktop = commands.add_parser(
        "menu-entry", help="add InterviewDesk (with its icon) to your application menu, or remove it"
    )
    desktop.add_argument("action", choices=("install", "remove"))
    desktop.set_defaults(run=_menu_entry)
    return parser


def _about(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.config import data_dir
    from interviewdesk.logs import log_path
    from interviewdesk.notices import full_text, summary

    if args.licences:
        print(full_text())
        return 0
    print(f"InterviewDesk {__version__}")
    print(f"data folder: {data_dir()}")
    if "://" in target:  # a server's URL: never print its password
        from sqlalchemy.engine import make_url

        target = make_url(target).render_as_string(hide_password=True)
    print(f"database:    {target}")
    print(f"log file:    {log_path()}")
    print(f"\nShipped with (`{PROG} about --licences` prints each licence in full):")
    print(summary())
    return 0


def _menu_entry(args: argparse.Namespace, _target: str) -> int:
    from interviewdesk.services.desktop_entry import install, remove

    if args.action == "install":
        files = install()
        print(f"added to the application menu: {files.entry}")
        print(f"icons and metainfo beside it under {files.entry.parents[1]}")
    else:
        removed = remove()
        print(f"removed {len(removed)} file(s)" if removed else "there was no menu entry to remove")
    return 0


def _settings(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.erasure import retention_days
    from interviewdesk.services.settings import organisation, set_organisation

    db = open_db(target)
    if args.organisation is not None:
        set_organisation(db, args.organisation)
    days = retention_days(db)
    print(f"organisation: {organisation(db) or '(not set; letters are signed by the interviewer alone)'}")
    print(f"retention:    {f'{days} days after the last interview' if days else 'off'}")
    return 0


def _add_followups(commands: argparse._SubParsersAction[Parser]) -> None:
    followups = commands.add_parser("followups", help="what is owed after interviews").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )
    flist = followups.add_parser("list", help="open follow-ups by due date")
    flist.add_argument("--overdue", action="store_true", help="only those past their due date")
    flist.add_argument("--all", action="store_true", help="done ones too")
    flist.add_argument("--json", action="store_true", help="one JSON array, for scripts")
    flist.set_defaults(run=_followups_list)
    fdone = followups.add_parser("done", help="mark a follow-up done (--undo: open again)")
    fdone.add_argument("id", type=row_id, metavar="FOLLOWUP_ID")
    fdone.add_argument("--undo", action="store_true")
    fdone.set_defaults(run=_followups_done)


def _add_exports(commands: argparse._SubParsersAction[Parser]) -> None:
    export = commands.add_parser("export", help="PDF summaries for the hiring panel").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )
    pdf = export.add_parser("pdf", help="one interview's summary")
    pdf.add_argument("interview", type=row_id, metavar="INTERVIEW_ID")
    pdf.add_argument(
        "--include-private", action="store_true", help="include private notes (every page then says so)"
    )
    panel = export.add_parser("panel", help="a candidate's whole panel: matrix, then every interview")
    panel.add_argument("candidate", type=row_id, metavar="CANDIDATE_ID")
    feedback = export.add_parser(
        "feedback", help="a feedback letter to the candidate (a draft to edit first)"
    )
    feedback.add_argument("interview", type=row_id, metavar="INTERVIEW_ID")
    feedback.add_argument(
        "--text", type=Path, metavar="FILE", help="your edited letter (UTF-8 text) instead of the draft"
    )
    feedback.add_argument(
        "--draft", action="store_true", help="print the draft as text instead of writing a PDF"
    )
    for sub, run in ((pdf, _export_pdf), (panel, _export_panel), (feedback, _export_feedback)):
        # Only the draft (printed as text) needs no file to write.
        sub.add_argument("-o", "--output", type=Path, required=sub is not feedback, metavar="FILE.pdf")
        sub.add_argument(
            "--paper", choices=("a4", "letter"), help="paper size (default: from the locale, e.g. LC_PAPER)"
        )
        sub.set_defaults(run=run)


def main(argv: Sequence[str] | None = None) -> int:
    ours, qt_options = split_qt_options(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(ours)
    args.qt_options = qt_options  # Qt's own options (-style fusion, -reverse) for the windows
    start_logging(verbose=args.verbose)
    target = resolve_db_target(args.db)
    run: Callable[[argparse.Namespace, str], int] | None = getattr(args, "run", None)
    try:
        if run is None:
            return _open_window(target, qt_options)
        return run(args, target)
    except UserError as exc:
        print(f"{PROG}: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): not the database's fault, and nothing to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # a fault of ours or of the machine: one line, never a traceback
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError | OSError):
            from interviewdesk.services.workspace import explain_failure

            print(f"{PROG}: {explain_failure(target, exc)}", file=sys.stderr)
            return 1
        raise
    finally:
        close_opened()


def _open_window(target: str, qt_options: list[str]) -> int:
    from interviewdesk.ui.app import run_app

    return run_app(target, qt_options=qt_options)


def _wrote(what: str, output: Path) -> None:
    """Say what was written; with ``-o -`` the file itself is on standard output, so say it aside."""
    if str(output) == "-":
        print(f"{what} standard output", file=sys.stderr)
    else:
        print(f"{what} {output}")


def _open_interview(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.errors import DatabaseBusyError
    from interviewdesk.ui.app import run_live

    try:
        db = open_db(target, instance=True)
    except DatabaseBusyError as busy:
        raise UserError(
            f"the database is open in another InterviewDesk window ({busy.holder}); open interview "
            f"{args.interview} from there."
        ) from None
    return run_live(db, args.interview, qt_options=args.qt_options)


def _templates_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.template_library import list_templates

    rows = list_templates(open_db(target), latest_only=not args.all_versions)
    print(f"{'ID':>4}  {'TEMPLATE':<32} {'VER':>3}  {'MIN':>4}  NAME")
    for t in rows:
        print(f"{t.id:>4}  {t.slug:<32} {t.version:>3}  {t.planned_minutes:>4.0f}  {t.name} ({t.role})")
    return 0


def _templates_import(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.template_library import store_template
    from interviewdesk.templates.loader import read_template_file

    loaded = read_template_file(args.file)  # validated before the database is touched
    result = store_template(open_db(target), loaded)
    t = result.summary
    verb = "imported" if result.created else "unchanged:"
    print(f"{verb} {t.slug} version {t.version} as template {t.id} ({t.name})")
    return 0


def _templates_export(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.template_library import export_template

    t = export_template(open_db(target), args.id, args.output)
    _wrote(f"wrote {t.slug} version {t.version} to", args.output)
    return 0


def _candidates_add(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.planning import add_candidate

    print(add_candidate(open_db(target), args.name, role=args.role, email=args.email))
    return 0


def _candidates_list(_args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.planning import list_candidates

    for c in list_candidates(open_db(target)):
        print(f"{c.id:>5}  {c.name}  [{c.role or 'no role'}]  {c.interviews} interview(s)")
    return 0


def _interviews_new(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.planning import parse_when, plan_interview

    when = parse_when(args.at) if args.at else None
    interview_id = plan_interview(
        open_db(target),
        candidate_id=args.candidate,
        template_ref=args.template,
        interviewer=args.interviewer,
        scheduled_at=when,
    )
    print(interview_id)
    return 0


def _interviews_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.interview_list import list_interviews

    rows = list_interviews(open_db(target), candidate_id=args.candidate)
    if args.json:
        json.dump([r.as_json() for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for r in rows:
        when = (
            r.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.scheduled_at else "unscheduled     "
        )
        print(
            f"{r.id:>6}  {when}  {r.status.value:<9}  {r.candidate}  ·  {r.template} v{r.template_version}"
            f"  ·  {r.interviewer or 'no interviewer'}"
        )
    return 0


def _followups_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.follow_ups import list_follow_ups

    items = list_follow_ups(open_db(target), overdue_only=args.overdue, include_done=args.all)
    if args.json:
        json.dump([item.as_json() for item in items], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for item in items:
        state = "done" if item.done else ("OVERDUE" if item.overdue else "open")
        print(
            f"{item.id:>5}  {item.due.isoformat()}  {state:<7}  {item.kind.label:<14}  "
            f"{item.candidate}  ·  {item.description}  ·  {item.interviewer or 'no interviewer'}"
        )
    return 0


def _followups_done(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.follow_ups import set_follow_up_done

    set_follow_up_done(open_db(target), args.id, not args.undo)
    print(f"follow-up {args.id} {'open again' if args.undo else 'done'}")
    return 0


def _export_pdf(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.pdf_export import Paper, export_interview_pdf

    paper = Paper(args.paper) if args.paper else None
    export_interview_pdf(
        open_db(target), args.interview, args.output, include_private=args.include_private, paper=paper
    )
    private = " (with private notes)" if args.include_private else ""
    _wrote(f"wrote the summary of interview {args.interview}{private} to", args.output)
    return 0


def _export_panel(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.pdf_export import Paper, export_panel_pdf

    paper = Paper(args.paper) if args.paper else None
    export_panel_pdf(open_db(target), args.candidate, args.output, paper=paper)
    _wrote(f"wrote the panel summary of candidate {args.candidate} to", args.output)
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
    _wrote(f"wrote the feedback letter for interview {args.interview} to", args.output)
    return 0


def _demo(_args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.demo import create_demo

    result = create_demo(open_db(target))
    print(
        f"added demo candidates {', '.join(map(str, result.candidate_ids))} "
        f"with {len(result.interview_ids)} interviews"
    )
    return 0
