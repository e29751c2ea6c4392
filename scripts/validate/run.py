"""Validate a data package and tell staff in Chinese what to fix: `python -m scripts validate [PACKAGE] [--json OUT]`."""

from __future__ import annotations

import argparse
import dataclasses
import errno
import re
import sys
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE
from scripts.core.paths import CHANGELOG
from scripts.core.safety import UnsafePath, resource_path
from scripts.validate.cellchecks import check_cells
from scripts.validate.changelog import check_changelog
from scripts.validate.descriptor import DESCRIPTOR, check_settings, read_descriptor
from scripts.validate.descriptortext import check_texts
from scripts.validate.headers import check_header
from scripts.validate.limits import MAX_FILE_BYTES, MAX_PACKAGE_BYTES, size_text
from scripts.validate.messages import CONTROL, INVISIBLE, MESSAGES, show
from scripts.validate.names import check_names
from scripts.validate.options import check_options
from scripts.validate.problems import ERROR, Problem, Report, problem
from scripts.validate.rawcsv import EncodingProblem, FileRefused, RawTable, read_table
from scripts.validate.references import check_references
from scripts.validate.rowshape import check_rows
from scripts.validate.schemachecks import check_descriptor, check_structure
from scripts.validate.store import ValidationCache, package_key
from scripts.validate.strayfiles import LOCK_PREFIX, look_alikes
from scripts.validate.rules import read_rules
from scripts.validate.schemaguard import RulesNotRunnable, check_ids, check_schema, without_unreviewed_patterns, write_expectation

ENCODING_CODES = {"gbk": "encoding-gbk", "utf16": "encoding-utf16", "unknown": "encoding-unknown", "stray": "encoding-stray"}
# Reviewed changes to the structure and the rules: first in the report, so first in a pull request's summary.
REVIEW_CODES = ("schema-change", "schema-addition")
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
_ROW_LEVEL = {"blank-row": None, "duplicate-row": {"duplicate-key", "duplicate-value"}}
# The referenced file, read back from an unknown-reference message (problems carry no other trace of it).
_REFERENCE = re.compile(re.escape(MESSAGES["unknown-reference"][1]).replace(re.escape("{reference_file}"), "(?P<file>.+?)")
                        .replace(re.escape("{value}"), ".*"), re.DOTALL)


def validate_package(path: Path | str = DEFAULT_PACKAGE, cache: ValidationCache | None = None) -> Report:
    """Every problem in the package, from all layers, in one report: own cell checks, Frictionless, Great Expectations.

    With a cache, each suite and each resource check whose inputs did not change since a run that stored its result
    is not run again: its stored problems are used. Never raises for anything a package holds: an unexpected error
    becomes a problem naming the file being read.
    """
    path = Path(path).resolve()
    report = Report(package=shown_path(path))
    stage = Stage(DESCRIPTOR)
    try:
        report.problems = _validate(path, stage, cache)
    except OSError as error:
        if error.errno in DISK_FULL:  # named after the file that could not be written: not a problem of the data
            report.problems = [problem("disk-full", str(error.filename or stage.file))]
        else:
            report.problems = [problem("validator-crashed", stage.file, kind=type(error).__name__)]
    except Exception as error:  # noqa: BLE001 - staff get a Chinese message, never a traceback
        report.problems = [problem("validator-crashed", stage.file, kind=type(error).__name__)]
    return report


@dataclasses.dataclass
class Stage:
    """The file being checked, so that an unexpected error can still name it."""

    file: str


def validate_cached(package_path: Path | str, cache_dir: Path | str) -> Report:
    """validate_package, reusing the stored report of byte-identical inputs and the stored result of each
    suite and each resource check whose inputs did not change; the cache keeps the entries of this run only."""
    package_path = Path(package_path).resolve()
    cache = ValidationCache(cache_dir)
    key = "report-" + package_key(package_path)
    stored = cache.get(key)
    if stored is not None:
        return Report(package=shown_path(package_path), problems=[Problem(**p) for p in stored])
    report = validate_package(package_path, cache)
    cache.put(key, [p.__dict__ for p in report.problems])
    cache.prune()
    return report


def _validate(path: Path, stage: Stage, cache: ValidationCache | None) -> list[Problem]:
    descriptor, found = read_descriptor(path)
    if descriptor is None:
        return found
    rules = read_rules()
    if rules.expected is None:  # the reviewed structure cannot be read: nothing can be compared with it
        return found + rules.problems
    found += rules.problems + check_settings(descriptor) + check_texts(descriptor)
    found += check_schema(descriptor, rules.expected, rules.suites)
    invalid, runnable = check_descriptor(descriptor)
    found += invalid
    if runnable is not None:  # a pattern not yet reviewed is reported above, not run on every cell
        runnable = without_unreviewed_patterns(runnable, rules.expected)
    options = check_options(descriptor)
    if options or runnable is None:  # with other options Frictionless would not read the tables as the site does
        return arrange(found + options, descriptor)
    too_big = check_package_size(path.parent, runnable)
    if too_big:
        return arrange(found + too_big, runnable)
    tables, skipped, own = read_tables(path.parent, runnable, stage)
    units = _indicator_units(tables)
    for resource in runnable["resources"]:
        if resource["name"] in tables:
            stage.file = resource["path"]
            own.extend(check_cells(tables[resource["name"]], resource, units))
    stage.file = DESCRIPTOR
    own.extend(check_names(tables, runnable))
    ids = check_ids(tables, rules.expected)
    structure = check_structure(path.parent, runnable, skipped, cache) + check_references(tables, runnable)
    from scripts.validate.expectations import check_expectations

    suites = check_expectations(tables, runnable, rules.suites, cache=cache)
    stage.file = CHANGELOG
    own.extend(check_changelog(path.parent))
    return arrange(merge([found + own, structure, ids, suites]), runnable)


def check_package_size(package_dir: Path, descriptor: dict) -> list[Problem]:
    """All data files together, measured before any is read.

    Links, missing files and files over the per-file limit count as nothing here: they are reported one by one.
    """
    total = 0
    for resource in descriptor["resources"]:
        try:
            size = resource_path(package_dir, resource["path"]).stat().st_size
        except (UnsafePath, OSError):
            continue
        total += size if size <= MAX_FILE_BYTES else 0
    if total <= MAX_PACKAGE_BYTES:
        return []
    return [problem("package-too-large", DESCRIPTOR, size=size_text(total), limit=size_text(MAX_PACKAGE_BYTES))]


def read_tables(package_dir: Path, descriptor: dict, stage: Stage | None = None
                ) -> tuple[dict[str, RawTable], set[str], list[Problem]]:
    """The files whose encoding and header are right; the names of the others; the problems found on the way.

    A file is only read when its path lies inside the package folder and passes through no link.
    """
    tables, skipped, found = {}, set(), []
    for resource in descriptor["resources"]:
        name, file = resource["name"], resource["path"]
        if stage is not None:
            stage.file = file
        others = look_alikes(package_dir, file)
        beside = _other_names(file, others, missing=not _exists(package_dir, file)) if others else None
        if beside is not None:
            found.append(beside)
        try:
            table = read_table(name, file, resource_path(package_dir, file))
        except FileNotFoundError:
            if beside is None or beside.code != "file-renamed":
                found.append(problem("missing-file", file))
        except UnsafePath as error:
            found.append(problem("unsafe-path", file, reason=error.reason))
        except EncodingProblem as error:
            found.append(problem(ENCODING_CODES[error.kind], file, error.line if error.kind == "stray" else None,
                                 line=error.line, count=error.count))
        except FileRefused as error:
            found.append(problem(error.code, file, line=error.line, **error.context))
        else:
            header = check_header(table, resource["schema"]["fields"])
            shape = [] if header else check_rows(table, [f["name"] for f in resource["schema"]["fields"]])
            found.extend(header + shape)
            if not header and not shape:
                tables[name] = table
                continue
        skipped.add(name)
    return tables, skipped, found


def _exists(package_dir: Path, file: str) -> bool:
    try:
        resource_path(package_dir, file)
    except (FileNotFoundError, UnsafePath):
        return False
    return True


def _other_names(file: str, others: list[str], missing: bool) -> Problem:
    """The table's file under another name beside it: missing, the file to rename; present, a copy the checks skip."""
    wanted = file.rsplit("/", 1)[-1]
    locks = [name for name in others if name.startswith(LOCK_PREFIX)]
    copies = [name for name in others if name not in locks]

    def listed(names: list[str]) -> str:
        return "、".join(f"“{show(name, 60)}”" for name in names[:5]) + ("等" if len(names) > 5 else "")

    if missing and copies:  # never "rename the lock file": it holds nothing of the table
        return problem("file-renamed", file, names=listed(copies), name=wanted)
    if copies:
        return problem("file-beside", file, names=listed(others), name=wanted)
    return problem("lock-file-beside", file, names=listed(locks), name=wanted)


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
    """Fill in column titles and sort: changes to review first, then the descriptor, files in package order, rows, columns."""
    order = {DESCRIPTOR: (-1, {})}
    for index, resource in enumerate(descriptor["resources"]):
        fields = resource["schema"]["fields"]
        order[resource["path"]] = (index, {f["name"]: (i, f.get("title", f["name"])) for i, f in enumerate(fields)})
    titled = []
    for p in problems:
        position, fields = order.get(p.file, (len(order), {}))
        columns = (p.column or "").split(",")
        title = "、".join(fields.get(c, (0, c))[1] for c in columns) if p.column else None
        last = p.code in ("rows-not-checked", "rows-not-checked-shape")
        row = p.row if p.row is not None else 1
        titled.append((p.code not in REVIEW_CODES, position, last, row, fields.get(columns[0], (-1,))[0], p.code,
                       dataclasses.replace(p, column_title=title)))
    return [item[-1] for item in sorted(titled, key=lambda item: item[:6])]


def _indicator_units(tables: dict[str, RawTable]) -> dict[str, str]:
    if "indicators" not in tables:
        return {}
    return {row["id"].strip(): row["unit"].strip() for row in tables["indicators"].dicts() if row.get("id") and row.get("unit")}


def shown_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts validate",
        description="检查数据包：文件编码、表头、每一格的写法、类型和约束、主键和外键，以及 validations/ 里的规则。"
                    "有错误时退出码为 1，只有提醒时为 0。",
    )
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径（默认：本仓库的数据包）")
    parser.add_argument("--json", metavar="REPORT.json", help="另把全部问题写成 JSON 报告（供 CI 汇总）")
    parser.add_argument("--all", action="store_true", help="列出全部问题（默认同一文件的同类问题最多列 30 条）")
    parser.add_argument("--write-schema-expectation", action="store_true",
                        help="维护者审核过结构变更后用：按这个数据包的 datapackage.json 重写 validations/schema/expectation.json")
    args = parser.parse_args(argv)
    try:
        if args.write_schema_expectation:
            try:
                print(f"已写入结构预期：{write_expectation(Path(args.package))}")
            except RulesNotRunnable as error:
                print("\n".join(p.line() for p in error.problems))
                return 1
            return 0
        report = validate_package(args.package)
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            report.write_json(args.json)
        print(report.text(limit=None if args.all else 30))
    except Exception as error:  # noqa: BLE001 - staff get a Chinese message, never a traceback
        if isinstance(error, OSError) and error.errno in DISK_FULL:
            print(problem("disk-full", str(error.filename or args.json or args.package)).line())
        else:
            print(f"检查没有完成：{args.package}：出现了意外错误（{type(error).__name__}）。"
                  "数据文件没有被改动；请把这条信息发给维护者。")
        return 1
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
