"""CONTRIBUTING.md's examples do what it says: every example row passes the validator as written, the example with
mistakes gets exactly the messages it quotes, and the filled-in form becomes a valid row. They run on a pinned
copy of the shipped package (its figures frozen), so a data change never turns them red."""

import datetime
import re

import pytest

from scripts.core.package import read_package
from scripts.tools import intake
from scripts.tools.intake.forms import NEW_FIGURE, NO_RESPONSE
from tests.conftest import ROOT
from tests.helpers import append
from tests.validate.shared import validate_package

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# ```csv data/observations.csv           rows that pass as written
# ```csv data/observations.csv 有误      rows with mistakes, followed by a ```text block of the messages they get
BLOCK = re.compile(r"^ *```csv (?P<file>\S+)(?P<wrong> 有误)?\n(?P<rows>.*?)^ *```\n", re.MULTILINE | re.DOTALL)
EXAMPLES = [m for m in BLOCK.finditer(GUIDE)]


def rows_of(match) -> list[str]:
    return [line.strip() for line in match["rows"].splitlines() if line.strip()]


def test_the_guide_has_its_examples():
    assert [(m["file"], bool(m["wrong"])) for m in EXAMPLES] == [
        ("data/observations.csv", False), ("data/observations.csv", True), ("data/observations.csv", False),
        ("data/revisions.csv", False)]
    assert "indicators/tax-per-mu" in GUIDE  # the web editor's example names an indicator that exists


@pytest.mark.parametrize("example", [m for m in EXAMPLES if not m["wrong"]], ids=lambda m: f"{m['file']}:{m.start()}")
def test_each_example_row_passes_as_written(example, shipped_copy):
    append(shipped_copy, example["file"], *rows_of(example))
    assert [p.line() for p in validate_package(shipped_copy).problems] == []


def test_the_example_with_mistakes_gets_the_messages_the_guide_quotes(shipped_copy):
    wrong = next(m for m in EXAMPLES if m["wrong"])
    quoted = re.match(r"\s*提交后，检查摘要里写着：\s*```text\n(.*?)```", GUIDE[wrong.end():], re.DOTALL)
    append(shipped_copy, wrong["file"], *rows_of(wrong))
    assert [p.line() for p in validate_package(shipped_copy).problems] == quoted[1].strip().splitlines()


def test_the_filled_in_form_becomes_a_valid_row(shipped_copy, tmp_path):
    section = GUIDE[GUIDE.index("### 三、填表单"):GUIDE.index("## 在自己电脑上检查")]
    answers = dict(re.findall(r"^\| (\S+) \| (.+?) \|$", section, re.MULTILINE))
    assert {f.label for f in NEW_FIGURE.fields if f.required} <= set(answers)  # 原发布单位 is left empty, as for an original
    body = "".join(f"### {f.label}\n\n{'- [X] ' if f.kind == 'checkboxes' else ''}{answers.get(f.label, NO_RESPONSE)}\n\n"
                   for f in NEW_FIGURE.fields)
    path = tmp_path / "issue-body.md"
    path.write_text(body, encoding="utf-8")

    intake.intake(path, shipped_copy, datetime.date.today())

    added = read_package(shipped_copy).rows("observations")[-1]
    assert (added["indicator_id"], added["area_id"], added["period"], added["value"]) == ("tax-per-mu", "quzhou", "2022", 20.1)
    assert validate_package(shipped_copy).problems == []
    assert (added["source_type"], added["original_publisher"], added["published"]) == ("original", None, datetime.date(2023, 3, 15))


def test_the_guide_explains_versions_the_footer_date_corrections_and_withdrawals():
    for words in ("`created`", "页脚", "make bump", "更正", "撤回", "data/revisions.csv", "make normalize", "带 BOM 的 UTF-8",
                  "报送公开数字", "更正或撤回", "Codespaces"):
        assert words in GUIDE, words


def test_the_guide_tells_staff_without_a_command_line_what_to_do_and_whom_to_ask():
    # The Excel way works without Python: skip normalize and check, upload on the web, let the pull request's
    # check say what to fix; and a person stuck on a message knows where to ask.
    assert "**没有装 Python、不会用命令行也没关系**：跳过第 4、5 步，直接按第 6 步在网页上传。" in GUIDE
    assert "“Add file → Upload files”" in GUIDE
    assert "把改好的文件和数字的出处（网址）发给维护者，由维护者代为提交。" in GUIDE
    assert "在拉取请求（或问题）页面最下面的评论框里写明情况、\n点 “Comment”，维护者会在那里回复。" in GUIDE
    # The two kinds of address the validator refuses as not the source's own are named where staff copy addresses.
    assert "不要复制百度、搜狗等搜索结果里的链接" in GUIDE and "“…”→“复制链接”" in GUIDE
