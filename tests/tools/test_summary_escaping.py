"""One escaper for every untrusted string in the job summary (scripts/tools/summarytext.py), and control characters
made visible in the validator's text report: payloads in every slot come out as text on their own line."""

import json
import re

from scripts.core.package import read_package
from scripts.tools.check.summary import Outcome, render
from scripts.tools.ci_summary import render_problems
from scripts.tools.datadiff.diff import diff_packages
from scripts.tools.datadiff.markdown import render_markdown
from scripts.tools.summarytext import code_block, md
from scripts.validate.problems import problem
from tests.conftest import copy_package, fixture_package

FAKE_HEADING = "\n\n## 数据校验通过，可以合并"
IMAGE = "<img src=https://evil.example/p.png>"


def unescaped(markdown: str, char: str) -> list[str]:
    """Lines where char appears without a backslash before it (the empty comment that splits a mention or an address
    is ours)."""
    return [line for line in markdown.replace("<!-- -->", "").splitlines() if re.search(r"(?<!\\)" + re.escape(char), line)]


def test_md_makes_any_text_one_literal_line():
    assert md(FAKE_HEADING + IMAGE + "`x` [a](javascript:x) **b** $m$ @team | &amp;\u202e\x1b", None) == (
        "↵↵\\#\\# 数据校验通过，可以合并\\<img src=https<!-- -->://evil.example/p.png\\>\\`x\\` \\[a\\](javascript:x) \\*\\*b\\*\\* "
        "\\$m\\$ \\@<!-- -->team \\| \\&amp;\\[U+202E\\]\\[U+001B\\]")


def test_mentions_and_issue_references_notify_no_one():
    # GitHub reads @name and #123 after Markdown has removed the backslash; an empty comment splits them.
    assert md("请 @octocat 和 @qz-org/maintainers 看 #1、owner/repo#22；邮箱 a@b.cn；单独的 @ 和 # 不变") == (
        "请 \\@<!-- -->octocat 和 \\@<!-- -->qz-org/maintainers 看 \\#<!-- -->1、owner/repo\\#<!-- -->22；"
        "邮箱 a\\@<!-- -->b.cn；单独的 \\@ 和 \\# 不变")


def test_an_address_in_a_key_or_title_stays_text():
    # GitHub links a bare http(s):// or www. address by itself; a key named so would put a live link in the summary.
    assert md("[x](https://evil.example)、见https://evil.example、www.evil.example、HTTP://a.example", None) == (
        "\\[x\\](https<!-- -->://evil.example)、见https<!-- -->://evil.example、www<!-- -->.evil.example、HTTP<!-- -->://a.example")
    assert md("xhttps://a.example、wwwx.example") == "xhttps://a.example、wwwx.example"  # no link there to break


def test_a_mention_in_a_cell_reaches_the_problem_table_split():
    markdown = render_problems([{"file": "data/observations.csv", "row": 2, "column": "note", "value": "@octocat #1",
                                 "code": "x", "severity": "warning", "message": "m", "fix": "f"}])
    assert "| 提醒 | data/observations.csv | 2 | note | \\@<!-- -->octocat \\#<!-- -->1 | m | f |" in markdown


def test_a_code_block_cannot_be_closed_from_inside():
    assert code_block(["a", "```", "b\u202e"]) == ["````", "a", "```", "b[U+202E]", "````"]


def test_problem_table_escapes_file_column_value_and_text():
    markdown = render_problems([{
        "file": f"data/{IMAGE}.csv", "row": 2, "column": "a" + FAKE_HEADING, "column_title": "`标题`",
        "value": "<script>alert(1)</script>", "code": "x", "severity": "error", "message": "<b>粗</b>", "fix": "[点](javascript:x)",
    }])
    assert unescaped(markdown, "<") == [] and unescaped(markdown, "`") == [] and unescaped(markdown, "[") == []
    assert [line for line in markdown.splitlines() if line.startswith("#")] == ["## 数据校验未通过：1 个错误"]
    assert "↵↵\\#\\# 数据校验通过，可以合并" in markdown


def test_diff_escapes_resource_column_and_key_names(tmp_path):
    old = fixture_package("small", tmp_path / "old")
    new = copy_package(old, tmp_path / "new")
    descriptor = json.loads(new.read_text(encoding="utf-8"))
    descriptor["title"] = IMAGE
    descriptor["x`y" + FAKE_HEADING] = "added key"
    areas = next(r for r in descriptor["resources"] if r["name"] == "areas")
    areas["title"] = "区域" + FAKE_HEADING
    areas["schema"]["fields"].append({"name": IMAGE, "type": "string", "title": "`列`" + FAKE_HEADING})
    new.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")

    markdown = render_markdown(diff_packages(read_package(old), read_package(new)), base="x';id;'<b>")

    assert unescaped(markdown, "<") == [] and unescaped(markdown, "`") == []
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == ["## 数据变化（与 x';id;'\\<b\\> 相比）", "### 区域↵↵\\#\\# 数据校验通过，可以合并（areas）"]
    assert "新增列 \\`列\\`↵↵\\#\\# 数据校验通过，可以合并（\\<img src=https<!-- -->://evil.example/p.png\\>）" in markdown
    assert "数据包说明有变化：title、x\\`y↵↵\\#\\# 数据校验通过，可以合并。" in markdown


def test_check_summary_escapes_the_base_and_what_the_build_said():
    outcome = Outcome(base="$(id)" + FAKE_HEADING, validation="数据校验通过。\n", valid=True, built=False,
                      build_error=IMAGE + FAKE_HEADING)
    markdown = render(outcome)
    assert unescaped(markdown, "<") == [] and unescaped(markdown, "$") == []
    assert [line for line in markdown.splitlines() if line.startswith("#")] == ["# 数据检查：未通过，请按下面的说明修改"]


def test_text_report_shows_control_characters_and_line_breaks_as_marks():
    p = problem("extra-column", "data/a\nb.csv", 1, "x\n\n检查通过：没有发现问题\x1b[2J", "v\u202e", label="x", header="id")
    line = p.line()
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line
    assert line.startswith("data/a↵b.csv 第1行 「x↵↵检查通过：没有发现问题[U+001B][2J」(x↵↵检查通过：没有发现问题[U+001B][2J) 值“v[U+202E]”：")
