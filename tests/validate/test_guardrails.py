"""The validator's outer layer: files only inside the package, a descriptor that never crashes it, fixed safe ids."""

import csv
import io
import json
import os
import shutil

import pytest

from tests.helpers import flat
from tests.validate.shared import change_descriptor, validate_package  # the run's shared part results


UNITS = "data/units.csv"
SYMLINK = "这是一个符号链接（快捷方式）。数据文件必须是数据包文件夹里的普通文件，请换成文件本身。"
NOT_OPENED = "为了安全，校验和构建都不会打开数据包文件夹以外的文件，也不会打开链接。"
PLAN_CHANGE = ("datapackage.json", None, "plan", "schema-change")  # the plan's fields are reviewed like the schema
SHAPE_FIX = "请按 Data Package 规范改正，可对照仓库里原来的 datapackage.json。"


def replace_with_link(descriptor_path, file: str, target) -> None:
    path = descriptor_path.parent / file
    path.unlink()
    os.symlink(target, path)


# The filesystem is closed


@pytest.mark.parametrize("target", ["/proc/self/environ", "/etc/passwd"])
def test_a_link_to_a_system_file_is_refused_without_echoing_it(shipped_copy, target):
    replace_with_link(shipped_copy, UNITS, target)

    report = validate_package(shipped_copy)

    assert [p for p in flat(report) if p[0] == UNITS] == [(UNITS, None, None, "unsafe-path")]
    problem = report.problems[0]
    assert problem.line() == f"{UNITS}：不能读取这个文件：{SYMLINK}{NOT_OPENED}"
    shown = report.text() + json.dumps(report.to_dict(), ensure_ascii=False)
    assert "root:" not in shown and "PATH=" not in shown and "多了一列" not in shown


def test_a_link_to_a_valid_csv_outside_the_package_is_refused(shipped_copy, tmp_path):
    outside = tmp_path / "elsewhere.csv"
    shutil.copy(shipped_copy.parent / UNITS, outside)
    replace_with_link(shipped_copy, UNITS, outside)

    report = validate_package(shipped_copy)

    assert (UNITS, None, None, "unsafe-path") in flat(report)
    assert not report.ok


def test_no_layer_opens_a_linked_file(shipped_copy, tmp_path, monkeypatch):
    outside = tmp_path / "valid-units.csv"  # a valid file: only the link check keeps Frictionless from reading it
    shutil.copy(shipped_copy.parent / UNITS, outside)
    replace_with_link(shipped_copy, UNITS, outside)
    opened = []
    real_open = open

    def watching_open(file, *args, **kwargs):
        opened.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching_open)
    monkeypatch.setattr(io, "open", watching_open)

    validate_package(shipped_copy)

    assert not [f for f in opened if isinstance(f, str) and f.endswith(("/data/units.csv", "valid-units.csv"))]
    assert [f for f in opened if isinstance(f, str) and f.endswith("/data/areas.csv")]  # the watch sees Frictionless


def test_a_path_that_leaves_the_package_is_refused_in_chinese(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["resources"][1].update(path="../units.csv"))

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "unsafe-path")]
    assert report.problems[0].line() == (
        "datapackage.json 值“../units.csv”：不能读取这个文件：路径只能由英文字母、数字、点、下划线和连字符组成，"
        f"并用 / 分隔，不能含 .. 。{NOT_OPENED}")


@pytest.mark.parametrize("path", ["data/evil.html", "data/units.svg", "data/units.CSV", "data/units"])
def test_a_table_that_is_not_a_csv_file_is_refused(shipped_copy, path):
    # The site publishes data/evil.html as it is: a page of its own origin, with the cells' <script> in it.
    (shipped_copy.parent / "data" / path.removeprefix("data/")).write_text("id\n<script>alert(1)</script>\n", encoding="utf-8")
    change_descriptor(shipped_copy, lambda d: d["resources"].append(
        {"name": "evil", "path": path, "schema": {"fields": [{"name": "id"}]}}))

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-path-not-csv")]
    assert report.problems[0].message == "resources 第13项（evil）的 path 不是 .csv 文件。"
    assert report.problems[0].fix == (
        "网站会把每个表的文件原样放进下载目录，别的后缀（如 .html、.svg）会被浏览器当作网页打开；"
        "请把表存为 CSV 文件，path 以小写的 .csv 结尾，如 data/units.csv。")


def test_a_package_name_that_is_not_a_file_name(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d.update(name="../../../../../../tmp/x"))

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, "name", "package-name-unsafe")]
    assert report.problems[0].message == "数据包名称 name 不能用作文件名。"
    assert report.problems[0].fix == (
        "name 会用作下载文件名，只能用小写英文字母、数字、点、下划线和连字符，以字母或数字开头和结尾，"
        "如 quzhou-manufacturing-plan-2021-2023。")


def _set_first_indicator_id(descriptor_path, value: str) -> None:
    path = descriptor_path.parent / "data/indicators.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[1][0] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_an_id_is_checked_in_code_when_the_descriptor_drops_its_pattern(shipped_copy):
    def drop_pattern(descriptor):
        indicators = next(r for r in descriptor["resources"] if r["name"] == "indicators")
        del indicators["schema"]["fields"][0]["constraints"]["pattern"]

    change_descriptor(shipped_copy, drop_pattern)
    _set_first_indicator_id(shipped_copy, "../../../../x")

    report = validate_package(shipped_copy)

    unsafe = [p for p in report.problems if p.code == "unsafe-id"]
    assert [(p.file, p.row, p.column, p.value) for p in unsafe] == [("data/indicators.csv", 2, "id", "../../../../x")]
    assert unsafe[0].message == "编号只能用小写英文字母、数字和连字符，以字母开头，最长 80 个字符，如 tax-per-mu。"
    assert ("datapackage.json", None, "indicators.id", "schema-change") in flat(report)
    assert not report.ok


def test_a_foreign_key_column_is_checked_too(shipped_copy):
    def loosen(descriptor):
        for resource in descriptor["resources"]:
            for field in resource["schema"]["fields"]:
                field.get("constraints", {}).pop("pattern", None)
            resource["schema"].pop("foreignKeys", None)

    change_descriptor(shipped_copy, loosen)
    path = shipped_copy.parent / "data/observations.csv"
    path.write_text(path.read_text(encoding="utf-8") + "tax-per-mu,../x,2022,16,final,统计公报,https://a.cn/1.html,original,,2023-03-01,\n",
                    encoding="utf-8")

    report = validate_package(shipped_copy)

    assert [(p.column, p.value) for p in report.problems if p.code == "unsafe-id"] == [("area_id", "../x")]


# The descriptor never crashes the validator


def test_a_descriptor_with_a_utf8_bom_passes(shipped_copy):
    shipped_copy.write_bytes(b"\xef\xbb\xbf" + shipped_copy.read_bytes())

    assert validate_package(shipped_copy).problems == []


def test_a_descriptor_saved_as_gbk_gets_an_encoding_message(shipped_copy):
    shipped_copy.write_bytes(shipped_copy.read_text(encoding="utf-8").encode("gb18030"))

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-encoding")]
    assert report.problems[0].line() == (
        "datapackage.json：不是 UTF-8 编码（第3行起像是 GBK/GB18030，记事本或 Excel 另存时可能这样）。"
        "请用 VS Code 或记事本“另存为”，编码选 UTF-8。")


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"resources": ' + "[" * 30 + "]" * 30 + "}"])
def test_deeply_nested_json(shipped_copy, text):
    shipped_copy.write_text(text, encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-too-deep")]
    assert report.problems[0].message == "括号嵌套超过 20 层。"


@pytest.mark.parametrize("change, where, expected, actual", [
    (lambda d: d["resources"][1].update(path=["data/units.csv"]), "resources 第2项（units）的 path", "文字（用英文双引号括起）", "列表"),
    (lambda d: d["resources"][1].update(schema="schema.json"), "resources 第2项（units）的 schema", "对象（用 { } 括起）", "文字"),
    (lambda d: d.update(resources={"units": 1}), "resources", "列表（用 [ ] 括起）", "对象"),
    (lambda d: d["resources"][1]["schema"]["fields"].__setitem__(0, "id"), "resources 第2项（units）的第1列", "对象（用 { } 括起）", "文字"),
    (lambda d: d["resources"][1]["schema"].update(foreignKeys="area_id"), "resources 第2项（units）的 foreignKeys", "列表（用 [ ] 括起）", "文字"),
])
def test_a_descriptor_of_the_wrong_shape(shipped_copy, change, where, expected, actual):
    change_descriptor(shipped_copy, change)

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-shape")]
    assert report.problems[0].message == f"{where}应是{expected}，实际是{actual}。"
    assert report.problems[0].fix == SHAPE_FIX


def test_a_descriptor_that_is_not_an_object(shipped_copy):
    shipped_copy.write_text("[1, 2]", encoding="utf-8")

    report = validate_package(shipped_copy)

    assert report.problems[0].message == "整个文件应是对象（用 { } 括起），实际是列表。"


def test_an_unknown_field_type_is_reported_in_chinese(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["resources"][0]["schema"]["fields"][3].update(type="whole"))

    report = validate_package(shipped_copy)

    invalid = [p for p in report.problems if p.code == "descriptor-invalid"]
    assert [p.message for p in invalid] == ["不符合 Data Package 规范：列类型“whole”不受支持，可用 string、integer、number、boolean、date。"]


def test_a_type_written_as_a_list_with_a_format_is_named_not_a_crash(shipped_copy):
    def as_list(descriptor):
        units = next(r for r in descriptor["resources"] if r["name"] == "units")
        field = next(f for f in units["schema"]["fields"] if f["name"] == "full_name")
        field.update(type=["string"], format="default")

    change_descriptor(shipped_copy, as_list)

    report = validate_package(shipped_copy)

    assert "validator-crashed" not in [p.code for p in report.problems]
    assert ("datapackage.json", "不符合 Data Package 规范：列类型“['string']”不受支持，可用 string、integer、number、boolean、date。") in [
        (p.file, p.message) for p in report.problems]
    assert [(p.value, p.message.split("：")[0]) for p in report.problems if p.code == "descriptor-option"] == [
        ('["string"]', "resources 第2项（units）的列 full_name的 type 写的是 [\"string\"]")]


@pytest.mark.parametrize("value", ["否", "false", 0, None])
def test_demo_must_be_a_json_boolean(shipped_copy, value):
    change_descriptor(shipped_copy, lambda d: d.update(demo=value))

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, "demo", "demo-not-boolean")]
    assert report.problems[0].message == "demo 应是 true 或 false（不加引号）。"
    assert report.problems[0].fix == "真实数据包请写 \"demo\": false；只有全部数字都是虚构的示例数据包才写 true。"


def test_a_plan_without_a_base_year(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["plan"].pop("base_year"))

    report = validate_package(shipped_copy)

    assert flat(report) == [PLAN_CHANGE, ("datapackage.json", None, None, "plan-missing")]
    assert report.problems[1].line() == "datapackage.json：plan 里缺少 base_year。请填上方案的基期年份（四位数字的年份）。"


def test_a_plan_without_any_years_is_one_message(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d.update(plan={}))

    report = validate_package(shipped_copy)

    assert [p.line() for p in report.problems if p.code == "plan-missing"] == [
        "datapackage.json：plan 里缺少 base_year、start_year、end_year。请填上方案的基期年份、起始年份、结束年份（四位数字的年份）。"]


def test_a_plan_year_in_quotes(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["plan"].update(start_year="2021"))

    report = validate_package(shipped_copy)

    assert flat(report) == [PLAN_CHANGE, ("datapackage.json", None, "plan.start_year", "plan-year-not-int")]
    assert report.problems[1].message == "plan 的 start_year 应是四位数字的年份（不加引号）。"
    assert report.problems[1].fix == "请填上方案的起始年份，如 2021。"


def test_plan_years_out_of_order(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["plan"].update(base_year=2022))

    report = validate_package(shipped_copy)

    assert flat(report) == [PLAN_CHANGE, ("datapackage.json", None, None, "plan-years-order")]
    assert report.problems[1].line() == (
        "datapackage.json：plan 的年份次序不对：基期 2022 年、起始 2021 年、结束 2023 年。"
        "应是 基期年份 < 起始年份 ≤ 结束年份，如 2020、2021、2023。")


# Frictionless's English never reaches staff


@pytest.mark.parametrize("note, kind, expected", [
    ('path "../x.csv" is not safe', "resource-error", "路径“../x.csv”不安全，必须是数据包文件夹里的相对路径"),
    ("'name' is a required property", "field-error", "缺少必填的“name”"),
    ("7 is not of type 'object', 'string' at property 'schema'", "resource-error", "“schema”的类型不对"),
    ("'' does not match '^([-a-z0-9._/])+$' at property 'name'", "resource-error", "“name”的写法不对"),
    ("something new happened", "field-error", "有一处不符合规范（列）"),
])
def test_descriptor_notes_in_chinese(note, kind, expected):
    from scripts.validate.descriptor import chinese_note

    assert chinese_note(note, kind) == expected


def test_an_unforeseen_frictionless_error_is_named_in_chinese():
    from types import SimpleNamespace

    from scripts.validate.schemachecks import translate

    error = SimpleNamespace(type="format-error", row_number=None, note="cannot parse 'xlsx'", field_name=None, cell=None)

    found = translate(error, "data/units.csv", {}, {"resources": []})

    assert found.line() == "data/units.csv：文件结构有问题（不是 CSV 格式）。请用 Excel/WPS 打开核对后重新保存。"


@pytest.mark.parametrize("change, where", [
    (lambda d: d.update(profile="https://example.com/profile.json"), "profile"),
    (lambda d: d["resources"][0].update(profile="data/profile.json"), "resources 第1项（areas）的 profile"),
])
def test_a_descriptor_may_not_point_to_other_descriptions(shipped_copy, change, where):
    change_descriptor(shipped_copy, change)

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-reference")]
    assert report.problems[0].message == f"{where} 指向了别的文件或网址。"


def test_a_dialect_must_be_written_inline(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["resources"][0].update(dialect="dialect.json"))

    report = validate_package(shipped_copy)

    assert report.problems[0].message == "resources 第1项（areas）的 dialect应是对象（用 { } 括起），实际是文字。"


def test_a_pattern_that_is_not_a_regular_expression(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["resources"][1]["schema"]["fields"][0]["constraints"].update(pattern="(["))

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-pattern")]
    assert report.problems[0].message == "resources 第2项（units）的列 id的 pattern 不是有效的正则表达式。"


def test_a_resource_name_that_is_not_a_file_name(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d["resources"][0].update(name="../x"))

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-name")]
    assert report.problems[0].message == "resources 第1项（../x）的名称不能用作文件名。"


@pytest.mark.parametrize("change, what", [
    (lambda d: d["resources"][1]["schema"]["foreignKeys"][0]["reference"].update(resource=""),
     "主键或外键有误：表 units 的外键指向的表或列不存在（.id）。"),
    (lambda d: d["resources"][1]["schema"]["foreignKeys"][0]["reference"].update(fields=["code"]),
     "主键或外键有误：表 units 的外键指向的表或列不存在（areas.code）。"),
    (lambda d: d["resources"][1]["schema"]["foreignKeys"][0].update(fields=["region"]), "主键或外键有误：表 units 的外键用了本表没有的列。"),
    (lambda d: d["resources"][1]["schema"].update(primaryKey=["code"]), "主键或外键有误：表 units 的主键用了本表没有的列。"),
])
def test_keys_must_name_tables_and_columns_that_exist(shipped_copy, change, what):
    change_descriptor(shipped_copy, change)

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-key")]
    assert report.problems[0].message == what


def test_a_plan_that_is_not_an_object(shipped_copy):
    change_descriptor(shipped_copy, lambda d: d.update(plan="2021—2023"))

    report = validate_package(shipped_copy)

    assert report.problems[0].message == "plan应是对象（用 { } 括起），实际是文字。"


def test_a_descriptor_saved_as_utf16(shipped_copy):
    shipped_copy.write_bytes(shipped_copy.read_text(encoding="utf-8").encode("utf-16"))

    report = validate_package(shipped_copy)

    assert report.problems[0].message == "不是 UTF-8 编码（第1行起像是 UTF-16，记事本或 Excel 另存时可能这样）。"


def test_a_number_of_thousands_of_digits(shipped_copy):
    text = shipped_copy.read_text(encoding="utf-8")
    shipped_copy.write_text(text.replace('"base_year": 2020', '"base_year": ' + "9" * 5000), encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-number-too-long")]
    assert report.problems[0].message == "有一个数字长达几千位，无法读取。"
