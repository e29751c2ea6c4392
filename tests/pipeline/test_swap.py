"""scripts.pipeline.build.swap_in: a build killed at any point of the swap leaves a complete site/, or one that the
next build, even a failing one, puts back before anything else."""

import os
import subprocess
import sys
import threading

import pytest

from scripts.pipeline import build
from scripts.pipeline.build import BuildFailed, build_site
from tests.conftest import ROOT

# Run in a child process: swap_in, killed (os._exit, as by SIGKILL: no cleanup, no finally) at one point.
KILLED_SWAP = """
import os, sys
from pathlib import Path
from scripts.pipeline import build

new, site, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if point == "after the exchange":
    exchange = build._exchange
    def killed_exchange(first, second):
        exchange(first, second)
        os._exit(9)
    build._exchange = killed_exchange
else:
    build._exchange = lambda first, second: False  # the two-rename swap of systems that cannot exchange
    rename = Path.rename
    def killed_rename(self, target):
        result = rename(self, target)
        if (point == "between the renames" and self == site) or (point == "after the second rename" and self == new):
            os._exit(9)
        return result
    Path.rename = killed_rename
build.swap_in(new, site)
"""


def sites(tmp_path):
    site, new = tmp_path / "site", tmp_path / "work" / "site.new"
    for folder, text in ((site, "旧网站"), (new, "新网站")):
        (folder / "about").mkdir(parents=True)
        (folder / "index.html").write_text(text, encoding="utf-8")
        (folder / "about" / "index.html").write_text(text, encoding="utf-8")
    return site, new


def kill_swap(new, site, point: str) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_SWAP, str(new), str(site), point], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr


def complete(site) -> str:
    """The site's text when every page of it is there and of one build."""
    texts = {(site / "index.html").read_text(encoding="utf-8"), (site / "about" / "index.html").read_text(encoding="utf-8")}
    assert len(texts) == 1, texts
    return texts.pop()


def failing_build(tmp_path, site) -> None:
    with pytest.raises(BuildFailed):
        build_site(tmp_path / "no-package" / "datapackage.json", site, tmp_path / "work", validate=False)


def test_killed_between_the_two_renames_the_next_failing_build_puts_the_old_site_back(tmp_path):
    site, new = sites(tmp_path)
    kill_swap(new, site, "between the renames")
    assert not site.exists() and (tmp_path / "site.old").is_dir()  # what the kill left

    failing_build(tmp_path, site)

    assert complete(site) == "旧网站"
    assert not (tmp_path / "site.old").exists()


def test_killed_after_the_second_rename_the_new_site_is_complete_and_the_old_one_goes(tmp_path):
    site, new = sites(tmp_path)
    kill_swap(new, site, "after the second rename")
    assert complete(site) == "新网站"

    failing_build(tmp_path, site)

    assert complete(site) == "新网站"


def test_where_folders_can_trade_places_a_kill_right_after_leaves_the_new_site(tmp_path):
    probe_a, probe_b = tmp_path / "a", tmp_path / "b"
    probe_a.mkdir(), probe_b.mkdir()
    if not build._exchange(probe_a, probe_b):
        pytest.skip("this system cannot exchange two folders in one rename; the two-rename swap is tested above")
    site, new = sites(tmp_path)
    kill_swap(new, site, "after the exchange")
    assert complete(site) == "新网站"
    assert complete(new) == "旧网站"  # the old site, deleted by the swap when it is not killed


def test_a_swap_that_is_not_killed_leaves_only_the_new_site(tmp_path):
    site, new = sites(tmp_path)
    build.swap_in(new, site)
    for thread in threading.enumerate():
        if thread.name.startswith("remove "):
            thread.join()
    assert complete(site) == "新网站"
    assert sorted(os.listdir(tmp_path)) == ["site", "work"]
    assert os.listdir(tmp_path / "work") == []
