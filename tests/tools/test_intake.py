"""scripts.tools.intake: issue forms generated from the package, and an issue body as the form writes it becoming
a row (or a correction) -- hostile bodies refused in Chinese with nothing written."""

import datetime
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.core.package import read_package
from scripts.tools import intake
from scripts.tools.intake.forms import CORRECTION, FORMS, LABEL, form_yaml
from scripts.tools.intake.parse import Refused
from tests.conftest import ROOT

TODAY = datetime.date(2026, 12, 6)

# Written as GitHub writes the body of an issue opened with the 报送公开数字 form (small package's choices).
BODY = """\
### 指标

示例新增机器人（台）｜robots

### 区域

示例市｜quzhou

### 时期

2022

### 数值

530

### 全年数还是阶段性数字

全年数

### 数据状态

正式数

### 来源

示例市统计局《2022年统计公报》（虚构）

### 来源网址

https://example.org/demo/bulletin-2022

### 原发还是转载

原发（网址就在发布单位或官方媒体自己的网站上）

### 原发布单位

_No response_

### 发布日期

2023-03-01

### 原文摘录

“全年新增工业机器人530台”（虚构）

### 确认

- [X] 这是已经公开发布的数字，我没有估算或推算。
"""

CORRECTION_BODY = """\
### 指标

示例亩均税收（万元）｜tax-per-mu

### 区域

示例市｜quzhou

### 时期

2021

### 数据状态

正式数

### 更正还是撤回

{action}

### 正确的数值

{value}

### 原因

统计局发布了修订数（虚构）

### 依据的网址

https://example.org/demo/revised

### 确认

- [X] 这是已经公开发布的数字，我没有估算或推算。
"""


def files(descriptor: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((descriptor.parent / "data").iterdir())}


def body_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "issue-body.md"
    path.write_text(text, encoding="utf-8")
    return path


def dropdown(form_text: str, field_id: str) -> list[str]:
    return next(item for item in yaml.safe_load(form_text)["body"] if item.get("id") == field_id)["attributes"]["options"]


def test_the_dropdowns_list_the_packages_indicators_and_areas_in_their_order(small_package):
    package = read_package(small_package)
    for form in FORMS:
        text = form_yaml(form, package)
        assert dropdown(text, "indicator") == ["示例亩均税收（万元）｜tax-per-mu", "示例新增企业（家）｜new-firms",
                                               "示例新增机器人（台）｜robots", "示例县域全覆盖（是/否）｜full-coverage"]
        assert dropdown(text, "area") == ["示例市｜quzhou", "示例甲区｜kecheng", "示例乙区｜qujiang", "示例丙县｜longyou"]


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.file)
def test_the_committed_forms_are_what_forms_py_writes(form, small_package):
    # Everything but the package's own options (a data pull request may rename an area: make check and make bump
    # look after those), so that a change to forms.py cannot be forgotten in the forms.
    def without_package_options(text: str) -> dict:
        data = yaml.safe_load(text)
        for item in data["body"]:
            if item.get("id") in ("indicator", "area"):
                item["attributes"]["options"] = []
        return data

    committed = (ROOT / ".github" / "ISSUE_TEMPLATE" / form.file).read_text(encoding="utf-8")
    generated = form_yaml(form, read_package(small_package))
    assert committed.splitlines()[:2] == generated.splitlines()[:2]  # the "generated, do not edit" header
    assert without_package_options(committed) == without_package_options(generated)


def test_make_forms_writes_them_beside_the_package(small_package, capsys):
    assert intake.main(["--write-forms", "--package", str(small_package)]) == 0
    folder = small_package.parent / ".github" / "ISSUE_TEMPLATE"
    assert sorted(p.name for p in folder.iterdir()) == ["correction.yml", "new-figure.yml"]
    assert dropdown((folder / "correction.yml").read_text(encoding="utf-8"), "area")[0] == "示例市｜quzhou"
    assert capsys.readouterr().out == f"已写入 {folder / 'new-figure.yml'}\n已写入 {folder / 'correction.yml'}\n"


def test_an_answer_picked_before_a_rename_is_read_by_its_id(small_package, tmp_path):
    # The issue was opened with the forms as they were; since then a data pull request renamed the area and the
    # indicator and changed the unit. The ids after "｜" are the same, so the answer still names them.
    data = small_package.parent / "data"
    for name, old, new in [("areas.csv", "quzhou,示例市,", "quzhou,示例市（更名）,"),
                           ("indicators.csv", "robots,示例新增机器人,台,", "robots,示例工业机器人新增,套,")]:
        text = (data / name).read_text(encoding="utf-8")
        assert old in text
        (data / name).write_text(text.replace(old, new), encoding="utf-8")

    change = intake.intake(body_file(tmp_path, BODY), small_package, TODAY)

    assert change.summary == "示例工业机器人新增：示例市（更名）2022年"
    assert read_package(small_package).rows("observations")[-1]["indicator_id"] == "robots"


def test_a_body_as_the_form_writes_it_becomes_a_valid_row(small_package, tmp_path):
    before = (small_package.parent / "data" / "observations.csv").read_text(encoding="utf-8")

    change = intake.intake(body_file(tmp_path, BODY), small_package, TODAY)

    assert change.summary == "示例新增机器人：示例市2022年"
    after = (small_package.parent / "data" / "observations.csv").read_text(encoding="utf-8")
    assert after == before + ("robots,quzhou,2022,530,final,示例市统计局《2022年统计公报》（虚构）,https://example.org/demo/bulletin-2022,"
                              "original,,2023-03-01,原文：“全年新增工业机器人530台”（虚构）\n")
    from tests.validate.shared import validate_package

    assert validate_package(small_package).errors == []


REPRINT = BODY.replace("原发（网址就在发布单位或官方媒体自己的网站上）", "转载（别的网站转载的，请在下一格写明它注明的原发布单位）")


def test_a_reprint_names_its_original_and_an_undated_source_says_so(small_package, tmp_path):
    body = REPRINT.replace("### 原发布单位\n\n_No response_", "### 原发布单位\n\n示例市统计局（虚构）").replace("\n2023-03-01\n", "\n_No response_\n")
    intake.intake(body_file(tmp_path, body), small_package, TODAY)
    added = read_package(small_package).rows("observations")[-1]
    assert (added["source_type"], added["original_publisher"], added["published"], added["note"]) == (
        "reprint", "示例市统计局（虚构）", None, "未注明发布日期。原文：“全年新增工业机器人530台”（虚构）")
    from tests.validate.shared import validate_package

    assert validate_package(small_package).errors == []


HOSTILE = {
    "reprint without its original": (REPRINT, "选了“转载”，请在「原发布单位」写明转载页面注明的原发布单位，如 衢州市统计局；页面没有注明的，写“未注明”。"),
    "markup": (BODY.replace("示例市统计局《2022年统计公报》（虚构）", "<img src=x onerror=alert(1)>统计公报"),
               "「来源」里有HTML 标签“<img src=x onerror=alert(1)>”：表单只收纯文字。请删掉后重新提交。"),
    "markdown link": (BODY.replace("“全年新增工业机器人530台”（虚构）", "[点我](javascript:alert(1))"),
                      "「原文摘录」里有Markdown 链接或图片“[点我](javascript:alert(1)”：表单只收纯文字。请删掉后重新提交。"),
    "template": (BODY.replace("“全年新增工业机器人530台”（虚构）", "{{ config }}"),
                 "「原文摘录」里有模板语法“{{”：表单只收纯文字。请删掉后重新提交。"),
    "1 MB field": (BODY.replace("“全年新增工业机器人530台”（虚构）", "长" * (1 << 20)),
                   "问题正文超过 1 MB，不像是按表单填写的。请用表单重新提交。"),
    "30000-character field": (BODY.replace("“全年新增工业机器人530台”（虚构）", "长" * 30000),
                              "问题正文有 30324 个字，超过了上限 20000 个字，不像是按表单填写的。请用表单重新提交。"),
    "long field": (BODY.replace("“全年新增工业机器人530台”（虚构）", "长" * 401),
                   "「原文摘录」有 401 个字，超过了上限 400 个字。请只填这一项要的内容。"),
    "unknown indicator": (BODY.replace("示例新增机器人（台）｜robots", "示例新增机器人（台）｜robots-2"),
                          "「指标」“示例新增机器人（台）｜robots-2”不是表单里列出的选项。请在下拉列表里选择。"),
    "area without an id": (BODY.replace("示例市｜quzhou", "示例市"), "「区域」“示例市”不是表单里列出的选项。请在下拉列表里选择。"),
    "control character": (BODY.replace("2022年统计公报", "2022年\x1b[2J统计公报"),
                          "「来源」里有看不见的控制字符：“示例市统计局《2022年[U+001B][2J统计公报》（虚构）”。请重新输入这一项。"),
    "unit in the value": (BODY.replace("\n530\n", "\n530台\n"), "「数值」“530台”：数值里带了单位“台”。请只填数字 530，单位“台”已在指标表中规定。"),
    # Typed the way Excel and a Chinese input method write numbers: the validator's explanation, with what to type.
    "full-width digits": (BODY.replace("\n530\n", "\n５３０\n"), "「数值」“５３０”：用了全角数字或符号。请改成半角的 530。"),
    "thousands separator": (BODY.replace("\n530\n", "\n1,530\n"), "「数值」“1,530”：数字里有千分位逗号。请去掉逗号，填 1530。"),
    "full-width year": (BODY.replace("\n2022\n", "\n２０２２\n"), "「时期」“２０２２”：用了全角数字或符号。请改成半角的 2022。"),
    # A date typed the Chinese or Excel way: the validator's words, with the day written out the plain way.
    "date in Chinese": (BODY.replace("\n2023-03-01\n", "\n2023年3月1日\n"),
                        "「发布日期」“2023年3月1日”：日期的写法不对。请写成 2023-03-01（年-月-日，月和日都写两位）。"),
    "date with slashes": (BODY.replace("\n2023-03-01\n", "\n2023/3/1\n"),
                          "「发布日期」“2023/3/1”：日期的写法不对。请写成 2023-03-01（年-月-日，月和日都写两位）。"),
    "month without a day": (BODY.replace("\n2023-03-01\n", "\n2023年3月\n"),
                            "「发布日期」“2023年3月”：日期的写法不对。请写成 2023-01-01 这样的完整日期（年-月-日，月和日都写两位），不要估计。"),
    "date in words": (BODY.replace("\n2023-03-01\n", "\n三月一日\n"),
                      "「发布日期」“三月一日”要写成 2024-03-01 这样（年-月-日）；来源没写日期就留空，不要估计。"),
    # An address copied from a search engine's results: the validator's words (the file has 10 lines, the new row is the 11th).
    "search engine's jump link": (BODY.replace("https://example.org/demo/bulletin-2022", "https://www.baidu.com/link?url=AbC&wd=&eqid=9f"),
                                  "这一行没有通过数据检查：\ndata/observations.csv 第11行 「来源网址」(source_url) 值“https://www.baidu.com/link?url=AbC&wd=&eqid=9f”："
                                  "这是百度搜索结果的跳转链接，不是来源网页自己的网址：过一段时间会失效，读者也看不出数字登在哪个网站上。"
                                  "请在浏览器里打开它，等跳到来源网页后，从地址栏复制那里的网址。"),
    "placeholder": (BODY.replace("\n530\n", "\n暂无\n"), "「数值」“暂无”：“暂无”不是数字，是占位符。请填上数字；没有数字就删掉这一行，不要填占位符。"),
    "not a number at all": (BODY.replace("\n530\n", "\n五百三十\n"),
                            "「数值」“五百三十”不是数字：只填数字，如 41.5，不带单位、百分号或千分位逗号。"),
    "period not over": (BODY.replace("\n2022\n", "\n2026\n"),
                        "「时期」2026 到 2026-12-31 才结束，还没有过完：只收已经结束的时期的数字。"),
    "interim said full year": (BODY.replace("\n2022\n", "\n2022-H1\n"),
                               "「时期」2022-H1 和「全年数还是阶段性数字」（全年数）不一致：全年数的时期只写年份，如 2023；"
                               "阶段性数字写 2023-Q1、2023-H1 或 2023-01..10。"),
    "not confirmed": (BODY.replace("- [X]", "- [ ]"), "「确认」没有勾选：请确认“这是已经公开发布的数字，我没有估算或推算。”。"),
    "duplicate figure": (BODY.replace("\n2022\n", "\n2021\n").replace("\n530\n", "\n520\n"), None),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_bodies_are_refused_and_nothing_is_written(case, small_package, tmp_path):
    text, message = HOSTILE[case]
    before = files(small_package)
    with pytest.raises(Refused) as refused:
        intake.intake(body_file(tmp_path, text), small_package, TODAY)
    if message is not None:
        assert str(refused.value) == message
    else:  # the validator's own words, tried on a copy: robots 2021 is there already
        assert str(refused.value).startswith("这一行没有通过数据检查：\ndata/observations.csv 第")
        assert "同样的「指标编号」、「区域编号」、「时期」、「数据状态」只能有一行" in str(refused.value)
    assert files(small_package) == before


def test_shell_syntax_is_only_text_and_written_as_it_is(small_package, tmp_path):
    # Nothing an issue says reaches a shell, so "$(" or a backtick is kept as typed, like any other character.
    body = BODY.replace("示例市统计局《2022年统计公报》（虚构）", "统计公报$(id);`touch x`&&ls（虚构）")
    intake.intake(body_file(tmp_path, body), small_package, TODAY)
    assert read_package(small_package).rows("observations")[-1]["source"] == "统计公报$(id);`touch x`&&ls（虚构）"
    assert not (tmp_path / "x").exists() and not (small_package.parent / "x").exists()


def test_a_body_file_over_1_mb_is_not_read(small_package, tmp_path, capsys):
    path = tmp_path / "issue-body.md"
    path.write_bytes(b"x" * ((1 << 20) + 1))
    assert intake.main([str(path), "--package", str(small_package)]) == 1
    assert capsys.readouterr().err == "没有收录，数据文件没有改动：问题正文超过 1 MB，不像是按表单填写的。请用表单重新提交。\n"


def test_a_correction_changes_the_value_and_keeps_the_history(small_package, tmp_path):
    body = CORRECTION_BODY.format(action="更正（数值有误，改成新的数值）", value="17.2")
    change = intake.intake(body_file(tmp_path, body), small_package, TODAY)

    assert change.form is CORRECTION and change.summary == "更正 示例亩均税收：示例市2021年的正式数"
    package = read_package(small_package)
    assert [r["value"] for r in package.rows("observations") if (r["indicator_id"], r["period"]) == ("tax-per-mu", "2021")] == [17.2]
    assert [(r["action"], r["previous_value"], r["reason"]) for r in package.rows("revisions")] == [
        ("corrected", 17.5, "统计局发布了修订数（虚构）（依据：https://example.org/demo/revised）")]


def test_a_withdrawal_marks_the_figure(small_package, tmp_path):
    body = CORRECTION_BODY.format(action="撤回（这个数字不应收录，不再用于判断状态）", value="_No response_")
    intake.intake(body_file(tmp_path, body), small_package, TODAY)
    assert [(r["action"], r["date"]) for r in read_package(small_package).rows("revisions")] == [("withdrawn", TODAY)]
    with pytest.raises(Refused) as refused:  # asked twice
        intake.intake(body_file(tmp_path, body), small_package, TODAY)
    assert str(refused.value) == "这个数字（示例亩均税收：示例市2021年的正式数）已经撤回了。"


def test_a_correction_of_a_figure_that_is_not_there(small_package, tmp_path):
    body = CORRECTION_BODY.format(action="更正（数值有误，改成新的数值）", value="17.2").replace("\n2021\n", "\n2022\n")
    with pytest.raises(Refused) as refused:
        intake.intake(body_file(tmp_path, body), small_package, TODAY)
    assert str(refused.value) == ("数据里没有这个数字（示例亩均税收：示例市2022年的正式数）。"
                                  "请核对指标、区域、时期和数据状态，与网站指标页上列出的一致。")


def test_make_intake_writes_bumps_and_prints_the_check(small_package, tmp_path, capsys, monkeypatch):
    from scripts.pipeline import build

    built = []
    monkeypatch.setattr(build, "build_site", lambda *args, **kw: built.append(args))  # nothing should build
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # as in the intake workflow, which uploads no preview
    monkeypatch.delenv("QZ_PREVIEW_ARTIFACT", raising=False)
    repo = small_package.parent
    for args in (["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "Fictional package"]):
        subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                        "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)
    commit = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%h"], check=True, capture_output=True, text=True).stdout.strip()

    code = intake.main([str(body_file(tmp_path, BODY)), "--package", str(small_package), "--work-dir", str(tmp_path / "work"),
                        "--today", "2026-12-06"])

    out = capsys.readouterr().out
    assert code == 0, out
    assert "这次改动：进展数字新增 1 行。要升次版本号：1.1.0 → 1.2.0。" in out
    assert "# 数据检查：通过，可以请人审核合并" in out
    assert (tmp_path / "work" / "intake-title.txt").read_text(encoding="utf-8") == "报送公开数字：示例新增机器人：示例市2022年"
    assert read_package(small_package).version == "1.2.0"
    assert f"与 表单写入之前的数据（提交 {commit}） 相比。" in out
    assert "- 网站构建：这次没有构建（--no-build）。" in out and "Artifacts" not in out
    assert built == []


def test_a_correction_at_half_past_seven_in_quzhou_is_dated_that_day_and_valid(small_package, tmp_path, capsys, monkeypatch):
    # 2030-01-01 07:30 in Quzhou is still 2029-12-31 in UTC, where the intake workflow runs: the revision, the
    # version and the validator's "today" are all 2030-01-01, so the correction is not refused as dated in the future.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893454200")
    repo = small_package.parent
    for args in (["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "Fictional package"]):
        subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                        "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)
    body = CORRECTION_BODY.format(action="更正（数值有误，改成新的数值）", value="17.2")

    assert intake.main([str(body_file(tmp_path, body)), "--package", str(small_package), "--no-check",
                        "--work-dir", str(tmp_path / "work")]) == 0, capsys.readouterr().err

    package = read_package(small_package)
    assert [(r["action"], r["date"]) for r in package.rows("revisions")] == [("corrected", datetime.date(2030, 1, 1))]
    assert package.descriptor["created"] == "2030-01-01T00:00:00Z"


def test_the_label_that_starts_the_intake_is_the_one_the_workflow_waits_for():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "intake.yml").read_text(encoding="utf-8"))
    assert LABEL == "收录"
    assert f"github.event.label.name == '{LABEL}'" in workflow["jobs"]["intake"]["if"]
