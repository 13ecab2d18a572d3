"""The `interviewdesk` command.

With no subcommand it opens the window; every subcommand works headless. This module imports no
Qt and no ReportLab: the window and the PDF code are imported only by the commands that need them.
Bad input prints one line on stderr and exits non-zero, having changed nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from interviewdesk import __version__
from interviewdesk.cli.app_info import add_app_commands
from interviewdesk.cli.common import PROG, Parser, close_opened, command, open_db, row_id, split_qt_options
from interviewdesk.cli.exports import add_export_commands
from interviewdesk.cli.panel_files import add_panel_file_commands
from interviewdesk.cli.plans import add_plan_commands
from interviewdesk.cli.records import add_record_commands
from interviewdesk.cli.review import add_review_commands
from interviewdesk.cli.safekeeping import add_safekeeping_commands
from interviewdesk.config import resolve_db_target
from interviewdesk.errors import UserError
from interviewdesk.logs import start_logging


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description="Structured interview notes, scoring and panel summaries. "
        "With no command, the window opens.",
        epilog=f"`{PROG} COMMAND --help` says more about each command, with an example.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", help="SQLite file or database URL (default: your data folder)"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="also print what the app logs (and debug lines) on stderr"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    candidates, interviews = add_record_commands(commands)
    add_plan_commands(candidates, interviews)
    add_export_commands(commands)
    add_safekeeping_commands(commands, candidates)
    add_review_commands(commands)
    add_panel_file_commands(commands)
    live = command(commands, "open", "open the live window for one interview", "open 5", _open_interview)
    live.add_argument("interview", type=row_id, metavar="INTERVIEW_ID", help="from `interviews list`")
    add_app_commands(commands)
    return parser


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
