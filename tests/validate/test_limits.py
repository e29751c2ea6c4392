"""scripts.validate.limits: sizes checked before parsing, and reports that never grow with the input."""

import json
import os

from scripts.validate.problems import Report, problem
from scripts.validate.run import validate_package
from tests.helpers import OBS


def sparse(path, size: int) -> None:
    """A file of `size` bytes that takes no disk space: the validator must refuse it without reading it."""
    with open(path, "wb") as handle:
        handle.truncate(size)


def test_a_200_mb_file_is_refused_before_it_is_read(shipped_copy):
    sparse(shipped_copy.parent / OBS, 200 * 1024 * 1024)

    report = validate_package(shipped_copy)

    found = [p for p in report.problems if p.file == OBS]
    assert [(p.row, p.column, p.code) for p in found] == [(None, None, "file-too-large")]
    assert found[0].line() == (f"{OBS}：文件有 200.0 MB，超过了上限 64.0 MB，这次没有检查。"
                               "请核对是否误粘贴或重复粘贴了大量内容。")


def test_a_million_rows_are_refused(shipped_copy):
    path = shipped_copy.parent / OBS
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n" + ",,,,,,,,\n" * 1_004_400, encoding="utf-8")  # 9 MB: under the byte limit

    report = validate_package(shipped_copy)

    found = [p for p in report.problems if p.file == OBS]
    assert [(p.row, p.code) for p in found] == [(None, "too-many-rows")]
    assert found[0].message == "文件超过了 200000 行的上限，这次没有检查。"


def test_100k_observation_rows_are_within_the_limits(shipped_copy):
    from scripts.validate.rawcsv import read_table

    path = shipped_copy.parent / OBS
    header = path.read_text(encoding="utf-8").splitlines()[0]
    row = "tax-per-mu,kecheng,2022,16,final,统计公报,https://tjj.qz.gov.cn/art/2023/1.html,original,,2023-03-01,\n"
    path.write_text(header + "\n" + row * 100_000, encoding="utf-8")

    assert len(read_table("observations", OBS, path).rows) == 100_000


def test_the_whole_package_has_a_limit(shipped_copy):
    data = shipped_copy.parent / "data"
    for path in data.glob("*.csv"):  # only the three files below count, whatever else the package holds
        path.unlink()
    for name in ("areas", "units", "tasks"):
        sparse(data / f"{name}.csv", 60 * 1024 * 1024)

    report = validate_package(shipped_copy)

    assert [(p.file, p.code) for p in report.problems if p.severity == "error"] == [("datapackage.json", "package-too-large")]
    assert report.errors[0].message == "数据文件合计 180.0 MB，超过了上限 160.0 MB，这次没有检查各表。"


def test_the_descriptor_has_a_limit(shipped_copy):
    sparse(shipped_copy, 5 * 1024 * 1024)

    report = validate_package(shipped_copy)

    assert [p.code for p in report.problems] == ["descriptor-too-large"]
    assert report.problems[0].message == "文件有 5.0 MB，超过了上限 1.0 MB。"


def test_the_json_report_is_capped_like_the_text(tmp_path):
    problems = [problem("blank-row", OBS, row) for row in range(2, 252)] + [problem("blank-row", "data/units.csv", 2)]
    report = Report("datapackage.json", problems)

    data = report.to_dict()

    assert data["errors"] == 251
    assert len(data["problems"]) == 201
    assert data["left_off"] == [{"file": OBS, "code": "blank-row", "count": 50}]
    report.write_json(tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["left_off"][0]["count"] == 50


def test_values_in_the_json_report_are_short_excerpts():
    long_value = "甲" * 5000
    report = Report("datapackage.json", [problem("too-long", OBS, 2, "note", long_value, length=5000, limit=500)])

    shown = report.to_dict()["problems"][0]["value"]

    assert shown == "甲" * 59 + "…"


def test_a_huge_header_label_is_shown_as_an_excerpt(shipped_copy):
    path = shipped_copy.parent / "data/areas.csv"
    text = path.read_text(encoding="utf-8")
    secret = "SECRET=" + "x" * 3000
    path.write_text(text.replace("\n", "," + secret + "\n", 1), encoding="utf-8")

    report = validate_package(shipped_copy)

    extra = [p for p in report.problems if p.code == "extra-column"]
    assert len(extra) == 1
    assert extra[0].message == "多了一列“SECRET=" + "x" * 52 + "…”，本表没有这一列。"
    assert "x" * 61 not in report.text() + json.dumps(report.to_dict())
    assert os.path.getsize(path) > 3000


def test_a_row_of_endless_cells_is_refused(shipped_copy):
    path = shipped_copy.parent / "data/areas.csv"
    text = path.read_text(encoding="utf-8")
    row = len(text.splitlines()) + 1  # the Excel row of the line added below
    path.write_text(text + "," * 1_000_000 + "\n", encoding="utf-8")

    report = validate_package(shipped_copy)

    found = [p for p in report.problems if p.file == "data/areas.csv"]
    assert [(p.row, p.code) for p in found] == [(None, "too-many-columns")]
    assert found[0].message == f"第{row}行超过了 200 格的上限，这次没有检查本表。"


def test_rows_ended_by_carriage_returns_alone_are_counted_too(shipped_copy):
    path = shipped_copy.parent / OBS
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\r" + ",,,,,,,,\r" * 250_000, encoding="utf-8", newline="")

    report = validate_package(shipped_copy)

    assert [p.code for p in report.problems if p.file == OBS] == ["too-many-rows"]


def test_a_message_stays_short_whatever_a_descriptor_puts_into_it():
    long_description = "说明" * 1000

    found = problem("missing-value", OBS, 2, "note", "", description=long_description)

    assert found.fix == "请填上：" + "说明" * 297 + "说…"
    assert len(found.fix) == 600
