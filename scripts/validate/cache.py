"""Validation results kept by content hash, so that a build re-checks only what changed since the last one.

Three levels, all keyed by the bytes the validator reads, the validator's own code and libraries, and the date:
- the whole report, keyed by the descriptor, every resource file and every suite: an unchanged package is not
  validated again, and its report (errors included: a cached failure is reported again) is read back;
- each Great Expectations suite, keyed by the suite, the descriptor and the tables its frame is built from:
  after an edit to one CSV only the suites that read that CSV run, and Great Expectations is not even
  imported when none does;
- each resource's Frictionless check, keyed by the descriptor, the resource's file and the files its foreign
  keys point to: after an edit to one CSV only it and the resources whose keys point into it are read again.
A cached report is only ever used for byte-identical inputs, so no site is built on data that was not validated.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import hashlib
import json
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from scripts.core.paths import ROOT, SUITES_DIR
from scripts.validate.problems import Problem, Report

FORMAT = "validation-cache-1"  # change when what is stored changes shape
LIBRARIES = ("frictionless", "great_expectations", "pandas", "numpy")
CODE_DIRS = ("scripts/validate", "scripts/core")  # what the validator runs: its own modules and what they import
# The cache in which the running validation finds and keeps the results of its parts (suites, resources); None
# when nothing is cached. validate_cached sets it; the validator's tests set one shared by the whole run.
PARTS: contextvars.ContextVar = contextvars.ContextVar("validation_parts", default=None)


@functools.cache
def code_version() -> str:
    """A hash of the validator's source files and the versions of the libraries it calls."""
    digest = hashlib.sha256(FORMAT.encode())
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none\0".encode())
    return digest.hexdigest()


def package_key(package_path: Path, suites_dir: Path = SUITES_DIR) -> str:
    """A hash of everything validate_package reads: descriptor, resource files and every other file under the
    package's data/ folder (the change log), suites, the code, and today's date (dates are judged against it)."""
    digest = hashlib.sha256(f"{code_version()}\0{datetime.date.today().isoformat()}\0".encode())
    descriptor = _read(package_path)
    digest.update(b"descriptor\0" + descriptor)
    for relative in _resource_paths(descriptor):
        digest.update(b"\0file\0" + relative.encode() + b"\0" + _read_inside(package_path.parent, relative))
    data = package_path.parent / "data"
    for path in sorted(p for p in data.rglob("*") if p.is_file()) if data.is_dir() else []:
        digest.update(b"\0data\0" + path.relative_to(data).as_posix().encode() + b"\0" + _read(path))
    for suite in sorted(suites_dir.glob("*.json")):
        digest.update(b"\0suite\0" + suite.name.encode() + b"\0" + suite.read_bytes())
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        return f"unreadable: {type(error).__name__}".encode()


def _resource_paths(descriptor: bytes) -> list[str]:
    try:
        resources = json.loads(descriptor).get("resources", [])
        return [r["path"] for r in resources if isinstance(r, dict) and isinstance(r.get("path"), str)]
    except (ValueError, AttributeError):
        return []  # the validator reports the descriptor; its bytes are in the key


def _read_inside(folder: Path, relative: str) -> bytes:
    """The file's bytes when it lies inside the package folder; a marker otherwise (the validator says why)."""
    path = (folder / relative).resolve()
    if not path.is_relative_to(folder.resolve()):
        return b"outside the package"
    return _read(path)


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
        payload = json.dumps([code_version(), datetime.date.today().isoformat(), suite, descriptor, contents],
                             ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return "suite-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def structure_key(self, descriptor: dict, name: str, files: dict[str, bytes]) -> str:
        """A hash of one resource's Frictionless check: the descriptor it runs with (every schema, and the titles
        its messages use), the resource's name, and the bytes of its file and of each file its keys point to
        (path -> bytes), the code and the date."""
        digest = hashlib.sha256(f"{code_version()}\0{datetime.date.today().isoformat()}\0{name}\0".encode())
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


def validate_cached(package_path: Path | str, cache_dir: Path | str) -> Report:
    """validate_package, reusing the stored report of byte-identical inputs and the stored result of each
    suite and each resource check whose inputs did not change; the cache keeps the entries of this run only."""
    from scripts.validate.run import validate_package

    package_path = Path(package_path).resolve()
    cache = ValidationCache(cache_dir)
    key = "report-" + package_key(package_path)
    stored = cache.get(key)
    if stored is not None:
        return Report(package=_shown(package_path), problems=[Problem(**p) for p in stored])
    with parts_cached(cache):
        report = validate_package(package_path)
    cache.put(key, [p.__dict__ for p in report.problems])
    cache.prune()
    return report


@contextmanager
def parts_cached(cache: ValidationCache):
    """Within the block, validation finds and keeps the results of its suites and resources in cache."""
    token = PARTS.set(cache)
    try:
        yield
    finally:
        PARTS.reset(token)


class PendingValidation:
    """A validation running in another process while the build goes on; report() waits for it."""

    def __init__(self, package_path: Path, cache_dir: Path, *, report: Report | None = None,
                 future: Future | None = None, process=None, receiver=None):
        self.package_path, self.cache_dir = package_path, cache_dir
        self._report, self._future, self._process, self._receiver = report, future, process, receiver

    def running(self) -> bool:
        """Whether the other process is still validating (a core busy): False once it has answered or ended."""
        if self._report is not None:
            return False
        if self._future is not None:
            return not self._future.done()
        return not self._receiver.poll()  # an answer, or the end of a worker that died, is there to read

    def report(self) -> Report:
        if self._report is None:
            self._report = self._from_future() if self._future is not None else self._from_process()
        return self._report

    def _from_future(self) -> Report:
        try:
            return self._future.result()
        except BrokenProcessPool:  # the worker died (e.g. out of memory): validate here instead
            _KEPT.clear()
            return validate_cached(self.package_path, self.cache_dir)

    def _from_process(self) -> Report:
        try:
            kind, value = self._receiver.recv()
        except EOFError:  # the worker died (e.g. out of memory) before it answered: validate here instead
            kind, value = "report", validate_cached(self.package_path, self.cache_dir)
        finally:
            self._receiver.close()
            self._process.join()
        if kind == "error":
            raise value
        return value


_KEPT: list[ProcessPoolExecutor] = []  # the serve loop's validation worker, kept from one build to the next


def start_validation(package_path: Path | str, cache_dir: Path | str, *, keep_worker: bool = False,
                     in_process: bool = False) -> PendingValidation:
    """validate_cached in a worker process, so that the build's other stages run meanwhile on the other core.

    A stored report is returned at once, without a worker. The build must still wait for report() before it
    publishes anything. With keep_worker (the serve loop) the worker, with Great Expectations imported, stays
    for the next build; otherwise it is a process of its own that ends as soon as it has answered, and its
    memory with it. With in_process, or on a single core, validation runs here and now, before anything else.
    """
    package_path, cache_dir = Path(package_path).resolve(), Path(cache_dir)
    stored = ValidationCache(cache_dir).get("report-" + package_key(package_path))
    if stored is not None:
        report = Report(package=_shown(package_path), problems=[Problem(**p) for p in stored])
        return PendingValidation(package_path, cache_dir, report=report)
    if in_process or (os.cpu_count() or 1) < 2:
        return PendingValidation(package_path, cache_dir, report=validate_cached(package_path, cache_dir))
    spawn = multiprocessing.get_context("spawn")  # as for the chart workers: no forked copy of running threads
    if not keep_worker:
        receiver, sender = spawn.Pipe(duplex=False)
        process = spawn.Process(target=_validate_and_send, args=(package_path, cache_dir, sender), daemon=True)
        process.start()
        sender.close()  # this process's copy: the receiver then sees EOF if the worker dies without answering
        return PendingValidation(package_path, cache_dir, process=process, receiver=receiver)
    if not _KEPT:
        _KEPT.append(ProcessPoolExecutor(max_workers=1, mp_context=spawn, initializer=_end_with, initargs=(os.getpid(),)))
    try:
        future = _KEPT[0].submit(validate_cached, package_path, cache_dir)
    except BrokenProcessPool:
        _KEPT.clear()
        return PendingValidation(package_path, cache_dir, report=validate_cached(package_path, cache_dir))
    return PendingValidation(package_path, cache_dir, future=future)


def stop_kept_worker() -> None:
    """End the serve loop's validation worker (when `make serve` stops)."""
    while _KEPT:
        _KEPT.pop().shutdown(wait=False, cancel_futures=True)


def _end_with(parent: int) -> None:
    """In the kept worker: end as soon as the process that started it is gone, however it ended (killed, its
    terminal closed), instead of living on as an orphan that nothing will ever ask to stop."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _validate_and_send(package_path: Path, cache_dir: Path, sender) -> None:
    """The worker: validate, send the report (or the error, for the build to report as its own), and end."""
    try:
        sender.send(("report", validate_cached(package_path, cache_dir)))
    except Exception as error:  # noqa: BLE001 - handed to the build, which reports it in Chinese
        try:
            sender.send(("error", error))
        except Exception:  # noqa: BLE001 - an error that cannot be pickled: its text is enough
            sender.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    finally:
        sender.close()


def _shown(path: Path) -> str:
    from scripts.validate.run import _shown as shown

    return shown(path)
