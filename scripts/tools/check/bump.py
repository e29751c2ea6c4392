"""`make bump`: write the version the change needs, the date the footer shows and a change log entry drafted from
the change; `python -m scripts bump [PACKAGE] [--base REF | --base-package PATH]`."""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE
from scripts.core.paths import CHANGELOG
from scripts.tools.arguments import add_base_arguments, add_today_argument, base_of, today_of
from scripts.tools.check.versions import (
    LEVEL_WORDS,
    LEVELS,
    changelog_entry,
    changelog_headings,
    next_version,
    parse_version,
    required_level,
)
from scripts.tools.datadiff.diff import diff_packages
from scripts.tools.datadiff.gitref import DiffError
from scripts.tools.datadiff.packages import Base, compared

CHANGELOG_INTRO = "# 更新记录\n\n"


def set_descriptor_keys(path: Path, values: dict[str, str]) -> None:
    """Set top-level string keys of datapackage.json in place, keeping every other byte of the file as it was."""
    text = path.read_text(encoding="utf-8-sig")
    before = json.loads(text)
    for key, value in values.items():
        pattern = re.compile(r'(\n  "' + re.escape(key) + r'"\s*:\s*)"(?:[^"\\]|\\.)*"')
        text, count = pattern.subn(lambda m: m.group(1) + json.dumps(value, ensure_ascii=False), text, count=1)
        if count == 0:  # not written as a line of its own: add it after the opening brace
            text = text.replace("{", "{\n  " + json.dumps(key) + ": " + json.dumps(value, ensure_ascii=False) + ",", 1)
    after = json.loads(text)
    if {k: v for k, v in after.items() if k not in values} != {k: v for k, v in before.items() if k not in values} or \
            any(after.get(k) != v for k, v in values.items()):
        raise ValueError("datapackage.json could not be edited in place")
    path.write_text(text, encoding="utf-8")


def add_changelog_entry(path: Path, lines: list[str]) -> None:
    """Put the entry before the first version heading (after the introduction), or at the end."""
    text = path.read_text(encoding="utf-8-sig") if path.exists() else CHANGELOG_INTRO
    headings = changelog_headings(text)
    entry = "\n".join(lines) + "\n\n"
    if headings:
        kept = text.splitlines(keepends=True)
        at = headings[0][0] - 1
        text = "".join(kept[:at]) + entry + "".join(kept[at:])
    else:
        text = text.rstrip("\n") + "\n\n" + entry
    path.write_text(text, encoding="utf-8")


def bump(package_path: Path, base: Base, today: datetime.date) -> list[str]:
    """Write version, created and the change log entry; return what was done, in Chinese."""
    with compared(package_path, base) as (old, new):
        diff = diff_packages(old, new)
    need = required_level(diff)
    if need.level is None:
        return ["数据没有变化，不用升版本号。"]
    if parse_version(diff.version_before) is None:
        return [f"基准版本的版本号“{diff.version_before}”不是 x.y.z 的写法，无法推算新版本号；请手工填写。"]
    allowed = [next_version(diff.version_before, level) for level in LEVELS[LEVELS.index(need.level):]]
    version = diff.version_after if diff.version_after in allowed else allowed[0]
    date = today.isoformat()
    set_descriptor_keys(package_path, {"version": version, "created": f"{date}T00:00:00Z"})
    done = [f"这次改动：{'；'.join(need.reasons)}。要升{LEVEL_WORDS[need.level]}：{diff.version_before} → {version}。",
            f"已写入 datapackage.json：\"version\": \"{version}\"，\"created\": \"{date}T00:00:00Z\"（网站页脚显示的数据日期）。"]
    changelog = package_path.parent / CHANGELOG
    existing = {h[1] for h in changelog_headings(changelog.read_text(encoding="utf-8-sig"))} if changelog.exists() else set()
    if version in existing:
        done.append(f"{CHANGELOG} 里已经有 {version} 的条目，没有改动；请确认它写明了这次的变化，日期是 {date}。")
    else:
        add_changelog_entry(changelog, changelog_entry(diff, version, date))
        done.append(f"已在 {CHANGELOG} 顶部加上 {version} 的条目（由改动自动写成）：请核对，补上更正或删除的原因。")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts bump",
                                     description="按数据改动升版本号、写数据日期（created），并在 data/CHANGELOG.md 顶部写好更新记录的草稿。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径（默认：本仓库的数据包）")
    add_base_arguments(parser)
    add_today_argument(parser)
    args = parser.parse_args(argv)
    try:
        done = bump(Path(args.package).resolve(), base_of(args), today_of(args))
    except DiffError as error:
        print(f"没有改动任何文件：{error}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"没有改动任何文件：无法写入（{type(error).__name__}）。请关掉正在打开这些文件的程序后重试，或手工修改。", file=sys.stderr)
        return 1
    print("\n".join(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
