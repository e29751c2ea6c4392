"""Build files: written only when their content changed; what a build no longer writes is removed."""

import os

from scripts.core import files


def test_unchanged_file_is_left_alone(tmp_path):
    path = files.write_text(tmp_path / "a" / "page.md", "同样的内容\n")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    files.write_text(path, "同样的内容\n")
    assert path.stat().st_mtime_ns == 1_000_000_000
    files.write_text(path, "新的内容\n")
    assert path.read_text(encoding="utf-8") == "新的内容\n"
    assert path.stat().st_mtime_ns != 1_000_000_000


def test_encoding_is_kept(tmp_path):
    path = files.write_text(tmp_path / "progress.csv", "指标\n", encoding="utf-8-sig")
    assert path.read_bytes() == b"\xef\xbb\xbf" + "指标\n".encode("utf-8")


def test_copy_tree_returns_the_copies(tmp_path):
    (tmp_path / "src" / "assets").mkdir(parents=True)
    (tmp_path / "src" / "index.md").write_text("首页", encoding="utf-8")
    (tmp_path / "src" / "assets" / "extra.css").write_text("a {}", encoding="utf-8")
    copied = files.copy_tree(tmp_path / "src", tmp_path / "out")
    assert copied == [tmp_path / "out" / "assets" / "extra.css", tmp_path / "out" / "index.md"]
    assert (tmp_path / "out" / "index.md").read_text(encoding="utf-8") == "首页"


def test_prune_removes_what_was_not_written_and_empty_folders(tmp_path):
    keep = [files.write_text(tmp_path / "indicators" / "kept.md", "x"), files.write_text(tmp_path / "index.md", "x")]
    files.write_text(tmp_path / "indicators" / "gone.md", "x")
    files.write_text(tmp_path / "charts" / "gone.svg", "x")
    removed = files.prune(tmp_path, keep)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in removed) == ["charts/gone.svg", "indicators/gone.md"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["index.md", "indicators", "indicators/kept.md"]
