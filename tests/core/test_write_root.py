"""scripts.core.files.confined_to: while a build runs, no write may land outside the folder it was given."""

import pytest

from scripts.core import files


def test_writes_inside_the_root_pass(tmp_path):
    with files.confined_to(tmp_path / "work"):
        path = files.write_text(tmp_path / "work" / "stage" / "a.md", "页")
    assert path.read_text(encoding="utf-8") == "页"


def test_a_path_climbing_out_of_the_root_is_refused(tmp_path):
    root = tmp_path / "work"
    target = root / "stage" / "docs" / "indicators" / ".." / ".." / ".." / ".." / "x.md"
    with files.confined_to(root), pytest.raises(files.OutsideRoot) as caught:
        files.write_text(target, "不该写出去")
    assert not (tmp_path / "x.md").exists()
    assert str(caught.value) == f"拒绝写入 {target}：它不在构建目录 {root} 之内。"


def test_a_link_inside_the_root_pointing_out_is_refused(tmp_path):
    (tmp_path / "work").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "work" / "link").symlink_to(tmp_path / "outside")
    with files.confined_to(tmp_path / "work"), pytest.raises(files.OutsideRoot):
        files.write_bytes(tmp_path / "work" / "link" / "x.csv", b"a")
    assert list((tmp_path / "outside").iterdir()) == []


def test_a_sibling_folder_sharing_the_prefix_is_outside(tmp_path):
    with files.confined_to(tmp_path / "work"), pytest.raises(files.OutsideRoot):
        files.copy_file(__file__, tmp_path / "work-other" / "x.py")


def test_outside_a_build_nothing_is_confined(tmp_path):
    assert files.write_text(tmp_path / "free.txt", "a").exists()
