"""Chromium for the browser tests: one browser and one reused page per worker, recording what a page does.

Register with `pytest_plugins` (tests/conftest.py). `open_page()` gives a test a page as if new; the Visit it
returns records every request and WebSocket (requests to other hosts fail at once: see dead_proxy_args), console
error, page error and dialog.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.sitefixtures import HOST

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
# Schemes a page may use without a request leaving the machine.
LOCAL_SCHEMES = {"data", "blob", "about"}
SEARCH_INDEX = "/search/search_index.json"
# The theme's search worker fetches the index, then the script for the site's language (mkdocs.yml: lang: zh).
# A page is loaded once both are: a test that moved on earlier would cut the second off (net::ERR_ABORTED).
SEARCH_FILES = (SEARCH_INDEX, "/lunr/min/lunr.zh.min.js")


def dead_proxy_args(port: int) -> list[str]:
    """Chromium flags that send every request not for 127.0.0.1 to a proxy at 127.0.0.1:port that refuses it.

    Chromium would otherwise go direct to localhost, [::1] and 169.254/16 without a proxy: `<-loopback>` takes
    those exceptions away, and only 127.0.0.1 (where the tests serve their sites) goes direct. The browser does
    this itself, so a request to another host fails at once with net::ERR_PROXY_CONNECTION_FAILED and never
    leaves the machine, with no interception of every request (which cost about 0.07 CPU-s per page load).
    """
    return [f"--proxy-server=http://{HOST}:{port}", f"--proxy-bypass-list=<-loopback>;{HOST}"]


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session. A missing Chromium fails the test: it is never skipped."""
    if not CHROMIUM.exists():
        pytest.fail(f"找不到 {CHROMIUM}：浏览器测试需要 Debian 的 chromium。请运行 `make test`，它会安装 chromium。", pytrace=False)
    from playwright.sync_api import sync_playwright

    # The dead proxy: a port bound and never listened on, so each connection to it is refused at once.
    with socket.socket() as dead_proxy, sync_playwright() as playwright:
        dead_proxy.bind((HOST, 0))
        args = CHROMIUM_ARGS + dead_proxy_args(dead_proxy.getsockname()[1])
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            yield browser
        finally:
            browser.close()


class Visit:
    """A page in a fresh browser context that records every request and WebSocket, console error, page error
    and dialog.

    Requests to any other host are recorded and fail at once (the browser sends them to a dead proxy), so a
    test fails fast instead of waiting on a network that is not there.
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
        self.page = page = context.new_page()
        page.on("request", self._started)
        page.on("websocket", lambda websocket: self.requests.append(websocket.url))
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._failed)
        page.on("response", self._responded)
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(f"{message.text} @ {message.location}"))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def forget(self) -> None:
        """Empty every record: what the page did so far is no longer this test's."""
        for records in (self.requests, self.console_errors, self.page_errors, self.dialogs, self.failed, self.finished):
            records.clear()

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
        """Open url and wait until the search (its index and language script) and every image (lazy ones too) have
        loaded; return the response."""
        response = self.page.goto(url)
        if self.javascript and self.page.locator("[data-md-component=search]").count():
            self.wait(lambda: all(any(done.endswith(file) for done in self.finished) for file in SEARCH_FILES),
                      f"搜索没有准备好：{'、'.join(SEARCH_FILES)} 没有都加载")
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


@pytest.fixture(scope="session")
def reused_plain_visit(browser) -> Iterator[Visit]:
    """One page without JavaScript for the worker's tests, taken in turn as reused_visit is."""
    context = new_context(browser, javascript=False)
    try:
        yield Visit(context, javascript=False)
    finally:
        context.close()


def handed_over(visit: Visit) -> Visit:
    """The reused page as a fresh one: nothing of the last test's page left, its records emptied.

    The last page's storage is cleared (a page without JavaScript cannot write any) and the page left for
    about:blank. A request of the last page that ends only now (cut off by leaving) belongs to the last test's
    generation, and is not recorded for the next one.
    """
    page = visit.page
    if visit.javascript and is_local(page.url) and page.url.startswith("http"):
        page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.goto("about:blank")
    visit.generation += 1
    visit.pending.clear()
    page.context.clear_cookies()
    page.set_viewport_size(VIEWPORT)
    visit.forget()
    visit.last_activity = time.monotonic()
    return visit


@pytest.fixture
def open_page(browser, reused_visit, request):
    """open_page(javascript=True) -> Visit: a page as if new, closed or handed on after the test.

    The first page a test opens with JavaScript is the worker's reused page, emptied (handed_over), and so is the
    first it opens without (reused_plain_visit); any further page in the same test gets a fresh browser context
    of its own.
    """
    contexts = []
    taken = set()

    def opener(*, javascript: bool = True) -> Visit:
        reused = "reused_visit" if javascript else "reused_plain_visit"
        if reused not in taken:
            taken.add(reused)
            return handed_over(request.getfixturevalue(reused))
        context = new_context(browser, javascript=javascript)
        contexts.append(context)
        return Visit(context, javascript=javascript)

    yield opener
    for context in contexts:
        context.close()


# ---- accessibility --------------------------------------------------------------------------------------------

BLOCKING = {"serious", "critical"}  # axe impacts that fail a test


@pytest.fixture(scope="session")
def axe():
    """axe-core, injected into a page by axe-playwright-python (bundled with the package: nothing downloaded)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(axe, page) -> str:
    """axe's serious and critical violations on the page, one line per rule and node; empty when there are none."""
    lines = []
    for violation in axe.run(page).response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}  {summary[:200]}")
    return "\n".join(lines)
