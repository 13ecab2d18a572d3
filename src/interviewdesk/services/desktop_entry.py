"""The application menu entry for one user: the .desktop file, its icons and the AppStream
metainfo, written under the user's XDG data folder (``~/.local/share``) and removed again.

A system package or the bundle's installer puts the same files under ``/usr/share``; this is for
an installation in a virtual environment or an unpacked bundle, whose launcher is not on the
menu's PATH, so the entry names it by its absolute path.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from interviewdesk.atomic import write_bytes_atomic, write_text_atomic
from interviewdesk.errors import UserError
from interviewdesk.resources import resource

APP_ID = "io.github.interviewdesk.InterviewDesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


@dataclass(frozen=True, slots=True)
class DesktopFiles:
    entry: Path
    metainfo: Path
    icons: tuple[Path, ...]

    def all(self) -> tuple[Path, ...]:
        return (self.entry, self.metainfo, *self.icons)


def data_home(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    configured = env.get("XDG_DATA_HOME", "")
    # The spec: a relative path is invalid and is ignored.
    return Path(configured) if configured and Path(configured).is_absolute() else Path.home() / ".local/share"


def desktop_files(home: Path) -> DesktopFiles:
    icons = home / "icons" / "hicolor"
    return DesktopFiles(
        entry=home / "applications" / f"{APP_ID}.desktop",
        metainfo=home / "metainfo" / f"{APP_ID}.metainfo.xml",
        icons=(
            icons / "scalable" / "apps" / f"{APP_ID}.svg",
            *(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES),
        ),
    )


def launcher() -> Path:
    """The program the menu entry starts: the bundle's executable, or this installation's
    ``interviewdesk`` script (beside its Python, as in a virtual environment, or on PATH)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve()
    beside = Path(sys.executable).parent / "interviewdesk"
    if beside.is_file():
        return beside.absolute()
    found = shutil.which("interviewdesk")
    if found is None:
        raise UserError("the interviewdesk command was not found; install InterviewDesk first.")
    return Path(found).absolute()


def _exec_value(program: Path) -> str:
    """The Exec key's program, quoted as the desktop entry spec asks when it holds a space."""
    text = str(program)
    if any(char in text for char in " \t\n\"'\\><~|&;$*?#()`"):
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        return f'"{escaped}"'
    return text


def install(home: Path | None = None, program: Path | None = None) -> DesktopFiles:
    """Write the menu entry, its icons and metainfo; returns where they went."""
    files = desktop_files(home or data_home())
    try:
        for path in files.all():
            path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {exc.filename}: {exc.strerror}.") from None
    entry = resource("app", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={_exec_value(program or launcher())}" if line.startswith("Exec=") else line
        for line in entry.splitlines()
    ]
    write_text_atomic(files.entry, "\n".join(lines) + "\n")
    metainfo = resource("app", f"{APP_ID}.metainfo.xml").read_bytes()
    write_bytes_atomic(files.metainfo, metainfo)
    svg, *pngs = files.icons
    write_bytes_atomic(svg, resource("app", "interviewdesk.svg").read_bytes())
    for size, target in zip(ICON_SIZES, pngs, strict=True):
        write_bytes_atomic(target, resource("app", "png", f"interviewdesk-{size}.png").read_bytes())
    return files


def remove(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; returns the files that were there."""
    removed = []
    for path in desktop_files(home or data_home()).all():
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed
