"""scripts.tools.ci_summary: the validation report as the Chinese Markdown a pull request shows."""

from scripts.tools.ci_summary import render_problems

PROBLEMS = [
    {
        "file": "data/observations.csv", "row": 7, "column": "value", "column_title": "数值", "value": "22万",
        "code": "type-error", "severity": "error", "message": "“数值”应是数字，这里是“22万”。",
        "fix": "只填数字，单位见指标表：改成 22。",
    },
    {
        "file": "data/observations.csv", "row": 9, "column": "published", "column_title": "发布日期", "value": None,
        "code": "missing-published", "severity": "warning", "message": "没有发布日期。",
        "fix": "来源注明了日期就填上|没注明就留空。",
    },
    {
        "file": "datapackage.json", "row": None, "column": None, "column_title": None, "value": None,
        "code": "descriptor-error", "severity": "error", "message": "描述文件不是有效的 JSON。", "fix": "",
    },
]


def test_errors_first_with_file_row_and_column():
    markdown = render_problems(PROBLEMS)
    lines = markdown.splitlines()

    assert lines[0] == "## 数据校验未通过：2 个错误，1 条提醒"
    assert "| 级别 | 文件 | 行 | 列 | 值 | 问题 | 怎样改 |" in lines
    body = [line for line in lines if line.startswith("| 错误") or line.startswith("| 提醒")]
    assert body == [
        "| 错误 | data/observations.csv | 7 | 数值（value） | 22万 | “数值”应是数字，这里是“22万”。 | 只填数字，单位见指标表：改成 22。 |",
        "| 错误 | datapackage.json | — | — |  | 描述文件不是有效的 JSON。 |  |",
        "| 提醒 | data/observations.csv | 9 | 发布日期（published） |  | 没有发布日期。 | 来源注明了日期就填上\\|没注明就留空。 |",
    ]


def test_warnings_only_pass():
    assert render_problems(PROBLEMS[1:2]).startswith("## 数据校验通过，有 1 条提醒\n")


def test_no_problems_is_one_line():
    assert render_problems([]) == "数据校验通过。\n"

