"""Built and served sites for the browser, accessibility and link tests, and warm build caches for every test build.

Register with `pytest_plugins = ["tests.sitefixtures"]`. Three sites: the shipped package, the small fictional
fixture and a hostile synthetic package. Each is built once per test run, by whichever pytest-xdist worker asks
first (the others wait for it and use the same files), and each worker serves it on 127.0.0.1 (a free port) by
http.server in a thread.

Every build in the tests starts from a shared pool of the build caches (validation reports and suite results,
drawn charts): both are keyed by the content hash of everything they depend on, so a hit is only ever the result
of byte-identical inputs. A test of the caches themselves uses an empty work folder of its own.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.website.build import build_site
from scripts.tools.synthetic import write_synthetic_package
from tests.conftest import SHIPPED, copy_package, fixture_package

CHROMIUM = Path("/usr/bin/chromium")
# Flags that let Debian's Chromium run as root on a closed network without phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOST = "127.0.0.1"
# Schemes a page may use without a request leaving the machine.
LOCAL_SCHEMES = {"data", "blob", "about"}
# Every URL is_local() refuses, as a pattern the browser matches itself (JavaScript regular expression syntax).
NOT_LOCAL = re.compile(r"^(?!(?:data|blob|about):|(?:https?|wss?)://127\.0\.0\.1(?:[:/?#]|$))")
SEARCH_INDEX = "/search/search_index.json"


@dataclass
class Site:
    name: str
    root: Path  # the built site directory
    url: str  # http://127.0.0.1:<port>/
    package: Path  # the datapackage.json it was built from

    def page_url(self, path: str) -> str:
        return self.url + path.lstrip("/")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker sends more than 10 requests a second only to servers that answer with this header.
        self.send_header("LinkChecker", "tests")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve directory on 127.0.0.1 at a free port in a daemon thread; return the server and its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=f"serve {directory}", daemon=True).start()
    return server, f"http://{HOST}:{server.server_address[1]}/"


# ---- build caches shared by every build of the run ----------------------------------------------------------

CACHES = ("charts", "validation")  # the folders under <work>/cache that the build keys by content


def run_folder(tmp_path_factory) -> Path:
    """A folder shared by the workers of this run only (pytest-xdist gives each worker a folder below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def locked(path: Path):
    """An exclusive lock on path (a file), held across the workers of the run until the returned file is closed."""
    handle = open(path, "a+")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def link_files(source: Path, target: Path) -> None:
    """Hard-link every file of source that target lacks into target. Builds never change a cache file in place
    (they write a new file and rename it), so a linked entry stays as it was in the other folder."""
    if not source.is_dir():
        return
    target.mkdir(parents=True, exist_ok=True)
    have = set(os.listdir(target))
    for name in os.listdir(source):
        if name not in have and ".tmp" not in name:
            partial = target / f"{name}.tmp{os.getpid()}"
            try:
                os.link(source / name, partial)
            except FileNotFoundError:
                continue  # pruned by another build meanwhile
            partial.replace(target / name)


class CachePool:
    """The run's pool of build caches: warm a work folder from it before a build, add what the build drew after."""

    def __init__(self, folder: Path):
        self.folder = folder

    def warm(self, work_dir: Path) -> Path:
        for name in CACHES:
            link_files(self.folder / name, work_dir / "cache" / name)
        return work_dir

    def keep(self, work_dir: Path) -> None:
        for name in CACHES:
            link_files(work_dir / "cache" / name, self.folder / name)


@pytest.fixture(scope="session")
def cache_pool(tmp_path_factory) -> CachePool:
    return CachePool(run_folder(tmp_path_factory) / "build-caches")


@pytest.fixture
def work_dir(tmp_path, cache_pool) -> Iterator[Path]:
    """tmp_path/work, its caches warmed from the run's pool; what the test's builds drew goes back to the pool."""
    work = cache_pool.warm(tmp_path / "work")
    yield work
    cache_pool.keep(work)


# ---- the shared sites ---------------------------------------------------------------------------------------------


def shared_site(name: str, make_package, tmp_path_factory, pool: CachePool) -> Iterator[Site]:
    """Build the site once for the whole run (the first worker to ask builds it, under a lock), then serve it here."""
    base = run_folder(tmp_path_factory) / f"{name}-site"
    base.mkdir(exist_ok=True)
    with locked(base / "lock"):
        package = base / "package" / "datapackage.json"
        if not (base / "built").exists():
            package = make_package(base / "package")
            build_site(package, base / "site", pool.warm(base / "work"))
            pool.keep(base / "work")
            (base / "built").touch()
    server, url = serve(base / "site")
    try:
        yield Site(name, base / "site", url, package)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory, cache_pool) -> Iterator[Site]:
    """The site of the shipped package (most indicators have no data)."""
    yield from shared_site("shipped", lambda folder: copy_package(SHIPPED, folder), tmp_path_factory, cache_pool)


@pytest.fixture(scope="session")
def small_site(tmp_path_factory, cache_pool) -> Iterator[Site]:
    """The site of tests/fixtures/small: area figures with a ranking, an interim figure, a task report."""
    yield from shared_site("small", lambda folder: fixture_package("small", folder), tmp_path_factory, cache_pool)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, cache_pool) -> Iterator[Site]:
    """The site of a synthetic package whose every free-text cell carries markup and template syntax."""
    yield from shared_site("hostile", lambda folder: write_synthetic_package(folder, scale=1, seed=0, hostile=True),
                           tmp_path_factory, cache_pool)


# ---- the browser ---------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session. A missing Chromium fails the test: it is never skipped."""
    if not CHROMIUM.exists():
        pytest.fail(f"找不到 {CHROMIUM}：浏览器测试需要 Debian 的 chromium。请运行 `make test`，它会安装 chromium。", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Visit:
    """A page in a fresh browser context that records every request, console error, page error and dialog.

    Requests to any other host are recorded and then aborted, so a test fails fast instead of waiting on a
    network that is not there. (Only those requests pass through Python: the pattern is matched in the browser.)
    """

    def __init__(self, context, *, javascript: bool = True):
        self.javascript = javascript
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.failed: list[str] = []  # requests that got no response, or a 4xx/5xx one
        self.finished: list[str] = []  # URLs of the requests that ended, with a response or without
        self.pending: set = set()
        self.started_by: dict = {}  # request -> the generation (test) in which it started
        self.generation = 0
        self.last_activity = time.monotonic()
        context.route(NOT_LOCAL, lambda route: route.abort())
        self.page = page = context.new_page()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._failed)
        page.on("response", self._responded)
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(f"{message.text} @ {message.location}"))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _started(self, request):
        self.started_by[request] = self.generation
        self.requests.append(request.url)
        self.pending.add(request)
        self.last_activity = time.monotonic()

    def _current(self, request) -> bool:
        """Whether the request belongs to the current test: the reused page hands on a new generation to each."""
        return self.started_by.get(request, self.generation) == self.generation

    def _ended(self, request):
        if self._current(request):
            self.pending.discard(request)
            self.finished.append(request.url)
            self.last_activity = time.monotonic()
        self.started_by.pop(request, None)

    def _failed(self, request):
        if self._current(request):
            self.failed.append(f"{request.url} ({request.failure})")
        self._ended(request)

    def _responded(self, response):
        if response.status >= 400 and self._current(response.request):
            self.failed.append(f"{response.url} ({response.status})")

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def load(self, url: str):
        """Open url and wait until the search index and every image (lazy ones too) have loaded; return the response."""
        response = self.page.goto(url)
        if self.javascript and self.page.locator("[data-md-component=search]").count():
            self.wait(lambda: any(done.endswith(SEARCH_INDEX) for done in self.finished), "搜索索引没有加载")
        self.settle()
        if self.page.evaluate("[...document.images].some(image => !image.complete)"):
            # A lazy image starts loading once it is scrolled into view: bring each one into view until all are done.
            self.page.wait_for_function(
                "() => { const pending = [...document.images].find(image => !image.complete);"
                " if (!pending) return true; pending.scrollIntoView(); return false; }"
            )
            self.page.evaluate("window.scrollTo(0, 0)")
            self.settle()
        # The theme fades its tabs in after the load: read colours (axe) only once every transition has ended.
        self.page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")
        return response

    def settle(self, quiet: float = 0.1, timeout: float = 10.0) -> None:
        """Wait until no request has been pending for `quiet` seconds. Like Playwright's networkidle, with a
        shorter quiet time: the one request known to start late (the theme fetches its search index after the
        load event) is waited for by name in load()."""
        self.wait(lambda: not self.pending and time.monotonic() - self.last_activity >= quiet,
                  f"仍有未完成的请求：{[request.url for request in self.pending]}", timeout)

    def wait(self, condition, message: str, timeout: float = 10.0) -> None:
        """Let the page run until condition() holds; fail with message after timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(20)
            if condition():
                return
        raise AssertionError(message)

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def problems(self) -> dict[str, list[str]]:
        """Everything that should not have happened; all lists are empty when the page behaved."""
        return {
            "requests to other hosts": self.outside_requests(),
            "failed requests": self.failed,
            "console errors": self.console_errors,
            "page errors": self.page_errors,
            "dialogs": self.dialogs,
        }


NO_PROBLEMS = {
    "requests to other hosts": [], "failed requests": [], "console errors": [], "page errors": [], "dialogs": [],
}


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname == HOST


VIEWPORT = {"width": 1280, "height": 900}


def new_context(browser, *, javascript: bool = True, viewport: dict = VIEWPORT):
    context = browser.new_context(java_script_enabled=javascript, locale="zh-CN", viewport=viewport)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(scope="session")
def reused_visit(browser) -> Iterator[Visit]:
    """One page with JavaScript for the worker's tests, taken in turn. Opening a page in a new browser context
    starts a new renderer process; moving one page from test to test costs Chromium half the CPU."""
    context = new_context(browser)
    try:
        yield Visit(context)
    finally:
        context.close()


def handed_over(visit: Visit) -> Visit:
    """The reused page as a fresh one: nothing of the last test's page left, its records emptied.

    The last page's storage is cleared and the page left for about:blank. A request of the last page that ends
    only now (cut off by leaving) belongs to the last test's generation, and is not recorded for the next one.
    """
    page = visit.page
    if is_local(page.url) and page.url.startswith("http"):
        page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.goto("about:blank")
    visit.generation += 1
    visit.pending.clear()
    page.context.clear_cookies()
    page.set_viewport_size(VIEWPORT)
    for records in (visit.requests, visit.console_errors, visit.page_errors, visit.dialogs, visit.failed, visit.finished):
        records.clear()
    visit.last_activity = time.monotonic()
    return visit


@pytest.fixture
def open_page(browser, reused_visit):
    """open_page(javascript=True) -> Visit: a page as if new, closed or handed on after the test.

    The first page a test opens with JavaScript is the worker's reused page, emptied (handed_over); a page
    without JavaScript, and any further page in the same test, gets a fresh browser context of its own.
    """
    contexts = []
    reused = []

    def opener(*, javascript: bool = True) -> Visit:
        if javascript and not reused:
            reused.append(reused_visit)
            return handed_over(reused_visit)
        context = new_context(browser, javascript=javascript)
        contexts.append(context)
        return Visit(context, javascript=javascript)

    yield opener
    for context in contexts:
        context.close()
