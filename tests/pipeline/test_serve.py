"""scripts.pipeline.serve: MkDocs' live-reload server rebuilds after a CSV edit and tells open pages to reload."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

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


def test_a_csv_edit_rebuilds_and_the_page_has_the_reload_script(small_package, tmp_path, work_dir):
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "scripts", "serve", str(small_package), "--port", str(port),
             "--site-dir", str(tmp_path / "site"), "--work-dir", str(work_dir)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            page = f"http://127.0.0.1:{port}/areas/"
            first = wait_for(lambda: fetch(page))
            assert "livereload" in first  # MkDocs injects its reload script into served HTML
            areas = small_package.parent / "data" / "areas.csv"
            text = areas.read_text(encoding="utf-8")
            name = text.splitlines()[2].split(",")[1]
            areas.write_text(text.replace(name, name + "新名"), encoding="utf-8")
            assert wait_for(lambda: name + "新名" in fetch(page))
            assert wait_for(lambda: log.read_text(encoding="utf-8").count("已重新构建") == 2)
            started = descendants(process.pid)
            assert started, "the rebuild validated in a worker process"
        finally:
            process.terminate()
            process.wait(timeout=20)
    # Stopped by another program (SIGTERM) it ends like Ctrl+C: the validation worker ends with it.
    assert wait_for(lambda: not [pid for pid in started if alive(pid)], seconds=10)


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
