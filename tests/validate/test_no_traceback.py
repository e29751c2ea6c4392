"""`python -m scripts validate` never shows staff a traceback: every failure is a Chinese message and exit code 1."""

import os
import subprocess
import sys

from scripts.validate import run
from tests.conftest import ROOT

UNEXPECTED = "数据文件没有被改动。请先改正上面列出的问题再检查；仍然出现的话，请把这条信息发给维护者。"


def test_a_crash_while_checking_a_file_names_that_file(shipped_copy, monkeypatch, capsys):
    def broken_check(table, resource, units):
        raise ValueError("boom")

    monkeypatch.setattr(run, "check_cells", broken_check)

    assert run.main([str(shipped_copy)]) == 1

    out = capsys.readouterr().out
    assert "data/areas.csv：检查没有完成：出现了意外错误（ValueError）。" + UNEXPECTED in out
    assert "Traceback" not in out and "boom" not in out


def test_a_descriptor_that_is_a_folder(tmp_path, capsys):
    (tmp_path / "datapackage.json").mkdir()

    assert run.main([str(tmp_path / "datapackage.json")]) == 1

    assert "datapackage.json：不能读取这个文件：这不是一个普通文件。" in capsys.readouterr().out


def test_a_report_that_cannot_be_written(shipped_copy, tmp_path, capsys):
    folder = tmp_path / "report.json"
    folder.mkdir()

    assert run.main([str(shipped_copy), "--json", str(folder)]) == 1

    assert capsys.readouterr().out == (
        f"检查没有完成：{shipped_copy}：出现了意外错误（IsADirectoryError）。数据文件没有被改动；请把这条信息发给维护者。\n")


def test_a_full_disk_is_named_with_the_catalogue_message(tmp_path, monkeypatch, capsys):
    import errno
    import os

    from scripts.validate.problems import Report

    def full(self, path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(run, "validate_package", lambda path: Report(package=str(path)))
    monkeypatch.setattr(Report, "write_json", full)

    report = tmp_path / "out" / "report.json"
    assert run.main([str(tmp_path / "datapackage.json"), "--json", str(report)]) == 1

    assert capsys.readouterr().out == (f"{report}：检查没有完成：磁盘已满，写不进这个文件。"
                                       "这不是数据的问题：请清理磁盘（例如删掉 build/ 文件夹）后再检查一次。\n")


def test_a_gbk_descriptor_through_main(shipped_copy, capsys):
    shipped_copy.write_bytes(shipped_copy.read_text(encoding="utf-8").encode("gb18030"))

    assert run.main([str(shipped_copy)]) == 1

    assert "datapackage.json：不是 UTF-8 编码" in capsys.readouterr().out


def test_the_command_line_with_a_link_to_the_environment(small_package):
    units = small_package.parent / "data" / "units.csv"
    units.unlink()
    os.symlink("/proc/self/environ", units)
    env = {**os.environ, "GUARD_SECRET": "do-not-print-me"}

    result = subprocess.run([sys.executable, "-m", "scripts", "validate", str(small_package)], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)

    assert result.returncode == 1
    assert "data/units.csv：不能读取这个文件：这是一个符号链接（快捷方式）。" in result.stdout
    assert "do-not-print-me" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
