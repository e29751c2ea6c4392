"""MkDocs' page loop on both cores: after every page is read and converted (one process, so every page knows every
other page's title, address and anchors), a forked copy of the build renders about half of the pages into their
files while this process renders the rest. What rendering leaves for later (each page's search entries, and what
was logged) comes back to this process, in page order, so the site is byte for byte the one a single process builds.

Only where `os.fork` exists and there are pages enough to be worth it; a serve rebuild keeps each page's result for
the next rebuild in this process, so it renders in one process as before (build_with_mkdocs decides).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
from typing import Iterator

import mkdocs.commands.build as mkdocs_build
from mkdocs.exceptions import BuildError

MIN_PAGES = 20  # below this a fork costs more than the half of the pages it saves
PAGE_COST = 8000  # a page's fixed cost (its navigation and header), in characters of its HTML: measured at 10x


def available() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def split(weights: list[int]) -> set[int]:
    """The indexes the other process renders: the heaviest page first, each to the process with less so far."""
    loads, other = [0, 0], set()
    for i in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        who = 0 if loads[0] <= loads[1] else 1
        loads[who] += weights[i]
        if who:
            other.add(i)
    return other


def page_weight(page) -> int:
    return PAGE_COST + len(page.content or "")


@contextlib.contextmanager
def pages_in_two_processes() -> Iterator[None]:
    """Within this block, mkdocs.commands.build.build renders its pages in two processes."""
    loop = _PageLoop(mkdocs_build._build_page)
    mkdocs_build._build_page = loop
    try:
        yield
    finally:
        mkdocs_build._build_page = loop.build_page
        loop.stop_child()


class _PageLoop:
    """Stands in for mkdocs' _build_page: called once for each page, in the site's order."""

    def __init__(self, build_page):
        self.build_page = build_page
        self.order: dict[int, int] = {}  # id(page) -> its place in the loop
        self.mine: set[int] = set()  # places this process renders
        self.last_mine = -1
        self.child = 0  # pid of the other process, 0 in it (or when not forked)
        self.reader = -1
        self.entries: dict[int, list] = {}  # place -> the search entries its page added
        self.index = None  # the search plugin's index
        self.before = 0  # its entries before the page loop
        self.records: list[tuple[str, int, str]] = []  # what the other process logged

    def __call__(self, page, config, doc_files, nav, env, dirty=False, excluded=False):
        if not self.order:
            self._start(config, doc_files)
        place = self.order[id(page)]
        if place not in self.mine:
            return
        if self.index is None:
            self.build_page(page, config, doc_files, nav, env, dirty, excluded=excluded)
            return
        if self.child == 0 and self.reader < 0:  # the forked process: report a failure instead of raising it
            self._build_in_child(place, page, config, doc_files, nav, env, dirty, excluded)
        else:
            self._build_and_note(place, page, config, doc_files, nav, env, dirty, excluded)
            if place == self.last_mine:
                self._join()

    # ---- the start: split the pages, fork --------------------------------------------------------------------

    def _start(self, config, doc_files) -> None:
        pages = [file.page for file in doc_files]
        self.order = {id(page): i for i, page in enumerate(pages)}
        self.mine = set(range(len(pages)))
        plugin = next((config.plugins[n] for n in ("material/search", "search") if n in config.plugins), None)
        if len(pages) < MIN_PAGES or not available():
            return
        self.index = getattr(plugin, "search_index", None) if plugin is not None else None
        if self.index is None or not hasattr(self.index, "entries"):
            self.index = None  # nothing to bring back in order: one process, as mkdocs does
            return
        self.before = len(self.index.entries)
        theirs = split([page_weight(page) for page in pages])
        reader, writer = os.pipe()
        gc.freeze()  # the child never collects what it inherited: fewer copied pages of memory
        pid = os.fork()
        if pid == 0:
            os.close(reader)
            self.reader, self.writer = -1, writer
            self.mine = theirs
            self._collect_logs()
        else:
            gc.unfreeze()
            os.close(writer)
            self.child, self.reader = pid, reader
            self.mine -= theirs
        self.last_mine = max(self.mine, default=-1)
        if not self.mine:  # nothing of its own to render (not with MIN_PAGES pages, but said anyway)
            if self.child:
                self._join()
            else:
                self._send(None)

    def _collect_logs(self) -> None:
        """In the child: what mkdocs logs is kept, to be logged (and counted, in strict mode) by the parent."""
        logger = logging.getLogger("mkdocs")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        records = self.records

        class Keep(logging.Handler):
            def emit(self, record):
                records.append((record.name, record.levelno, record.getMessage()))

        logger.addHandler(Keep(logging.WARNING))
        logger.propagate = False

    # ---- rendering -------------------------------------------------------------------------------------------

    def _build_and_note(self, place, page, config, doc_files, nav, env, dirty, excluded) -> None:
        start = len(self.index.entries)
        try:
            self.build_page(page, config, doc_files, nav, env, dirty, excluded=excluded)
        except BaseException:
            self.stop_child()
            raise
        self.entries[place] = self.index.entries[start:]
        del self.index.entries[start:]

    def _build_in_child(self, place, page, config, doc_files, nav, env, dirty, excluded) -> None:
        try:
            self._build_and_note(place, page, config, doc_files, nav, env, dirty, excluded)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
            self._send(error)
        if place == self.last_mine:
            self._send(None)

    def _send(self, error: BaseException | None) -> None:
        """In the child: the pages' search entries, the log and any error to the parent, then end at once (no
        clean-up: everything else belongs to the parent)."""
        status = 0
        try:
            try:
                payload = pickle.dumps((self.entries, self.records, error), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - an error that cannot be pickled is sent as its text
                payload = pickle.dumps((self.entries, self.records, BuildError(f"{type(error).__name__}: {error}")),
                                       protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(self.writer, "wb") as pipe:
                pipe.write(payload)
        except BaseException:  # noqa: BLE001 - the parent sees a missing answer and says so
            status = 1
        os._exit(status)

    # ---- the end: wait for the other process, put everything back in order ----------------------------------

    def _join(self) -> None:
        with os.fdopen(self.reader, "rb") as pipe:
            payload = pipe.read()
        self.reader = -1
        _, status = os.waitpid(self.child, 0)
        self.child = 0
        if not payload:
            raise BuildError(f"渲染页面的子进程意外退出（状态 {status}），网站未更新。")
        entries, records, error = pickle.loads(payload)
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        if error is not None:
            raise error
        self.entries.update(entries)
        self.index.entries[self.before:] = [entry for place in sorted(self.entries) for entry in self.entries[place]]

    def stop_child(self) -> None:
        """The parent gave up (a page of its own failed): end the other process and wait for it."""
        if self.child:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.child, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.child, 0)
            self.child = 0
        if self.reader >= 0:
            os.close(self.reader)
            self.reader = -1
