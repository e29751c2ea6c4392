"""A table's file saved under another name beside it (a browser's "(1)", Windows' copy, Excel's lock file, .xlsx):
named when the file itself is missing, and pointed out when the checks would silently read the other one."""

import shutil

import pytest

from scripts.validate.strayfiles import look_alikes
from tests.helpers import OBS
from tests.validate.shared import DEMO_REVIEW, validate_package


def about_the_files(report) -> list:
    return [p for p in report.problems if (p.file, p.row, p.column, p.code) != DEMO_REVIEW]


@pytest.mark.parametrize("name", ["observations (1).csv", "observations（2）.csv", "observations - 副本.csv",
                                  "observations - Copy (3).csv", "~$observations.csv", "observations.CSV",
                                  "observations.csv.csv", "observations.xlsx", "Observations.txt"])
def test_the_names_excel_windows_and_browsers_give(small_package, name):
    (small_package.parent / "data" / name).write_bytes(b"")
    assert look_alikes(small_package.parent, OBS) == [name]


def test_other_tables_and_other_words_are_not_look_alikes(small_package):
    for name in ["observations-2021.csv", "observation.csv", "my observations.csv", "CHANGELOG.md"]:
        (small_package.parent / "data" / name).write_bytes(b"")
    assert look_alikes(small_package.parent, OBS) == []


def test_a_renamed_file_is_named_instead_of_only_missing(small_package):
    data = small_package.parent / "data"
    shutil.move(data / "observations.csv", data / "observations (1).csv")
    assert [(p.file, p.code, p.severity, p.message) for p in about_the_files(validate_package(small_package))] == [
        (OBS, "file-renamed", "error",
         "找不到这个文件，但同一文件夹里有“observations (1).csv”：多半是 Excel/WPS 或浏览器保存时改了文件名。")]


def test_a_copy_beside_the_file_is_a_warning_since_the_edit_may_be_in_it(small_package):
    data = small_package.parent / "data"
    shutil.copy(data / "observations.csv", data / "observations (1).csv")
    found = about_the_files(validate_package(small_package))
    assert [(p.file, p.code, p.severity) for p in found] == [(OBS, "file-beside", "warning")]
    assert found[0].fix == "如果你的修改存在了那个文件里，请把它改名为 observations.csv，替换原来的文件；不需要的话请删掉它。"


def test_an_excel_lock_file_says_the_file_may_still_be_open(small_package):
    (small_package.parent / "data" / "~$observations.csv").write_bytes(b"\x00staff")
    found = about_the_files(validate_package(small_package))
    assert [(p.file, p.code, p.severity) for p in found] == [(OBS, "lock-file-beside", "warning")]
    assert found[0].message == ("同一文件夹里有“~$observations.csv”：这是 Excel/WPS 打开 observations.csv 时生成的临时文件，"
                                "说明这个文件可能还开着、修改可能还没有保存。")


def test_a_folder_reached_through_a_link_is_not_looked_into(small_package, tmp_path):
    # a resource under a linked folder: refused as unsafe, and nothing of what lies behind the link is named
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret (1).csv").write_bytes(b"")
    (small_package.parent / "linked").symlink_to(outside)
    assert look_alikes(small_package.parent, "linked/secret.csv") == []
    (small_package.parent / "data" / "observations (1).csv").symlink_to(outside / "secret (1).csv")
    assert look_alikes(small_package.parent, OBS) == []  # a link beside the file is not a copy of it


def test_a_missing_file_with_only_its_lock_file_is_missing_and_maybe_still_open(small_package):
    data = small_package.parent / "data"
    (data / "observations.csv").unlink()
    (data / "~$observations.csv").write_bytes(b"")
    assert [(p.file, p.code) for p in about_the_files(validate_package(small_package))] == [
        (OBS, "lock-file-beside"), (OBS, "missing-file")]
