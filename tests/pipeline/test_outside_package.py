"""Nothing outside the package, nothing blocking: what runs before validation (the unchanged check, the validation
store's key) and validation itself read only regular files inside the package, reached through no link."""

import builtins
import datetime
import io
import os
import shutil
import threading

from scripts.pipeline import unchanged
from scripts.validate import store
from scripts.validate.run import validate_package

DAY = datetime.date(2024, 3, 2)


def test_a_data_folder_linked_to_the_root_is_never_walked_or_read(small_package, tmp_path, monkeypatch):
    data = small_package.parent / "data"
    shutil.rmtree(data)
    os.symlink("/", data)
    touched = []
    for module, name in ((os, "open"), (os, "scandir"), (os, "listdir"), (builtins, "open"), (io, "open")):
        real = getattr(module, name)

        def watching(path=".", *args, _real=real, **kwargs):
            touched.append(os.fspath(path) if isinstance(path, (str, bytes, os.PathLike)) else path)
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(module, name, watching)

    store.package_key(small_package)
    unchanged.inputs_key(small_package, tmp_path / "site", DAY)
    report = validate_package(small_package)

    inside_the_link = [p for p in touched if isinstance(p, str) and p.startswith(str(data) + os.sep)]
    assert inside_the_link == []
    assert {(p.file, p.code) for p in report.errors} == {(f"data/{name}.csv", "unsafe-path") for name in (
        "areas", "units", "tasks", "task_units", "indicators", "targets", "figure_sources", "related_tasks",
        "observations", "revisions", "searches", "task_reports")} | {("data/CHANGELOG.md", "changelog-unsafe")}


def test_a_data_file_that_is_a_pipe_blocks_nothing(small_package, tmp_path):
    units = small_package.parent / "data" / "units.csv"
    units.unlink()
    os.mkfifo(units)  # opening it to read would wait for a writer, forever
    results = {}

    def run():
        results["key"] = store.package_key(small_package)
        results["inputs"] = unchanged.inputs_key(small_package, tmp_path / "site", DAY)
        results["report"] = validate_package(small_package)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=120)  # not a speed target: a liveness bound, so that a blocking read fails instead of hanging
    assert not worker.is_alive(), "reading the package blocked on a pipe"
    assert [(p.file, p.code, p.message) for p in results["report"].errors] == [
        ("data/units.csv", "unsafe-path", "不能读取这个文件：这不是一个普通文件。")]


def test_a_descriptor_that_is_a_pipe_is_refused(tmp_path):
    pipe, empty = tmp_path / "pipe" / "datapackage.json", tmp_path / "empty" / "datapackage.json"
    pipe.parent.mkdir()
    os.mkfifo(pipe)  # opening it to read would wait for a writer, forever
    empty.parent.mkdir()
    empty.write_bytes(b"")  # what reading the pipe without waiting would have given
    results = {}

    def run():
        results["report"] = validate_package(pipe)
        results["key"] = store.package_key(pipe)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=120)  # not a speed target: a liveness bound, so that a blocking read fails instead of hanging
    assert not worker.is_alive(), "reading the descriptor blocked on a pipe"
    assert [(p.file, p.code) for p in results["report"].errors] == [("datapackage.json", "unsafe-path")]
    # The key counts the pipe as "not a plain file": nothing was read from it, not even the nothing a pipe without a
    # writer gives.
    assert results["key"] != store.package_key(empty)
