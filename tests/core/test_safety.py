"""scripts.core.safety: ids, names and resource paths that may touch the file system."""

import os

import pytest

from scripts.core.safety import UnsafePath, is_safe_id, is_safe_name, resource_path


@pytest.mark.parametrize("value", ["tax-per-mu", "action-1-1", "a", "kecheng"])
def test_safe_ids(value):
    assert is_safe_id(value)


@pytest.mark.parametrize("value", ["../../../../x", "A", "a--b", "-a", "a/b", "a b", "", None, 12, "x" * 81, "ｘ"])
def test_unsafe_ids(value):
    assert not is_safe_id(value)


def test_package_names():
    assert is_safe_name("quzhou-manufacturing-plan-2021-2023")
    assert not is_safe_name("../../../../../../tmp/x")
    assert not is_safe_name("a..b")
    assert not is_safe_name("/tmp/x")


def test_resource_path_inside_the_package(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "units.csv").write_text("id\n", encoding="utf-8")
    assert resource_path(tmp_path, "data/units.csv") == tmp_path / "data" / "units.csv"


@pytest.mark.parametrize("value", ["../x.csv", "/etc/passwd", "data/../../x.csv", "data\\units.csv", "C:/x.csv", "", ["data/units.csv"]])
def test_resource_path_refuses_what_leaves_the_folder(tmp_path, value):
    with pytest.raises(UnsafePath):
        resource_path(tmp_path, value)


def test_resource_path_refuses_symlinks_to_files_and_folders(tmp_path):
    (tmp_path / "data").mkdir()
    os.symlink("/proc/self/environ", tmp_path / "data" / "units.csv")
    with pytest.raises(UnsafePath) as caught:
        resource_path(tmp_path, "data/units.csv")
    assert caught.value.reason == "这是一个符号链接（快捷方式）。数据文件必须是数据包文件夹里的普通文件，请换成文件本身。"
    os.symlink("/etc", tmp_path / "linked")
    with pytest.raises(UnsafePath):
        resource_path(tmp_path, "linked/passwd")


def test_missing_file_is_not_a_safety_problem(tmp_path):
    with pytest.raises(FileNotFoundError):
        resource_path(tmp_path, "data/none.csv")
