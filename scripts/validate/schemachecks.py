"""The Frictionless layer: the descriptor, types, constraints, keys, blank and duplicate rows, as Chinese problems."""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path

from scripts.core.safety import resource_path
from scripts.validate.descriptor import DESCRIPTOR, chinese_note
from scripts.validate.excelforms import boolean_values, excel_flag
from scripts.validate.problems import Problem, problem
from scripts.validate.store import ValidationCache

_NOTE_NUMBER = re.compile(r"position \"?(\d+)")
_TYPE_TEXT = {
    "number": ("不是数字。", "请只填数字，如 120 或 12.5，不带单位、千分位或百分号。"),
    "integer": ("不是整数。", "请只填整数，如 2023。"),
    "date": ("不是日期。", "请写成 2023-01-01 这样的形式（年-月-日）。"),
    "boolean": ("不是可以填的值。", "只能填 {choices}。"),
}
# Frictionless error kinds that no own check says first, named in Chinese (staff never see Frictionless's English).
_KIND_TEXT = {
    "source-error": "文件无法读取", "scheme-error": "文件无法读取", "file-error": "文件无法读取",
    "encoding-error": "编码有误", "format-error": "不是 CSV 格式", "compression-error": "文件无法读取",
    "dialect-error": "分隔符或引号有误", "control-error": "文件无法读取", "schema-error": "表结构描述有误",
    "resource-error": "资源描述有误", "package-error": "数据包描述有误",
    "blank-header": "表头是空的", "blank-label": "表头有空格", "duplicate-label": "表头重复",
    "incorrect-label": "表头不对", "missing-label": "缺少表头", "extra-label": "多了表头",
}


def check_descriptor(descriptor: dict) -> tuple[list[Problem], dict | None]:
    """Problems with the descriptor itself, and a copy Frictionless can read (None if there is none).

    Frictionless's check of a descriptor takes about 15 ms; the answer for the same descriptor (the same JSON
    text, key order included) is kept for the process: the serve loop and the tests validate one again and again."""
    found, runnable = _checked_descriptor(json.dumps(descriptor, ensure_ascii=False))
    return list(found), copy.deepcopy(runnable)


@functools.lru_cache(maxsize=32)
def _checked_descriptor(text: str) -> tuple[tuple[Problem, ...], dict | None]:
    from frictionless import Package

    descriptor = json.loads(text)
    found, runnable = [], copy.deepcopy(descriptor)
    for error in Package.validate_descriptor(descriptor).flatten(["type", "note"]):
        kind, note = error
        match = re.search(r'property "([^"]+)"', note or "")
        prop = match[1] if match else None
        hint, detail = "请按 Data Package 规范改正。", chinese_note(note or "", kind or "")
        if prop and note and "datetime" in note:
            hint, detail = f"“{prop}”要写成日期和时间，如 2026-11-26T00:00:00Z。", f"“{prop}”不是有效的日期时间"
        found.append(problem("descriptor-invalid", DESCRIPTOR, detail=detail, hint=hint))
        if prop in runnable and prop not in ("resources", "profile"):
            del runnable[prop]
        else:
            runnable = None
    if runnable is not None and found:
        runnable = runnable if not Package.validate_descriptor(runnable).errors else None
    return tuple(found), runnable


def check_structure(package_dir: Path, descriptor: dict, skip: set[str], cache: ValidationCache | None = None) -> list[Problem]:
    """Validate every resource not in `skip` (unreadable files), foreign keys left out: they are checked on the
    tables as read (scripts/validate/references.py).

    With a cache (scripts/validate/store.py), a resource whose file and descriptor did not change since a run
    that stored its result is not read again: its stored problems are used.
    """
    runnable = copy.deepcopy(descriptor)
    runnable["resources"] = [r for r in runnable["resources"] if r["name"] not in skip]
    for resource in runnable["resources"]:
        resource["schema"].pop("foreignKeys", None)
    contents = {r["name"]: resource_path(package_dir, r["path"]).read_bytes() for r in runnable["resources"]} if cache else {}
    package, found = None, []
    for resource in runnable["resources"]:
        key = cache and cache.structure_key(runnable, resource["name"], {resource["path"]: contents[resource["name"]]})
        stored = cache.problems(key) if key else None
        if stored is None:
            if package is None:
                from frictionless import Package

                package = Package.from_descriptor(runnable, basepath=str(package_dir))
            stored = _resource_problems(package.get_resource(resource["name"]), resource, descriptor)
            if key:
                cache.keep_problems(key, stored)
        found.extend(stored)
    return found


def _resource_problems(table, resource: dict, descriptor: dict) -> list[Problem]:
    """Frictionless's check of one resource of its package (types, constraints, keys, blank and duplicate rows)."""
    from frictionless import Checklist, checks

    task = table.validate(checklist=Checklist(checks=[checks.duplicate_row()]), limit_errors=10**9).tasks[0]
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    missing = {(e.row_number, e.field_name) for e in task.errors if e.type == "missing-cell"}
    found = []
    for error in task.errors:
        if error.type == "constraint-error" and (error.row_number, error.field_name) in missing:
            continue  # a cell the row lacks is not also an empty cell
        translated = translate(error, resource["path"], fields, descriptor)
        if translated:
            found.append(translated)
    return found


def translate(error, file: str, fields: dict[str, dict], descriptor: dict) -> Problem | None:
    """One Frictionless error as a problem; None for the ones another problem on the same row already says."""
    kind = error.type
    row = getattr(error, "row_number", None)
    note = getattr(error, "note", "") or ""
    name = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    field = fields.get(name, {})
    constraints = field.get("constraints", {})
    if kind == "blank-row":
        return problem("blank-row", file, row)
    if kind in ("duplicate-row", "primary-key", "unique-error"):
        cells = getattr(error, "cells", [])
        if not any(c.strip() for c in cells):
            return None
        other = _number(note)
        if kind == "duplicate-row":
            return problem("duplicate-row", file, row, other=other)
        if kind == "unique-error":
            return problem("duplicate-value", file, row, name, cell, other=other)
        key = _primary_key(descriptor, file)
        titles = "、".join(f"「{fields[k].get('title', k)}」" for k in key)
        return problem("duplicate-key", file, row, ",".join(key), " / ".join(_cells(cells, fields, key)),
                       other=other, key_titles=titles)
    if kind == "type-error":
        flag = excel_flag(cell or "", boolean_values(field))
        if flag:
            return problem("boolean-case", file, row, name, cell, fixed=flag)
        what, advice = _TYPE_TEXT.get(field.get("type"), ("类型不对。", "请按表头说明填写。"))
        choices = " 或 ".join(field.get("trueValues", ["true"]) + field.get("falseValues", ["false"]))
        return problem("wrong-type", file, row, name, cell, what=what, advice=advice.format(choices=choices))
    if kind == "constraint-error":
        return _constraint(note, file, row, name, cell, field, constraints)
    if kind == "missing-cell":
        return problem("missing-cell", file, row, name)
    if kind == "extra-cell":
        return problem("extra-cell", file, row, None, cell)
    return problem("structure-other", file, row, name, cell, kind=_KIND_TEXT.get(kind, "其他问题"))


def _constraint(note, file, row, name, cell, field, constraints) -> Problem:
    which = re.search(r'constraint "(\w+)"', note)
    which = which[1] if which else ""
    description = field.get("description", "")
    if which == "required":
        return problem("missing-value", file, row, name, cell, description=description)
    if which == "enum":
        choices = "、".join(str(v) for v in constraints["enum"])
        if all(str(v) in description for v in constraints["enum"]):
            choices = description.rstrip("。")
        return problem("not-in-list", file, row, name, cell, choices=choices)
    if which == "pattern":
        if re.fullmatch(constraints["pattern"], "2023-Q1"):
            return problem("bad-period", file, row, name, cell)
        return problem("bad-pattern", file, row, name, cell, description=description)
    if which == "maxLength":
        return problem("too-long", file, row, name, cell, length=len(cell or ""), limit=constraints.get("maxLength"))
    if which in ("minimum", "maximum"):
        what = f"小于最小值 {constraints['minimum']}" if which == "minimum" else f"大于最大值 {constraints['maximum']}"
        return problem("out-of-range", file, row, name, cell, what=what)
    return problem("structure-other", file, row, name, cell, kind="不符合约束")


def _number(note: str) -> str:
    match = _NOTE_NUMBER.search(note)
    return match[1] if match else "？"


def _primary_key(descriptor: dict, file: str) -> list[str]:
    resource = next(r for r in descriptor["resources"] if r["path"] == file)
    key = resource["schema"].get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def _cells(cells: list[str], fields: dict, names: list[str]) -> list[str]:
    order = list(fields)
    return [cells[order.index(n)] if order.index(n) < len(cells) else "" for n in names]
