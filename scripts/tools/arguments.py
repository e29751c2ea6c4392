"""Command-line options the tools share: the base a change is compared with (make check, make bump) and the day
taken as today (those two and make intake)."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from scripts.core import clock
from scripts.tools.datadiff.gitref import base_ref
from scripts.tools.datadiff.packages import Base


def add_base_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--base", help="与哪个 git 版本相比（默认：环境变量 QZ_BASE_REF，否则 origin/main）")
    where.add_argument("--base-package", help="与另一个文件夹里的数据包相比（datapackage.json 的路径）")


def base_of(args: argparse.Namespace) -> Base:
    """The base the options name; DiffError (Chinese) for a ref that cannot be one."""
    if args.base_package:
        return Base(package=Path(args.base_package).resolve())
    return Base(ref=base_ref(args.base))


def add_today_argument(parser: argparse.ArgumentParser) -> None:
    # Not shown in --help: tests, and re-running a day's work, fix the date; everyone else means today in Quzhou.
    parser.add_argument("--today", type=_day, help=argparse.SUPPRESS)


def today_of(args: argparse.Namespace) -> datetime.date:
    """--today as given, else today in Quzhou (UTC+8, or SOURCE_DATE_EPOCH's day: scripts/core/clock.py)."""
    return args.today or clock.today()


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期：请写成 2026-12-06 这样") from None
