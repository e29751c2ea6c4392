"""`make intake FILE=issue-body.md`: an issue written with the 报送公开数字 or 更正或撤回 form becomes a data change:
the row written (tried on a copy first, so a refused body writes nothing), the version raised by make bump, and the
check's summary printed. `python -m scripts intake --write-forms` regenerates the forms from the package."""

# forms.py defines the forms and writes their YAML; parse.py reads a body into rows; this module writes them.

from __future__ import annotations

import argparse
import csv
import datetime
import io
import shutil
import sys
import tempfile
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE, read_package
from scripts.core.paths import BUILD_DIR
from scripts.core.safety import resource_path
from scripts.tools.arguments import add_today_argument, today_of
from scripts.tools.datadiff.gitref import DiffError, git
from scripts.tools.intake.forms import forms_dir, write_forms
from scripts.tools.intake.parse import Change, Refused, change_from
from scripts.validate.messages import show

MAX_FILE_BYTES = 1 << 20  # a body bigger than this is not read at all


def read_body(path: Path) -> str:
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise Refused("问题正文超过 1 MB，不像是按表单填写的。请用表单重新提交。")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused("问题正文不是 UTF-8 文字。请用表单重新提交。") from None


def apply(change: Change, descriptor: Path) -> None:
    """Write the change into the package's CSV files, each kept as it was saved (its BOM, LF line ends)."""
    package = read_package(descriptor)
    for name, rows in change.add.items():
        path = resource_path(descriptor.parent, package.resource(name)["path"])
        columns = [f["name"] for f in package.fields(name)]
        text = path.read_text(encoding="utf-8")
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([[row.get(c, "") for c in columns] for row in rows])
        path.write_text(text + ("" if text.endswith("\n") or not text else "\n") + out.getvalue(), encoding="utf-8")
    if change.set_values:
        path = resource_path(descriptor.parent, package.resource("observations")["path"])
        text = path.read_text(encoding="utf-8")
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        records = list(csv.reader(io.StringIO(text.removeprefix(bom), newline="")))
        header = records[0]
        at = [header.index(c) for c in ("indicator_id", "area_id", "period", "status")]
        for cells in records[1:]:
            key = tuple(cells[i] for i in at)
            if key in change.set_values:
                cells[header.index("value")] = change.set_values[key]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(records)
        path.write_text(bom + out.getvalue(), encoding="utf-8")


def tried(change: Change, descriptor: Path) -> list[str]:
    """The validator's errors for the package with the change, tried on a copy: [] when it may be written."""
    from scripts.validate.run import validate_package

    with tempfile.TemporaryDirectory(prefix="intake-") as tmp:
        copy = Path(tmp) / "datapackage.json"
        shutil.copy(descriptor, copy)
        shutil.copytree(descriptor.parent / "data", Path(tmp) / "data")
        apply(change, copy)
        report = validate_package(copy)
    return [p.line() for p in report.errors]


def intake(body_path: Path, descriptor: Path, today: datetime.date) -> Change:
    """Read, check and write the change (nothing is written when it is refused); raises Refused."""
    change = change_from(read_body(body_path), read_package(descriptor), today)
    errors = tried(change, descriptor)
    if errors:
        raise Refused("这一行没有通过数据检查：\n" + "\n".join(errors))
    apply(change, descriptor)
    return change


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts intake", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", help="问题正文（issue body）的文本文件")
    parser.add_argument("--package", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径（默认：本仓库的数据包）")
    parser.add_argument("--base", default="HEAD", help="升版本号和检查时比较的 git 版本（默认：HEAD，即写入之前）")
    parser.add_argument("--no-check", action="store_true", help="只写入和升版本号，不写检查摘要")
    parser.add_argument("--work-dir", default=str(BUILD_DIR))
    parser.add_argument("--write-forms", action="store_true", help="按数据包重写 .github/ISSUE_TEMPLATE 里的两个表单")
    add_today_argument(parser)  # the date of a revision and of the version
    args = parser.parse_args(argv)
    descriptor = Path(args.package).resolve()
    if args.write_forms:
        for path in write_forms(read_package(descriptor), forms_dir(descriptor)):
            print(f"已写入 {path}")
        return 0
    if not args.file:
        parser.error("请给出问题正文的文件，如 make intake FILE=issue-body.md")
    today = today_of(args)
    work_dir = Path(args.work_dir).resolve()
    try:
        change = intake(Path(args.file), descriptor, today)
    except Refused as refused:
        print(f"没有收录，数据文件没有改动：{refused}", file=sys.stderr)
        return 1
    except OSError:
        print(f"没有收录：读不了 {args.file}。", file=sys.stderr)
        return 1
    work_dir.mkdir(parents=True, exist_ok=True)
    (work_dir / "intake-title.txt").write_text(f"{change.form.name}：{change.summary}", encoding="utf-8")
    from scripts.tools.check import bump, cli

    base, label = base_before_intake(descriptor, args.base)
    if bump.main([str(descriptor), "--base", base, "--today", today.isoformat()]) != 0:
        return 1
    if args.no_check:
        return 0
    # The row is checked, not the site built: nothing would show the build (the workflow uploads no preview; the
    # pull request's own check builds it), and the summary names the base as a reviewer knows it.
    return cli.main([str(descriptor), "--base", base, "--base-label", label,
                     "--no-build", "--work-dir", str(work_dir), "--today", today.isoformat()])


def base_before_intake(descriptor: Path, ref: str) -> tuple[str, str]:
    """The base that make bump and make check both compare with, resolved once (the commit, when git knows the
    ref), and how the summary names it: the data before the form was written."""
    try:
        commit = git(descriptor.parent, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
        short = git(descriptor.parent, "rev-parse", "--short", commit).decode().strip()
    except DiffError:
        return ref, f"表单写入之前的数据（{show(ref)}）"
    return commit, f"表单写入之前的数据（提交 {short}）"


if __name__ == "__main__":
    sys.exit(main())
