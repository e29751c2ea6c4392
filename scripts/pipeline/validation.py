"""Validation beside the build: the checks run in another process while progress, charts and pages are made.

Above the validator (scripts/validate/run.py) and its store (scripts/validate/store.py): this module only decides
where validate_cached runs, and hands its report back to the build, which publishes nothing before it has passed.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from scripts.validate.problems import Problem, Report
from scripts.validate.run import shown_path, validate_cached
from scripts.validate.store import ValidationCache, package_key


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
        report = Report(package=shown_path(package_path), problems=[Problem(**p) for p in stored])
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
