"""Build the standalone one-folder bundle with PyInstaller, and check it works as the venv does.

    pip install -e ".[bundle]"
    python tools/build_bundle.py [--check] [--dist dist] [--work build]

The bundle is ``DIST/interviewdesk/``: run ``DIST/interviewdesk/interviewdesk``; copy the whole
folder (it holds Python, Qt and every library). ``--check`` then, with the bundle alone:
  - ``--version`` says this version;
  - ``demo``, ``export pdf`` and ``export panel`` work, and each PDF is byte for byte the one this
    Python's own installation writes from the same database (SOURCE_DATE_EPOCH and TZ fixed);
  - ``about --licences`` carries Qt's LGPL and every package's licence;
  - the window starts and quits cleanly on an X server (Xvfb, when installed);
and prints the bundle's size and the newest glibc it needs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "interviewdesk.spec"


def build(dist: Path, work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / "interviewdesk" / "interviewdesk"


class Checker:
    def __init__(self, program: Path, folder: Path) -> None:
        self.program = program
        self.folder = folder
        home = folder / "home"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "SOURCE_DATE_EPOCH": "1795000000",
            "TZ": "UTC",
            "LANG": "C.UTF-8",
        }
        self.failures: list[str] = []

    def run(self, command: list[str], *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            [*command, *args], capture_output=True, text=True, env=env or self.env, timeout=120, check=False
        )
        if result.returncode != 0:
            self.failures.append(f"{' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
        return result.stdout

    def expect(self, condition: bool, what: str) -> None:
        print(("ok    " if condition else "FAIL  ") + what)
        if not condition:
            self.failures.append(what)

    def check_commands(self) -> None:
        from interviewdesk import __version__

        bundle = [str(self.program)]
        venv = [sys.executable, "-m", "interviewdesk"]
        self.expect(self.run(bundle, "--version").strip() == f"interviewdesk {__version__}", "--version")
        db = self.folder / "bundle.sqlite3"
        self.run(bundle, "--db", str(db), "demo")
        for kind, ident in (("pdf", "1"), ("panel", "1")):
            made = {}
            for name, command in (("bundle", bundle), ("venv", venv)):
                target = self.folder / f"{kind}-{name}.pdf"
                self.run(command, "--db", str(db), "export", kind, ident, "--paper", "a4", "-o", str(target))
                made[name] = target.read_bytes() if target.is_file() else b""
            size = len(made["bundle"])
            self.expect(
                made["bundle"] != b"" and made["bundle"] == made["venv"],
                f"export {kind}: the bundle's PDF is the venv's, byte for byte ({size:,} bytes)",
            )
        licences = self.run(bundle, "about", "--licences")
        self.expect("GNU LESSER GENERAL PUBLIC LICENSE" in licences, "about --licences carries Qt's LGPL")
        self.expect("PySide6_Essentials" in self.run(bundle, "about"), "about lists the packages inside")

    def check_window(self) -> None:
        xvfb, xdotool = shutil.which("Xvfb"), shutil.which("xdotool")
        if not (xvfb and xdotool):
            print("skip  the window (Xvfb and xdotool are not installed)")
            return
        display = f":{90 + os.getpid() % 9}"
        server = subprocess.Popen([xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
        try:
            env = {**self.env, "DISPLAY": display}
            time.sleep(1)
            db = self.folder / "bundle.sqlite3"
            app = subprocess.Popen([str(self.program), "--db", str(db)], env=env, stderr=subprocess.PIPE)
            found = subprocess.run(
                [xdotool, "search", "--sync", "--onlyvisible", "--name", "InterviewDesk"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            window = found.stdout.split()[-1] if found.stdout.split() else ""
            self.expect(bool(window), "the window opens on an X server")
            time.sleep(2)  # the database opens after the first paint
            # No window manager here: give the window the focus, then press its Quit key.
            subprocess.run([xdotool, "windowfocus", "--sync", window], env=env, check=False, timeout=10)
            subprocess.run([xdotool, "key", "ctrl+q"], env=env, check=False)
            try:
                code = app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
                code = -1
            errors = app.stderr.read().decode() if app.stderr else ""
            self.expect(code == 0, f"Ctrl+Q closes it cleanly (exit {code}) {errors.strip()[:200]}")
        finally:
            server.terminate()
            server.wait()

    def report(self) -> None:
        folder = self.program.parent
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        print(f"bundle: {folder} ({size / 1e6:.0f} MB)")
        objdump = shutil.which("objdump")
        if objdump:
            versions = set()
            for path in [self.program, *folder.rglob("*.so*")]:
                if path.is_file():
                    command = [objdump, "-T", str(path)]
                    out = subprocess.run(command, capture_output=True, text=True, check=False)
                    versions.update(re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", out.stdout))
            newest = max(versions, key=lambda v: tuple(int(x) for x in v.split(".")), default="?")
            print(f"needs glibc {newest} or newer (the glibc of the machine it was built on)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run the bundle's checks after building")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args()
    started = time.monotonic()
    program = build(args.dist.resolve(), args.work.resolve())
    print(f"built {program} in {time.monotonic() - started:.0f} s")
    if not args.check:
        return 0
    with tempfile.TemporaryDirectory(prefix="bundle-check-") as folder:
        checker = Checker(program, Path(folder))
        checker.check_commands()
        checker.check_window()
        checker.report()
    for failure in checker.failures:
        print(f"bundle check failed: {failure}", file=sys.stderr)
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
