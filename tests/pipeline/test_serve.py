"""scripts.pipeline.serve: MkDocs' live-reload server rebuilds after a CSV edit and tells open pages to reload."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from scripts.pipeline.serve import failure_panel
from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, seconds: float = 120.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.mark.browser
def test_a_failed_rebuild_shows_in_the_browser_and_a_fix_brings_the_site_back(small_package, tmp_path, work_dir, open_page):
    port = free_port()
    log = tmp_path / "serve.log"
    observations = small_package.parent / "data" / "observations.csv"
    good = observations.read_text(encoding="utf-8")
    with open(log, "w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "scripts", "serve", str(small_package), "--port", str(port),
             "--site-dir", str(tmp_path / "site"), "--work-dir", str(work_dir)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            page = f"http://127.0.0.1:{port}/indicators/tax-per-mu/"
            first = wait_for(lambda: fetch(page))
            assert "livereload" in first and "build-failed" not in first  # MkDocs' reload script; no panel
            visit = open_page()
            visit.page.goto(page, wait_until="domcontentloaded")  # not load(): the reload script's poll stays open

            # A broken save: the page reloads to the Chinese panel naming file, row and fix, over the last good page.
            observations.write_text(good.replace(",17.5,", ",17.5万元,"), encoding="utf-8")
            panel = visit.page.locator("#build-failed")
            panel.wait_for(timeout=120_000)
            started = descendants(process.pid)
            assert started, "the rebuild validated in a worker process"
            said = " ".join(panel.inner_text().split())
            assert said.startswith("刚才保存的修改没有通过检查，网站没有更新。请按下面的说明改好后再保存，这一页会自动刷新；下面显示的仍是上一版网站。")
            assert ("data/observations.csv 第3行 「数值」(value) 值“17.5万元”：数值里带了单位“万元”。"
                    "请只填数字 17.5，单位“万元”已在指标表中规定。") in said
            assert visit.page.get_by_text("2021年为17.5万元").count() >= 1  # the last good page, still there
            assert "构建失败，继续提供上一版网站" in log.read_text(encoding="utf-8")
            other = fetch(f"http://127.0.0.1:{port}/areas/")
            assert 'id="build-failed"' in other and "示例甲区" in other  # every page, each the last good one

            # The fix (a new value): the panel goes, and the page reloads with the rebuilt site.
            observations.write_text(good.replace(",17.5,", ",17.6,"), encoding="utf-8")
            visit.page.get_by_text("2021年为17.6万元").first.wait_for(timeout=120_000)
            assert visit.page.locator("#build-failed").count() == 0
            assert 'id="build-failed"' not in fetch(page)
            assert wait_for(lambda: log.read_text(encoding="utf-8").count("已重新构建") == 2)
            visit.page.goto("about:blank")  # end the reload script's poll before the page is handed on
        finally:
            process.terminate()
            process.wait(timeout=20)
    # Stopped by another program (SIGTERM) it ends like Ctrl+C: the validation worker ends with it.
    assert wait_for(lambda: not [pid for pid in started if alive(pid)], seconds=10)


def test_the_panel_escapes_what_it_quotes():
    panel = failure_panel(["data/x.csv 第2行 值“<script>alert(1)</script>”：请改正。"]).decode("utf-8")
    assert "<script>alert" not in panel and "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert panel.startswith('<div id="build-failed" role="alert"')


def test_without_the_mkdocs_hook_serve_falls_back_to_the_plain_server(monkeypatch):
    from mkdocs.livereload import LiveReloadServer

    from scripts.pipeline import serve

    assert serve.server_class() is serve.PreviewServer
    monkeypatch.delattr(LiveReloadServer, "_inject_js_into_html")
    assert serve.server_class() is LiveReloadServer


def descendants(pid: int) -> list[int]:
    """The process ids below pid (Linux /proc)."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return found  # the process has ended
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                children = [int(child) for child in handle.read().split()]
        except FileNotFoundError:
            continue  # a thread that ended meanwhile
        for child in children:
            found += [child, *descendants(child)]
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_the_kept_validation_worker_ends_when_its_parent_is_killed():
    """A serve process killed outright (no handler runs) leaves no validation worker behind."""
    code = (
        "import os, sys\n"
        "from scripts.pipeline import validation\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "import multiprocessing\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context('spawn'),\n"
        "                               initializer=validation._end_with, initargs=(os.getpid(),))\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    os._exit(0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    worker = int(result.stdout)
    assert wait_for(lambda: not alive(worker), seconds=10)
