"""Built and served sites for the browser, accessibility and link tests; each site is built once per session.

Register with `pytest_plugins = ["tests.sitefixtures"]`. Three sites: the shipped package, the small fictional
fixture and a hostile synthetic package, each served on 127.0.0.1 (a free port) by http.server in a thread.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.website.build import build_site
from scripts.tools.synthetic import write_synthetic_package
from tests.conftest import SHIPPED, fixture_package

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


def built_and_served(name: str, package: Path, base: Path) -> Iterator[Site]:
    site_dir = base / "site"
    build_site(package, site_dir, base / "work")
    server, url = serve(site_dir)
    try:
        yield Site(name, site_dir, url, package)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Iterator[Site]:
    """The site of the shipped package (most indicators have no data)."""
    yield from built_and_served("shipped", SHIPPED, tmp_path_factory.mktemp("shipped-site"))


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> Iterator[Site]:
    """The site of tests/fixtures/small: area figures with a ranking, an interim figure, a task report."""
    base = tmp_path_factory.mktemp("small-site")
    yield from built_and_served("small", fixture_package("small", base / "package"), base)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Iterator[Site]:
    """The site of a synthetic package whose every free-text cell carries markup and template syntax."""
    base = tmp_path_factory.mktemp("hostile-site")
    package = write_synthetic_package(base / "package", scale=1, seed=0, hostile=True)
    yield from built_and_served("hostile", package, base)


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
    network that is not there.
    """

    def __init__(self, context):
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.failed: list[str] = []  # requests that got no response, or a 4xx/5xx one
        self.pending: set = set()
        self.last_activity = time.monotonic()
        context.route("**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort())
        self.page = page = context.new_page()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", lambda request: (self.failed.append(f"{request.url} ({request.failure})"), self._ended(request)))
        page.on("response", lambda response: response.status >= 400 and self.failed.append(f"{response.url} ({response.status})"))
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(f"{message.text} @ {message.location}"))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _started(self, request):
        self.requests.append(request.url)
        self.pending.add(request)
        self.last_activity = time.monotonic()

    def _ended(self, request):
        self.pending.discard(request)
        self.last_activity = time.monotonic()

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def load(self, url: str):
        """Open url and wait until the search index and every image (lazy ones too) have loaded; return the response."""
        response = self.page.goto(url)
        self.settle()
        if self.page.evaluate("[...document.images].some(image => !image.complete)"):
            # A lazy image starts loading once it is scrolled into view: bring each one into view until all are done.
            self.page.wait_for_function(
                "() => { const pending = [...document.images].find(image => !image.complete);"
                " if (!pending) return true; pending.scrollIntoView(); return false; }"
            )
            self.page.evaluate("window.scrollTo(0, 0)")
            self.settle()
        return response

    def settle(self, quiet: float = 0.25, timeout: float = 10.0) -> None:
        """Wait until no request has been pending for `quiet` seconds (the theme fetches its search index
        from a worker after the load event). Like Playwright's networkidle, with a shorter quiet time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            if not self.pending and time.monotonic() - self.last_activity >= quiet:
                return
        raise AssertionError(f"仍有未完成的请求：{[request.url for request in self.pending]}")

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


@pytest.fixture
def open_page(browser):
    """open_page(javascript=True) -> Visit: a page of its own in a fresh context, closed after the test."""
    contexts = []

    def opener(*, javascript: bool = True) -> Visit:
        context = browser.new_context(java_script_enabled=javascript, locale="zh-CN", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return Visit(context)

    yield opener
    for context in contexts:
        context.close()
