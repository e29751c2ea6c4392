"""The browser tests' own machinery: which requests count as local, and the run's shared build caches."""

import os

import pytest

from tests.browserfixtures import NOT_LOCAL, is_local
from tests.buildcaches import CachePool, link_files

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
def test_the_browser_side_pattern_refuses_what_is_local_refuses(url):
    assert is_local(url) is URLS[url]
    assert (NOT_LOCAL.search(url) is None) is URLS[url]


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
