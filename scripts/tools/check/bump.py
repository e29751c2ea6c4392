"""`make bump`: write the version the change needs, the date the footer shows and a change log entry drafted from
the change; `python -m scripts bump [PACKAGE] [--base REF | --base-package PATH]`."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import tempfile
from pathlib import Path

from scripts.core import jsontext
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
from scripts.tools.intake.forms import CHOICE_TABLES, FORMS_FOLDER, forms_dir, stale_texts

CHANGELOG_INTRO = "# 更新记录\n\n"
BOM = "\ufeff"


class NotWritten(Exception):
    """Nothing was written; the message (Chinese) says why and what to type by hand."""


def descriptor_with(text: str, values: dict[str, str]) -> str:
    """The descriptor's text with these top-level keys set, however it is indented (or not at all): only their
    values are rewritten; a key not there yet goes first, indented as the first key is. Read with the project's
    strict JSON reader before and after, so that nothing else can have changed."""
    before = jsontext.loads(text.removeprefix(BOM))
    spans, first = jsontext.top_level_values(text.removeprefix(BOM))
    body = text.removeprefix(BOM)
    for key, (start, end) in sorted(((k, spans[k]) for k in values if k in spans), key=lambda item: -item[1][0]):
        body = body[:start] + json.dumps(values[key], ensure_ascii=False) + body[end:]
    missing = [k for k in values if k not in spans]
    if missing:
        gap = body[body.index("{") + 1:first]  # the line break and indentation before the first key ("" if minified)
        pairs = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(values[k], ensure_ascii=False)}" for k in missing]
        body = body[:first] + ("," + gap).join(pairs) + ("," + gap if spans else "") + body[first:]
    after = jsontext.loads(body)
    if {k: v for k, v in after.items() if k not in values} != {k: v for k, v in before.items() if k not in values} or \
            any(after.get(k) != v for k, v in values.items()):
        raise ValueError("datapackage.json could not be edited in place")
    return (BOM if text.startswith(BOM) else "") + body


def changelog_with(text: str, lines: list[str]) -> str:
    """The change log with the entry before its first version heading (after the introduction), or at the end."""
    newline = "\r\n" if "\r\n" in text else "\n"
    headings = changelog_headings(text)
    entry = newline.join(lines) + newline * 2
    if headings:
        kept = text.splitlines(keepends=True)
        at = headings[0][0] - 1
        return "".join(kept[:at]) + entry + "".join(kept[at:])
    return text.rstrip("\r\n") + newline * 2 + entry


def read_text(path: Path) -> str:
    """A file's text exactly as saved (a BOM, CRLF line ends), so that what is not changed is written back alike."""
    return path.read_bytes().decode("utf-8")


def write_all(texts: dict[Path, str]) -> None:
    """Write every file or none: each is written beside itself first, then moved into place; if one cannot be
    moved (Excel or WPS holds it open), the ones already moved get their old text back. An OSError names the file
    that could not be written."""
    temporary: dict[Path, Path] = {}
    originals = {path: path.read_bytes() for path in texts if path.exists()}
    done: list[Path] = []
    path = next(iter(texts), None)
    try:
        for path, text in texts.items():
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bump", dir=path.parent)
            temporary[path] = Path(name)
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("utf-8"))
        for path, name in temporary.items():
            os.replace(name, path)
            done.append(path)
    except OSError as error:
        for written in done:
            if written in originals:
                written.write_bytes(originals[written])
            else:
                written.unlink()
        raise type(error)(error.errno, error.strerror, str(path)) from error
    finally:
        for name in temporary.values():
            name.unlink(missing_ok=True)


def bump(package_path: Path, base: Base, today: datetime.date) -> list[str]:
    """Write version, created and the change log entry (both, or neither: NotWritten); return what was done, in
    Chinese."""
    with compared(package_path, base) as (old, new):
        diff = diff_packages(old, new)
        forms = forms_dir(package_path)
        # The forms' dropdowns list the indicators and areas: when those changed, the forms that no longer match the
        # package are rewritten (in a repository that has forms). Forms stale for another reason: make forms.
        form_changes = stale_texts(new, forms) if forms.is_dir() and any(
            r.name in CHOICE_TABLES and r.has_changes for r in diff.resources) else {}
    need = required_level(diff)
    if need.level is None:
        return ["数据没有变化，不用升版本号。"]
    if parse_version(diff.version_before) is None:
        return [f"基准版本的版本号“{diff.version_before}”不是 x.y.z 的写法，无法推算新版本号；请手工填写。"]
    allowed = [next_version(diff.version_before, level) for level in LEVELS[LEVELS.index(need.level):]]
    version = diff.version_after if diff.version_after in allowed else allowed[0]
    date = today.isoformat()
    values = {"version": version, "created": f"{date}T00:00:00Z"}
    changelog = package_path.parent / CHANGELOG
    entry = changelog_entry(diff, version, date)
    try:
        texts = {package_path: descriptor_with(read_text(package_path), values)}
        log = read_text(changelog) if changelog.exists() else CHANGELOG_INTRO
        new_entry = version not in {h[1] for h in changelog_headings(log)}
        if new_entry:
            texts[changelog] = changelog_with(log, entry)
        texts.update(form_changes)
        write_all(texts)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise NotWritten(by_hand(values, entry, error, forms=bool(form_changes))) from None
    done = [f"这次改动：{'；'.join(need.reasons)}。要升{LEVEL_WORDS[need.level]}：{diff.version_before} → {version}。",
            f"已写入 datapackage.json：\"version\": \"{version}\"，\"created\": \"{date}T00:00:00Z\"（网站页脚显示的数据日期）。"]
    if new_entry:
        ask = "请核对，并把条目里写着“请写明”的地方补上原因或依据。" if any("请写明" in line for line in entry) else "请核对。"
        done.append(f"已在 {CHANGELOG} 顶部加上 {version} 的条目（由改动自动写成）：{ask}")
    else:
        done.append(f"{CHANGELOG} 里已经有 {version} 的条目，没有改动；请确认它写明了这次的变化，日期是 {date}。")
    if form_changes:
        done.append(f"指标或区域有变化，已按数据包重写问题表单：{'、'.join(path.name for path in form_changes)}（{FORMS_FOLDER.as_posix()}），请一起提交。")
    return done


def by_hand(values: dict[str, str], entry: list[str], error: Exception, forms: bool = False) -> str:
    """Why nothing was written, and exactly what to type instead."""
    if isinstance(error, OSError):
        where = Path(error.filename).name if error.filename else "文件"
        why = f"无法写入 {where}（{type(error).__name__}）：请关掉正在打开这些文件的程序（如 Excel、WPS）后重试，或手工修改。"
    else:
        why = f"datapackage.json 的写法无法自动修改（{type(error).__name__}）：请手工修改。"
    keys = "、".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
    lines = [why, f"在 datapackage.json 里写 {keys}；", f"在 {CHANGELOG} 第一个“## ”版本标题之前加上（核对后补上原因）：",
             "", *entry]
    return "\n".join(lines + (["", "再运行 make forms 重写问题表单（指标或区域有变化）。"] if forms else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts bump",
                                     description="按数据改动升版本号、写数据日期（created），并在 data/CHANGELOG.md 顶部写好更新记录的草稿。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径（默认：本仓库的数据包）")
    add_base_arguments(parser)
    add_today_argument(parser)
    args = parser.parse_args(argv)
    try:
        done = bump(Path(args.package).resolve(), base_of(args), today_of(args))
    except (DiffError, NotWritten) as error:
        print(f"没有改动任何文件：{error}", file=sys.stderr)
        return 1
    print("\n".join(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
