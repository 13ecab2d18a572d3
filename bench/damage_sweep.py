"""The database damage sweep: 92 damaged, missing or hostile database files, each opened by a
command as a user would. For each case: the exit code, the message, whether a byte of the file (or
its write-ahead log) changed, and what `interviewdesk check` says.

    python bench/damage_sweep.py [--out docs/damage-sweep.md]

Expected: exit 2 with one line saying what happened and what to do for everything refused (a
damaged file also names the newest backup to restore); no traceback; a refused file unchanged to
the byte. A leftover write-ahead log that is sound is replayed (the file then changes, as it must);
a damaged one is copied aside first and reported.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.integration.damage import PAGE, break_a_seal, damage_an_index

HEADER_OFFSETS = [0, 5, 15, 16, 17, 18, 19, 20, 21, 24, 28, 32, 40, 44, 52, 56]


@dataclass
class Outcome:
    case: str
    code: int
    message: str
    changed: str
    check: str


def interviewdesk(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, INTERVIEWDESK_DB="")
    try:
        return subprocess.run(
            [sys.executable, "-m", "interviewdesk", "--db", db, *args],
            capture_output=True,
            text=True,
            timeout=30,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -1, "", "HANG: no answer in 30 s")


def digest(path: Path) -> str:
    parts = []
    for p in (path, Path(f"{path}-wal")):
        try:
            parts.append(hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else f"{p.name}: none")
        except OSError as exc:
            parts.append(str(exc))
    return "|".join(parts)


def flip(path: Path, offset: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([(byte[0] if byte else 0) ^ 0xFF]))


def truncate(path: Path, size: int) -> None:
    with path.open("r+b") as handle:
        handle.truncate(size)


def make_source(folder: Path) -> tuple[Path, Path]:
    """A database with the demo panel and a backup; and a copy left with 40 commits in its WAL."""
    source = folder / "source.sqlite3"
    assert interviewdesk(str(source), "demo").returncode == 0
    assert interviewdesk(str(source), "backup", "create").returncode == 0
    crashed = folder / "crashed.sqlite3"
    writer = sqlite3.connect(source)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(40):
        writer.execute(
            "INSERT INTO candidates (name, role, email, created_at) VALUES (?, '', '', '2026-11-23')",
            (f"C{n}",),
        )
        writer.commit()
    shutil.copyfile(source, crashed)
    shutil.copyfile(f"{source}-wal", f"{crashed}-wal")
    writer.close()
    return source, crashed


def cases(source: Path, crashed: Path) -> list[tuple[str, Callable[[Path], Path]]]:
    size = source.stat().st_size
    pages = size // PAGE
    rng = random.Random(92)
    found: list[tuple[str, Callable[[Path], Path]]] = []

    def copy_of(original: Path, damage: Callable[[Path], None]) -> Callable[[Path], Path]:
        def make(folder: Path) -> Path:
            target = folder / "case.sqlite3"
            shutil.copyfile(original, target)
            if Path(f"{original}-wal").exists():
                shutil.copyfile(f"{original}-wal", f"{target}-wal")
            damage(target)
            return target

        return make

    for cut in (100, PAGE, PAGE + 1, size // 2, size - PAGE, size - 100):
        found.append((f"truncated to {cut} bytes", copy_of(source, lambda p, c=cut: truncate(p, c))))
    for offset in HEADER_OFFSETS:
        found.append((f"header byte {offset} flipped", copy_of(source, lambda p, o=offset: flip(p, o))))
    for offset in (100, 101, 105, 108, 2000, 4000):
        found.append(
            (f"page 1 (schema) byte {offset} flipped", copy_of(source, lambda p, o=offset: flip(p, o)))
        )
    for _ in range(24):
        page = rng.randrange(2, pages + 1)
        where = rng.choice((0, 1, 3, 5, 8, rng.randrange(12, PAGE)))
        offset = (page - 1) * PAGE + where
        found.append((f"page {page} byte {where} flipped", copy_of(source, lambda p, o=offset: flip(p, o))))
    wal_size = Path(f"{crashed}-wal").stat().st_size
    frame = 24 + PAGE
    wal_offsets = [
        0,
        8,
        16,
        24,
        32,
        36,
        40,
        48,
        32 + 5 * frame,
        32 + 5 * frame + 24 + 100,
        32 + 20 * frame + 8,
        32 + 20 * frame + 24 + 2000,
        wal_size - frame,
        wal_size - 1,
    ]
    for offset in wal_offsets:
        found.append(
            (
                f"leftover WAL byte {offset} flipped",
                copy_of(crashed, lambda p, o=offset: flip(Path(f"{p}-wal"), o)),
            )
        )
    found.append(("leftover WAL, sound", copy_of(crashed, lambda p: None)))
    for cut in (32 + frame // 2, wal_size // 2, wal_size - 10):
        found.append(
            (
                f"leftover WAL truncated to {cut} bytes",
                copy_of(crashed, lambda p, c=cut: truncate(Path(f"{p}-wal"), c)),
            )
        )
    found.append(
        ("leftover WAL with garbage appended", copy_of(crashed, lambda p: _append(Path(f"{p}-wal"))))
    )
    found.append(("leftover WAL of another database", copy_of(crashed, _foreign_wal)))
    found.append(
        ("-wal missing (the main file alone)", copy_of(crashed, lambda p: Path(f"{p}-wal").unlink()))
    )
    found.append(
        ("-shm left without a -wal", copy_of(source, lambda p: Path(f"{p}-shm").write_bytes(b"\0" * 32768)))
    )
    found.append(
        (
            "-shm of garbage beside a -wal",
            copy_of(crashed, lambda p: Path(f"{p}-shm").write_bytes(os.urandom(32768))),
        )
    )
    found.append(
        (
            "hot rollback journal beside it",
            copy_of(source, lambda p: Path(f"{p}-journal").write_bytes(os.urandom(PAGE))),
        )
    )
    found.append(("zero-byte file", lambda f: _touch(f / "case.sqlite3")))
    found.append(("a folder", lambda f: _mkdir(f / "case.sqlite3")))
    found.append(("a FIFO", lambda f: _fifo(f / "case.sqlite3")))
    found.append(("a symbolic link loop", lambda f: _loop(f / "case.sqlite3")))
    found.append(("a link to a missing file", lambda f: _dangling(f / "case.sqlite3")))
    found.append(("/dev/zero", lambda f: Path("/dev/zero")))
    found.append(
        (
            "newer schema",
            copy_of(source, lambda p: _sql(p, "UPDATE alembic_version SET version_num = '9999_future'")),
        )
    )
    found.append(
        ("no schema revision row", copy_of(source, lambda p: _sql(p, "DELETE FROM alembic_version")))
    )
    found.append(("another program's SQLite file", lambda f: _other_program(f / "case.sqlite3")))
    found.append(("a text file", lambda f: _write(f / "case.sqlite3", b"name,role\nAda,Analyst\n")))
    found.append(("random bytes", lambda f: _write(f / "case.sqlite3", random.Random(1).randbytes(3 * PAGE))))
    found.append(("a JPEG", lambda f: _write(f / "case.sqlite3", b"\xff\xd8\xff\xe0" + bytes(PAGE))))
    found.append(("index pointed at another column", copy_of(source, damage_an_index)))
    found.append(("a sealed score changed by hand", copy_of(source, break_a_seal)))
    found.append(("freelist count flipped", copy_of(source, lambda p: flip(p, 36))))
    found.append(("page count set to 1", copy_of(source, lambda p: _write_at(p, 28, (1).to_bytes(4, "big")))))
    found.append(("read-only file", copy_of(source, lambda p: p.chmod(0o400))))
    found.append(("read-only folder", _read_only_folder(source)))
    return found


def _append(path: Path) -> None:
    with path.open("ab") as handle:
        handle.write(os.urandom(PAGE + 24))


def _foreign_wal(path: Path) -> None:
    other = path.with_name("other.sqlite3")
    connection = sqlite3.connect(other)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    shutil.copyfile(f"{other}-wal", f"{path}-wal")
    connection.close()


def _sql(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(statement)
    connection.commit()
    connection.close()


def _write_at(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def _touch(path: Path) -> Path:
    path.touch()
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _loop(path: Path) -> Path:
    path.symlink_to(path.with_name("loop-b"))
    path.with_name("loop-b").symlink_to(path)
    return path


def _dangling(path: Path) -> Path:
    path.symlink_to(path.parent / "missing" / "gone.sqlite3")
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _other_program(path: Path) -> Path:
    _sql(path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, title TEXT)")
    return path


def _read_only_folder(source: Path) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        inner = folder / "locked"
        inner.mkdir()
        target = inner / "case.sqlite3"
        shutil.copyfile(source, target)
        inner.chmod(0o500)
        return target

    return make


def run_case(name: str, make: Callable[[Path], Path]) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="sweep-") as tmp:
        folder = Path(tmp)
        path = make(folder)
        regular = path.is_file() and not path.is_symlink() and str(path) != "/dev/zero"
        before = digest(path) if regular else ""
        listed = interviewdesk(str(path), "interviews", "list")
        changed = "n/a" if not regular else ("yes" if digest(path) != before else "no")
        checked = interviewdesk(str(path), "check") if listed.returncode == 0 else None
        message = (listed.stderr.strip().splitlines() or [""])[0]
        if "Traceback" in listed.stderr:
            message = "TRACEBACK: " + listed.stderr.strip().splitlines()[-1]
        check = "" if checked is None else f"exit {checked.returncode}: " + _problems(checked)
        for p in folder.rglob("*"):  # let the temporary folder go
            if p.is_dir() and not p.is_symlink():
                p.chmod(stat.S_IRWXU)
        return Outcome(name, listed.returncode, message, changed, check)


def _problems(checked: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in checked.stdout.splitlines() if line.startswith("problem:")]
    lines += checked.stderr.strip().splitlines()
    return lines[0][:160].replace("|", "\\|") if lines else "no problems"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/damage-sweep.md"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sweep-src-") as tmp:
        source, crashed = make_source(Path(tmp))
        outcomes = []
        for name, make in cases(source, crashed):
            outcomes.append(run_case(name, make))
            print(f"{name}: exit {outcomes[-1].code}", flush=True)
    tracebacks = sum(o.message.startswith("TRACEBACK") for o in outcomes)
    lines = [
        "# The database damage sweep",
        "",
        f"`python bench/damage_sweep.py` — {len(outcomes)} cases, each opened with `interviewdesk "
        "interviews list` on a fresh copy, then `interviewdesk check` where the list opened. "
        f"Tracebacks: {tracebacks}. Run as uid {os.geteuid()}"
        + (" (root: the read-only cases cannot refuse root)." if os.geteuid() == 0 else "."),
        "",
        "Reading the table: exit 2 is a refusal with the file left unchanged (a damaged one also gets the "
        'newest backup named when one exists; these copies have none). Exit 0 with "no" change and a clean '
        "check is a byte SQLite does not use (free space in a page, unused header fields, the last "
        'bytes after the final page). A leftover write-ahead log is replayed ("yes": the file changes, '
        "as it must); when some of its frames are damaged the database and the log are copied aside "
        "first and the message says how many. Damage only the full check finds (an index, a changed "
        "seal) is reported by `interviewdesk check`, with exit 1, and after an unclean exit by itself.",
        "",
        "Found and fixed by this sweep: a FIFO as the database hung (now refused as not a regular file); "
        "tables without a schema revision failed half-way into a migration (now refused unchanged); a "
        'log with a damaged header was counted in 64 KiB pages ("2 of the 2 pages" for 40); a '
        "link into a missing folder made the folder and an empty database (now refused); `check` "
        'failed with "could not be used" on schema text SQLite cannot decode (now a finding).',
        "",
        "| case | exit | message (first line) | file changed | check |",
        "| --- | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        message = o.message.replace("|", "\\|")[:220]
        lines.append(f"| {o.case} | {o.code} | {message} | {o.changed} | {o.check} |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(outcomes)} cases, {tracebacks} tracebacks; written to {args.out}")


if __name__ == "__main__":
    main()
