"""Validate a data package and tell staff in Chinese what to fix: `python -m scripts.validate.run [PACKAGE] [--json OUT]`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path

from scripts.validate.cellchecks import check_cells
from scripts.validate.changelog import check_changelog
from scripts.validate.headers import check_header
from scripts.core.package import DEFAULT_PACKAGE
from scripts.validate.messages import CONTROL, INVISIBLE, MESSAGES, show
from scripts.validate.problems import ERROR, Problem, Report, problem
from scripts.validate.rawcsv import EncodingProblem, RawTable, read_table
from scripts.validate.schemachecks import DESCRIPTOR, check_descriptor, check_structure

PLAN_YEARS = {"start_year": "起始年份", "end_year": "结束年份"}
ENCODING_CODES = {"gbk": "encoding-gbk", "utf16": "encoding-utf16", "unknown": "encoding-unknown"}
_ROW_LEVEL = {"blank-row": None, "duplicate-row": {"duplicate-key", "duplicate-value"}}
# The referenced file, read back from an unknown-reference message (problems carry no other trace of it).
_REFERENCE = re.compile(re.escape(MESSAGES["unknown-reference"][1]).replace(re.escape("{reference_file}"), "(?P<file>.+?)")
                        .replace(re.escape("{value}"), ".*"), re.DOTALL)


def validate_package(path: Path | str = DEFAULT_PACKAGE) -> Report:
    """Every problem in the package, from all layers, in one report: own cell checks, Frictionless, Great Expectations."""
    path = Path(path).resolve()
    report = Report(package=_shown(path))
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        report.problems = [problem("missing-file", DESCRIPTOR)]
        return report
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line, col = getattr(error, "lineno", 1), getattr(error, "colno", 1)
        report.problems = [problem("descriptor-not-json", DESCRIPTOR, line=line, col=col)]
        return report
    found, runnable = check_descriptor(descriptor)
    if runnable is None:
        report.problems = found
        return report
    for key, label in PLAN_YEARS.items():
        if not isinstance(runnable.get("plan", {}).get(key), int):
            found.append(problem("plan-missing", DESCRIPTOR, key=key, label=label))

    tables, skipped, own = read_tables(path.parent, runnable)
    units = _indicator_units(tables)
    for resource in runnable["resources"]:
        if resource["name"] in tables:
            own.extend(check_cells(tables[resource["name"]], resource, units))
    structure = check_structure(path.parent, runnable, skipped)
    from scripts.validate.expectations import check_expectations

    expected = check_expectations(tables, runnable)
    own.extend(check_changelog(path.parent))
    report.problems = arrange(merge([found + own, structure, expected]), runnable)
    return report


def read_tables(package_dir: Path, descriptor: dict) -> tuple[dict[str, RawTable], set[str], list[Problem]]:
    """The files whose encoding and header are right; the names of the others; the problems found on the way."""
    tables, skipped, found = {}, set(), []
    for resource in descriptor["resources"]:
        name, file = resource["name"], resource["path"]
        try:
            table = read_table(name, file, package_dir / file)
        except FileNotFoundError:
            found.append(problem("missing-file", file))
        except EncodingProblem as error:
            found.append(problem(ENCODING_CODES[error.kind], file, line=error.line))
        else:
            header = check_header(table, resource["schema"]["fields"])
            found.extend(header)
            if not header:
                tables[name] = table
                continue
        skipped.add(name)
    return tables, skipped, found


def merge(layers: list[list[Problem]]) -> list[Problem]:
    """Drop what an earlier layer already said: the same problem twice, and later errors on a cell already wrong."""
    kept: list[Problem] = []
    seen: set[tuple] = set()
    wrong_cells: set[tuple] = set()
    for layer in layers:
        fresh = []
        for p in layer:
            key = (p.file, p.row, p.column, p.code)
            cells = {(p.file, p.row, c) for c in (p.column or "").split(",") if c}
            if key in seen or (p.row is not None and cells & wrong_cells):
                continue
            seen.add(key)
            fresh.append(p)
        kept.extend(fresh)
        wrong_cells |= {(p.file, p.row, p.column) for p in fresh if p.severity == ERROR and p.row is not None and p.column}
    row_level = {(p.file, p.row): p.code for p in kept if p.code in _ROW_LEVEL}
    return _collapse_follow_on([p for p in kept if _survives(p, row_level.get((p.file, p.row)))])


def _collapse_follow_on(problems: list[Problem]) -> list[Problem]:
    """References to a key whose own cell is wrong (e.g. a trailing space in units.id) become one message per column.

    The rows that refer to it are right; listing each of them would bury the one cell to fix.
    """
    wrong = {}
    for p in problems:
        if p.severity == ERROR and p.row is not None and p.column and p.value and p.code != "unknown-reference":
            wrong.setdefault((p.file, _bare(p.value)), p)
    groups: dict[tuple, list[Problem]] = {}
    kept = []
    for p in problems:
        match = _REFERENCE.match(p.message) if p.code == "unknown-reference" else None
        cause = wrong.get((match["file"], p.value)) if match else None
        if cause is None:
            kept.append(p)
        else:
            groups.setdefault((p.file, p.column, cause), []).append(p)
    for (file, column, cause), followers in groups.items():
        rows = "、".join(str(p.row) for p in followers[:5]) + ("等" if len(followers) > 5 else "")
        kept.append(problem("follow-on-errors", file, followers[0].row, column, followers[0].value, key_file=cause.file,
                            key_row=cause.row, key=show(cause.value), count=len(followers), rows=rows))
    return kept


def _bare(value: str) -> str:
    return CONTROL.sub("", INVISIBLE.sub("", value)).strip()


def _survives(p: Problem, row_code: str | None) -> bool:
    if row_code is None or p.code == row_code:
        return True
    hidden = _ROW_LEVEL[row_code]
    return hidden is not None and p.code not in hidden


def arrange(problems: list[Problem], descriptor: dict) -> list[Problem]:
    """Fill in column titles and sort: descriptor first, then files in package order, rows, columns."""
    order = {DESCRIPTOR: (-1, {})}
    for index, resource in enumerate(descriptor["resources"]):
        fields = resource["schema"]["fields"]
        order[resource["path"]] = (index, {f["name"]: (i, f.get("title", f["name"])) for i, f in enumerate(fields)})
    titled = []
    for p in problems:
        position, fields = order.get(p.file, (len(order), {}))
        columns = (p.column or "").split(",")
        title = "、".join(fields.get(c, (0, c))[1] for c in columns) if p.column else None
        last = p.code == "rows-not-checked"
        row = p.row if p.row is not None else 1
        titled.append((position, last, row, fields.get(columns[0], (-1,))[0], p.code, dataclasses.replace(p, column_title=title)))
    return [item[-1] for item in sorted(titled, key=lambda item: item[:5])]


def _indicator_units(tables: dict[str, RawTable]) -> dict[str, str]:
    if "indicators" not in tables:
        return {}
    return {row["id"].strip(): row["unit"].strip() for row in tables["indicators"].dicts() if row.get("id") and row.get("unit")}


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.validate.run",
        description="检查数据包：文件编码、表头、每一格的写法、类型和约束、主键和外键，以及 validations/ 里的规则。"
                    "有错误时退出码为 1，只有提醒时为 0。",
    )
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径（默认：本仓库的数据包）")
    parser.add_argument("--json", metavar="REPORT.json", help="另把全部问题写成 JSON 报告（供 CI 汇总）")
    parser.add_argument("--all", action="store_true", help="列出全部问题（默认同一文件的同类问题最多列 30 条）")
    args = parser.parse_args(argv)
    report = validate_package(args.package)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        report.write_json(args.json)
    print(report.text(limit=None if args.all else 30))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
