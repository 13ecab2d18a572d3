"""What a desktop and a distribution packager need: an icon in every size, a valid .desktop file
and AppStream metainfo that agree with the app, and the licences of everything shipped."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from interviewdesk import __version__
from interviewdesk.notices import full_text, notices
from interviewdesk.services.desktop_entry import APP_ID
from interviewdesk.services.desktop_entry import ICON_SIZES as APP_ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "resources" / "app"
DESKTOP = APP / f"{APP_ID}.desktop"
METAINFO = APP / f"{APP_ID}.metainfo.xml"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return found


def test_the_desktop_file_validates_and_names_the_app_and_its_icon() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    entry = dict(
        line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line
    )
    assert entry["Exec"].split()[0] == "interviewdesk" and entry["Icon"] == APP_ID


def test_the_metainfo_validates_and_its_newest_release_is_this_version() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_the_icon_comes_in_every_size_drawn_from_the_svg() -> None:
    assert (APP / "interviewdesk.svg").is_file()
    for size in APP_ICON_SIZES:
        image = QImage(str(APP / "png" / f"interviewdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()  # rounded corners, not a white square


def test_every_shipped_component_has_its_licence() -> None:
    found = {notice.name.casefold(): notice for notice in notices()}
    for name in ("interviewdesk", "pyside6_essentials", "reportlab", "sqlalchemy", "uharfbuzz"):
        assert name in found, sorted(found)
    assert (
        "MIT" in found["interviewdesk"].licence
        and "Permission is hereby granted" in found["interviewdesk"].text
    )
    assert "LGPL" in found["pyside6_essentials"].licence
    text = full_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "SIL OPEN FONT LICENSE" in text.upper()
    assert "ISC" in text  # the icons


def test_the_menu_entry_installs_for_one_user_and_goes_again(cli, tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    result = cli("menu-entry", "install")
    assert result.code == 0, result.err
    entry = home / "applications" / f"{APP_ID}.desktop"
    assert f"added to the application menu: {entry}" in result.out
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    program = Path(exec_line.removeprefix("Exec=").strip('"'))
    assert program.is_absolute() and program.name == "interviewdesk" and program.is_file()
    validate = subprocess.run(
        [_tool("desktop-file-validate"), str(entry)], capture_output=True, text=True, check=False
    )
    assert validate.returncode == 0, validate.stdout
    assert (home / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").is_file()
    assert (home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert cli("menu-entry", "install").code == 0  # again: the same files, nothing left over
    assert not list(home.rglob("*.tmp"))
    removed = cli("menu-entry", "remove")
    assert removed.code == 0 and "removed 10 file(s)" in removed.out
    assert not [p for p in home.rglob("*") if p.is_file()]


def test_a_launcher_path_with_a_space_is_quoted_for_the_menu(tmp_path: Path) -> None:
    from interviewdesk.services.desktop_entry import install

    files = install(tmp_path, Path("/opt/Interview Desk/interviewdesk"))
    text = files.entry.read_text()
    assert 'Exec="/opt/Interview Desk/interviewdesk"' in text
    validate = subprocess.run(
        [_tool("desktop-file-validate"), str(files.entry)], capture_output=True, text=True, check=False
    )
    assert validate.returncode == 0, validate.stdout
