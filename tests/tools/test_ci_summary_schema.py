"""scripts.tools.ci_summary: changes to the package structure are listed first, for review."""

from scripts.tools.ci_summary import render_left_off, render_problems

CHANGE = {
    "file": "datapackage.json", "row": None, "column": "indicators.id", "column_title": "indicators.id", "value": None,
    "code": "schema-change", "severity": "error",
    "message": '结构变更，需要审核：pattern 从 "[a-z][a-z0-9]*(-[a-z0-9]+)*" 改成了 （无）。', "fix": "请恢复原来的写法。",
}
ADDITION = {
    "file": "datapackage.json", "row": None, "column": "units.renamed_on", "column_title": "units.renamed_on",
    "value": None, "code": "schema-addition", "severity": "warning",
    "message": "结构变更（新增），需要审核：新增了列 renamed_on。", "fix": "请由维护者审核。",
}


def test_schema_changes_get_their_own_section_before_the_table():
    lines = render_problems([CHANGE, ADDITION]).splitlines()

    start = lines.index("### 结构变更：2 处，需要维护者审核")
    assert lines[start + 2:start + 4] == [
        '- 错误：indicators.id：结构变更，需要审核：pattern 从 "\\[a-z\\]\\[a-z0-9\\]\\*(-\\[a-z0-9\\]+)\\*" 改成了 （无）。',
        "- 提醒：units.renamed\\_on：结构变更（新增），需要审核：新增了列 renamed\\_on。",
    ]
    assert start < lines.index("| 级别 | 文件 | 行 | 列 | 值 | 问题 | 怎样改 |")


def test_no_section_without_schema_changes():
    assert "结构变更" not in render_problems([{**CHANGE, "code": "blank-row", "message": "这是一个空行。"}])


def test_what_the_json_report_left_off_is_counted():
    left_off = [{"file": "data/a.csv", "code": "blank-row", "count": 7}]
    assert render_left_off(left_off).endswith("\n校验报告里另有 7 处同类问题未列出；请在本机运行 make validate 查看全部。\n")
