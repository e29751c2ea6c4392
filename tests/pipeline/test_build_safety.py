"""The build never writes outside its work folder, names its downloads safely, and fails in Chinese, never with a traceback."""

import json
import os
import zipfile

import pytest

from scripts.core import files
from scripts.core.package import read_package
from scripts.pipeline import build
from scripts.pipeline.build import BuildFailed, build_site
from scripts.website.downloads import copy_downloads

ESCAPING_ID = "../../../../x"


def with_escaping_id(package):
    """The package with its one indicator that has figures renamed to ../../../../x and the id pattern deleted."""
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            field.get("constraints", {}).pop("pattern", None)
    package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    for csv_file in (package.parent / "data").glob("*.csv"):
        text = csv_file.read_text(encoding="utf-8")
        csv_file.write_text(text.replace("manufacturing-investment-growth", ESCAPING_ID), encoding="utf-8")
    return package


def test_an_id_that_climbs_out_is_refused_before_anything_is_written(tmp_path, shipped_copy, work_dir):
    with pytest.raises(BuildFailed) as caught:
        build_site(with_escaping_id(shipped_copy), tmp_path / "site", work_dir, validate=False)
    assert str(caught.value) == (
        "data/indicators.csv 里「id」为“../../../../x”的一行：这个 id 不能用作网页和文件的名字。"
        "id 只能由小写英文字母、数字和连字符组成，以字母开头，如 tax-per-mu。网站未更新。"
    )
    assert sorted(os.listdir(tmp_path)) == ["package", "work"]


def test_without_the_id_check_the_write_guard_still_stops_it(tmp_path, shipped_copy, monkeypatch, work_dir):
    monkeypatch.setattr(build, "check_ids", lambda package: None)
    with pytest.raises(BuildFailed) as caught:
        build_site(with_escaping_id(shipped_copy), tmp_path / "site", work_dir, validate=False)
    escaped = work_dir / "stage" / "docs" / "charts" / f"{ESCAPING_ID}.svg"
    assert str(caught.value) == (
        f"绘制图表时出错：拒绝写入 {escaped}：它不在构建目录 {tmp_path / 'work'} 之内。网站未更新，旧网站保持不变。"
    )
    assert sorted(os.listdir(tmp_path)) == ["package", "work"]


def test_an_unsafe_package_name_gives_the_fallback_zip_name(tmp_path, shipped_copy):
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    descriptor["name"] = "../../../../../../tmp/x"
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    with files.confined_to(tmp_path / "work"):
        written = copy_downloads(read_package(shipped_copy), tmp_path / "work" / "data")
    assert written[0] == tmp_path / "work" / "data" / "datapackage.zip"
    assert sorted(os.listdir(tmp_path)) == ["package", "work"]


def test_downloads_and_zip_neutralise_formula_cells(tmp_path, shipped_copy):
    tasks = shipped_copy.parent / "data" / "tasks.csv"
    lines = tasks.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",淘汰落后攻坚行动,", ",-cmd|' /C calc'!A0,")
    tasks.write_text("\n".join(lines), encoding="utf-8")
    copy_downloads(read_package(shipped_copy), tmp_path / "data")
    copied = (tmp_path / "data" / "tasks.csv").read_text(encoding="utf-8")
    assert copied.split("\n")[1].split(",")[2] == "'-cmd|' /C calc'!A0"
    with zipfile.ZipFile(tmp_path / "data" / "quzhou-manufacturing-plan-2021-2023.zip") as bundle:
        assert bundle.read("data/tasks.csv").decode("utf-8") == copied
    # A file with no formula cell is copied byte for byte.
    units = shipped_copy.parent / "data" / "units.csv"
    assert (tmp_path / "data" / "units.csv").read_bytes() == units.read_bytes()


def test_a_failing_stage_is_named_in_chinese_and_the_old_site_kept(tmp_path, shipped_copy, monkeypatch, capsys, work_dir):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("旧网站", encoding="utf-8")

    def broken(*args, **kwargs):
        raise KeyError("status")

    from scripts.website import charts

    monkeypatch.setattr(charts, "render_site_charts", broken)
    code = build.main([str(shipped_copy), "--site-dir", str(site), "--work-dir", str(work_dir)])
    assert code == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines()[-1] == (
        "构建失败：绘制图表时出错：程序遇到了没有预料到的情况（KeyError：'status'）。"
        "请先运行 make validate 检查数据；数据没有问题的话，请把这段提示发给网站维护者。网站未更新，旧网站保持不变。"
    )
    assert "Traceback" not in captured.err + captured.out
    assert (site / "index.html").read_text(encoding="utf-8") == "旧网站"


@pytest.mark.parametrize("value, kind", [("sNaN", "数字"), ("-nan", "数字"), ("1_200", "数字")])
def test_a_cell_validation_let_through_is_named_with_file_row_and_column(tmp_path, shipped_copy, value, kind, work_dir):
    observations = shipped_copy.parent / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(",46.8,", f",{value},"), encoding="utf-8")
    with pytest.raises(BuildFailed) as caught:
        build_site(shipped_copy, tmp_path / "site", work_dir, validate=False)
    assert str(caught.value) == (
        f"读取数据和计算进度时出错：data/observations.csv 第2行「value」的值“{value}”不是{kind}，无法读取。"
        "请先运行 make validate，按提示改正这一格。网站未更新，旧网站保持不变。"
    )
    assert not (tmp_path / "site").exists()


def test_a_full_width_date_is_named(tmp_path, shipped_copy, work_dir):
    observations = shipped_copy.parent / "data" / "observations.csv"
    text = observations.read_text(encoding="utf-8")
    assert text.count(",2023-03-24,") == 1  # the 2023-01..02 figure, on row 4 of the shipped file
    observations.write_text(text.replace(",2023-03-24,", ",２０２３-03-24,"), encoding="utf-8")
    with pytest.raises(BuildFailed, match="data/observations.csv 第4行「published」的值“２０２３-03-24”不是日期"):
        build_site(shipped_copy, tmp_path / "site", work_dir, validate=False)


def test_a_value_column_retyped_to_string_is_named_as_a_type_change(tmp_path, small_package, work_dir):
    descriptor = json.loads(small_package.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            if field["name"] == "value":
                field["type"] = "string"
    small_package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BuildFailed) as caught:
        build_site(small_package, tmp_path / "site", work_dir, validate=False)
    message = str(caught.value)
    assert "时出错：数据的类型和程序预期的不一致（" in message
    assert message.endswith("请检查 datapackage.json 里各列的 type 是否被改动过（如把数值列改成了 string），"
                            "改回后再运行 make validate。网站未更新，旧网站保持不变。")
    assert not (tmp_path / "site").exists()


def test_a_failed_swap_puts_the_previous_site_back(tmp_path, monkeypatch):
    site, new = tmp_path / "site", tmp_path / "work" / "site.new"
    site.mkdir()
    (site / "index.html").write_text("旧网站", encoding="utf-8")
    new.mkdir(parents=True)
    real_rename = type(new).rename

    def rename(self, target):
        if self == new:
            raise PermissionError(13, "Permission denied")
        return real_rename(self, target)

    monkeypatch.setattr(type(new), "rename", rename)
    monkeypatch.setattr(build, "_exchange", lambda first, second: False)  # where folders cannot trade places at once
    with pytest.raises(PermissionError):
        build.swap_in(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "旧网站"
    assert not (tmp_path / "site.old").exists()


def test_a_full_disk_is_a_disk_problem_not_a_data_problem(tmp_path):
    error = OSError(28, "No space left on device", str(tmp_path / "work" / "stage" / "docs" / "index.md"))
    message = str(build.stage_failed("pages", error))
    assert message == (f"生成页面和下载文件时出错：磁盘已满，写不进 {tmp_path}/work/stage/docs/index.md。这不是数据的问题："
                       "请清理磁盘（例如删掉 build/ 文件夹）后再运行一次。网站未更新，旧网站保持不变。")
    assert "make validate" not in message


def test_a_full_disk_while_validating_is_reported_as_such(shipped_copy, monkeypatch):
    from scripts.validate import run

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", "build/cache/validation/x.json")

    monkeypatch.setattr(run, "read_tables", full)
    report = run.validate_package(shipped_copy)
    assert [p.line() for p in report.problems if p.code == "disk-full"] == [
        "build/cache/validation/x.json：检查没有完成：磁盘已满，写不进这个文件。"
        "这不是数据的问题：请清理磁盘（例如删掉 build/ 文件夹）后再检查一次。"]
