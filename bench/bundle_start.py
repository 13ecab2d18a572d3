"""Start-up of the standalone bundle against the venv's, same machine, same run, interleaved.

    python tools/build_bundle.py        # first: the bundle in dist/
    python bench/bundle_start.py [--rounds 7] [--bundle dist/interviewdesk/interviewdesk]

Two measures for each: a command that opens nothing (``--version``), and the window mapped on an
X server (Xvfb, found with ``xdotool search --sync``) with a demo database. Min / median / max in
ms, and the bundle's size. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def window_mapped(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "InterviewDesk"],
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )
        return (time.perf_counter() - started) * 1000
    finally:
        app.terminate()
        app.wait(timeout=30)


def summary(values: list[float]) -> str:
    return f"{min(values):.0f} / {statistics.median(values):.0f} / {max(values):.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "interviewdesk" / "interviewdesk")
    args = parser.parse_args()
    if not args.bundle.is_file():
        print(f"no bundle at {args.bundle}; run tools/build_bundle.py first", file=sys.stderr)
        return 2
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("needs Xvfb and xdotool", file=sys.stderr)
        return 2
    programs = {"venv": [sys.executable, "-m", "interviewdesk"], "bundle": [str(args.bundle)]}
    with tempfile.TemporaryDirectory() as folder:
        display = ":97"
        server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
        time.sleep(1)
        env = {
            **os.environ,
            "DISPLAY": display,
            "XDG_DATA_HOME": folder,
            "XDG_CONFIG_HOME": folder,
            "XDG_STATE_HOME": folder,
        }
        env.pop("QT_QPA_PLATFORM", None)
        db = str(Path(folder) / "bench.sqlite3")
        subprocess.run([*programs["venv"], "--db", db, "demo"], env=env, check=True, capture_output=True)
        results: dict[str, dict[str, list[float]]] = {n: {"version": [], "window": []} for n in programs}
        try:
            for _ in range(args.rounds):
                for name, command in programs.items():
                    results[name]["version"].append(timed([*command, "--version"], env))
                    results[name]["window"].append(window_mapped([*command, "--db", db], env))
        finally:
            server.terminate()
            server.wait()
    files = [p for p in args.bundle.parent.rglob("*") if p.is_file() and not p.is_symlink()]
    folder_size = sum(p.stat().st_size for p in files)
    print(f"bundle size: {folder_size / 1e6:.0f} MB; {args.rounds} interleaved rounds, min / median / max ms")
    print("| measure | venv | bundle | bundle / venv (medians) |")
    print("| --- | --- | --- | --- |")
    for measure, label in (("version", "`--version`"), ("window", "window mapped, demo database")):
        venv, bundle = results["venv"][measure], results["bundle"][measure]
        ratio = statistics.median(bundle) / statistics.median(venv)
        print(f"| {label} | {summary(venv)} | {summary(bundle)} | {ratio:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
