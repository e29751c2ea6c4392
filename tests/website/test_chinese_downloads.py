"""scripts.website.downloads: the reader's copy of each table (中文表头版) and the citation line, on the small fixture."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from scripts.core.package import read_package
from scripts.website.citation import citation_text
from scripts.website.downloads import chinese_table, downloads_page, write_chinese_downloads


def test_observations_have_chinese_headers_names_beside_ids_and_words_for_codes(small_package: Path):
    package = read_package(small_package)
    rows = chinese_table(package, package.resource("observations"))
    assert rows[0] == ["指标编号", "指标名称", "区域编号", "区域名称", "时期", "数值", "数据状态", "来源", "来源网址", "来源类型",
                       "原发布单位", "发布日期", "说明"]
    assert rows[1] == ["tax-per-mu", "示例亩均税收", "quzhou", "示例市", "2020", "15", "正式数", "示例来源（虚构）",
                       "https://example.org/demo/1", "原发", "", "2021-03-01", ""]
    assert rows[7][9:11] == ["转载", "示例统计局（虚构）"]  # the reprint and whom it credits, as their own columns
    assert rows[7][:7] == ["new-firms", "示例新增企业", "longyou", "示例丙县", "2022", "70", "初步数"]


def test_other_tables_name_what_their_ids_point_to(small_package: Path):
    package = read_package(small_package)
    assert chinese_table(package, package.resource("task_units"))[1] == ["action-1-1", "示例任务甲", "economy-it", "示例经信局", "牵头单位", "1"]
    indicators = chinese_table(package, package.resource("indicators"))
    assert indicators[0] == ["指标编号", "指标名称", "计量单位", "核心指标", "所属任务", "任务名称", "方向", "目标类型", "方案原文", "说明", "排序"]
    assert indicators[1] == ["tax-per-mu", "示例亩均税收", "万元", "是", "", "", "越高越好", "到期水平", "示例：亩均税收达到22万元。", "", "1"]
    assert chinese_table(package, package.resource("targets"))[1] == ["tax-per-mu", "示例亩均税收", "2023", "22", "不低于", ""]


def test_the_files_open_in_excel_and_are_safe_there(small_package: Path, tmp_path: Path):
    observations = small_package.parent / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace("示例来源（虚构）,https://example.org/demo/1",
                                                                                "=HYPERLINK(1),https://example.org/demo/1"), encoding="utf-8")
    package = read_package(small_package)
    written = write_chinese_downloads(package, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        f"zh/{name}.csv" for name in ("areas", "units", "tasks", "task_units", "indicators", "targets", "figure_sources",
                                      "related_tasks", "observations", "revisions", "searches", "task_reports"))
    data = (tmp_path / "zh" / "observations.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\xe6\x8c\x87\xe6\xa0\x87\xe7\xbc\x96\xe5\x8f\xb7,")  # BOM, then 指标编号
    first = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1]
    assert first[7] == "'=HYPERLINK(1)"  # a cell that would start a formula in Excel gets a quote


def test_citation_names_the_package_version_date_and_address(small_package: Path, monkeypatch):
    descriptor = json.loads(small_package.read_text(encoding="utf-8"))
    descriptor.update(version="9.8.7", created="2030-01-02T00:00:00Z")
    small_package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    package = read_package(small_package)
    monkeypatch.delenv("SITE_URL", raising=False)
    assert citation_text(package, "downloads/") == "引用本数据：《测试用示例数据包（虚构）》，数据版本 9.8.7（2030-01-02），网址见浏览器地址栏"
    monkeypatch.setenv("SITE_URL", "https://example.org/plan/")
    assert citation_text(package, "indicators/new-firms/", "示例新增企业") == (
        "引用本数据：《测试用示例数据包（虚构）》中的“示例新增企业”，数据版本 9.8.7（2030-01-02），https://example.org/plan/indicators/new-firms/"
    )


def test_download_page_and_indicator_pages_carry_the_citation_and_the_chinese_files(small_site):
    import html
    import re

    def text(path: str) -> str:
        markup = (small_site.root / path / "index.html").read_text(encoding="utf-8")
        return html.unescape(re.sub(r"<[^>]+>", " ", markup))

    downloads = text("downloads")
    assert "引用本数据：《测试用示例数据包（虚构）》，数据版本" in downloads
    assert "中文表头版" in downloads
    assert 'href="../data/zh/observations.csv"' in (small_site.root / "downloads" / "index.html").read_text(encoding="utf-8")
    assert (small_site.root / "data" / "zh" / "observations.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "引用本数据：《测试用示例数据包（虚构）》中的“示例新增企业”，数据版本" in text("indicators/new-firms")


def test_a_primary_key_written_as_one_name_is_shown_as_that_name(small_package: Path):
    # Table Schema allows "primaryKey": "id"; the validator and the structure expectation read it as ["id"].
    descriptor = json.loads(small_package.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["primaryKey"] = "id"
    small_package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    markdown = downloads_page(read_package(small_package), []).markdown()
    assert "<p>主键：id</p>" in markdown
    assert "i、d" not in markdown


def test_an_enum_of_numbers_is_listed_not_a_failed_build(small_package: Path):
    # Table Schema allows an enum on an integer column; the validator passes it as a tightening, for review.
    descriptor = json.loads(small_package.read_text(encoding="utf-8"))
    order = next(f for f in descriptor["resources"][0]["schema"]["fields"] if f["name"] == "order")
    order.setdefault("constraints", {})["enum"] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    small_package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    markdown = downloads_page(read_package(small_package), []).markdown()
    assert "取值：1、2、3、4、5、6、7、8、9" in markdown
