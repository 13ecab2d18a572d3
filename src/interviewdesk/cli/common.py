"""What every command shares: the program's name, the parser that says where help is, ids, and
opening the database with what must be said about it on stderr."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

if TYPE_CHECKING:
    from interviewdesk.services.workspace import Workspace

PROG = "interviewdesk"
_opened: list[Workspace] = []  # closed when the command ends: its locks released, its log checkpointed


def close_opened() -> None:
    while _opened:
        # A failed close loses nothing: what was committed is in the log, replayed next time.
        with contextlib.suppress(Exception):
            _opened.pop().close()


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


Commands: TypeAlias = "argparse._SubParsersAction[Parser]"  # what add_subparsers returns
Run = Callable[[argparse.Namespace, str], int]  # a command's function: (arguments, database) -> exit code


def group(commands: Commands, name: str, help: str) -> Commands:
    """A command with actions of its own (``templates list``, ``templates import``)."""
    parser = commands.add_parser(name, help=help, description=f"{help[0].upper()}{help[1:]}.")
    return parser.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=Parser)


def command(
    commands: Commands,
    name: str,
    help: str,
    example: str,
    run: Run,
) -> Parser:
    """A command with its help and an example of its use (shown by ``--help``)."""
    parser = commands.add_parser(
        name,
        help=help,
        description=f"{help[0].upper()}{help[1:]}.",
        epilog=f"example:\n  {PROG} {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document instead, for scripts")


def print_json(data: Any) -> None:
    # One string, one write: json.dump to the stream wrote 30 MB in small pieces (100,000 rows).
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def row_id(text: str) -> int:
    """An id on the command line: a whole number a database row can have."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)") from None
    if not 1 <= value <= 2**63 - 1:
        raise argparse.ArgumentTypeError(f"there is no id {text}")
    return value


def open_db(target: str, *, instance: bool = False) -> Workspace:  # imported here so `--help` stays instant
    from interviewdesk.services.workspace import open_workspace

    workspace = open_workspace(target, instance=instance)
    _opened.append(workspace)
    for notice in workspace.notices:
        print(f"{PROG}: {notice}", file=sys.stderr)
    if workspace.unclean:  # the last session ended without closing: check every page once
        from interviewdesk.services.health import integrity_findings

        for problem in integrity_findings(workspace):
            print(f"{PROG}: after the unclean exit the database check found: {problem}", file=sys.stderr)
    return workspace


def confirmed(question: str) -> bool:
    """Ask on a terminal; never yes when nobody is there to answer."""
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} [y/N] ").strip().casefold() in ("y", "yes")
    except EOFError:
        return False


# Qt's own command-line options (QApplication and QGuiApplication) and whether each takes a value.
QT_OPTIONS = {
    "style": True,
    "stylesheet": True,
    "platform": True,
    "platformpluginpath": True,
    "platformtheme": True,
    "plugin": True,
    "qwindowgeometry": True,
    "qwindowtitle": True,
    "qwindowicon": True,
    "display": True,
    "geometry": True,
    "session": True,
    "reverse": False,
    "widgetcount": False,
    "nograb": False,
    "dograb": False,
}


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(our arguments, Qt's): ``-style fusion``, ``-reverse``, ``--platform=xcb`` ... go to Qt."""
    ours: list[str] = []
    qt: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        name, equals, _value = token.lstrip("-").partition("=")
        if token.startswith("-") and not token.startswith("---") and name in QT_OPTIONS:
            qt.append("-" + token.lstrip("-"))
            if QT_OPTIONS[name] and not equals:
                value = next(tokens, None)
                if value is not None:
                    qt.append(value)
            continue
        ours.append(token)
    return ours, qt


def wrote(what: str, output: Path) -> None:
    """Say what was written; with ``-o -`` the file itself is on standard output, so say it aside."""
    if str(output) == "-":
        print(f"{what} standard output", file=sys.stderr)
    else:
        print(f"{what} {output}")
