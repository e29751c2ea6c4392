"""`python -m scripts check`: validate, build, compare with the base and check the version; print the summary."""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import replace
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE, read_package
from scripts.core.paths import BUILD_DIR, CHANGELOG, SITE_DIR, validation_cache_dir
from scripts.tools.arguments import add_base_arguments, add_today_argument, base_of, today_of
from scripts.tools.check.summary import Outcome, render
from scripts.tools.check.versions import check_version
from scripts.tools.datadiff.diff import diff_packages
from scripts.tools.datadiff.gitref import DiffError
from scripts.tools.datadiff.markdown import render_markdown
from scripts.tools.datadiff.packages import Base, compared
from scripts.tools.intake.forms import forms_dir, stale_forms


def run_check(package: Path, base: Base, site_dir: Path, work_dir: Path, today: datetime.date,
              build: bool = True) -> Outcome:
    from scripts.pipeline.failures import BuildFailed, describe
    from scripts.tools.ci_summary import render_left_off, render_problems
    from scripts.validate.run import validate_cached

    outcome = Outcome(base=str(base), site_dir=str(site_dir), build_asked=build)
    work_dir.mkdir(parents=True, exist_ok=True)
    report = validate_cached(package, validation_cache_dir(work_dir))  # byte-identical inputs only; CI starts empty
    report.write_json(work_dir / "validation-report.json")
    data = report.to_dict()
    outcome.valid = report.ok
    outcome.validation = render_problems(data["problems"]) + render_left_off(data["left_off"])
    if not report.ok:
        print(report.text(), file=sys.stderr)
        return outcome
    try:
        if build:
            from scripts.pipeline.build import build_site  # imported only to build: it brings MkDocs and jieba

            build_site(package, site_dir, work_dir, validate=False)
        outcome.built = True
    except BuildFailed as error:
        outcome.built, outcome.build_error = False, str(error)
    except Exception as error:  # noqa: BLE001 - a Chinese sentence in the summary, never a traceback
        outcome.built, outcome.build_error = False, describe(error)
    current = None  # the package as read for the comparison, read again for the forms only if that failed
    try:
        with compared(package, base) as (old, current):
            diff = diff_packages(old, current)
        changelog_path = package.parent / CHANGELOG
        changelog = changelog_path.read_text(encoding="utf-8-sig") if changelog_path.exists() else ""
        outcome.requirement, outcome.findings = check_version(diff, changelog, today)
        outcome.version_before, outcome.version_after = diff.version_before, diff.version_after
        outcome.diff = render_markdown(diff, base=outcome.base)
    except DiffError as error:
        outcome.version_error = f"无法与基准版本比较：{error}"
    folder = forms_dir(package)
    if folder.is_dir():  # a repository with issue forms: their dropdowns must list this package's indicators and areas
        outcome.stale_forms = stale_forms(read_package(package) if current is None else current, folder)
        outcome.forms_checked = True
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts check",
        description="拉取请求的检查（make check）：校验数据、构建网站、与基准版本比较，核对版本号和更新记录，"
                    "写出中文摘要。有任何一项不通过时退出码为 1。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径（默认：本仓库的数据包）")
    add_base_arguments(parser)
    parser.add_argument("--site-dir", default=str(SITE_DIR), help="网站输出目录（默认：site/）")
    parser.add_argument("--work-dir", default=str(BUILD_DIR), help="中间文件目录（默认：build/）")
    parser.add_argument("--summary", help="摘要另写到这个文件（默认：<中间文件目录>/check-summary.md）")
    parser.add_argument("--no-build", action="store_true", help="不构建网站，只校验、比较和核对版本号（快；拉取请求的检查会构建）")
    parser.add_argument("--base-label", help=argparse.SUPPRESS)  # make intake: the base in words a reviewer reads
    add_today_argument(parser)
    args = parser.parse_args(argv)
    work_dir = Path(args.work_dir).resolve()
    try:
        base = replace(base_of(args), label=args.base_label or "")
    except DiffError as error:
        print(f"没有检查：{error}", file=sys.stderr)
        return 1
    try:
        outcome = run_check(Path(args.package).resolve(), base, Path(args.site_dir).resolve(), work_dir, today_of(args),
                            build=not args.no_build)
    except Exception as error:  # noqa: BLE001 - staff get a Chinese message, never a traceback
        print(f"检查没有完成：出现了意外错误（{type(error).__name__}）。数据文件没有被改动；请把这条信息发给维护者。", file=sys.stderr)
        return 1
    markdown = render(outcome)
    summary = Path(args.summary) if args.summary else work_dir / "check-summary.md"
    summary.parent.mkdir(parents=True, exist_ok=True)
    summary.write_text(markdown, encoding="utf-8")
    sys.stdout.write(markdown)
    return 0 if outcome.passed else 1
