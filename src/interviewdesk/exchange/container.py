"""The bundle's container: a zip archive read as hostile input and written reproducibly.

Reading never trusts the archive: only the names the format allows (no folders of our own choosing,
no ``..``, no absolute or Windows paths, no duplicates), only stored or deflated members, no
encryption, a bounded number of members, and every member read through a cap on its real size, so
a member that says it is small but inflates without end (a zip bomb) stops at the cap. Nothing is
extracted to disk: members are read into memory and parsed from there.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from interviewdesk.atomic import write_bytes_atomic
from interviewdesk.errors import UserError

MANIFEST = "manifest.json"
_MEMBER = re.compile(r"^(?:manifest\.json|interviews/[0-9a-f-]{36}\.json|templates/[0-9a-f]{64}\.yaml)$")
MAX_FILE = 1 << 30  # 1 GiB: far beyond 10,000 interviews with long notes
MAX_MEMBERS = 21_100  # the manifest, 20,000 interviews and 1,000 templates
MAX_MANIFEST = 8 << 20
MAX_MEMBER = 64 << 20  # one interview's record, its notes included
MAX_TOTAL = 2 << 30  # everything inflated
SQLITE_MAGIC = b"SQLite format 3\x00"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the same bundle content makes the same bytes


class BundleError(UserError):
    """A file that is not a bundle this release can import; nothing was imported."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}; nothing was imported.")
        self.reason = reason


def write_container(target: Path, members: dict[str, bytes]) -> bytes:
    """Write ``members`` (the manifest first) into a zip at ``target``, atomically; returns the bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(members, key=lambda n: (n != MANIFEST, n)):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, members[name])
    data = buffer.getvalue()
    write_bytes_atomic(target, data, private=True)
    return data


def read_container(data: bytes, source: str) -> dict[str, bytes]:
    """Every member of the bundle ``data``, by name; a BundleError for anything not a bundle."""
    if data.startswith(SQLITE_MAGIC):
        raise BundleError(
            source,
            "this is an SQLite database, not a bundle (a backup is restored with `interviewdesk restore`)",
        )
    if len(data) > MAX_FILE:
        raise BundleError(source, f"the file is larger than {MAX_FILE >> 20} MB")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise BundleError(
            source, "this is not an InterviewDesk bundle (not a zip archive, or a truncated one)"
        ) from None
    with archive:
        infos = archive.infolist()
        _check_entries(infos, source)
        members: dict[str, bytes] = {}
        total = 0
        for info in infos:
            limit = MAX_MANIFEST if info.filename == MANIFEST else MAX_MEMBER
            content = _read_member(archive, info, limit, source)
            total += len(content)
            if total > MAX_TOTAL:
                raise BundleError(source, f"its content inflates to more than {MAX_TOTAL >> 20} MB")
            members[info.filename] = content
    if MANIFEST not in members:
        raise BundleError(
            source, f"it has no {MANIFEST}: it is a zip archive, but not an InterviewDesk bundle"
        )
    return members


def _check_entries(infos: list[zipfile.ZipInfo], source: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise BundleError(source, f"it holds {len(infos)} files; a bundle holds at most {MAX_MEMBERS}")
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if not _MEMBER.match(name):
            shown = name if len(name) <= 80 else name[:77] + "..."
            if name.startswith(("/", "\\")) or ".." in name or ":" in name:
                raise BundleError(source, f"it names a file outside the bundle ({shown!r})")
            raise BundleError(
                source, f"it holds a file no bundle has ({shown!r}): not an InterviewDesk bundle"
            )
        if name in seen:
            raise BundleError(source, f"it holds {name} twice")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise BundleError(source, f"{name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(source, f"{name} is compressed in a way bundles never are")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, source: str) -> bytes:
    if info.file_size > limit:
        raise BundleError(source, f"{info.filename} is larger than {limit >> 20} MB")
    try:
        with archive.open(info) as handle:
            content = handle.read(limit + 1)  # the real size, whatever the header says
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise BundleError(source, f"{info.filename} is damaged ({_short(exc)})") from None
    if len(content) > limit:
        raise BundleError(source, f"{info.filename} inflates to more than {limit >> 20} MB")
    return content


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
