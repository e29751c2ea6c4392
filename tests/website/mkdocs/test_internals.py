"""scripts/website/mkdocs/internals.py: the private names the site relies on are checked, a missing one falls back to
plain MkDocs with one warning line, and a build forks only while its process runs one thread."""

import json
import subprocess
import sys
import textwrap

import mkdocs.commands.build as mkdocs_build
import pytest
from material.plugins.search.plugin import SearchIndex

from scripts.website.mkdocs import internals
from tests.conftest import ROOT, fixture_package


@pytest.fixture(autouse=True)
def fresh_answers():
    internals.available.cache_clear()
    yield
    internals.available.cache_clear()


def test_every_private_name_is_there_with_the_shape_we_rely_on():
    for feature in internals.NEEDS:
        assert internals.missing(feature) == [], feature


def test_a_missing_name_is_named_and_the_feature_is_off_with_one_warning(monkeypatch, caplog):
    monkeypatch.delattr(mkdocs_build, "_populate_page")
    assert internals.missing("two-process pages") == ["mkdocs.commands.build:_populate_page"]
    assert internals.available("two-process pages") is False
    assert internals.available("two-process pages") is False  # asked twice, said once
    assert [r.getMessage() for r in caplog.records] == [
        "mkdocs 内部接口变了（two-process pages：缺少 mkdocs.commands.build:_populate_page），改用 mkdocs 的默认做法，网站照常生成。"]


def test_a_changed_signature_counts_as_missing(monkeypatch):
    monkeypatch.setattr(SearchIndex, "_segment_chinese", lambda self, text, extra: text)
    assert internals.missing("search words") == ["material.plugins.search.plugin:SearchIndex._segment_chinese"]


def test_without_the_private_names_the_site_is_built_by_plain_mkdocs(tmp_path, monkeypatch, caplog, build):
    """A later mkdocs renamed the names the two page loops and the search words need (mkdocs itself still works):
    one process, the theme's segmentation, and one warning line each."""
    for feature, name in (("two-process pages", "_build_page_renamed"), ("search words", "SearchIndex._segment_renamed")):
        module = "mkdocs.commands.build" if feature == "two-process pages" else "material.plugins.search.plugin"
        monkeypatch.setitem(internals.NEEDS, feature, [*internals.NEEDS[feature], (module, name, None)])
    monkeypatch.setattr("scripts.website.mkdocs.parallelpages.pages_in_two_processes",
                        lambda busy=None: pytest.fail("the two page loops were used"))
    package = fixture_package("small", tmp_path / "package")
    build(package, tmp_path / "site", tmp_path / "work")
    assert (tmp_path / "site" / "index.html").is_file()
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"] == "board/" for doc in index["docs"])
    warnings = sorted(r.getMessage() for r in caplog.records if "内部接口变了" in r.getMessage())
    assert warnings == [
        "mkdocs 内部接口变了（search words：缺少 material.plugins.search.plugin:SearchIndex._segment_renamed），改用 mkdocs 的默认做法，网站照常生成。",
        "mkdocs 内部接口变了（two-process pages：缺少 mkdocs.commands.build:_build_page_renamed），改用 mkdocs 的默认做法，网站照常生成。",
    ]


def test_a_build_forks_only_while_its_process_runs_one_thread(pinned_shipped, tmp_path):
    """A whole cold build of the (pinned) shipped package in a process of its own: the charts are drawn in worker processes,
    so when mkdocs' page loops fork, the forking process runs exactly one thread (native threads included)."""
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from scripts.pipeline.build import build_site
        from scripts.website.mkdocs.internals import thread_count
        counts, fork = [], os.fork
        def counted():
            counts.append(thread_count())
            return fork()
        os.fork = counted
        if __name__ == "__main__":
            build_site({str(pinned_shipped)!r}, site_dir=__import__("pathlib").Path({str(tmp_path / "site")!r}),
                       work_dir=__import__("pathlib").Path({str(tmp_path / "work")!r}), validate=False)
            print(counts)
    """)
    (tmp_path / "build.py").write_text(script, encoding="utf-8")
    result = subprocess.run([sys.executable, str(tmp_path / "build.py")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "[1, 1]"  # read loop and render loop, each forked from one thread
