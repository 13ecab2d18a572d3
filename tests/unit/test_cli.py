"""Every command of the command line, with good and bad input."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from interviewdesk.resources import resource
from interviewdesk.services.interview_list import count_interviews
from interviewdesk.services.workspace import open_workspace


def test_templates_list_shows_the_builtins(cli) -> None:
    result = cli("templates", "list")
    assert result.code == 0
    for slug in (
        "general-structured",
        "software-engineer",
        "working-interview-data-analyst",
        "candidate-led-conversation",
    ):
        assert slug in result.out


def test_templates_export_round_trips(cli, tmp_path: Path) -> None:
    target = tmp_path / "se.yaml"
    result = cli("templates", "export", "software-engineer", "-o", str(target))
    assert result.code == 0, result.err
    original = resource("templates", "software-engineer.yaml").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == original
    assert "unchanged" in cli("templates", "import", str(target)).out


def test_templates_export_bad_id_and_path(cli, tmp_path: Path) -> None:
    result = cli("templates", "export", "999", "-o", str(tmp_path / "x.yaml"))
    assert result.code == 2 and "no template '999'" in result.err
    assert not (tmp_path / "x.yaml").exists()
    result = cli("templates", "export", "software-engineer", "-o", str(tmp_path / "missing" / "x.yaml"))
    assert result.code == 2 and "does not exist" in result.err
    assert not list(tmp_path.glob("**/*.tmp"))


def test_templates_import_missing_file(cli, tmp_path: Path) -> None:
    result = cli("templates", "import", str(tmp_path / "nope.yaml"))
    assert result.code == 2 and "no such file" in result.err


def test_candidates_add_prints_the_id(cli) -> None:
    first = cli("candidates", "add", "Zoë Ångström", "--role", "Data Analyst")
    second = cli("candidates", "add", "李小龙")
    assert (first.code, first.out.strip()) == (0, "1")
    assert second.out.strip() == "2"
    listing = cli("candidates", "list").out
    assert "Zoë Ångström" in listing and "李小龙" in listing


def test_candidates_add_rejects_an_empty_name(cli, db_path: Path) -> None:
    result = cli("candidates", "add", "   ")
    assert result.code == 2 and "empty" in result.err
    assert cli("candidates", "list").out == ""


def test_interviews_new_and_list(cli) -> None:
    cli("candidates", "add", "Ada Lovelace", "--role", "Software Engineer")
    result = cli(
        "interviews",
        "new",
        "--candidate",
        "1",
        "--template",
        "software-engineer",
        "--interviewer",
        "Grace Hopper",
        "--at",
        "2026-12-01T10:30+01:00",
    )
    assert result.code == 0, result.err
    interview_id = int(result.out)
    rows = json.loads(cli("interviews", "list", "--json").out)
    assert rows == [
        {
            "id": interview_id,
            "candidate_id": 1,
            "candidate": "Ada Lovelace",
            "role": "Software Engineer",
            "interviewer": "Grace Hopper",
            "template": "Software engineer interview",
            "template_version": 1,
            "scheduled_at": "2026-12-01T09:30:00+00:00",
            "status": "planned",
        }
    ]
    assert "Ada Lovelace" in cli("interviews", "list").out


def test_interviews_new_bad_input_changes_nothing(cli, db_path: Path) -> None:
    cli("candidates", "add", "Ada")
    cases = [
        (["--candidate", "42", "--template", "software-engineer"], "no candidate 42"),
        (["--candidate", "1", "--template", "no-such-template"], "no template"),
        (["--candidate", "1", "--template", "1", "--at", "next tuesday"], "not a date"),
        (["--candidate", "one", "--template", "1"], "is not an id"),
    ]
    for args, message in cases:
        result = cli("interviews", "new", *args)
        assert result.code == 2, args
        assert message in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1
    database = open_workspace(str(db_path))
    assert count_interviews(database) == 0
    database.close()


def test_demo_fills_a_panel(cli) -> None:
    assert cli("demo").code == 0
    rows = json.loads(cli("interviews", "list", "--json").out)
    amara = [r for r in rows if r["candidate"] == "Amara Okafor"]
    assert len(amara) == 3
    assert {r["interviewer"] for r in amara} == {"Priya Raman", "Jonas Weber", "Lucía Fernández"}
    assert all(r["status"] == "submitted" for r in amara)
    assert any(r["candidate"] == "Mateo Rossi" and r["status"] == "planned" for r in rows)


def test_unknown_command_is_one_line(cli) -> None:
    result = cli("frobnicate")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1


def test_version_and_help(cli) -> None:
    assert cli("--version").code == 0
    assert cli("--help").code == 0


def test_window_without_a_display_says_so(cli, monkeypatch, db_path) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    result = cli()
    assert result.code == 2
    assert "no display" in result.err
    assert not db_path.exists()


def test_a_closed_pipe_is_not_called_a_database_problem(db_path) -> None:
    import subprocess
    import sys

    script = (
        "import sys; from interviewdesk.cli import main; "
        f"main(['--db', {str(db_path)!r}, 'demo']); "
        f"sys.exit(main(['--db', {str(db_path)!r}, 'followups', 'list', '--all']))"
    )
    # `true` reads nothing and is gone long before the command has started: every write fails.
    command = f'{sys.executable} -c "{script}" | true'
    done = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert done.stderr == "", done.stderr


def test_the_feedback_draft_needs_no_output_file(cli, db) -> None:
    """Before, `export feedback ID --draft` still demanded -o although it only prints."""
    from interviewdesk.services.demo import create_demo

    demo = create_demo(db)
    draft = cli("export", "feedback", str(demo.interview_ids[0]), "--draft")
    assert draft.code == 0 and draft.out.startswith("Dear ")
    missing = cli("export", "feedback", str(demo.interview_ids[0]))
    assert missing.code == 2 and "needs -o FILE.pdf" in missing.err


def test_qt_s_own_options_are_handed_to_qt_not_refused() -> None:
    """Before, `interviewdesk -style fusion` or `-reverse` was refused by the argument parser."""
    from interviewdesk.cli.common import split_qt_options

    ours, qt = split_qt_options(["--db", "x.sqlite3", "-style", "fusion", "-reverse", "--platform=xcb"])
    assert ours == ["--db", "x.sqlite3"]
    assert qt == ["-style", "fusion", "-reverse", "-platform=xcb"]
    ours, qt = split_qt_options(["open", "3", "-qwindowgeometry", "800x600"])
    assert (ours, qt) == (["open", "3"], ["-qwindowgeometry", "800x600"])
    assert split_qt_options(["candidates", "add", "Ada", "--role", "Analyst"])[1] == []


def test_the_window_gets_qt_s_options(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from interviewdesk.cli import main
    from interviewdesk.ui import app

    seen: list[object] = []
    monkeypatch.setattr(app, "run_app", lambda target, **kw: seen.append(kw["qt_options"]) or 0)
    assert main(["-style", "fusion", "-reverse"]) == 0
    assert seen == [["-style", "fusion", "-reverse"]]


def test_about_says_the_version_where_things_are_and_every_licence(cli, db_path: Path) -> None:
    from interviewdesk import __version__

    result = cli("about")
    assert result.code == 0 and result.out.startswith(f"InterviewDesk {__version__}\n")
    assert f"database:    {db_path}" in result.out and "log file:" in result.out
    assert "PySide6_Essentials" in result.out and "reportlab" in result.out
    assert not db_path.exists()  # about opens no database
    server = cli("about", db="postgresql://ada:hunter2@db.example/hiring")
    assert "hunter2" not in server.out and "postgresql://ada:***@db.example/hiring" in server.out
    licences = cli("about", "--licences")
    assert (
        "GNU LESSER GENERAL PUBLIC LICENSE" in licences.out and "Permission is hereby granted" in licences.out
    )


def _leaf_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """Every command that runs something, with its words (``("export", "pdf")``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _leaf_parsers(sub, (*path, name))
    if path and parser.get_default("run") is not None:
        yield path, parser


def test_every_command_has_an_example_and_every_argument_says_what_it_is() -> None:
    from interviewdesk.cli import build_parser

    leaves = dict(_leaf_parsers(build_parser()))
    assert len(leaves) >= 29 and {("export", "pdf"), ("completion",), ("search",)} <= set(leaves)
    for path, parser in leaves.items():
        assert parser.epilog and parser.epilog.startswith("example:\n  interviewdesk "), path
        for action in parser._actions:
            if not isinstance(action, argparse._HelpAction):
                assert action.help, f"{' '.join(path)} {action.dest}"


def test_every_command_that_lists_or_reports_speaks_json(cli, db_path: Path) -> None:
    cli("demo")
    for args in (
        ("templates", "list"),
        ("candidates", "list"),
        ("interviews", "list"),
        ("followups", "list"),
        ("candidates", "retention"),
        ("backup", "list"),
        ("check",),
        ("settings",),
        ("about",),
    ):
        result = cli(*args, "--json")
        assert result.code == 0, (args, result.err)
        json.loads(result.out)  # one JSON document, nothing else on stdout
    assert json.loads(cli("candidates", "list", "--json").out)[0]["name"] == "Amara Okafor"
    assert json.loads(cli("check", "--json").out)["problems"] == 0


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_shell_completion_is_generated_from_the_parser(cli, shell: str, tmp_path: Path) -> None:
    import shutil
    import subprocess

    script = cli("completion", shell).out
    assert "templates" in script and "--include-private" in script and "retention" in script
    if shell == "bash" and shutil.which("bash"):
        path = tmp_path / "interviewdesk.bash"
        path.write_text(script)
        assert subprocess.run(["bash", "-n", str(path)], check=False).returncode == 0  # valid bash
