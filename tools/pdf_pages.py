"""Make the PDF page images in docs/images from a fresh demo database and the stress case.

    python tools/pdf_pages.py [--keep FOLDER]

Exports the first demo interview's summary and the demo candidate's panel summary through the
command line, as a user would, and the debrief stress case (tests/integration/stress_case.py: eight
interviewers in eight scripts, an amended score, a draft, 60 questions, a 20,000-character note),
then turns the first pages into PNGs with pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"


def run(*args: str, db: Path) -> str:
    command = [sys.executable, "-m", "interviewdesk", "--db", str(db), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def stress_case(target: Path) -> Path:
    sys.path.insert(0, str(OUT.parents[1]))
    from tests.integration.stress_case import build_stress_case

    from interviewdesk.services.pdf_export import Paper, export_panel_pdf
    from interviewdesk.services.workspace import open_workspace

    db = open_workspace(str(target.with_suffix(".sqlite3")))
    try:
        return export_panel_pdf(db, build_stress_case(db), target, paper=Paper.A4)
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="also keep the PDFs in this folder")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "demo.sqlite"
        run("demo", db=db)
        interview = folder / "interview-summary.pdf"
        panel = folder / "panel-summary.pdf"
        run("export", "pdf", "1", "-o", str(interview), "--paper", "a4", db=db)
        run("export", "panel", "1", "-o", str(panel), "--paper", "a4", db=db)
        stress = stress_case(folder / "panel-stress.pdf")
        OUT.mkdir(parents=True, exist_ok=True)
        for pdf, pages in ((interview, 2), (panel, 1), (stress, 2)):
            for page in range(1, pages + 1):
                prefix = OUT / f"{pdf.stem}-{page}"
                page_range = ["-f", str(page), "-l", str(page), "-singlefile"]
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "80", *page_range, str(pdf), str(prefix)], check=True
                )
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, args.keep / pdf.name)
    for image in sorted([*OUT.glob("*-summary-*.png"), *OUT.glob("panel-stress-*.png")]):
        print(image.relative_to(OUT.parents[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
