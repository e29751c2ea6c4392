"""Whether anything a build reads changed since the last successful build: if not, `make site` keeps site/.

The key hashes every input of a build: the descriptor and every file under the package's data/ folder, the
hand-written pages and theme overrides, mkdocs.yml, the suites, the pinned requirements and the project's own
code. It is written only after a build has validated the data and swapped the new site in, so a site kept
this way is always one whose data was validated.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sys
from pathlib import Path

from scripts.core.paths import CODE_INPUTS, CONTENT_INPUTS, ROOT
from scripts.core.safety import UnsafePath, plain_files, read_plain_file

STAMP = "last-build.json"  # in the work dir
# Settings the pages read from the environment (share-preview URLs, the repository's issue form).
ENVIRONMENT = ["SITE_URL", "REPOSITORY_URL", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "SOURCE_DATE_EPOCH"]


def inputs_key(package_path: Path, site_dir: Path, today: datetime.date) -> str:
    """A hash of every file the build reads, of where the site goes, of the Python that builds it, and of the day
    the build speaks for (a plan that ends between two builds turns from a pace into a report card)."""
    package_path = Path(package_path).resolve()
    digest = hashlib.sha256(f"{sys.version}\0{Path(site_dir).resolve()}\0{today.isoformat()}\0".encode())
    digest.update(json.dumps({name: os.environ.get(name) for name in ENVIRONMENT}).encode())
    package_files = sorted({*plain_files(package_path.parent / "data", package_path.parent), *_resource_files(package_path)})
    inputs = [(path, package_path.parent) for path in [package_path, *package_files]]
    inputs += [(f, ROOT) for item in (*CONTENT_INPUTS, *CODE_INPUTS) for f in _files(item)]
    for path, base in inputs:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(_plain_file_bytes(path, base))
        except OSError as error:
            digest.update(f"unreadable: {type(error).__name__}".encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _resource_files(package_path: Path) -> list[Path]:
    """The resource files the descriptor names, wherever they are (validation refuses the unsafe ones)."""
    try:
        descriptor = read_plain_file(package_path, package_path.parent).decode("utf-8-sig")
        resources = json.loads(descriptor).get("resources", [])
        return [package_path.parent / r["path"] for r in resources if isinstance(r.get("path"), str)]
    except (OSError, ValueError, AttributeError, UnsafePath):
        return []


def _plain_file_bytes(path: Path, base: Path) -> bytes:
    """The bytes of a regular file below `base` reached through no link; anything else counts by its name alone.

    This runs before validation: a package's link to /dev/zero, or a path to a pipe, must not make it read forever.
    """
    try:
        return read_plain_file(path, base)
    except UnsafePath as error:
        return f"not read: {error.reason}".encode()


def _files(item: Path) -> list[Path]:
    if item.is_file():
        return [item]
    return sorted(p for p in item.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def is_current(key: str, site_dir: Path, work_dir: Path) -> bool:
    """True when the last successful build had this key and its site is still the one in site_dir."""
    try:
        stamp = json.loads((Path(work_dir) / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("key") == key and stamp.get("site") == _site_mark(site_dir)


def record(key: str, site_dir: Path, work_dir: Path) -> None:
    """Remember the key of the build that has just been swapped in, and which site that was."""
    Path(work_dir).mkdir(parents=True, exist_ok=True)
    stamp = {"key": key, "site": _site_mark(site_dir)}
    (Path(work_dir) / STAMP).write_text(json.dumps(stamp), encoding="utf-8")


def _site_mark(site_dir: Path) -> list[int] | None:
    """The home page's inode, size and modification time: another build or a deleted site changes it."""
    try:
        info = (Path(site_dir) / "index.html").stat()
    except OSError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]
