"""`make diff`: read the package at a git ref and in the working tree, print the diff as Markdown."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE, Package, read_package
from scripts.core.safety import UnsafePath
from scripts.tools.datadiff.diff import diff_packages
from scripts.tools.datadiff.gitref import DiffError, base_ref, checkout_package
from scripts.tools.datadiff.markdown import escape_cell, render_markdown


def _read(path: Path, label: str) -> Package:
    try:
        return read_package(path)
    except UnsafePath as error:
        raise DiffError(f"无法读取{label}的数据包：{error.reason}请先运行 make validate 查看问题。") from None
    except Exception as error:  # noqa: BLE001 - whatever a package holds, staff get a Chinese line, not a traceback
        raise DiffError(f"无法读取{label}的数据包（{type(error).__name__}: {str(error)[:200]}）：请先运行 make validate 查看问题。") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare the data package with the one at a git ref; print Chinese Markdown.")
    parser.add_argument("base", metavar="BASE", nargs="?", help="git ref to compare against, e.g. origin/main or HEAD "
                        "(default: the environment's QZ_BASE_REF, as make diff BASE=... sets it, else origin/main)")
    parser.add_argument("--package", default=str(DEFAULT_PACKAGE), help="descriptor of the working-tree package")
    parser.add_argument("--output", help="write the Markdown here instead of standard output")
    args = parser.parse_args(argv)

    code = 0
    try:
        args.base = base_ref(args.base)
        with tempfile.TemporaryDirectory(prefix="datadiff-") as tmp:
            old = _read(checkout_package(args.base, Path(args.package), Path(tmp)), f"基准版本 {args.base} ")
            new = _read(Path(args.package), "当前")
            markdown = render_markdown(diff_packages(old, new), base=args.base)
    except DiffError as error:
        markdown, code = f"无法比较数据变化：{escape_cell(str(error), 400)}\n", 1
        print(error, file=sys.stderr)
    if args.output:
        Path(args.output).write_text(markdown, encoding="utf-8")
    else:
        sys.stdout.write(markdown)
    return code
