"""MkDocs' pages read and rendered in two processes (scripts/website/mkdocs/parallelpages.py): the same site as one process
builds, and what goes wrong in the other process (an error, a warning in strict mode) stops the build as in one.

tests/website/mkdocs/test_rebuild.py compares a cold build of the small package (two processes) with serve rebuilds (one)."""

import json
import os
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from scripts.website.mkdocs import parallelpages
from scripts.website.mkdocs.parallelpages import pages_in_two_processes, split
from tests.helpers import site_files

PAGES = 45  # more than parallelpages.MIN_PAGES

# A hook that misbehaves only in a forked process, once, on the first page it reads or renders there.
HOOK = '''
import logging, os
PARENT, DONE = os.getpid(), []

def misbehave(page, loop):
    if os.getpid() != PARENT and not DONE and os.environ["TEST_PAGES_LOOP"] == loop:
        DONE.append(page)
        if os.environ["TEST_PAGES_WHAT"] == "raise":
            raise LookupError(f"boom on {page.file.src_uri}")
        if os.environ["TEST_PAGES_WHAT"] == "die":  # as the kernel ends a process out of memory
            os.kill(os.getpid(), 9)
        logging.getLogger("mkdocs.plugins.test").warning(f"odd {page.file.src_uri}")

def on_page_markdown(markdown, page, config, files):
    misbehave(page, "read")
    return markdown

def on_page_context(context, page, config, nav):
    misbehave(page, "render")
    return context
'''


@pytest.fixture(autouse=True)
def single_threaded(monkeypatch):
    """A test worker runs threads of its own (pytest-xdist's channel): these tests are about the two loops, so the
    one-thread rule is waived here; tests/website/mkdocs/test_internals.py checks it in a build's own process."""
    monkeypatch.setattr(parallelpages, "may_fork", lambda: True)


def name_of(number: int) -> str:
    return "index.md" if number == 0 else f"page-{number:02d}.md"


def project(folder: Path, *, hook: bool = False, anchor: str = "part") -> Path:
    """A plain mkdocs-material project of PAGES pages with search, each page with its own words and headings, and a
    link to an anchor of the next page (checked: a missing anchor is a warning)."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    nav = []
    for number in range(PAGES):
        words = " ".join(f"word{number}x{i}" for i in range(number * 40))  # pages of different weights
        link = f"[next]({name_of((number + 1) % PAGES)}#{anchor}-{(number + 1) % PAGES})"
        (docs / name_of(number)).write_text(f"# Page {number}\n\n{words} {link}\n\n## Part {number}\n\nmore {number}\n",
                                            encoding="utf-8")
        nav.append({f"Page {number}": name_of(number)})
    config = {"site_name": "test", "theme": {"name": "material", "font": False}, "plugins": ["search"], "nav": nav,
              "validation": {"anchors": "warn"}}
    if hook:
        (folder / "hook.py").write_text(HOOK, encoding="utf-8")
        config["hooks"] = [str(folder / "hook.py")]
    (folder / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    return folder / "mkdocs.yml"


def build_project(config_file: Path, site: Path, *, two: bool) -> None:
    config = load_config(str(config_file), site_dir=str(site), strict=True)
    if two:
        with pages_in_two_processes():
            build(config)
    else:
        build(config)


def test_the_heaviest_page_goes_first_each_to_the_process_with_less_so_far():
    # 10 -> this process (10, 0); 8 -> the other (10, 8); 1 -> the other (10, 9); 1 -> the other (10, 10)
    assert split([10, 1, 1, 8]) == {1, 2, 3}
    # equal weights: alternately, this process first
    assert split([5, 5, 5, 5, 5]) == {1, 3}


def test_two_processes_write_the_site_one_process_writes(tmp_path, monkeypatch):
    config_file = project(tmp_path / "project")
    forks = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    build_project(config_file, tmp_path / "two", two=True)
    assert forks == [1, 1]  # the pages really were split, once to read them and once to render them
    build_project(config_file, tmp_path / "one", two=False)
    two, one = site_files(tmp_path / "two"), site_files(tmp_path / "one")
    assert list(two) == list(one)
    assert [name for name in two if two[name] != one[name]] == []
    index = json.loads(two["search/search_index.json"])
    assert [doc["location"] for doc in index["docs"]][:4] == ["", "#part-0", "page-01/", "page-01/#part-1"]


@pytest.mark.parametrize("loop", ["read", "render"])
def test_an_error_in_the_other_process_stops_the_build_and_names_the_page(tmp_path, monkeypatch, caplog, loop):
    config_file = project(tmp_path / "project", hook=True)
    monkeypatch.setenv("TEST_PAGES_LOOP", loop)
    monkeypatch.setenv("TEST_PAGES_WHAT", "raise")
    children = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: children.append(fork()) or children[-1])
    with pytest.raises(LookupError, match=r"^boom on page-\d\d\.md$"):
        build_project(config_file, tmp_path / "site", two=True)
    assert len(children) == {"read": 1, "render": 2}[loop]  # a failed read stops the build before rendering
    for child in children:
        with pytest.raises(ChildProcessError):
            os.waitpid(child, os.WNOHANG)  # it ended and was waited for: nothing left behind
    what = {"read": "reading", "render": "building"}[loop]
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"][0].startswith(f"Error {what} page 'page-")


def test_the_other_process_ending_without_an_answer_stops_the_build_and_says_why(tmp_path, monkeypatch, caplog):
    config_file = project(tmp_path / "project", hook=True)
    monkeypatch.setenv("TEST_PAGES_LOOP", "render")
    monkeypatch.setenv("TEST_PAGES_WHAT", "die")
    with pytest.raises(Abort, match="BuildError"):
        build_project(config_file, tmp_path / "site", two=True)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == ["处理页面的子进程意外结束（被信号 9 终止），网站未更新，旧网站保持不变。最常见的原因是内存不足：关掉别的程序后重试。"]


@pytest.mark.parametrize("loop", ["read", "render"])
def test_a_warning_in_the_other_process_counts_in_strict_mode(tmp_path, monkeypatch, caplog, loop):
    config_file = project(tmp_path / "project", hook=True)
    monkeypatch.setenv("TEST_PAGES_LOOP", loop)
    monkeypatch.setenv("TEST_PAGES_WHAT", "warn")
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode"):
        build_project(config_file, tmp_path / "site", two=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and re.fullmatch(r"odd page-\d\d\.md", warnings[0])


def test_links_to_anchors_read_by_either_process_are_checked(tmp_path):
    """Each page links to an anchor the next page lacks: every page's link is checked, whichever process read it."""
    config_file = project(tmp_path / "project", anchor="nowhere")
    with pytest.raises(Abort, match=f"Aborted with {PAGES} warnings in strict mode"):
        build_project(config_file, tmp_path / "site", two=True)


def test_without_fork_or_with_few_pages_one_process_renders(tmp_path, monkeypatch):
    config_file = project(tmp_path / "project")
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    monkeypatch.setattr(parallelpages, "available", lambda: False)
    build_project(config_file, tmp_path / "site", two=True)
    monkeypatch.setattr(parallelpages, "available", lambda: True)
    monkeypatch.setattr(parallelpages, "MIN_PAGES", PAGES + 1)
    build_project(config_file, tmp_path / "site", two=True)
    assert (tmp_path / "site" / "page-44" / "index.html").is_file()


def test_while_the_other_core_is_busy_a_loop_stays_in_one_process(tmp_path, monkeypatch):
    config_file = project(tmp_path / "project")
    asked, forks = [], []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())

    def busy():  # busy while the pages are read (the validation process still running), free when they are rendered
        asked.append(1)
        return len(asked) == 1

    config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True)
    with pages_in_two_processes(busy):
        build(config)
    assert (asked, forks) == ([1, 1], [1])  # asked before each loop; only the render loop was split
    assert (tmp_path / "site" / "page-44" / "index.html").is_file()
