"""Built and served sites for the browser, accessibility and link tests.

Register with `pytest_plugins` (tests/conftest.py). Four sites: the shipped package, the small fictional
fixture, a hostile synthetic package, and the payload package (the small fixture with every free-text cell and
every descriptor string a payload, built without validation). Each is built once per test run, by whichever pytest-xdist worker asks
first (the others wait for it and use the same files), and each worker serves it on 127.0.0.1 (a free port) by
http.server in a thread.
"""

from __future__ import annotations

import csv
import datetime
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.pipeline.build import build_site
from scripts.tools.synthetic import make_hostile, write_synthetic_package
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


# ---- the payload site: every descriptor string and every free-text cell a payload, built without validation -----

# Written into every text of the descriptor (titles, descriptions, the plan's and the licences' words, the version).
DESCRIPTOR_PAYLOAD = ("[点我](javascript:alert(document.domain)) <img src=x onerror=alert(1)> {{ config }} "
                      "{: onclick=alert(1) } <https://evil.example/> **bold**")
DESCRIPTOR_TEXTS = ("title", "description", "document_number", "issuer", "version")
# Addresses a reader must not be sent to, and one that is fine (a real external link, shown with its host).
PAYLOAD_SOURCES = [
    {"title": "来源甲" + DESCRIPTOR_PAYLOAD, "path": "https://www.qz.gov.cn@evil.example/"},
    {"title": "来源乙", "path": "//evil.example/"},
]
PAYLOAD_LICENSES = [
    {"name": "CC-BY-4.0" + DESCRIPTOR_PAYLOAD, "title": "许可甲", "path": "https://www.qz.gov.cn．evil.example/"},
    {"name": "x", "title": "许可乙", "path": "java\tscript:alert(document.domain)"},
    {"name": "y", "title": "许可丙", "path": "https://example.org/licence/"},
]
PAYLOAD_PLAN_URL = "[点我](javascript:alert(document.domain))"
# A word wider than a phone's screen, with nowhere to break (an address or figures run together).
PAYLOAD_LONG_WORD = "ABCDEFGHIJ" * 20
PAYLOAD_NAME = "示例指标\x85[点我](javascript:alert(document.domain)) ![p](https://evil.example/p.png)"
PAYLOAD_CHANGELOG = """# 更新记录

## 0.2.0 {: onclick=alert(1) }

<script>alert(1)</script>
<img src=x onerror=alert(2)>
<iframe src="https://evil.example/"></iframe>

- [点我](javascript:alert(3))
- 见 <https://www.qz.gov.cn@evil.example/> 和 <javascript:alert(4)>
"""


def payload_descriptor(descriptor: dict) -> dict:
    """Every text of the descriptor with the payload appended (the version a word wider than a phone too), every
    address a deceptive one (one plain)."""
    def walk(item):
        if isinstance(item, dict):
            return {k: v + " " + DESCRIPTOR_PAYLOAD if k in DESCRIPTOR_TEXTS and isinstance(v, str) else walk(v)
                    for k, v in item.items()}
        return [walk(v) for v in item] if isinstance(item, list) else item

    descriptor = walk(descriptor)
    descriptor["plan"]["url"] = PAYLOAD_PLAN_URL
    descriptor["version"] += PAYLOAD_LONG_WORD  # shown in every page's footer
    descriptor.update(sources=PAYLOAD_SOURCES, licenses=PAYLOAD_LICENSES)
    return descriptor


def write_payload_package(folder: Path) -> Path:
    """The small fixture with every free-text cell (synthetic hostile mode) and every descriptor string a payload;
    one indicator named with a C1 control and a javascript: link, U+FFFF and a word wider than a phone in its unit,
    a formula note; a hostile change log."""
    package = fixture_package("small", folder)
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    tables = {}
    for resource in descriptor["resources"]:
        with open(package.parent / resource["path"], encoding="utf-8", newline="") as handle:
            tables[resource["name"]] = list(csv.DictReader(handle))
    tables = make_hostile(descriptor, tables)
    next(i for i in tables["indicators"] if i["id"] == "tax-per-mu").update(
        name=PAYLOAD_NAME, unit="万\uffff元" + PAYLOAD_LONG_WORD, note="+cmd|' /C calc'!A0")
    for resource in descriptor["resources"]:
        with open(package.parent / resource["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=[f["name"] for f in resource["schema"]["fields"]], lineterminator="\n")
            writer.writeheader()
            writer.writerows(tables[resource["name"]])
    package.write_text(json.dumps(payload_descriptor(descriptor), ensure_ascii=False, indent=2), encoding="utf-8")
    (package.parent / "data" / "CHANGELOG.md").write_text(PAYLOAD_CHANGELOG, encoding="utf-8")
    return package


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory, cache_pool) -> Iterator[Site]:
    """The payload package's site, built with validate=False: whatever the validator would say (it refuses most of
    these), the build itself must keep every payload text."""
    yield from shared_site("payload", write_payload_package, tmp_path_factory, cache_pool,
                           functools.partial(build_site, validate=False))
