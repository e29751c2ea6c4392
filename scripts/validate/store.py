"""The validation store: results kept by content hash, so that a run re-checks only what changed since the last one.

Three levels, all keyed by the bytes the validator reads, the validator's own code and libraries, and the day the
checks judge dates against (core/clock.py's today in Quzhou, as scripts/validate/frames.py judges them):
- the whole report, keyed by the descriptor, every resource file and every file under validations/ (the suites
  and the structure expectation): an unchanged package is not
  validated again, and its report (errors included: a cached failure is reported again) is read back;
- each Great Expectations suite, keyed by the suite, the descriptor and the tables its frame is built from:
  after an edit to one CSV only the suites that read that CSV run, and Great Expectations is not even
  imported when none does;
- each resource's Frictionless check, keyed by the descriptor, the resource's file and the files its foreign
  keys point to: after an edit to one CSV only it and the resources whose keys point into it are read again.
A cached report is only ever used for byte-identical inputs, so no site is built on data that was not validated.
The store sits below the checks: they are handed one as an argument (scripts/validate/run.py), never find it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from scripts.core import clock
from scripts.core.paths import SUITES_DIR, VALIDATOR_CODE
from scripts.core.safety import UnsafePath, plain_files, read_plain_file
from scripts.validate.problems import Problem

FORMAT = "validation-cache-1"  # change when what is stored changes shape
LIBRARIES = ("frictionless", "great_expectations", "pandas", "numpy", "confusable-homoglyphs")


@functools.cache
def code_version() -> str:
    """A hash of the validator's source files and the versions of the libraries it calls."""
    digest = hashlib.sha256(FORMAT.encode())
    for folder in VALIDATOR_CODE:  # what the validator runs: its own modules and what they import
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none\0".encode())
    return digest.hexdigest()


def package_key(package_path: Path, suites_dir: Path = SUITES_DIR) -> str:
    """A hash of everything validate_package reads: descriptor, resource files and every other file under the
    package's data/ folder (the change log), every file under suites_dir (the suites and schema/expectation.json:
    approving a structure change rewrites the expectation), the code, and today's date (dates are judged against it)."""
    digest = hashlib.sha256(f"{code_version()}\0{clock.today().isoformat()}\0".encode())
    folder = package_path.parent
    descriptor = _read_inside(folder, package_path.name)
    digest.update(b"descriptor\0" + descriptor)
    for relative in _resource_paths(descriptor):
        digest.update(b"\0file\0" + relative.encode() + b"\0" + _read_inside(folder, relative))
    data = folder / "data"
    for path in plain_files(data, folder):  # a data/ that is a link (to / say) is not walked
        digest.update(b"\0data\0" + path.relative_to(data).as_posix().encode() + b"\0" + _read_inside(folder, path))
    for path in _rule_files(suites_dir):
        digest.update(b"\0rules\0" + path.relative_to(suites_dir).as_posix().encode() + b"\0" + _read_rule_file(path))
    return digest.hexdigest()


def _rule_files(folder: Path) -> list[Path]:
    """Every file under the rules folder, at any depth; a link to a file counts (the validator reads through it)."""
    found = []
    for top, _folders, names in os.walk(folder):
        found += [Path(top) / name for name in names]
    return sorted(found)


def _read_rule_file(path: Path) -> bytes:
    """A rules file's bytes; a marker for what is not a regular file (never waited on) or cannot be read."""
    try:
        return path.read_bytes() if path.is_file() else b"not a file"
    except OSError as error:
        return f"unreadable: {type(error).__name__}".encode()


def _resource_paths(descriptor: bytes) -> list[str]:
    try:
        resources = json.loads(descriptor).get("resources", [])
        return [r["path"] for r in resources if isinstance(r, dict) and isinstance(r.get("path"), str)]
    except (ValueError, AttributeError):
        return []  # the validator reports the descriptor; its bytes are in the key


def _read_inside(folder: Path, relative: str | Path) -> bytes:
    """The bytes of a regular file inside the package folder reached through no link; a marker for anything else
    (the validator says why). Checked before anything is read: no link is followed, no pipe waited on."""
    try:
        return read_plain_file(folder / relative, folder)
    except UnsafePath as error:
        return f"not read: {error.reason}".encode()
    except OSError as error:
        return f"unreadable: {type(error).__name__}".encode()


class ValidationCache:
    """Reports and suite results on disk, one JSON file each, named by key."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.used: set[str] = set()

    def get(self, key: str):
        path = self.folder / f"{key}.json"
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.used.add(path.name)
        return value

    def put(self, key: str, value) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f"{key}.json.tmp{os.getpid()}"
        partial.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        partial.replace(self.folder / f"{key}.json")  # never a half-written entry under its final name
        self.used.add(f"{key}.json")

    def prune(self) -> None:
        """Remove the entries this run did not use: the cache holds the current package's results only."""
        for path in self.folder.glob("*.json"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)

    def suite_key(self, suite: dict, descriptor: dict, tables: dict) -> str:
        """A hash of one suite's inputs: the suite, the descriptor (plan, titles), the tables its frame read
        (name -> RawTable, None for one it looked for and did not find), the code and the date."""
        contents = {name: None if t is None else [t.file, t.header, t.rows] for name, t in tables.items()}
        payload = json.dumps([code_version(), clock.today().isoformat(), suite, descriptor, contents],
                             ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return "suite-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def structure_key(self, descriptor: dict, name: str, files: dict[str, bytes]) -> str:
        """A hash of one resource's Frictionless check: the descriptor it runs with (every schema, and the titles
        its messages use), the resource's name, the bytes of its file (path -> bytes), the code and the date."""
        digest = hashlib.sha256(f"{code_version()}\0{clock.today().isoformat()}\0{name}\0".encode())
        digest.update(json.dumps(descriptor, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        for path in sorted(files):
            digest.update(b"\0file\0" + path.encode() + b"\0" + files[path])
        return "structure-" + digest.hexdigest()

    def problems(self, key: str) -> list[Problem] | None:
        """The problems stored under key (a suite's or a resource's), None when there are none stored."""
        stored = self.get(key)
        return None if stored is None else [Problem(**p) for p in stored]

    def keep_problems(self, key: str, problems: list[Problem]) -> None:
        self.put(key, [p.__dict__ for p in problems])
