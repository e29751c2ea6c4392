"""A `make serve` rebuild (build_site with keep_pages) reuses unchanged pages and writes exactly what a fresh build writes."""

import logging

import markdown
import pytest

from scripts.tools.bench.children import edit_observation
from scripts.website.mkdocs import rebuildcache
from scripts.pipeline.build import build_site
from scripts.website.mkdocs.rebuildcache import BuildMemo
from scripts.website.mkdocs.rendercache import cached_render
from tests.helpers import site_files


@pytest.fixture
def conversions(monkeypatch) -> list[str]:
    """The Markdown texts mkdocs converts to HTML, in order."""
    seen = []
    convert = markdown.Markdown.convert

    def counting(self, source):
        seen.append(source)
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    return seen


def test_a_rebuild_after_edits_writes_what_a_fresh_build_writes(small_package, tmp_path, conversions):
    site, work = tmp_path / "site", tmp_path / "work"
    build_site(small_package, site, work, validate=False, keep_pages=True)
    pages = len(conversions)
    edit_observation(small_package, 1)
    conversions.clear()
    build_site(small_package, site, work, validate=False, keep_pages=True)
    assert 0 < len(conversions) < pages  # only the pages the edit changed are converted again
    areas = small_package.parent / "data" / "areas.csv"
    text = areas.read_text(encoding="utf-8")
    name = text.splitlines()[2].split(",")[1]
    areas.write_text(text.replace(name, name + "新名"), encoding="utf-8")  # a title: every page's navigation changes
    build_site(small_package, site, work, validate=False, keep_pages=True)
    build_site(small_package, tmp_path / "fresh-site", tmp_path / "fresh-work", validate=False)
    rebuilt, fresh = site_files(site), site_files(tmp_path / "fresh-site")
    assert list(rebuilt) == list(fresh)
    assert [name for name in rebuilt if rebuilt[name] != fresh[name]] == []
    assert name + "新名" in rebuilt["areas/index.html"].decode("utf-8")


def test_without_keep_pages_nothing_is_kept():
    memo = BuildMemo()
    rebuildcache.keep_pages(False)
    memo.start_build("dictionary-1")
    memo.keep("文本", "文本")
    assert memo.find("文本") is None
    assert memo.current == {}


def test_a_memo_forgets_what_the_last_build_did_not_use_and_everything_when_its_context_changes():
    memo = BuildMemo()
    rebuildcache.keep_pages(True)
    try:
        memo.start_build("dictionary-1")
        memo.keep("甲", "甲的结果")
        memo.keep("乙", "乙的结果")
        memo.start_build("dictionary-1")
        assert memo.find("甲") == "甲的结果"  # used by this build: kept for the next
        memo.start_build("dictionary-1")
        assert (memo.find("甲"), memo.find("乙")) == ("甲的结果", None)
        memo.start_build("dictionary-2")
        assert memo.find("甲") is None
    finally:
        rebuildcache.keep_pages(False)


class FakePage:
    """What cached_render reads and sets on an mkdocs Page."""

    def __init__(self, text: str):
        self.markdown = text
        self.file = type("File", (), {"src_uri": "a.md", "dest_uri": "a/index.html", "url": "a/"})()
        self.links_to_anchors = None


def test_a_page_whose_rendering_warned_is_rendered_again(caplog):
    memo = BuildMemo()
    rebuildcache.keep_pages(True)
    calls = []

    def render(config, files):
        calls.append(page.markdown)
        logging.getLogger("mkdocs.structure.pages").warning("Doc file 'a.md' contains a link 'b.md', but the target is not found")
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = "<p>x</p>", [], None, set()

    try:
        memo.start_build("site")
        page = FakePage("[b](b.md)")
        cached_render(memo, page, render)(None, None)
        memo.start_build("site")
        page = FakePage("[b](b.md)")
        cached_render(memo, page, render)(None, None)
    finally:
        rebuildcache.keep_pages(False)
    assert calls == ["[b](b.md)", "[b](b.md)"]


def test_the_replaced_site_is_deleted_after_the_swap(tmp_path):
    import threading

    from scripts.pipeline.build import swap_in

    site = tmp_path / "site"
    for version in ("第一版", "第二版", "第三版"):
        new = tmp_path / "work" / "site.new"
        new.mkdir(parents=True)
        (new / "index.html").write_text(version, encoding="utf-8")
        swap_in(new, site)
    for thread in threading.enumerate():
        if thread.name.startswith("remove site.old-"):
            thread.join()
    assert (site / "index.html").read_text(encoding="utf-8") == "第三版"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "work"]
