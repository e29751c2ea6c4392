"""The browser tests' own machinery: which requests count as local, that no other request leaves the machine,
and the run's shared build caches."""

import os

import pytest

from tests.browserfixtures import is_local
from tests.buildcaches import CachePool, link_files
from tests.sitefixtures import serve

URLS = {
    "http://127.0.0.1:8000/": True,
    "http://127.0.0.1:8000/search/search_index.json": True,
    "http://127.0.0.1/": True,
    "ws://127.0.0.1:35729/livereload": True,
    "data:image/svg+xml,%3Csvg%3E": True,
    "blob:http://127.0.0.1:8000/5d1c": True,
    "about:blank": True,
    "https://evil.example/p.png": False,
    "http://127.0.0.1.evil.example/": False,
    "http://localhost:8000/": False,
    "http://10.0.0.1/": False,
    "javascript:alert(1)": False,
    "ftp://127.0.0.1/": False,
}


@pytest.mark.parametrize("url", URLS)
def test_only_the_test_server_and_inline_urls_are_local(url):
    assert is_local(url) is URLS[url]


OUTSIDE = [
    "https://evil.example/p.png", "http://10.0.0.1/x.png", "http://169.254.169.254/latest",
    "http://localhost:8000/x.png", "http://127.0.0.1.evil.example/y.png", "http://[::1]:8000/z.png",
    "https://8.8.8.8/q",
]


@pytest.mark.browser
def test_a_request_elsewhere_is_recorded_and_refused_inside_the_browser(tmp_path, open_page):
    images = "".join(f'<img src="{url}" alt="">' for url in OUTSIDE[:-1])
    script = f'new WebSocket("ws://evil.example/s"); fetch("{OUTSIDE[-1]}").catch(() => {{}}); fetch("ok.txt");'
    (tmp_path / "index.html").write_text(f"<!doctype html><title>t</title>{images}<script>{script}</script>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("ok", encoding="utf-8")
    server, url = serve(tmp_path)
    try:
        visit = open_page()
        visit.page.goto(url)
        visit.settle()
        assert sorted(visit.outside_requests()) == sorted([*OUTSIDE, "ws://evil.example/s"])
        # Each one went to the dead proxy (none went direct), and the page's own request was served.
        assert sorted(visit.failed) == sorted(f"{u} (net::ERR_PROXY_CONNECTION_FAILED)" for u in OUTSIDE)
        assert f"{url}ok.txt" in visit.finished
    finally:
        server.shutdown()
        server.server_close()


def test_a_warmed_work_folder_links_the_pool_and_gives_back_what_it_drew(tmp_path):
    pool = CachePool(tmp_path / "pool")
    (tmp_path / "pool" / "charts").mkdir(parents=True)
    (tmp_path / "pool" / "charts" / "aaa.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "pool" / "charts" / "bbb.svg.tmp12").write_text("half", encoding="utf-8")
    work = pool.warm(tmp_path / "work")
    assert sorted(os.listdir(work / "cache" / "charts")) == ["aaa.svg"]
    assert not (work / "cache" / "validation").exists()  # the pool has none yet
    # A build replaces an entry by renaming a new file over it: the pool keeps its own.
    (work / "cache" / "charts" / "new.svg").write_text("<svg>new</svg>", encoding="utf-8")
    (work / "cache" / "charts" / "aaa.svg").unlink()
    (work / "cache" / "validation").mkdir()
    (work / "cache" / "validation" / "report-1.json").write_text("[]", encoding="utf-8")
    pool.keep(work)
    assert sorted(os.listdir(tmp_path / "pool" / "charts")) == ["aaa.svg", "bbb.svg.tmp12", "new.svg"]
    assert (tmp_path / "pool" / "validation" / "report-1.json").read_text(encoding="utf-8") == "[]"


def test_linking_skips_what_the_target_has(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.json").write_text("from a", encoding="utf-8")
    (tmp_path / "b" / "x.json").write_text("from b", encoding="utf-8")
    link_files(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b" / "x.json").read_text(encoding="utf-8") == "from b"
    link_files(tmp_path / "missing", tmp_path / "c")
    assert not (tmp_path / "c").exists()
