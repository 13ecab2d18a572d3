"""The commands about the app itself: about, settings, the menu entry, shell completion."""

from __future__ import annotations

import argparse
import sys

from interviewdesk import __version__
from interviewdesk.cli.common import PROG, Commands, add_json, command, open_db, print_json


def add_app_commands(commands: Commands) -> None:
    about = command(
        commands,
        "about",
        "the version, where the data and the log are, the licences",
        "about --licences | less",
        _about,
    )
    about.add_argument("--licences", action="store_true", help="print every licence in full")
    add_json(about)
    settings = command(
        commands,
        "settings",
        "show (or change) the settings kept with the data",
        'settings --organisation "Northwind Traders"',
        _settings,
    )
    settings.add_argument(
        "--organisation", metavar="NAME", help="the name that signs feedback letters ('' clears it)"
    )
    add_json(settings)
    entry = command(
        commands,
        "menu-entry",
        "add InterviewDesk (with its icon) to your application menu, or remove it",
        "menu-entry install",
        _menu_entry,
    )
    entry.add_argument("action", choices=("install", "remove"), help="install or remove the entry")
    completion = command(
        commands,
        "completion",
        "print a shell completion script for bash or zsh",
        "completion bash > ~/.local/share/bash-completion/completions/interviewdesk",
        _completion,
    )
    completion.add_argument("shell", choices=("bash", "zsh"), help="the shell to complete in")


def _shown_target(target: str) -> str:
    if "://" not in target:
        return target
    from sqlalchemy.engine import make_url  # a server's URL: never print its password

    return make_url(target).render_as_string(hide_password=True)


def _about(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.config import data_dir
    from interviewdesk.logs import log_path
    from interviewdesk.notices import full_text, notices, summary

    if args.licences:
        print(full_text())
        return 0
    facts = {
        "version": __version__,
        "data_folder": str(data_dir()),
        "database": _shown_target(target),
        "log_file": str(log_path()),
    }
    if args.json:
        components = [{"name": n.name, "version": n.version, "licence": n.licence} for n in notices()]
        print_json({**facts, "components": components})
        return 0
    print(f"InterviewDesk {__version__}")
    print(f"data folder: {facts['data_folder']}")
    print(f"database:    {facts['database']}")
    print(f"log file:    {facts['log_file']}")
    print(f"\nShipped with (`{PROG} about --licences` prints each licence in full):")
    print(summary())
    return 0


def _settings(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.erasure import retention_days
    from interviewdesk.services.settings import organisation, set_organisation

    db = open_db(target)
    if args.organisation is not None:
        set_organisation(db, args.organisation)
    days, name = retention_days(db), organisation(db)
    if args.json:
        print_json({"organisation": name, "retention_days": days})
        return 0
    print(f"organisation: {name or '(not set; letters are signed by the interviewer alone)'}")
    print(f"retention:    {f'{days} days after the last interview' if days else 'off'}")
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


def _completion(args: argparse.Namespace, _target: str) -> int:
    import shtab

    from interviewdesk.cli import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return 0
