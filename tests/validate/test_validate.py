"""scripts.validate.run: each defect staff can make in Excel/WPS, broken once in a copy of the shipped package."""

import csv
import io
import json
import subprocess
import sys

import pytest

from scripts.validate.run import main
from tests.conftest import ROOT
from tests.helpers import OBS, append, edit_cell, flat
from tests.validate.shared import URL, validate_package  # the run's shared part results


def only(report, code: str):
    found = [p for p in report.problems if p.code == code]
    assert len(found) == 1, found
    return found[0]


# The clean package and what Excel writes


def test_shipped_package_passes(shipped_package):
    report = validate_package(shipped_package)
    assert report.errors == []
    assert report.ok


def test_utf8_with_bom_and_crlf_passes(shipped_copy):
    for path in (shipped_copy.parent / "data").glob("*.csv"):
        text = path.read_text(encoding="utf-8-sig").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    assert flat(validate_package(shipped_copy)) == []


def test_gbk_file_is_rejected_with_advice_and_never_garbled(shipped_copy):
    areas = shipped_copy.parent / "data/areas.csv"
    areas.write_bytes(areas.read_text(encoding="utf-8").encode("gb18030"))

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/areas.csv", None, None, "encoding-gbk")]
    problem = report.problems[0]
    assert "GBK/GB18030" in problem.message
    assert "CSV UTF-8(逗号分隔)" in problem.fix
    assert "make normalize FILE=data/areas.csv" in problem.fix
    garbled = "衢州市".encode("gb18030").decode("latin-1")
    assert garbled not in report.text() and "衢州市" not in report.text()


def test_utf16_file_is_rejected(shipped_copy):
    areas = shipped_copy.parent / "data/areas.csv"
    areas.write_bytes(areas.read_text(encoding="utf-8").encode("utf-16"))

    assert flat(validate_package(shipped_copy)) == [("data/areas.csv", None, None, "encoding-utf16")]


def test_missing_file_is_named(shipped_copy):
    (shipped_copy.parent / "data/task_reports.csv").unlink()

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/task_reports.csv", None, None, "missing-file")]
    assert report.problems[0].line() == (
        "data/task_reports.csv：找不到这个文件。请把文件放在 data/task_reports.csv，文件名要和 datapackage.json 里写的一致。")


# The header row


def test_missing_column(shipped_copy):
    path = shipped_copy.parent / "data/areas.csv"
    rows = [line.rsplit(",", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/areas.csv", None, "order", "missing-column"),
                            ("data/areas.csv", None, None, "rows-not-checked")]
    assert report.problems[0].line() == (
        "data/areas.csv 「排序」(order)：缺少这一列。第1行的表头应依次是：id、name、kind、order。")


def test_extra_column_and_chinese_title_and_spaces_in_header(shipped_copy):
    path = shipped_copy.parent / "data/areas.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = "id,区域名称,kind ,order,备注"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [
        ("data/areas.csv", 1, None, "extra-column"),
        ("data/areas.csv", 1, "name", "header-title"),
        ("data/areas.csv", 1, "kind", "header-whitespace"),
        ("data/areas.csv", None, None, "rows-not-checked"),
    ]
    assert "多了一列“备注”" in report.problems[0].message
    assert "表头要写英文列名“name”" in report.problems[1].fix
    assert report.problems[2].fix == "请改成“kind”。"


def test_columns_in_the_wrong_order(shipped_copy):
    path = shipped_copy.parent / "data/targets.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    swapped = [[r[0], r[2], r[1], *r[3:]] for r in rows]
    path.write_text("".join(",".join(r) + "\n" for r in swapped), encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [
        ("data/targets.csv", 1, "year", "column-order"),
        ("data/targets.csv", 1, "value", "column-order"),
        ("data/targets.csv", None, None, "rows-not-checked"),
    ]
    assert report.problems[0].message == "第2列的表头应是“year”，实际是“value”。"


# Number cells


def test_unit_in_cell_same_unit_as_the_indicator(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,22万元,final,柯城区统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "unit-in-cell")]
    assert report.problems[0].line() == (
        f"data/observations.csv 第{row}行 「数值」(value) 值“22万元”："
        "数值里带了单位“万元”。请只填数字 22，单位“万元”已在指标表中规定。")


def test_wan_is_never_dropped_when_the_unit_differs(shipped_copy):
    row = append(shipped_copy, OBS,
                 f"national-high-tech-enterprises,kecheng,2022,3万家,final,柯城区统计公报,{URL},original,,2023-03-01,",
                 f"national-high-tech-enterprises,qujiang,2022,22万元,final,衢江区统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "unit-in-cell"), (OBS, row + 1, "value", "unit-in-cell")]
    wan, yuan = report.problems
    assert "30000" in wan.fix and "只填数字 3，" not in wan.fix
    assert yuan.fix == "该指标的单位是“家”；请换算成“家”后只填数字。"


def test_full_width_digits(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,１２０,final,柯城区统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "full-width-digits")]
    assert "１２０" in report.problems[0].line() and report.problems[0].fix == "请改成半角的 120。"


def test_thousands_separator(shipped_copy):
    row = append(shipped_copy, OBS, f'tax-per-mu,kecheng,2022,"1,200",final,柯城区统计公报,{URL},original,,2023-03-01,')

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "thousands-separator")]
    assert "1,200" in report.problems[0].line() and report.problems[0].fix == "请去掉逗号，填 1200。"


def test_percent_sign_on_a_percent_indicator(shipped_copy):
    row = append(shipped_copy, OBS, f"standard-land-share,kecheng,2022,15%,final,柯城区统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "percent-sign")]
    assert report.problems[0].fix == "请只填数字 15，单位“%”已在指标表中规定。"


def test_placeholders_are_not_numbers(shipped_copy):
    placeholders = ["NaN", "—", "暂无", "-", "N/A", "空"]
    row = append(shipped_copy, OBS, *(
        f"tax-per-mu,{area},2022,{value},final,统计公报,{URL},original,,2023-03-01,"
        for area, value in zip(["kecheng", "qujiang", "longyou", "changshan", "kaihua", "jiangshan"], placeholders)))

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "nan-infinity")] + [(OBS, row + i, "value", "placeholder") for i in range(1, 6)]
    assert [p.value for p in report.problems] == placeholders
    assert report.problems[0].line() == (
        f"data/observations.csv 第{row}行 「数值」(value) 值“NaN”："
        "“NaN”表示“非数”或“无穷大”，不是一个具体的数。请填上数字；没有数字就删掉这一行，不要填占位符。")
    assert report.problems[1].line() == (
        f"data/observations.csv 第{row + 1}行 「数值」(value) 值“—”："
        "“—”不是数字，是占位符。请填上数字；没有数字就删掉这一行，不要填占位符。")


def test_a_plain_negative_number_is_fine(shipped_copy):
    append(shipped_copy, OBS, f"manufacturing-investment-growth,quzhou,2023-Q1,-2.5,provisional,市统计局,{URL},original,,2023-04-20,")

    assert flat(validate_package(shipped_copy)) == []


# Text cells


def test_leading_and_trailing_spaces(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,16,final,柯城区统计公报 ,{URL},original,,2023-03-01,\u3000说明")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "source", "whitespace"), (OBS, row, "note", "whitespace")]
    assert report.problems[0].message == "末尾有空格或换行。"
    assert report.problems[0].fix == "请删掉，改成“柯城区统计公报”。"
    assert report.problems[1].message == "开头有空格或换行。"


def test_zero_width_characters(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,16,final,柯城区\u200b统计公报,{URL},original,,2023-03-01,说\ufeff明")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "source", "invisible-character"), (OBS, row, "note", "invisible-character")]
    assert "零宽空格 U+200B" in report.problems[0].message
    assert "柯城区[U+200B]统计公报" in report.problems[0].line()
    assert "U+FEFF" in report.problems[1].message
    assert "make normalize FILE=data/observations.csv" in report.problems[0].fix


def test_formulas_are_rejected(shipped_copy):
    formulas = ['"=HYPERLINK(""http://x"",""点我"")"', "@SUM(A1:A9)", "+1+1", "-2+3"]
    row = append(shipped_copy, OBS, *(
        f"tax-per-mu,{area},2022,16,final,统计公报,{URL},original,,2023-03-01,{formula}"
        for area, formula in zip(["kecheng", "qujiang", "longyou", "changshan"], formulas)))

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row + i, "note", "formula") for i in range(4)]
    assert [p.value for p in report.problems] == ['=HYPERLINK("http://x","点我")', "@SUM(A1:A9)", "+1+1", "-2+3"]
    assert report.problems[2].message == "以“+”开头，会被 Excel/WPS 当作公式执行。"


def test_formula_in_a_number_column(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,=10+6,final,统计公报,{URL},original,,2023-03-01,")

    assert flat(validate_package(shipped_copy)) == [(OBS, row, "value", "formula")]


def test_title_longer_than_the_schema_allows(shipped_copy):
    edit_cell(shipped_copy, "data/tasks.csv", 2, "title", "长" * 61)

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/tasks.csv", 2, "title", "too-long")]
    assert report.problems[0].message == "有 61 个字，超过了上限 60 个字。"


def test_hostile_text_passes_with_a_warning(shipped_copy):
    hostile = ["<script>alert(1)</script>", "{{ cycler.__init__.__globals__ }}", "{% endraw %}", "[点我](javascript:alert(1))"]
    row = append(shipped_copy, OBS, *(
        f"tax-per-mu,{area},2022,16,final,统计公报,{URL},original,,2023-03-01,{text}"
        for area, text in zip(["kecheng", "qujiang", "longyou", "changshan"], hostile)))

    report = validate_package(shipped_copy)

    assert report.ok
    assert flat(report) == [(OBS, row + i, "note", "shown-literally") for i in range(4)]
    assert {p.severity for p in report.problems} == {"warning"}
    assert report.problems[0].message == "含有 HTML 标签。网站会把它当作普通文字显示，不会变成格式、链接或模板。"
    assert main([str(shipped_copy)]) == 0


# Dates and periods


def test_excel_dates_where_a_date_is_expected(shipped_copy):
    row = append(shipped_copy, OBS, *(
        f"tax-per-mu,{area},2022,16,final,统计公报,{URL},original,,{date},"
        for area, date in zip(["kecheng", "qujiang", "longyou"], ["2023/1/1", "2023年1月1日", "2023年1月"])))

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row + i, "published", "excel-date") for i in range(3)]
    normalize = "Excel 另存时常把所有日期改成 2023/7/25 这样的写法，运行 make normalize FILE=data/observations.csv IN_PLACE=1 可以一次改回。"
    assert report.problems[0].fix == "请写成 2023-01-01（年-月-日，月和日都写两位）。" + normalize
    assert report.problems[1].fix == "请写成 2023-01-01（年-月-日，月和日都写两位）。" + normalize
    assert "2023-01-01" in report.problems[2].fix and "不要估计" in report.problems[2].fix


def test_excel_periods_where_a_period_is_expected(shipped_copy):
    row = append(shipped_copy, OBS, *(
        f"tax-per-mu,{area},{period},16,final,统计公报,{URL},original,,2023-12-01,"
        for area, period in zip(["kecheng", "qujiang", "longyou"], ["2023年1-10月", "2023年一季度", "2023/1/1"])))

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row + i, "period", "period-format") for i in range(3)]
    assert report.problems[0].fix.startswith("请写成 2023-01..10。")
    assert report.problems[1].fix.startswith("请写成 2023-Q1。")
    assert "全年写 2023，季度写 2023-Q1，半年写 2023-H1，1至10月累计写 2023-01..10" in report.problems[2].fix


def test_period_after_its_publication_date(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2023,16,final,统计公报,{URL},original,,2023-06-30,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "period", "period-after-published")]
    assert report.problems[0].message == "时期到 2023-12-31 才结束，发布日期却是 2023-06-30。"


def test_month_range_that_runs_backwards(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2023-10..01,16,final,统计公报,{URL},original,,2023-12-01,")

    assert flat(validate_package(shipped_copy)) == [(OBS, row, "period", "period-backwards")]


def test_a_period_without_a_publication_date_is_fine_when_the_note_says_so(shipped_copy):
    append(shipped_copy, OBS, f"tax-per-mu,kecheng,2023-H1,16,final,统计公报,{URL},original,,,来源未注明发布日期")

    assert flat(validate_package(shipped_copy)) == []


def test_a_missing_publication_date_must_be_explained(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2023-H1,16,final,统计公报,{URL},original,,,")

    report = validate_package(shipped_copy)
    assert flat(report) == [(OBS, row, "published", "undated-unexplained")]
    assert report.problems[0].message + report.problems[0].fix == (
        "「发布日期」空着，「说明」里没有写为什么。有日期就按 2023-11-14 的写法填上；来源确实没有注明日期的，"
        "在「说明」里写“未注明发布日期”，不要估计日期。")


def test_a_reprint_names_its_original_publisher(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2023-H1,16,final,某网转载,{URL},reprint,,2023-08-01,")

    report = validate_package(shipped_copy)
    assert flat(report) == [(OBS, row, "original_publisher", "reprint-without-original")]
    assert report.problems[0].fix == "请填转载页面注明的原发布单位或原发媒体（如 中国网、衢州市统计局）；页面没有注明的，写“未注明”。"


# Rows and keys


def test_blank_row(shipped_copy):
    row = append(shipped_copy, OBS, ",,,,,,,,,,", f"tax-per-mu,kecheng,2022,16,final,统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, None, "blank-row")]
    assert report.problems[0].line() == f"data/observations.csv 第{row}行：这是一个空行。请删掉这一行。"


def test_duplicate_row(shipped_copy):
    line = f"tax-per-mu,kecheng,2022,16,final,统计公报,{URL},original,,2023-03-01,"
    row = append(shipped_copy, OBS, line, line)

    report = validate_package(shipped_copy)

    key = "indicator_id,area_id,period,status"
    assert flat(report) == [(OBS, row, key, "duplicate-key"), (OBS, row + 1, None, "duplicate-row")]
    assert report.problems[1].message == f"这一行和第{row}行完全相同。"


def test_duplicate_key(shipped_copy):
    row = append(shipped_copy, OBS,
                 f"tax-per-mu,kecheng,2022,16,final,统计公报,{URL},original,,2023-03-01,",
                 f"tax-per-mu,kecheng,2022,18,final,另一份公报,{URL},original,,2023-04-01,")

    report = validate_package(shipped_copy)

    key = "indicator_id,area_id,period,status"
    assert flat(report) == [(OBS, row, key, "duplicate-key"), (OBS, row + 1, key, "duplicate-key")]
    later = report.problems[1]
    assert later.value == "tax-per-mu / kecheng / 2022 / final"
    assert later.message == f"和第{row}行重复：同样的「指标编号」、「区域编号」、「时期」、「数据状态」只能有一行。"
    assert later.column_title == "指标编号、区域编号、时期、数据状态"


def test_duplicate_unique_value(shipped_copy):
    row = append(shipped_copy, "data/areas.csv", "quzhou-2,衢州市,city,10")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/areas.csv", row, "name", "duplicate-value")]
    assert report.problems[0].message == "第2行已经用过这个值，本列不能重复。"


def test_ids_that_refer_to_nothing(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,nowhere,2022,16,final,统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "area_id", "unknown-reference")]
    assert report.problems[0].line() == (
        f"data/observations.csv 第{row}行 「区域编号」(area_id) 值“nowhere”：data/areas.csv 里没有“nowhere”。"
        "请填 data/areas.csv 里已有的「区域编号」，或者先在那个表里加上这一行。")


def test_value_outside_the_enum(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,16,正式,统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "status", "not-in-list")]
    assert report.problems[0].fix == "只能填其中之一：final 正式数；provisional 初步数（可能修订）。"


def test_required_cell_left_empty(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,16,final,,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "source", "missing-value")]
    assert report.problems[0].fix == "请填上：发布机构和文章或公报名称；转载的写转载网站和文章名，如 某某网转载中国网《…》。"


# Rules a table schema cannot say


def test_target_year_outside_the_plan_period(shipped_copy):
    row = append(shipped_copy, "data/targets.csv", "tax-per-mu,2030,25,>=,")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/targets.csv", row, "year", "year-outside-plan")]
    assert report.problems[0].message == "目标年份不在方案期 2021—2023 年内。"


def test_plan_years_come_from_the_descriptor(shipped_copy):
    append(shipped_copy, "data/targets.csv", "tax-per-mu,2030,25,>=,")
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    descriptor["plan"]["end_year"] = 2030
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")

    report = validate_package(shipped_copy)

    # The target for 2030 is within the plan now; moving the plan's end is itself a change for review.
    assert flat(report) == [("datapackage.json", None, "plan", "schema-change")]
    assert report.problems[0].message == "结构变更，需要审核：plan.end_year 从 2023 改成了 2030。"


def test_task_without_a_lead_unit(shipped_copy):
    edit_cell(shipped_copy, "data/task_units.csv", 2, "role", "support")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/tasks.csv", 2, "id", "lead-missing")]
    assert report.problems[0].message == "任务“action-1-1”没有牵头单位。"


def test_task_with_two_lead_units(shipped_copy):
    edit_cell(shipped_copy, "data/task_units.csv", 3, "role", "lead")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/tasks.csv", 2, "id", "lead-duplicate")]
    assert report.problems[0].message == "任务“action-1-1”有 2 个牵头单位（task_units.csv 第2、3行）。"


def test_share_above_100(shipped_copy):
    row = append(shipped_copy, OBS, f"standard-land-share,kecheng,2022,150,final,统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "share-out-of-range")]
    assert "0 到 100" in report.problems[0].message and report.problems[0].value == "150"


def test_negative_count(shipped_copy):
    row = append(shipped_copy, OBS, f"national-high-tech-enterprises,kecheng,2022,-3,final,统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "negative-quantity")]
    assert report.problems[0].message == "“national-high-tech-enterprises”的单位是“家”，这个数量不能是负数。"


def test_fractional_count(shipped_copy):
    row = append(shipped_copy, "data/targets.csv", "national-high-tech-enterprises,2022,12.5,>=,")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/targets.csv", row, "value", "count-not-whole")]
    assert report.problems[0].value == "12.5"


def test_source_url_must_be_http(shipped_copy):
    row = append(shipped_copy, OBS, "tax-per-mu,kecheng,2022,16,final,统计公报,javascript:alert(1),original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "source_url", "url-scheme")]
    assert report.problems[0].value == "javascript:alert(1)"
    assert report.problems[0].message == "这不是网页地址：浏览器会把它当作“javascript:”开头的地址，不是 http:// 或 https:// 开头的网址。"


def test_indicator_without_a_target(shipped_copy):
    row = append(shipped_copy, "data/indicators.csv", "spare-indicator,备用指标,家,false,,increase,level,原文。,,999")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/indicators.csv", row, "id", "indicator-without-target")]
    assert report.problems[0].message == "指标“spare-indicator”在 targets.csv 里没有目标值。"


def test_tenfold_jump_is_a_warning_and_exit_status_0(shipped_copy, capsys):
    row = append(shipped_copy, OBS,
                 f"tax-per-mu,kecheng,2021,1.5,final,统计公报,{URL},original,,2022-03-01,",
                 f"tax-per-mu,kecheng,2022,16,final,统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row + 1, "value", "value-jump")]
    assert report.problems[0].severity == "warning" and report.ok
    assert report.problems[0].message == "和上一期 2021 的 1.5 相差 10.7 倍。"
    assert main([str(shipped_copy)]) == 0
    assert "提醒" in capsys.readouterr().out


def test_a_quarter_is_not_compared_with_a_year(shipped_copy):
    append(shipped_copy, OBS,
           f"tax-per-mu,kecheng,2022,16,final,统计公报,{URL},original,,2023-03-01,",
           f"tax-per-mu,kecheng,2023-Q1,1.2,final,统计公报,{URL},original,,2023-04-20,")

    assert flat(validate_package(shipped_copy)) == []


# One run, every layer, every output


def test_all_problems_in_one_run(shipped_copy):
    targets = append(shipped_copy, "data/targets.csv", "tax-per-mu,2030,25,>=,")
    observations = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,22万元,final,统计公报,{URL},original,,2023-03-01,")
    areas = append(shipped_copy, "data/areas.csv", "xian ,某县,county,10")

    report = validate_package(shipped_copy)

    assert flat(report) == [
        ("data/areas.csv", areas, "id", "whitespace"),
        ("data/targets.csv", targets, "year", "year-outside-plan"),
        ("data/observations.csv", observations, "value", "unit-in-cell"),
    ]
    assert main([str(shipped_copy)]) == 1


def test_json_report_has_the_same_problems(shipped_copy, tmp_path, capsys):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,22万元,final,统计公报,{URL},original,,2023-03-01,")
    out = tmp_path / "build" / "report.json"

    assert main([str(shipped_copy), "--json", str(out)]) == 1

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["ok"] is False and data["errors"] == 1 and data["warnings"] == 0
    assert data["problems"] == [{
        "file": "data/observations.csv", "row": row, "column": "value", "column_title": "数值", "value": "22万元",
        "code": "unit-in-cell", "severity": "error", "message": "数值里带了单位“万元”。",
        "fix": "请只填数字 22，单位“万元”已在指标表中规定。",
    }]
    printed = capsys.readouterr().out
    assert f"data/observations.csv 第{row}行 「数值」(value) 值“22万元”：数值里带了单位“万元”。" in printed


def test_great_expectations_is_imported_only_when_validating():
    code = "import sys, scripts.validate; print('great_expectations' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_descriptor_that_is_not_json(shipped_copy):
    shipped_copy.write_text('{"name": "x",\n  "resources": [}', encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-not-json")]
    assert report.problems[0].message == "不是有效的 JSON：第2行第17列附近有语法错误。"


def test_every_message_is_chinese_and_every_suite_code_has_one():
    from scripts.validate.expectations import load_suites
    from scripts.validate.frames import FRAMES
    from scripts.validate.messages import MESSAGES

    for code, (severity, message, fix) in MESSAGES.items():
        assert severity in ("error", "warning"), code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message), code
    for suite in load_suites().values():
        assert suite["meta"]["frame"] in FRAMES
        for expectation in suite["expectations"]:
            assert expectation["meta"]["code"] in MESSAGES


@pytest.mark.parametrize("path", sorted((ROOT / "validations").glob("*.json")), ids=lambda p: p.name)
def test_suites_round_trip_through_great_expectations(path):
    import great_expectations as gx

    gx.get_context(mode="ephemeral")
    data = json.loads(path.read_text(encoding="utf-8"))
    suite = gx.ExpectationSuite(**data)
    again = suite.to_json_dict()
    assert again["name"] == data["name"] == path.stem
    assert [e["type"] for e in again["expectations"]] == [e["type"] for e in data["expectations"]]
    assert [e["meta"] for e in again["expectations"]] == [e["meta"] for e in data["expectations"]]


def test_wrong_type(shipped_copy):
    row = append(shipped_copy, "data/targets.csv", "tax-per-mu,2023.5,25,>=,")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/targets.csv", row, "year", "wrong-type")]
    assert report.problems[0].message == "这一格不是整数。"
    assert report.problems[0].fix == "请只填整数，如 2023。"


def test_number_below_the_minimum(shipped_copy):
    row = append(shipped_copy, "data/areas.csv", "xian,某县,county,0")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/areas.csv", row, "order", "out-of-range")]
    assert report.problems[0].message == "数值小于最小值 1。"


def test_descriptor_property_that_breaks_the_spec(shipped_copy):
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    descriptor["created"] = "2026-11-26"
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    row = append(shipped_copy, "data/targets.csv", "tax-per-mu,2030,25,>=,")

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, None, "descriptor-invalid"),
                            ("data/targets.csv", row, "year", "year-outside-plan")]
    assert report.problems[0].line() == (
        "datapackage.json：不符合 Data Package 规范：“created”不是有效的日期时间。"
        "“created”要写成日期和时间，如 2026-11-26T00:00:00Z。")


def test_scientific_notation_from_a_narrow_excel_column(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2022,1.2E+05,final,统计公报,{URL},original,,2023-03-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "value", "scientific-notation")]
    assert "科学计数法" in report.problems[0].message and "120000" in report.problems[0].fix


def test_rows_with_too_many_or_too_few_cells(shipped_copy):
    row = append(shipped_copy, "data/areas.csv", "xian,某县,county,10,多余", "yian,某县二")

    report = validate_package(shipped_copy)

    assert flat(report) == [
        ("data/areas.csv", row, None, "extra-cell"),
        ("data/areas.csv", row + 1, "kind", "missing-cell"),
        ("data/areas.csv", row + 1, "order", "missing-cell"),
    ]
    assert report.problems[0].value == "多余"


def test_empty_file(shipped_copy):
    (shipped_copy.parent / "data/task_reports.csv").write_bytes(b"")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/task_reports.csv", None, None, "empty-file")]
    assert report.problems[0].fix.startswith("第1行要写表头：task_id、period、unit_id")


def test_bytes_that_are_neither_utf8_nor_gbk(shipped_copy):
    areas = shipped_copy.parent / "data/areas.csv"
    row = append(shipped_copy, "data/areas.csv", "xian,某县,county,10")
    areas.write_bytes(areas.read_bytes().replace("某县".encode("utf-8"), b"\xff\xfe\xfa"))

    report = validate_package(shipped_copy)

    # The rest of the file is UTF-8 Chinese: the three bytes are named as foreign bytes in their row.
    assert flat(report) == [("data/areas.csv", row, None, "encoding-stray")]
    assert report.problems[0].message == f"文件是 UTF-8 编码，但第{row}行夹着 1 处不是 UTF-8 的字节（多半是从别的软件复制来的西文字符，如 é、’）。"


def test_bytes_that_are_neither_utf8_nor_gbk_in_a_file_without_chinese(shipped_copy):
    areas = shipped_copy.parent / "data/areas.csv"
    areas.write_bytes(b"id,name,kind,order\nxian,\xff\xfe\xfa,county,1\n")
    assert flat(validate_package(shipped_copy))[0] == ("data/areas.csv", None, None, "encoding-unknown")


def test_semicolon_separated_file(shipped_copy):
    areas = shipped_copy.parent / "data/areas.csv"
    areas.write_text(areas.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/areas.csv", 1, None, "wrong-delimiter"), ("data/areas.csv", None, None, "rows-not-checked")]
    assert report.problems[0].message == "表头里没有逗号，像是用分号分隔的。"


def test_duplicate_column(shipped_copy):
    areas = shipped_copy.parent / "data/areas.csv"
    lines = areas.read_text(encoding="utf-8").splitlines()
    areas.write_text("\n".join(line + ",x" for line in lines).replace("order,x", "order,name", 1) + "\n", encoding="utf-8")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/areas.csv", 1, "name", "duplicate-column"), ("data/areas.csv", None, None, "rows-not-checked")]


def test_id_that_breaks_its_pattern(shipped_copy):
    row = append(shipped_copy, "data/areas.csv", "Xian_1,某县,county,10")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/areas.csv", row, "id", "bad-pattern")]
    assert report.problems[0].fix == "请按要求填写：区域的唯一编号，小写拼音，用作网址。"


def test_period_that_breaks_its_pattern_is_reported_once(shipped_copy):
    row = append(shipped_copy, OBS, f"tax-per-mu,kecheng,2023-Q5,16,final,统计公报,{URL},original,,2023-12-01,")

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row, "period", "bad-period")]


def test_plan_without_an_end_year(shipped_copy):
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    del descriptor["plan"]["end_year"]
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    append(shipped_copy, "data/targets.csv", "tax-per-mu,2030,25,>=,")

    report = validate_package(shipped_copy)

    assert flat(report) == [("datapackage.json", None, "plan", "schema-change"), ("datapackage.json", None, None, "plan-missing")]
    assert report.problems[1].line() == "datapackage.json：plan 里缺少 end_year。请填上方案的结束年份（四位数字的年份）。"


def test_long_runs_of_one_problem_are_cut_in_the_text_but_not_in_json():
    from scripts.validate.problems import Report, problem

    report = Report("datapackage.json", [problem("blank-row", OBS, row) for row in range(2, 34)])

    lines = report.text(limit=30).splitlines()
    assert len([line for line in lines if line.startswith("data/observations.csv 第")]) == 30
    assert lines[-1] == ("data/observations.csv：这类问题（这是一个空行）另有 2 处未列出；"
                         "加 --all 可全部列出，--json 报告里也有完整清单。")
    assert len([line for line in report.text(limit=None).splitlines() if line.startswith("data/observations.csv 第")]) == 32
    assert len(report.to_dict()["problems"]) == 32
