"""Built and served sites for the browser, accessibility and link tests.

Register with `pytest_plugins` (tests/conftest.py). Three sites: the shipped package, the small fictional
fixture and a hostile synthetic package. Each is built once per test run, by whichever pytest-xdist worker asks
first (the others wait for it and use the same files), and each worker serves it on 127.0.0.1 (a free port) by
http.server in a thread.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.tools.synthetic import write_synthetic_package
from tests.buildcaches import CachePool, locked, run_folder
from tests.conftest import fixture_package, pinned_package

HOST = "127.0.0.1"
RUNNING = datetime.date(2023, 6, 30)  # a day while the plan (2021-2023) runs


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


# ---- the shared sites ---------------------------------------------------------------------------------------------


def shared_site(name: str, make_package, tmp_path_factory, pool: CachePool, build, today=None) -> Iterator[Site]:
    """Build the site once for the whole run (the first worker to ask builds it, under a lock), then serve it here."""
    base = run_folder(tmp_path_factory) / f"{name}-site"
    base.mkdir(exist_ok=True)
    with locked(base / "lock"):
        package = base / "package" / "datapackage.json"
        if not (base / "built").exists():
            package = make_package(base / "package")
            build(package, base / "site", pool.warm(base / "work"), today=today)
            pool.keep(base / "work")
            (base / "built").touch()
    server, url = serve(base / "site")
    try:
        yield Site(name, base / "site", url, package)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory, cache_pool, build) -> Iterator[Site]:
    """The site of the shipped plan with the pinned figures (tests/fixtures/shipped-figures; most indicators have none)."""
    yield from shared_site("shipped", pinned_package, tmp_path_factory, cache_pool, build)


@pytest.fixture(scope="session")
def small_site(tmp_path_factory, cache_pool, build) -> Iterator[Site]:
    """The site of tests/fixtures/small: area figures with a ranking, an interim figure, a task report; built as on a day
    while its plan runs (RUNNING), so its pages speak of pace. The shipped site is built on the day the tests run:
    its plan has ended, and its pages are the final report card."""
    yield from shared_site("small", lambda folder: fixture_package("small", folder), tmp_path_factory, cache_pool, build,
                           today=RUNNING)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, cache_pool, build) -> Iterator[Site]:
    """The site of a synthetic package whose every free-text cell carries markup and template syntax."""
    yield from shared_site("hostile", lambda folder: write_synthetic_package(folder, scale=1, seed=0, hostile=True),
                           tmp_path_factory, cache_pool, build)
