"""What a cell may hold: control characters, formulas, numbers, dates and periods, non-negative quantities, and words."""

import datetime
import json

import pytest

from scripts.validate import frames
from scripts.validate.cellchecks import Column, check_cell
from tests.helpers import OBS, append, edit_cell, flat
from tests.validate.shared import URL, validate_package  # the run's shared part results


NOTE = Column("note", "text", False, 500, False)


def lines(report) -> list[str]:
    return [p.line() for p in report.problems]


def observation(area: str, value: str = "16", period: str = "2022", published: str = "2023-03-01", note: str = "",
                indicator: str = "tax-per-mu") -> str:
    return f"{indicator},{area},{period},{value},final,统计公报,{URL},original,,{published},{note}"


# 1. Control characters


def test_control_characters_are_errors_in_every_text_cell(shipped_copy):
    row = append(shipped_copy, OBS, observation("kecheng", note="说明\x00结束"), observation("qujiang", note="说明\x85"),
                 observation("longyou", note="说明\uffff"), observation("changshan", note="转义\x1b[31m"))

    report = validate_package(shipped_copy)

    assert not report.ok
    assert flat(report) == [(OBS, row + i, "note", "control-character") for i in range(4)]
    assert report.problems[1].line() == (
        f"data/observations.csv 第{row + 1}行 「说明」(note) 值“说明[U+0085]”：含有控制字符（U+0085），网页、图表和下载文件都不能带这种字符。"
        "多半是从网页或其他软件复制时带进来的；请把这一格清空后重新输入。")
    assert [p.message for p in report.problems] == [
        "含有控制字符（U+0000），网页、图表和下载文件都不能带这种字符。",
        "含有控制字符（U+0085），网页、图表和下载文件都不能带这种字符。",
        "含有控制字符（U+FFFF），网页、图表和下载文件都不能带这种字符。",
        "含有控制字符（U+001B），网页、图表和下载文件都不能带这种字符。",
    ]


def test_a_c1_character_in_an_indicator_name_is_an_error_not_a_warning(shipped_copy):
    edit_cell(shipped_copy, "data/indicators.csv", 2, "name", "规上工业亩均税收\x9b[点我](javascript:alert(1))")

    report = validate_package(shipped_copy)

    assert [(p.file, p.row, p.column, p.code, p.severity) for p in report.problems] == [
        ("data/indicators.csv", 2, "name", "control-character", "error"),
        ("data/indicators.csv", 2, "name", "shown-literally", "warning"),
    ]
    assert report.problems[1].message == "含有 Markdown 链接。网站会把它当作普通文字显示，不会变成格式、链接或模板。"


def test_tab_and_line_breaks_inside_a_cell_are_not_control_errors():
    assert check_cell(OBS, 5, NOTE, "第一段\n第二段\r\n第三段\t完", None) == []


def test_lone_surrogate_is_a_control_error():
    found = check_cell(OBS, 5, NOTE, "说明\ud800", None)

    assert [(p.code, p.message) for p in found] == [
        ("control-character", "含有控制字符（U+D800），网页、图表和下载文件都不能带这种字符。")]


# 2. Formula injection


def test_formula_payloads_are_errors(shipped_copy):
    payloads = ["+cmd|' /C calc'!A0", "-cmd|' /C calc'!A0", "@cmd|' /C calc'!A0", "+'[evil.xlsx]S'!A1", "=1+1", "@SUM(A1)"]
    areas = ["kecheng", "qujiang", "longyou", "changshan", "kaihua", "jiangshan"]
    row = append(shipped_copy, OBS, *(observation(area, note=f'"{text}"') for area, text in zip(areas, payloads)))

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row + i, "note", "formula") for i in range(6)]
    assert [p.value for p in report.problems] == payloads
    assert report.problems[1].line() == (
        f"data/observations.csv 第{row + 1}行 「说明」(note) 值“-cmd|' /C calc'!A0”：以“-”开头，会被 Excel/WPS 当作公式执行。"
        "请填纯文字或数字，不要以 = + - @（包括全角的 ＝ ＋ － ＠）开头写公式。")


def test_formula_payload_in_a_number_column(shipped_copy):
    row = append(shipped_copy, OBS, observation("kecheng", value="\"+'[evil.xlsx]S'!A1\""))

    report = validate_package(shipped_copy)

    assert lines(report) == [
        f"data/observations.csv 第{row}行 「数值」(value) 值“+'[evil.xlsx]S'!A1”：以“+”开头，会被 Excel/WPS 当作公式执行。"
        "请填纯文字或数字，不要以 = + - @（包括全角的 ＝ ＋ － ＠）开头写公式。"]


def test_plain_numbers_and_enum_values_are_not_formulas(shipped_copy):
    append(shipped_copy, OBS, observation("kecheng", note="-3.5"),
           observation("qujiang", value="-5", indicator="manufacturing-investment-growth"))
    append(shipped_copy, "data/targets.csv", "energy-freed,2022,1,=,")

    assert flat(validate_package(shipped_copy)) == []


def test_a_cell_starting_with_tab_or_carriage_return_is_an_error():
    found = check_cell(OBS, 5, NOTE, "\t=1+1", None) + check_cell(OBS, 6, NOTE, "\r@SUM(A1)", None)

    assert [(p.row, p.code, p.message, p.fix) for p in found] == [
        (5, "whitespace", "开头有空格或换行。", "请删掉，改成“=1+1”。"),
        (5, "formula", "以“=”开头，会被 Excel/WPS 当作公式执行。", "请填纯文字或数字，不要以 = + - @（包括全角的 ＝ ＋ － ＠）开头写公式。"),
        (6, "whitespace", "开头有空格或换行。", "请删掉，改成“@SUM(A1)”。"),
        (6, "formula", "以“@”开头，会被 Excel/WPS 当作公式执行。", "请填纯文字或数字，不要以 = + - @（包括全角的 ＝ ＋ － ＠）开头写公式。"),
    ]


# 3. Numbers as a person means them


def test_nan_and_infinity_in_any_spelling(shipped_copy):
    spellings = ["-nan", "+Infinity", "sNaN", "inf", "NaN"]
    areas = ["kecheng", "qujiang", "longyou", "changshan", "kaihua"]
    row = append(shipped_copy, OBS, *(observation(area, value=v) for area, v in zip(areas, spellings)))

    report = validate_package(shipped_copy)

    assert flat(report) == [(OBS, row + i, "value", "nan-infinity") for i in range(5)]
    assert report.problems[1].line() == (
        f"data/observations.csv 第{row + 1}行 「数值」(value) 值“+Infinity”：“+Infinity”表示“非数”或“无穷大”，不是一个具体的数。"
        "请填上数字；没有数字就删掉这一行，不要填占位符。")


def test_underscores_other_digits_and_bare_points(shipped_copy):
    values = ["1_200", "٢٠٢٣", ".5", "5.", "+5", "−5"]
    areas = ["kecheng", "qujiang", "longyou", "changshan", "kaihua", "jiangshan"]
    row = append(shipped_copy, OBS, *(observation(area, value=v) for area, v in zip(areas, values)))

    report = validate_package(shipped_copy)

    assert [(p.row, p.code, p.message, p.fix) for p in report.problems] == [
        (row, "underscore-in-number", "数字里有下划线。", "请去掉下划线，填 1200。"),
        (row + 1, "other-digits", "用了其他文字的数字或负号，不是半角的 0—9 和 -。", "请改成半角的 2023。"),
        (row + 2, "bare-point", "小数点的一边没有数字。", "请填 0.5。"),
        (row + 3, "bare-point", "小数点的一边没有数字。", "请填 5。"),
        (row + 4, "plus-sign", "数字前面带了加号，Excel/WPS 会把以“+”开头的一格当作公式。", "请去掉加号，填 5。"),
        (row + 5, "other-digits", "用了其他文字的数字或负号，不是半角的 0—9 和 -。", "请改成半角的 -5。"),
    ]
    assert report.problems[2].line() == (
        f"data/observations.csv 第{row + 2}行 「数值」(value) 值“.5”：小数点的一边没有数字。请填 0.5。")


def test_integer_columns_take_only_ascii_digits(shipped_copy):
    row = append(shipped_copy, "data/targets.csv", "energy-freed,٢٠٢٢,1,>=,", "carbon-reduction,2_022,1,>=,")
    areas_row = append(shipped_copy, "data/areas.csv", "nowhere,无处,county,１２")

    report = validate_package(shipped_copy)

    assert lines(report) == [
        f"data/areas.csv 第{areas_row}行 「排序」(order) 值“１２”：用了全角数字或符号。请改成半角的 12。",
        f"data/targets.csv 第{row}行 「目标年份」(year) 值“٢٠٢٢”：用了其他文字的数字或负号，不是半角的 0—9 和 -。请改成半角的 2022。",
        f"data/targets.csv 第{row + 1}行 「目标年份」(year) 值“2_022”：数字里有下划线。请去掉下划线，填 2022。",
    ]


# 4. Dates and periods


@pytest.fixture
def december_2023(monkeypatch):
    """Validate as if today were 2023-12-01: every shipped period has ended and every shipped date has passed."""
    monkeypatch.setattr(frames, "today", lambda: datetime.date(2023, 12, 1))


def test_periods_outside_the_plan(shipped_copy, december_2023):
    row = append(shipped_copy, OBS, observation("kecheng", period="2019"), observation("qujiang", period="2031"))

    report = validate_package(shipped_copy)

    assert lines(report)[:1] == [
        f"data/observations.csv 第{row}行 「时期」(period) 值“2019”：时期是 2019 年，早于方案的基期 2020 年。"
        "本数据包只收 2020—2023 年的数字，请核对年份。"]
    assert flat(report) == [(OBS, row, "period", "period-before-plan"), (OBS, row + 1, "period", "period-after-plan"),
                            (OBS, row + 1, "period", "period-after-published"), (OBS, row + 1, "period", "period-not-ended")]
    assert report.problems[1].line() == (
        f"data/observations.csv 第{row + 1}行 「时期」(period) 值“2031”：时期是 2031 年，晚于方案的结束年份 2023 年，"
        "targets.csv 里也没有这一年的目标。请核对年份：方案期以后的数字，只收在 targets.csv 里定了当年目标的指标。")


def test_a_year_after_the_plan_is_allowed_where_the_indicator_has_a_target_for_it(shipped_copy):
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    descriptor["plan"]["end_year"] = 2022
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    edit_cell(shipped_copy, "data/targets.csv", 2, "year", "2022")  # tax-per-mu's target moves into the plan
    row = append(shipped_copy, OBS, observation("kecheng", period="2023", published="2024-03-01"),
                 observation("qujiang", period="2023", published="2024-03-01", indicator="energy-freed"))

    report = validate_package(shipped_copy)

    after = [(p.file, p.row, p.code) for p in report.problems if p.code == "period-after-plan"]
    assert (OBS, row, "period-after-plan") in after  # tax-per-mu has no 2023 target any more
    assert (OBS, row + 1, "period-after-plan") not in after  # energy-freed has a 2023 target


def test_a_period_still_running_and_a_publication_date_in_the_future(shipped_copy, december_2023):
    row = append(shipped_copy, OBS, observation("kecheng", period="2023", published="", note="来源未注明发布日期"),
                 observation("qujiang", period="2023-Q3", published="2023-12-05"))

    report = validate_package(shipped_copy)

    assert lines(report) == [
        f"data/observations.csv 第{row}行 「时期」(period) 值“2023”：时期到 2023-12-31 才结束，今天（2023-12-01）还没有过完。"
        "请核对时期：只收已经结束的时期的数字。",
        f"data/observations.csv 第{row + 1}行 「发布日期」(published) 值“2023-12-05”：发布日期 2023-12-05 在今天（2023-12-01）之后。"
        "请核对，填来源实际发布的日期。",
    ]


def test_full_width_date_and_period(shipped_copy):
    row = append(shipped_copy, OBS, observation("kecheng", published="２０２３-03-24"),
                 observation("qujiang", period="٢٠٢٢"))

    report = validate_package(shipped_copy)

    assert lines(report) == [
        f"data/observations.csv 第{row}行 「发布日期」(published) 值“２０２３-03-24”：用了全角数字或符号。请改成半角的 2023-03-24。",
        f"data/observations.csv 第{row + 1}行 「时期」(period) 值“٢٠٢٢”：用了其他文字的数字或负号，不是半角的 0—9 和 -。请改成半角的 2022。",
    ]


# 5. Non-negative quantities


def test_negative_amounts_and_areas(shipped_copy):
    row = append(shipped_copy, OBS, observation("kecheng", value="-5", indicator="value-added-per-mu"),
                 observation("qujiang", value="-1.5", indicator="inefficient-land-freed"))

    report = validate_package(shipped_copy)

    assert lines(report) == [
        f"data/observations.csv 第{row}行 「数值」(value) 值“-5”：“value-added-per-mu”的单位是“万元”，这个数量不能是负数。"
        "请核对这个数，是否多写了负号。",
        f"data/observations.csv 第{row + 1}行 「数值」(value) 值“-1.5”：“inefficient-land-freed”的单位是“万亩”，这个数量不能是负数。"
        "请核对这个数，是否多写了负号。",
    ]


def test_the_descriptor_alone_says_which_units_cannot_be_negative(shipped_copy):
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    descriptor["nonNegativeUnits"].remove("万亩")
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    append(shipped_copy, OBS, observation("qujiang", value="-1.5", indicator="inefficient-land-freed"))

    # The rule follows the descriptor, and a descriptor that drops a unit is a loosening the maintainers review.
    assert flat(validate_package(shipped_copy)) == [("datapackage.json", None, "nonNegativeUnits", "schema-change")]


# 6. Words


def test_one_bad_key_gives_one_message_for_the_rows_that_refer_to_it(shipped_copy):
    edit_cell(shipped_copy, "data/units.csv", 2, "id", "economy-it ")

    report = validate_package(shipped_copy)

    assert flat(report) == [("data/units.csv", 2, "id", "whitespace"), ("data/task_units.csv", 2, "unit_id", "follow-on-errors")]
    assert report.problems[1].line() == (
        "data/task_units.csv 第2行 「单位编号」(unit_id) 值“economy-it”：因为 data/units.csv 第2行的“economy-it ”有误，"
        "下面 23 行连带报错（第2、13、30、42、51等行）。请先改好 data/units.csv 第2行；改好后这些行不用改。")


def test_a_title_row_above_the_header(shipped_copy):
    path = shipped_copy.parent / "data/areas.csv"
    path.write_text("衢州市区域表,,,\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    report = validate_package(shipped_copy)

    assert [p.line() for p in report.problems if p.file == "data/areas.csv"] == [
        "data/areas.csv 第1行 值“衢州市区域表”：第1行是标题“衢州市区域表”，不是表头；表头在第2行。"
        "请删除第 1 行，让表头成为第1行：id、name、kind、order。",
        "data/areas.csv：表头有错，本表各行这次没有检查。表头改好后请再检查一次。",
    ]


def test_two_title_rows_above_the_header(shipped_copy):
    path = shipped_copy.parent / "data/areas.csv"
    path.write_text("衢州市区域表,,,\n（2023年版）,,,\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    report = validate_package(shipped_copy)

    assert [p.fix for p in report.problems if p.code == "title-row"] == [
        "请删除第 1—2 行，让表头成为第1行：id、name、kind、order。"]


def test_a_control_character_in_a_header_is_shown_not_printed(shipped_copy):
    path = shipped_copy.parent / "data/areas.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("kind", "kind\x1b[2J", 1), encoding="utf-8")

    report = validate_package(shipped_copy)

    extra = [p for p in report.problems if p.code == "extra-column"]
    assert [p.message for p in extra] == ["多了一列“kind[U+001B][2J”，本表没有这一列。"]
    assert "\x1b" not in report.text()


def test_every_non_character_is_a_control_error():
    found = check_cell(OBS, 5, NOTE, "甲\ufdd0乙\U0010ffff丙\ufffe", None)

    assert [(p.code, p.message) for p in found] == [
        ("control-character", "含有控制字符（U+FDD0、U+10FFFF、U+FFFE），网页、图表和下载文件都不能带这种字符。")]


def test_ordinary_chinese_and_emoji_are_not_control_characters():
    assert check_cell(OBS, 5, NOTE, "衢州市“腾笼换鸟”🙂（１）€", None) == []


def test_a_control_character_in_a_key_is_one_error_and_one_follow_on_message(shipped_copy):
    edit_cell(shipped_copy, "data/areas.csv", 3, "id", "kecheng\x85")

    report = validate_package(shipped_copy)

    assert [(p.file, p.row, p.column, p.code) for p in report.problems] == [
        ("data/areas.csv", 3, "id", "control-character"),
        ("data/units.csv", 26, "area_id", "follow-on-errors"),
    ]
    assert report.problems[1].message == "因为 data/areas.csv 第3行的“kecheng[U+0085]”有误，下面 1 行连带报错（第26行）。"


def test_an_address_cell_is_judged_without_its_spaces_and_quoted_as_typed():
    source_url = Column("source_url", "url", True, None, False)
    found = check_cell(OBS, 5, source_url, " www.qz.gov.cn/a.html", None)
    assert [(p.code, p.value, p.fix) for p in found] == [
        ("whitespace", " www.qz.gov.cn/a.html", "请删掉，改成“www.qz.gov.cn/a.html”。"),
        ("url-no-scheme", " www.qz.gov.cn/a.html", "请改成 https://www.qz.gov.cn/a.html（最好从浏览器地址栏复制完整网址）。"),
    ]


def test_a_search_engines_jump_link_and_a_wechat_login_ticket_are_errors():
    source_url = Column("source_url", "url", True, None, False)
    found = check_cell(OBS, 5, source_url, "https://www.baidu.com/link?url=AbC&wd=&eqid=9f", None)
    assert [p.line() for p in found] == [
        "data/observations.csv 第5行 「source_url」(source_url) 值“https://www.baidu.com/link?url=AbC&wd=&eqid=9f”："
        "这是百度搜索结果的跳转链接，不是来源网页自己的网址：过一段时间会失效，读者也看不出数字登在哪个网站上。"
        "请在浏览器里打开它，等跳到来源网页后，从地址栏复制那里的网址。"]
    found = check_cell(OBS, 6, source_url, "https://mp.weixin.qq.com/s?__biz=Mz&mid=26&idx=1&sn=ab&key=k&uin=M", None)
    assert [(p.code, p.message, p.fix) for p in found] == [(
        "url-wechat-personal", "网址里带着微信加上的登录或分享参数（key、uin），公开出去会暴露复制它的人的微信身份。",
        "请改成 https://mp.weixin.qq.com/s?__biz=Mz&mid=26&idx=1&sn=ab（只留 __biz、mid、idx、sn 四项）。")]


def test_a_jump_link_in_a_whole_file_is_found(small_package):
    # The whole-file check looks closely only at cells that are not plainly fine: a well-formed jump link is not.
    row = append(small_package, OBS, "robots,quzhou,2022,530,final,统计公报（虚构）,https://www.so.com/link?m=bR8a,original,,2023-03-01,")
    assert [(p.row, p.code) for p in validate_package(small_package).errors] == [(row, "url-search-redirect")]
