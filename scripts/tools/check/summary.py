"""The check's result as the Chinese Markdown a pull request shows (and `make check` prints)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from scripts.tools.check.versions import LEVEL_WORDS, Finding, Requirement
from scripts.tools.summarytext import code_block, md

# The pull-request workflow names here the artifact it uploads site/ under (a run that uploads none sets nothing).
PREVIEW_ARTIFACT_VARIABLE = "QZ_PREVIEW_ARTIFACT"


@dataclass
class Outcome:
    """What each part of the check found; the summary and the exit code follow from it."""

    base: str
    validation: str = ""  # the validation report as Markdown (scripts.tools.ci_summary)
    valid: bool = False
    built: bool | None = None  # None: not built (the data has errors)
    build_error: str = ""
    site_dir: str = "site"
    build_asked: bool = True  # False: --no-build
    diff: str = ""  # the data diff as Markdown
    requirement: Requirement | None = None
    version_before: str = ""
    version_after: str = ""
    findings: list[Finding] = field(default_factory=list)
    version_error: str = ""  # the versions could not be compared (e.g. the base ref is unknown)
    forms_checked: bool = False  # the package's repository has issue forms (.github/ISSUE_TEMPLATE)
    stale_forms: list[str] = field(default_factory=list)  # those not listing the package's indicators and areas

    @property
    def passed(self) -> bool:
        return self.valid and bool(self.built) and not self.findings and not self.version_error and not self.stale_forms


def render(outcome: Outcome) -> str:
    verdict = "通过，可以请人审核合并" if outcome.passed else "未通过，请按下面的说明修改"
    lines = [f"# 数据检查：{verdict}", "", f"与 {md(outcome.base, 120)} 相比。", "",
             f"- 数据校验：{'通过' if outcome.valid else '未通过（见下面的问题表）'}",
             f"- 版本号和更新记录：{version_line(outcome)}",
             f"- 网站构建：{build_line(outcome)}", *forms_line(outcome), ""]
    if outcome.findings or outcome.version_error:
        lines += ["## 版本号和更新记录要改的地方", ""]
        if outcome.version_error:
            lines += [f"- {md(outcome.version_error, 400)}"]
        for finding in outcome.findings:
            message, _, block = finding.fix.partition("\n")
            lines += [f"- {md(finding.message, 400)}{md(message, 400)}"]
            if block:
                lines += ["", *code_block(block.split("\n")), ""]
        lines += [""]
    lines += [outcome.validation.rstrip("\n"), ""]
    if outcome.diff:
        lines += [outcome.diff.rstrip("\n"), ""]
    return "\n".join(lines)


def version_line(outcome: Outcome) -> str:
    if outcome.version_error:
        return "无法核对"
    need = outcome.requirement
    if need is None:
        return "没有核对（数据有错误）"
    if need.level is None:
        return f"数据没有变化，版本号不用改（{md(outcome.version_after, 40)}）"
    step = f"要升{LEVEL_WORDS[need.level]}（{md('；'.join(need.reasons), 300)}）"
    if outcome.findings:
        return f"不符合规则：{step}"
    return f"符合规则：{md(outcome.version_before, 40)} → {md(outcome.version_after, 40)}，{step}"


def forms_line(outcome: Outcome) -> list[str]:
    if not outcome.forms_checked:
        return []
    if not outcome.stale_forms:
        return ["- 问题表单：与数据包一致。"]
    return [f"- 问题表单：{md('、'.join(outcome.stale_forms), 200)} 的指标或区域选项与数据包不一致（指标、区域的名称、单位或顺序改了）："
            "请运行 make bump（改了指标或区域时会一起重写表单）或 make forms，把表单和数据一起提交"
            "（没有命令行的，请在拉取请求里留言，请维护者运行 make forms）。"]


def build_line(outcome: Outcome) -> str:
    if outcome.built is None:
        return "没有构建（数据有错误）"
    if not outcome.built:
        return f"失败：{md(outcome.build_error, 400)}"
    if not outcome.build_asked:
        return "这次没有构建（--no-build）。"
    return "成功。" + preview_where(outcome.site_dir)


def preview_where(site_dir: str) -> str:
    """Where to see the built site: the artifact the workflow run uploads (when it names one), else the folder
    (and make serve) on the machine that ran the check."""
    in_ci = os.environ.get("GITHUB_ACTIONS") == "true"
    artifact = os.environ.get(PREVIEW_ARTIFACT_VARIABLE, "").strip() if in_ci else ""
    if artifact:
        run = "/".join(os.environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY"))
        address = f"{run}/actions/runs/{os.environ.get('GITHUB_RUN_ID', '')}"
        return (f"预览：打开本次检查的运行页面 {md(address, 300, linked=True)}，在页面底部的 Artifacts 里下载 {md(artifact, 100)}，"
                "解压后在那个文件夹里运行 python -m http.server 8000，再用浏览器打开 http://127.0.0.1:8000 。")
    if in_ci:
        return "这次运行没有上传网站预览。"
    return f"网站在 {md(site_dir, 200)} 文件夹里；运行 make serve 可在 http://127.0.0.1:8000 预览。"
