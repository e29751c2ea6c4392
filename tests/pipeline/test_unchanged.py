"""scripts.pipeline.unchanged and build_site(keep_unchanged=True): an unchanged package keeps the site it built."""

import datetime
import json
import os
import threading

import pytest

from scripts.pipeline import unchanged
from scripts.pipeline.build import BuildFailed
from tests.helpers import OBS, edit_cell

DAY = datetime.date(2024, 3, 2)  # the day a build speaks for: the build decides it once and hands it to the key


def test_a_second_build_from_the_same_inputs_keeps_the_site(small_package, tmp_path, work_dir, build):
    site, work = tmp_path / "site", work_dir
    first = build(small_package, site, work, keep_unchanged=True)
    assert "mkdocs" in first
    home = (site / "index.html").stat()
    again = build(small_package, site, work, keep_unchanged=True)
    assert list(again) == ["unchanged"]
    assert (site / "index.html").stat().st_mtime_ns == home.st_mtime_ns  # the same files, not rebuilt

    edit_cell(small_package, OBS, 2, "value", "abc")
    with pytest.raises(BuildFailed):
        build(small_package, site, work, keep_unchanged=True)
    assert (site / "index.html").stat().st_mtime_ns == home.st_mtime_ns  # the failed build changed nothing

    edit_cell(small_package, OBS, 2, "value", "999")
    rebuilt = build(small_package, site, work, keep_unchanged=True)
    assert "mkdocs" in rebuilt
    assert list(build(small_package, site, work, keep_unchanged=True)) == ["unchanged"]


def test_a_deleted_or_replaced_site_is_built_again(small_package, tmp_path, work_dir, build):
    site, work = tmp_path / "site", work_dir
    build(small_package, site, work, keep_unchanged=True)
    (site / "index.html").unlink()
    assert "mkdocs" in build(small_package, site, work, keep_unchanged=True)


def test_without_keep_unchanged_the_site_is_always_built(small_package, tmp_path, work_dir, build):
    site, work = tmp_path / "site", work_dir
    build(small_package, site, work, keep_unchanged=True)
    assert "mkdocs" in build(small_package, site, work)


def test_the_key_follows_the_package_the_site_folder_and_the_day(small_package, tmp_path):
    key = unchanged.inputs_key(small_package, tmp_path / "site", DAY)
    assert unchanged.inputs_key(small_package, tmp_path / "site", DAY) == key
    assert unchanged.inputs_key(small_package, tmp_path / "other-site", DAY) != key
    # Another day, the same files: the plan may have ended in between, so the site is built again.
    assert unchanged.inputs_key(small_package, tmp_path / "site", datetime.date(2024, 3, 3)) != key
    changelog = small_package.parent / "data" / "CHANGELOG.md"
    changelog.write_text("# 更新记录\n\n- 改了一处。\n", encoding="utf-8")
    assert unchanged.inputs_key(small_package, tmp_path / "site", DAY) != key


def test_links_and_devices_in_the_package_are_never_read(small_package, tmp_path):
    """The key is taken before validation: a link to /dev/zero, a pipe or a resource path /dev/zero must not be read
    (it would never end); each counts by its name alone, so what a link points at does not change the key."""
    data = small_package.parent / "data"
    (data / "units.csv").unlink()
    os.symlink("/dev/zero", data / "units.csv")
    os.mkfifo(data / "pipe.csv")
    descriptor = json.loads(small_package.read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "/dev/zero"
    small_package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    outside = tmp_path / "outside.csv"
    outside.write_text("id,name\nx,示例\n", encoding="utf-8")
    keys = []

    def run():
        keys.append(unchanged.inputs_key(small_package, tmp_path / "site", DAY))
        (data / "units.csv").unlink()
        os.symlink(outside, data / "units.csv")  # the same link, now to a readable file outside the package
        keys.append(unchanged.inputs_key(small_package, tmp_path / "site", DAY))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=120)  # not a speed target: a liveness bound, so that a blocking read fails instead of hanging
    assert not worker.is_alive(), "the key read a link to a device or waited on a pipe"
    assert len(keys) == 2 and keys[0] == keys[1]


def test_the_key_follows_the_settings_pages_read_from_the_environment(small_package, tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    before = unchanged.inputs_key(small_package, tmp_path / "site", DAY)
    monkeypatch.setenv("SITE_URL", "https://example.org/site/")
    assert unchanged.inputs_key(small_package, tmp_path / "site", DAY) != before
