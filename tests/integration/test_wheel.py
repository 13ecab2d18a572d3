"""An installed wheel finds its templates and schema as package data, not through the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, interviewdesk
from interviewdesk.resources import resource_root
from interviewdesk.templates.builtin import builtin_templates
from interviewdesk.templates.loader import template_schema
from interviewdesk.resources import document, resource
print(json.dumps({
    "guide": document("guide.md").splitlines()[0],
    "icon": resource("app", "png", "interviewdesk-48.png").is_file(),
    "lgpl": resource("licences", "LGPL-3.0.txt").is_file(),
    "package": interviewdesk.__file__,
    "resources": str(resource_root()),
    "templates": sorted(t.template.id for t in builtin_templates()),
    "schema": template_schema()["title"],
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("interviewdesk-*.whl")
    return built


def test_wheel_contains_resources_and_migrations(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "interviewdesk/resources/templates/software-engineer.yaml" in names
    assert "interviewdesk/resources/schema/template.schema.json" in names
    assert "interviewdesk/store/migrations/versions/0001_initial.py" in names
    assert "interviewdesk/store/migrations/script.py.mako" in names
    assert "interviewdesk/store/migrations/versions/0004_leases_erasure.py" in names


def test_the_wheel_carries_its_licence_and_one_version(wheel: Path) -> None:
    """Before, the metadata said MIT with no LICENSE file, and the version was written twice."""
    import interviewdesk

    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    assert any(name.endswith((".dist-info/licenses/LICENSE", ".dist-info/LICENSE")) for name in names)
    metadata = next(name for name in names if name.endswith(".dist-info/METADATA"))
    assert f"Version: {interviewdesk.__version__}" in archive.read(metadata).decode()
    assert wheel.name.startswith(f"interviewdesk-{interviewdesk.__version__}-")


def test_installed_wheel_reads_its_own_resources(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # PYTHONPATH comes before the checkout's editable path, so this imports the unpacked wheel.
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    found = json.loads(result.stdout)
    assert found["package"].startswith(str(site))
    assert found["resources"].startswith(str(site))
    assert len(found["templates"]) == 4
    assert found["schema"] == "InterviewDesk role template"
    # The Help menu's guide, the window's icon and the Qt licence come with the wheel.
    assert found["guide"] == "# InterviewDesk user guide"
    assert found["icon"] and found["lgpl"]


def test_the_source_archive_can_rebuild_everything(tmp_path: Path) -> None:
    """A packager's sdist holds what the wheel, the bundle, the tests and the benches are made from."""
    import tarfile

    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    (archive,) = tmp_path.glob("interviewdesk-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    for needed in (
        "LICENSE",
        "packaging/interviewdesk.spec",
        "tools/build_bundle.py",
        "docs/guide.md",
        "resources/app/io.github.interviewdesk.InterviewDesk.desktop",
        "resources/licences/LGPL-3.0.txt",
        "tests/conftest.py",
        "bench/open_large.py",
    ):
        assert needed in names, needed
