"""`make diff`: read the package at a git ref and in the working tree, print the diff as Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE
from scripts.tools.datadiff.diff import diff_packages
from scripts.tools.datadiff.gitref import DiffError, base_ref
from scripts.tools.datadiff.markdown import render_markdown
from scripts.tools.datadiff.packages import Base, compared
from scripts.tools.summarytext import md


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare the data package with the one at a git ref; print Chinese Markdown.")
    parser.add_argument("base", metavar="BASE", nargs="?", help="git ref to compare against, e.g. origin/main or HEAD "
                        "(default: the environment's QZ_BASE_REF, as make diff BASE=... sets it, else origin/main)")
    parser.add_argument("--package", default=str(DEFAULT_PACKAGE), help="descriptor of the working-tree package")
    parser.add_argument("--output", help="write the Markdown here instead of standard output")
    args = parser.parse_args(argv)

    code = 0
    try:
        base = Base(ref=base_ref(args.base))
        with compared(Path(args.package), base) as (old, new):
            markdown = render_markdown(diff_packages(old, new), base=str(base))
    except DiffError as error:
        markdown, code = f"无法比较数据变化：{md(str(error), 400)}\n", 1
        print(error, file=sys.stderr)
    if args.output:
        Path(args.output).write_text(markdown, encoding="utf-8")
    else:
        sys.stdout.write(markdown)
    return code
