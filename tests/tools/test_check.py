"""scripts.tools.check: the version rule, `make bump`, the base ref as data, and the check's summary and exit code."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.core.package import read_package
from scripts.tools.check import bump, cli, versions
from scripts.tools.check.summary import Outcome, render
from scripts.tools.datadiff.diff import diff_packages
from scripts.tools.intake.forms import write_forms
from tests.conftest import ROOT, copy_package, fixture_package
from tests.helpers import OBS, append

TODAY = datetime.date(2026, 12, 6)
NEW_ROW = "robots,quzhou,2022,530,final,示例来源（虚构）,https://example.org/demo/10,original,,2023-03-01,"
CHANGELOG = "# 更新记录\n\n说明。\n\n## 1.1.0 — 2026-11-29\n\n示例数据包（虚构），仅供测试。\n"


@pytest.fixture
def base(tmp_path) -> Path:
    """The small fictional package at 1.1.0 (2026-11-29) with a change log that says so."""
    descriptor = fixture_package("small", tmp_path / "base")
    (descriptor.parent / "data" / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    return descriptor


@pytest.fixture
def changed(base, tmp_path) -> Path:
    return copy_package(base, tmp_path / "changed")


def replace(descriptor: Path, old: str, new: str) -> None:
    path = descriptor.parent / OBS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def release(descriptor: Path, version: str, created: str = "2026-12-06T00:00:00Z", entry: str | None = None) -> None:
    descriptor.write_text(bump.descriptor_with(bump.read_text(descriptor), {"version": version, "created": created}), encoding="utf-8")
    if entry is not None:
        path = descriptor.parent / "data" / "CHANGELOG.md"
        path.write_text(path.read_text(encoding="utf-8").replace("## 1.1.0", entry + "\n\n## 1.1.0"), encoding="utf-8")


def verdict(base: Path, changed: Path):
    diff = diff_packages(read_package(base), read_package(changed))
    changelog = (changed.parent / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    need, findings = versions.check_version(diff, changelog, TODAY)
    return need.level, [f.message + f.fix for f in findings]


# ---- the rule -------------------------------------------------------------------------------------------------------


def test_a_new_figure_without_a_version_says_what_to_write(base, changed):
    append(changed, OBS, NEW_ROW)
    level, findings = verdict(base, changed)
    assert level == "minor"
    assert findings == [
        "这次改动（进展数字新增 1 行）要升次版本号，datapackage.json 的 version 还是 1.1.0。请把 version 改成 \"1.2.0\"（或运行 make bump 自动改好）。",
        "datapackage.json 的 created（网站页脚显示的数据日期）是“2026-11-29T00:00:00Z”，没有随版本更新。"
        "请改成这个版本的日期，如 \"created\": \"2026-12-06T00:00:00Z\"。",
        "data/CHANGELOG.md 里没有 1.2.0 这个版本的条目。请在 data/CHANGELOG.md 第一个“## ”版本标题之前加上下面这几行"
        "（数据来源和原因请核对补全），或运行 make bump 自动写好：\n"
        "## 1.2.0 — 2026-12-06\n\n"
        "- 新增进展数字：示例新增机器人（台） 示例市 2022年 530台，正式数（来源：示例来源（虚构），2023-03-01 发布）。",
    ]


def test_a_new_figure_properly_released_passes(base, changed):
    append(changed, OBS, NEW_ROW)
    release(changed, "1.2.0", entry="## 1.2.0 — 2026-12-06\n\n- 新增示例机器人 2022 年数字（虚构）。")
    assert verdict(base, changed) == ("minor", [])


def test_a_patch_step_for_a_new_figure_is_refused(base, changed):
    append(changed, OBS, NEW_ROW)
    release(changed, "1.1.1", entry="## 1.1.1 — 2026-12-06\n\n- 新增。")
    level, findings = verdict(base, changed)
    assert findings[0] == "这次改动（进展数字新增 1 行）要升次版本号：1.1.0 之后应是 1.2.0，写的是 1.1.1。请把 version 改成 \"1.2.0\"。"


@pytest.mark.parametrize("version", ["v1.2", "一点二", "1.2", "01.2.0", "1.2.0-rc1"])
def test_versions_not_written_as_semver_are_refused(base, changed, version):
    append(changed, OBS, NEW_ROW)
    release(changed, version)
    assert verdict(base, changed)[1] == [
        f"datapackage.json 的 version 写成了“{version}”，不是“主版本号.次版本号.修订号”的写法。"
        "请写成三个用点隔开的整数，如 \"version\": \"1.2.0\"（不加 v，不写汉字）。"]


def test_a_version_that_goes_back_is_refused(base, changed):
    append(changed, OBS, NEW_ROW)
    release(changed, "1.0.0")
    assert verdict(base, changed)[1] == ["版本号从 1.1.0 变成了 1.0.0，变小了。版本号只能变大：请从 1.1.0 往上升（可以是 1.2.0、2.0.0）。"]


def test_a_correction_and_a_removal_need_a_patch_step(base, changed):
    replace(changed, "tax-per-mu,quzhou,2021,17.5,", "tax-per-mu,quzhou,2021,17.2,")
    replace(changed, "robots,quzhou,2022-H1,300,provisional,示例来源（虚构）,https://example.org/demo/9,original,,2022-08-01,\n", "")
    level, findings = verdict(base, changed)
    assert level == "patch"
    assert findings[0] == ("这次改动（进展数字修改 1 行；进展数字删除 1 行）要升修订号，datapackage.json 的 version 还是 1.1.0。"
                           "请把 version 改成 \"1.1.1\"（或运行 make bump 自动改好）。")
    assert findings[2].endswith(
        "## 1.1.1 — 2026-12-06\n\n"
        "- 更正进展数字：示例亩均税收（万元） 示例市 2021年 正式数：数值由 17.5万元 改为 17.2万元"
        "（请写明更正原因，并在 data/revisions.csv 记下原数值）。\n"
        "- 删除进展数字：示例新增机器人（台） 示例市 2022年上半年 300台（请写明删除原因；数字有误而要收回的，请改用 data/revisions.csv 撤回）。")


def test_provisional_then_final_is_a_new_figure(base, changed):
    replace(changed, "new-firms,longyou,2022,70,provisional,", "new-firms,longyou,2022,72,final,")
    level, findings = verdict(base, changed)
    assert level == "minor"
    assert findings[2].endswith(
        "- 正式数替代初步数：示例新增企业（家） 示例丙县 2022年 正式数：数值由 70家 改为 72家；数据状态由 初步数 改为 正式数。")


def test_a_structure_change_needs_a_major_step(base, changed):
    descriptor = json.loads(changed.read_text(encoding="utf-8"))
    areas = next(r for r in descriptor["resources"] if r["name"] == "areas")
    areas["schema"]["fields"][1]["constraints"]["maxLength"] = 99
    changed.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    level, findings = verdict(base, changed)
    assert level == "major"
    assert findings[0].startswith("这次改动（改动了表结构（区域））要升主版本号，datapackage.json 的 version 还是 1.1.0。请把 version 改成 \"2.0.0\"")


def test_no_data_change_needs_no_version_and_allows_none(base, changed):
    assert verdict(base, changed) == (None, [])
    release(changed, "1.1.1")
    assert verdict(base, changed)[1] == ["数据没有变化，版本号却从 1.1.0 改成了 1.1.1。请把 datapackage.json 的 version 改回 1.1.0；只有数据变了才升版本号。"]


def test_the_change_log_date_must_be_the_version_date(base, changed):
    append(changed, OBS, NEW_ROW)
    release(changed, "1.2.0", entry="## 1.2.0 — 2026-12-01\n\n- 新增。")
    assert verdict(base, changed)[1] == [
        "data/CHANGELOG.md 第5行的日期是“2026-12-01”，datapackage.json 的 created 是 2026-12-06。"
        "两处要写同一天：请把这一行改成“## 1.2.0 — 2026-12-06”。"]


def test_a_drafted_entry_cannot_carry_markup_from_the_data(base, changed):
    append(changed, OBS, "robots,quzhou,2022,530,final,<b>来源</b>{: x}[链接]*,https://example.org/demo/10,original,,2023-03-01,")
    _, findings = verdict(base, changed)
    assert findings[2].endswith("（来源：＜b＞来源＜/b＞｛: x｝［链接］＊，2023-03-01 发布）。")


# ---- make bump ---------------------------------------------------------------------------------------------------


def test_bump_writes_version_date_and_entry_then_the_rule_holds(base, changed, capsys):
    append(changed, OBS, NEW_ROW)
    before = changed.read_text(encoding="utf-8")

    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "这次改动：进展数字新增 1 行。要升次版本号：1.1.0 → 1.2.0。",
        "已写入 datapackage.json：\"version\": \"1.2.0\"，\"created\": \"2026-12-06T00:00:00Z\"（网站页脚显示的数据日期）。",
        "已在 data/CHANGELOG.md 顶部加上 1.2.0 的条目（由改动自动写成）：请核对。",  # a new figure: nothing to explain
    ]
    # Only the two values changed in datapackage.json; the entry sits above the last version's.
    after = changed.read_text(encoding="utf-8")
    assert after == before.replace('"version": "1.1.0"', '"version": "1.2.0"').replace(
        '"created": "2026-11-29T00:00:00Z"', '"created": "2026-12-06T00:00:00Z"')
    assert (changed.parent / "data" / "CHANGELOG.md").read_text(encoding="utf-8") == (
        "# 更新记录\n\n说明。\n\n## 1.2.0 — 2026-12-06\n\n"
        "- 新增进展数字：示例新增机器人（台） 示例市 2022年 530台，正式数（来源：示例来源（虚构），2023-03-01 发布）。\n\n"
        "## 1.1.0 — 2026-11-29\n\n示例数据包（虚构），仅供测试。\n")
    assert verdict(base, changed) == ("minor", [])


def test_bump_asks_for_the_reason_only_when_the_entry_lacks_one(base, changed, capsys):
    path = changed.parent / OBS
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # the last figure removed: the entry asks why
    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "已在 data/CHANGELOG.md 顶部加上 1.1.1 的条目（由改动自动写成）：请核对，并把条目里写着“请写明”的地方补上原因或依据。"
    assert "请写明" in (changed.parent / "data" / "CHANGELOG.md").read_text(encoding="utf-8")


def test_bump_without_a_change_writes_nothing(base, changed, capsys):
    before = changed.read_bytes()
    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 0
    assert capsys.readouterr().out == "数据没有变化，不用升版本号。\n"
    assert changed.read_bytes() == before


def test_at_half_past_seven_in_quzhou_bump_and_check_agree_on_the_day(base, changed, tmp_path, capsys, monkeypatch):
    # 2026-12-06 07:30 in Quzhou is 2026-12-05 23:30 in UTC, where CI runs: bump writes the 6th, and the check
    # takes the 6th as today (not a date in the future), both without --today.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796513400")
    append(changed, OBS, NEW_ROW)
    assert bump.main([str(changed), "--base-package", str(base)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "已写入 datapackage.json：\"version\": \"1.2.0\"，\"created\": \"2026-12-06T00:00:00Z\"（网站页脚显示的数据日期）。")

    assert cli.main([str(changed), "--base-package", str(base), "--no-build", "--work-dir", str(tmp_path / "work")]) == 0
    assert "- 版本号和更新记录：符合规则：1.1.0 → 1.2.0，要升次版本号（进展数字新增 1 行）" in capsys.readouterr().out


def test_a_today_that_is_not_a_date_is_refused_in_chinese(base, changed, capsys):
    with pytest.raises(SystemExit):
        bump.main([str(changed), "--base-package", str(base), "--today", "12/06/2026"])
    assert capsys.readouterr().err.endswith("argument --today: “12/06/2026”不是日期：请写成 2026-12-06 这样\n")


@pytest.mark.parametrize("indent, separators", [(4, (", ", ": ")), (None, (",", ":")), ("\t", (",", ": "))],
                         ids=["four spaces", "minified", "tabs"])
def test_bump_edits_a_descriptor_however_it_is_written(indent, separators, base, changed, capsys):
    descriptor = json.loads(changed.read_text(encoding="utf-8"))
    changed.write_text(json.dumps(descriptor, ensure_ascii=False, indent=indent, separators=separators), encoding="utf-8")
    before = changed.read_text(encoding="utf-8")
    colon = separators[1]
    append(changed, OBS, NEW_ROW)

    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 0

    assert changed.read_text(encoding="utf-8") == before.replace(f'"version"{colon}"1.1.0"', f'"version"{colon}"1.2.0"').replace(
        f'"created"{colon}"2026-11-29T00:00:00Z"', f'"created"{colon}"2026-12-06T00:00:00Z"')
    assert verdict(base, changed) == ("minor", [])


def test_bump_writes_both_files_or_neither_and_says_what_to_type(base, changed, capsys, monkeypatch):
    append(changed, OBS, NEW_ROW)
    files = [changed, changed.parent / "data" / "CHANGELOG.md"]
    before = [path.read_bytes() for path in files]
    real_replace = os.replace

    def held_open(source, target):  # as Windows refuses to replace a file Excel or WPS has open
        if Path(target).name == "CHANGELOG.md":
            raise PermissionError(13, "Permission denied", str(source))
        real_replace(source, target)

    monkeypatch.setattr(bump.os, "replace", held_open)

    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 1

    assert [path.read_bytes() for path in files] == before
    assert sorted(p.name for p in changed.parent.iterdir()) == ["data", "datapackage.json"]  # no temporary file left
    assert ".bump" not in " ".join(p.name for p in (changed.parent / "data").iterdir())
    assert capsys.readouterr().err == (
        "没有改动任何文件：无法写入 CHANGELOG.md（PermissionError）：请关掉正在打开这些文件的程序（如 Excel、WPS）后重试，或手工修改。\n"
        "在 datapackage.json 里写 \"version\": \"1.2.0\"、\"created\": \"2026-12-06T00:00:00Z\"；\n"
        "在 data/CHANGELOG.md 第一个“## ”版本标题之前加上（核对后补上原因）：\n\n"
        "## 1.2.0 — 2026-12-06\n\n"
        "- 新增进展数字：示例新增机器人（台） 示例市 2022年 530台，正式数（来源：示例来源（虚构），2023-03-01 发布）。\n")


def test_an_area_renamed_needs_its_forms_rewritten_and_bump_does_it(base, changed, tmp_path, capsys):
    folder = changed.parent / ".github" / "ISSUE_TEMPLATE"
    write_forms(read_package(changed), folder)  # the forms as they were before the rename
    areas = changed.parent / "data" / "areas.csv"
    areas.write_text(areas.read_text(encoding="utf-8").replace("quzhou,示例市,", "quzhou,示例市（更名）,"), encoding="utf-8")
    release(changed, "1.1.1", entry="## 1.1.1 — 2026-12-06\n\n- 示例市更名（虚构）。")
    check = [str(changed), "--base-package", str(base), "--no-build", "--work-dir", str(tmp_path / "work"), "--today", "2026-12-06"]

    assert cli.main(check) == 1
    out = capsys.readouterr().out
    assert "- 版本号和更新记录：符合规则：1.1.0 → 1.1.1，要升修订号（区域修改 1 行）" in out
    assert ("- 问题表单：new-figure.yml、correction.yml 的指标或区域选项与数据包不一致（指标、区域的名称、单位或顺序改了）："
            "请运行 make bump（改了指标或区域时会一起重写表单）或 make forms，把表单和数据一起提交"
            "（没有命令行的，请在拉取请求里留言，请维护者运行 make forms）。") in out

    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "指标或区域有变化，已按数据包重写问题表单：new-figure.yml、correction.yml（.github/ISSUE_TEMPLATE），请一起提交。")
    assert "- 示例市（更名）｜quzhou\n" in (folder / "new-figure.yml").read_text(encoding="utf-8")

    assert cli.main(check) == 0
    assert "- 问题表单：与数据包一致。" in capsys.readouterr().out


def test_bump_leaves_the_forms_alone_when_no_indicator_or_area_changed(base, changed, capsys):
    folder = changed.parent / ".github" / "ISSUE_TEMPLATE"
    folder.mkdir(parents=True)
    (folder / "new-figure.yml").write_text("# written by hand\n", encoding="utf-8")
    append(changed, OBS, NEW_ROW)
    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 0
    assert (folder / "new-figure.yml").read_text(encoding="utf-8") == "# written by hand\n"
    assert sorted(p.name for p in folder.iterdir()) == ["new-figure.yml"]


# ---- the base ref is data --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("ref, shown, why", [
    ("-x", "-x", "不能以“-”开头"),
    ("--upload-pack=id", "--upload-pack=id", "不能以“-”开头"),
    ("main\x1b[2J", "main[U+001B][2J", "含有看不见的控制字符"),
    ("x" * 201, "x" * 59 + "…", "超过了 200 个字符"),
])
def test_refs_git_could_read_as_options_or_that_hide_characters_are_refused(ref, shown, why, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QZ_BASE_REF", ref)
    assert cli.main([str(tmp_path / "datapackage.json")]) == 1
    assert capsys.readouterr().err == (f"没有检查：基准版本“{shown}”不是有效的 git 分支或提交名：{why}。"
                                       "请写分支名（如 main、origin/main）或提交编号（如 4febff5）。\n")


def test_make_hands_the_ref_over_as_typed_and_never_runs_it(tmp_path):
    marker = tmp_path / "ran"
    fake_python = tmp_path / "python"
    fake_python.write_text('#!/bin/sh\nprintf "%s" "$QZ_BASE_REF"\n', encoding="utf-8")
    fake_python.chmod(0o755)
    for ref in [f"$(shell touch {marker})", f"x';touch {marker};'", f"$$(touch {marker})", f"`touch {marker}`"]:
        completed = subprocess.run(["make", "--no-print-directory", "-s", "-o", "setup", "check", f"BASE={ref}", f"PY={fake_python}"],
                                   cwd=ROOT, capture_output=True, text=True, check=False, timeout=60)
        assert completed.stdout == ref, completed.stderr
        assert not marker.exists()


# ---- the summary -------------------------------------------------------------------------------------------------


def test_summary_of_a_failed_version_rule_puts_the_entry_in_a_block():
    outcome = Outcome(base="origin/main", validation="数据校验通过。\n", valid=True, built=True,
                      requirement=versions.Requirement("minor", ["进展数字新增 1 行"]), version_before="1.1.0",
                      version_after="1.1.0", findings=[versions.Finding("缺少条目。", "请加上：\n## 1.2.0 — 2026-12-06\n\n- 新增 `x`")])
    assert render(outcome).splitlines()[:18] == [
        "# 数据检查：未通过，请按下面的说明修改", "", "与 origin/main 相比。", "",
        "- 数据校验：通过",
        "- 版本号和更新记录：不符合规则：要升次版本号（进展数字新增 1 行）",
        "- 网站构建：成功。网站在 site 文件夹里；运行 make serve 可在 http://127.0.0.1:8000 预览。", "",
        "## 版本号和更新记录要改的地方", "",
        "- 缺少条目。请加上：", "",
        "```", "## 1.2.0 — 2026-12-06", "", "- 新增 `x`", "```", "",
    ]
    assert not outcome.passed


def test_summary_in_ci_says_where_the_preview_is(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("QZ_PREVIEW_ARTIFACT", "site-preview")  # set by the pull-request workflow, which uploads it
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/repo")
    monkeypatch.setenv("GITHUB_RUN_ID", "42")
    outcome = Outcome(base="origin/main", validation="数据校验通过。\n", valid=True, built=True,
                      requirement=versions.Requirement(None), version_before="1.1.0", version_after="1.1.0")
    assert outcome.passed
    assert ("- 网站构建：成功。预览：打开本次检查的运行页面 https://github.com/owner/repo/actions/runs/42，在页面底部的 Artifacts 里"
            "下载 site-preview，解压后在那个文件夹里运行 python -m http.server 8000，再用浏览器打开 http://127.0.0.1:8000 。") in render(outcome)


def test_summary_in_ci_names_the_artifact_the_workflow_names_and_none_when_it_names_none(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/repo")
    monkeypatch.setenv("GITHUB_RUN_ID", "42")
    outcome = Outcome(base="origin/main", validation="数据校验通过。\n", valid=True, built=True,
                      requirement=versions.Requirement(None), version_before="1.1.0", version_after="1.1.0")
    monkeypatch.setenv("QZ_PREVIEW_ARTIFACT", "preview_42")
    assert "在页面底部的 Artifacts 里下载 preview\\_42，解压后" in render(outcome)
    monkeypatch.delenv("QZ_PREVIEW_ARTIFACT")
    assert "- 网站构建：成功。这次运行没有上传网站预览。" in render(outcome).splitlines()


def test_the_pull_request_workflow_names_the_artifact_it_uploads():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = {step["name"]: step for step in workflow["jobs"]["check"]["steps"]}
    assert steps["Check the data (make check)"]["env"]["QZ_PREVIEW_ARTIFACT"] == "site-preview"
    assert steps["Upload the built site for preview"]["with"]["name"] == "site-preview"


def test_check_fails_without_the_release_and_says_so(base, changed, tmp_path, capsys, monkeypatch, cache_pool):
    from scripts.pipeline import build

    built = []
    monkeypatch.setattr(build, "build_site", lambda package, site, work, **kw: built.append(package))  # built below
    append(changed, OBS, NEW_ROW)
    work = cache_pool.warm(tmp_path / "work")
    args = [str(changed), "--base-package", str(base), "--site-dir", str(tmp_path / "site"), "--work-dir",
            str(work), "--today", "2026-12-06"]

    assert cli.main(args) == 1
    out = capsys.readouterr().out
    assert out.startswith("# 数据检查：未通过，请按下面的说明修改\n")
    assert "- 版本号和更新记录：不符合规则：要升次版本号（进展数字新增 1 行）" in out
    assert ("- data/CHANGELOG.md 里没有 1.2.0 这个版本的条目。请在 data/CHANGELOG.md 第一个“\\#\\# ”版本标题之前加上下面这几行"
            "（数据来源和原因请核对补全），或运行 make bump 自动写好：\n\n```\n## 1.2.0 — 2026-12-06\n") in out
    assert built == [changed]  # built all the same, for the preview
    assert (work / "check-summary.md").read_text(encoding="utf-8") == out


def test_check_end_to_end_passes_after_bump(base, changed, tmp_path, cache_pool, capsys):
    append(changed, OBS, NEW_ROW)
    assert bump.main([str(changed), "--base-package", str(base), "--today", "2026-12-06"]) == 0
    capsys.readouterr()
    work = cache_pool.warm(tmp_path / "work")

    assert cli.main([str(changed), "--base-package", str(base), "--site-dir", str(tmp_path / "site"), "--work-dir",
                     str(work), "--today", "2026-12-06"]) == 0

    out = capsys.readouterr().out
    assert out.startswith("# 数据检查：通过，可以请人审核合并\n")
    assert "- 版本号和更新记录：符合规则：1.1.0 → 1.2.0，要升次版本号（进展数字新增 1 行）" in out
    assert "读者看到的指标状态：没有变化。" in out  # robots stays 符合进度: 530 in 2022 meets 500 as 520 did in 2021
    assert "数据版本 1.2.0（2026-12-06）" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    cache_pool.keep(work)


def test_a_folder_downloaded_as_a_zip_is_told_in_chinese_to_validate_or_clone(base, tmp_path, capsys, monkeypatch,
                                                                              cache_pool):
    # The fixture package alone, as "Download ZIP" unpacks it: no .git here, and git may not look above tmp_path.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    work = cache_pool.warm(tmp_path / "work")

    assert cli.main([str(base), "--base", "origin/main", "--no-build", "--work-dir", str(work)]) == 1

    out = capsys.readouterr().out
    assert "- 数据校验：通过" in out
    assert "- 版本号和更新记录：无法核对" in out
    assert ("- 无法与基准版本比较：数据包所在的文件夹不是 git 仓库（从 GitHub 点“Code → Download ZIP”下载、解压出来的"
            "文件夹就不是），没法与基准版本比较。只检查数据，请运行 .venv/bin/python -m scripts validate（Windows："
            ".venv\\\\Scripts\\\\python -m scripts validate），版本号和更新记录在提交拉取请求后由那里的检查核对；"
            "要在本机做完整的检查，请用 GitHub Desktop 把仓库克隆（Clone）到本机，在克隆下来的文件夹里修改和运行。\n") in out
    assert "fatal" not in out and "not a git repository" not in out
    cache_pool.keep(work)


def test_invalid_data_fails_and_is_not_built(base, changed, tmp_path, capsys):
    replace(changed, "tax-per-mu,quzhou,2021,17.5,", "tax-per-mu,quzhou,2021,17.5万,")
    assert cli.main([str(changed), "--base-package", str(base), "--site-dir", str(tmp_path / "site"),
                     "--work-dir", str(tmp_path / "work")]) == 1
    out = capsys.readouterr().out
    assert "- 数据校验：未通过（见下面的问题表）" in out
    assert "- 网站构建：没有构建（数据有错误）" in out
    assert "## 数据校验未通过：1 个错误" in out
    assert not (tmp_path / "site").exists()


def test_bump_and_check_are_commands():
    completed = subprocess.run([sys.executable, "-m", "scripts"], cwd=ROOT, capture_output=True, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert "  check " in completed.stdout and "  bump " in completed.stdout
