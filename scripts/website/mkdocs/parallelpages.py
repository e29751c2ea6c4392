"""MkDocs' two page loops on both cores. MkDocs reads and converts every page, then renders every page into its
file; in each loop a forked copy of the build takes about half of the pages while this process does the rest.
What the copy's half leaves for later comes back to this process in page order: each converted page (its
Markdown, metadata, HTML, table of contents, anchors and links), each rendered page's search entries, and what
was logged. So the site is byte for byte the one a single process builds, and the render loop starts with every
page converted, as in mkdocs (titles, addresses and anchors of every page are known to every page).

Only where `os.fork` exists and there are pages enough to be worth it; a serve rebuild keeps each page's result for
the next rebuild in this process, so it stays in one process (build_with_mkdocs decides). Nor while the
build's validation process still has the other core, nor while this process runs any other thread (a lock held
by another thread at the fork would never be released in the copy): the charts are drawn in worker processes
(scripts/website/rendering.py), so a build's process runs one thread when mkdocs starts.

The private names this relies on (mkdocs' _populate_page and _build_page, a page's converted attributes) are
checked first (scripts/website/mkdocs/internals.py): without them mkdocs runs as it is, in one process.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
from typing import Callable, Iterator

import mkdocs.commands.build as mkdocs_build
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import InclusionLevel

from scripts.website.mkdocs.internals import may_fork
from scripts.website.searchwords import search_plugin

MIN_PAGES = 20  # below this a fork costs more than the half of the pages it saves
PAGE_COST = 8000  # a page's fixed cost (its navigation, header, converter), in characters of its text: measured at 10x
# What reading and converting a page sets on it (mkdocs.structure.pages.Page.read_source and .render, and the
# plugins' on_page_markdown: a title rendered by mkdocs-macros is an instance attribute too).
CONVERTED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids", "title")


def available() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def split(weights: list[int]) -> set[int]:
    """The indexes the other process takes: the heaviest page first, each to the process with less so far."""
    loads, other = [0, 0], set()
    for i in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        who = 0 if loads[0] <= loads[1] else 1
        loads[who] += weights[i]
        if who:
            other.add(i)
    return other


@contextlib.contextmanager
def pages_in_two_processes(busy: Callable[[], bool] | None = None) -> Iterator[None]:
    """Within this block, mkdocs.commands.build.build reads and renders its pages in two processes, each loop that
    starts while busy() is false (busy: whether the other core is taken by other work of this build, such as the
    validation process; a forked copy would only compete with it)."""
    reading = _Halves(mkdocs_build._populate_page, _Reading(), busy)
    rendering = _Halves(mkdocs_build._build_page, _Rendering(), busy)
    mkdocs_build._populate_page, mkdocs_build._build_page = reading, rendering
    try:
        yield
    finally:
        mkdocs_build._populate_page, mkdocs_build._build_page = reading.step, rendering.step
        reading.stop_child()
        rendering.stop_child()


# ---- what each loop hands back ------------------------------------------------------------------------------------


class _Reading:
    """_populate_page(page, config, files, dirty): each page's conversion, set again on the page in this process."""

    def start(self, page, config, files, *rest) -> list[tuple[str, int]]:
        """Every page of the loop in its order, with its weight (its source's size)."""
        self.files = files
        found = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):  # build() without serve_url
            size = len(file.content_bytes) if file.abs_src_path is None else os.path.getsize(file.abs_src_path)
            found.append((file.src_uri, PAGE_COST + size))
        return found

    def before(self, page, *rest) -> None:
        pass

    def result(self, page, *rest):
        converted = {name: page.__dict__[name] for name in CONVERTED if name in page.__dict__}
        links = page.links_to_anchors
        converted["links_to_anchors"] = None if links is None else {f.src_uri: dict(a) for f, a in links.items()}
        return converted

    def apply(self, results: dict[str, dict]) -> None:
        for src_uri, converted in results.items():
            page = self.files.get_file_from_path(src_uri).page
            links = converted.pop("links_to_anchors")
            page.__dict__.update(converted)
            page.links_to_anchors = None if links is None else {
                self.files.get_file_from_path(src): anchors for src, anchors in links.items()}


class _Rendering:
    """_build_page(page, config, doc_files, nav, env, ...): each page's search entries, put back in page order."""

    def start(self, page, config, doc_files, *rest) -> list[tuple[str, int]]:
        """Every page of the loop in its order, with its weight (its HTML's size)."""
        self.index = getattr(search_plugin(config), "search_index", None)
        self.order = {file.src_uri: i for i, file in enumerate(doc_files)}
        self.mine: dict[str, list] = {}
        self.first = len(self.index.entries) if self.index is not None else 0
        return [(file.src_uri, PAGE_COST + len(file.page.content or "")) for file in doc_files]

    def before(self, page, *rest) -> None:
        self.start_at = len(self.index.entries) if self.index is not None else 0

    def result(self, page, *rest):
        if self.index is None:
            return []
        entries = self.index.entries[self.start_at:]
        del self.index.entries[self.start_at:]  # back in page order at the end
        self.mine[page.file.src_uri] = entries
        return entries

    def apply(self, results: dict[str, list]) -> None:
        if self.index is not None:
            everything = {**self.mine, **results}
            self.index.entries[self.first:] = [e for src in sorted(everything, key=self.order.get) for e in everything[src]]


# ---- one loop in two processes --------------------------------------------------------------------------------


class _Halves:
    """Stands in for one of mkdocs' per-page functions, called once for each page in the loop's order."""

    def __init__(self, step: Callable, loop, busy: Callable[[], bool] | None = None):
        self.step, self.loop, self.busy = step, loop, busy
        self.started = False
        self.mine: set[str] | None = None  # pages this process takes; None: every page (not split)
        self.last_mine: str | None = None
        self.child = 0  # the other process's pid here; 0 in the other process itself, and when not split
        self.reader = self.writer = -1
        self.results: dict = {}  # in the other process: what its pages leave for this one
        self.records: list[tuple[str, int, str]] = []  # what the other process logged

    def __call__(self, page, *args, **kwargs):
        if not self.started:
            self.started = True
            self._start(page, *args)
        src_uri = page.file.src_uri
        if self.mine is None:  # not split: as mkdocs does
            self.step(page, *args, **kwargs)
            return
        if src_uri not in self.mine:
            return
        try:
            self.loop.before(page)
            self.step(page, *args, **kwargs)
            result = self.loop.result(page)
            if self.writer >= 0:  # the other process: kept to be sent
                self.results[src_uri] = result
        except BaseException as error:  # noqa: BLE001 - in the other process every failure goes to this one
            if self.writer >= 0:
                self._send(error)
            self.stop_child()
            raise
        if src_uri == self.last_mine:
            self._finish()

    def _start(self, page, *args) -> None:
        pages = self.loop.start(page, *args)
        if len(pages) < MIN_PAGES or not available() or (self.busy is not None and self.busy()) or not may_fork():
            return
        theirs = {pages[i][0] for i in split([weight for _, weight in pages])}
        ours = [src for src, _ in pages if src not in theirs]
        reader, writer = os.pipe()
        gc.freeze()  # the other process never collects what it inherited: fewer copied pages of memory
        pid = os.fork()
        if pid == 0:
            os.close(reader)
            self.writer, self.mine = writer, theirs
            self._keep_logs()
        else:
            gc.unfreeze()
            os.close(writer)
            self.child, self.reader, self.mine = pid, reader, set(ours)
        self.last_mine = next((src for src, _ in reversed(pages) if src in self.mine), None)
        if self.last_mine is None:  # nothing to take (not with MIN_PAGES pages, but said anyway)
            self._finish()

    def _finish(self) -> None:
        """After this process's last page: the other process sends, this one waits for it and takes its results."""
        if self.writer >= 0:
            self._send(None)
        else:
            self._join()

    def _keep_logs(self) -> None:
        """In the other process: what mkdocs logs is kept, to be logged (and counted, in strict mode) by this one."""
        logger = logging.getLogger("mkdocs")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        records = self.records

        class Keep(logging.Handler):
            def emit(self, record):
                records.append((record.name, record.levelno, record.getMessage()))

        logger.addHandler(Keep(logging.WARNING))
        logger.propagate = False

    def _send(self, error: BaseException | None) -> None:
        """In the other process: its pages' results, the log and any error to this process, then end at once (no
        clean-up: everything else belongs to this process)."""
        status = 0
        try:
            try:
                payload = pickle.dumps((self.results, self.records, error), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - an error that cannot be pickled is sent as its text
                payload = pickle.dumps((self.results, self.records, BuildError(f"{type(error).__name__}: {error}")),
                                       protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(self.writer, "wb") as pipe:
                pipe.write(payload)
        except BaseException:  # noqa: BLE001 - this process sees a missing answer and says so
            status = 1
        os._exit(status)

    def _join(self) -> None:
        with os.fdopen(self.reader, "rb") as pipe:
            payload = pipe.read()
        self.reader = -1
        _, status = os.waitpid(self.child, 0)
        self.child = 0
        if not payload:
            code = os.waitstatus_to_exitcode(status)
            how = f"被信号 {-code} 终止" if code < 0 else f"退出码 {code}"
            raise BuildError(f"处理页面的子进程意外结束（{how}），网站未更新，旧网站保持不变。"
                             "最常见的原因是内存不足：关掉别的程序后重试。")
        results, records, error = pickle.loads(payload)
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        if error is not None:
            raise error
        self.loop.apply(results)

    def stop_child(self) -> None:
        """This process gave up (a page of its own failed, or the build was interrupted): end the other process."""
        if self.child:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.child, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.child, 0)
            self.child = 0
        if self.reader >= 0:
            os.close(self.reader)
            self.reader = -1
