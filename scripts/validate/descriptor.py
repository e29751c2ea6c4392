"""Read datapackage.json without ever crashing: encoding, size, nesting, the shape code relies on, name, demo, plan."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

from scripts.core.jsontext import DuplicateKey, loads
from scripts.core.safety import UnsafePath, check_relative_path, is_safe_name
from scripts.validate.limits import (
    MAX_DESCRIPTOR_BYTES,
    MAX_DESCRIPTOR_DEPTH,
    size_text,
)
from scripts.validate.messages import show
from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import EncodingProblem, decode

DESCRIPTOR = "datapackage.json"
CSV_SUFFIX = ".csv"  # every table is published under its own name: only a CSV file
PLAN_YEARS = {"base_year": "基期年份", "start_year": "起始年份", "end_year": "结束年份"}
_PROFILE = re.compile(r"[a-z][a-z-]{0,40}", re.ASCII)  # e.g. data-package, tabular-data-resource
_KINDS = {dict: "对象（用 { } 括起）", list: "列表（用 [ ] 括起）", str: "文字（用英文双引号括起）"}
_ACTUAL = {dict: "对象", list: "列表", str: "文字", bool: "true/false", int: "数字", float: "数字", type(None): "null"}


def read_descriptor(path: Path) -> tuple[dict | None, list[Problem]]:
    """The parsed descriptor, or None with the problem that stops validation; never raises for what a file holds."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
            return None, [problem("unsafe-path", DESCRIPTOR, reason="这不是一个普通文件。")]
        size = info.st_size
        if size > MAX_DESCRIPTOR_BYTES:
            return None, [problem("descriptor-too-large", DESCRIPTOR, size=size_text(size), limit=size_text(MAX_DESCRIPTOR_BYTES))]
        text, _ = decode(path.read_bytes())  # a UTF-8 BOM is accepted and dropped
    except FileNotFoundError:
        return None, [problem("missing-file", DESCRIPTOR)]
    except EncodingProblem as error:
        encoding = {"gbk": "GBK/GB18030", "utf16": "UTF-16"}.get(error.kind, "别的编码")
        return None, [problem("descriptor-encoding", DESCRIPTOR, line=error.line, encoding=encoding)]
    try:
        descriptor = loads(text)
    except DuplicateKey as error:
        return None, [problem("json-duplicate-key", DESCRIPTOR, key=show(error.key, 40), line=error.line)]
    except json.JSONDecodeError as error:
        return None, [problem("descriptor-not-json", DESCRIPTOR, line=error.lineno, col=error.colno)]
    except RecursionError:
        return None, [problem("descriptor-too-deep", DESCRIPTOR, limit=MAX_DESCRIPTOR_DEPTH)]
    except ValueError:  # what json raises for an integer of thousands of digits
        return None, [problem("descriptor-number-too-long", DESCRIPTOR)]
    if _depth(descriptor) > MAX_DESCRIPTOR_DEPTH:
        return None, [problem("descriptor-too-deep", DESCRIPTOR, limit=MAX_DESCRIPTOR_DEPTH)]
    found = check_shape(descriptor)
    return (None if found else descriptor), found


def check_shape(descriptor: object) -> list[Problem]:
    """The shape the validator and the build rely on; Frictionless is only handed a descriptor that has it."""
    if not isinstance(descriptor, dict):
        return [_shape("整个文件", dict, descriptor)]
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return [_shape("resources", list, resources)]
    if "plan" in descriptor and not isinstance(descriptor["plan"], dict):
        return [_shape("plan", dict, descriptor["plan"])]
    found = _references("", descriptor)
    for number, resource in enumerate(resources, start=1):
        where = f"resources 第{number}项"
        if not isinstance(resource, dict):
            found.append(_shape(where, dict, resource))
            continue
        if isinstance(resource.get("name"), str):
            where += f"（{show(resource['name'], 30)}）"
        found.extend(_resource_shape(resource, where))
    return found or _keys_exist(resources)


def _keys_exist(resources: list[dict]) -> list[Problem]:
    """Primary and foreign keys name tables and columns the package has (later layers look them up)."""
    columns = {r["name"]: {f["name"] for f in r["schema"]["fields"]} for r in resources}
    found = []
    for resource in resources:
        name, schema = resource["name"], resource["schema"]
        where = f"表 {show(name, 30)} 的"
        key = schema.get("primaryKey", [])
        if set([key] if isinstance(key, str) else key) - columns[name]:
            found.append(problem("descriptor-key", DESCRIPTOR, where=where, what="主键用了本表没有的列"))
        for item in schema.get("foreignKeys", []):
            target, fields = item["reference"]["resource"], item["reference"]["fields"]
            if set(item["fields"]) - columns[name]:
                found.append(problem("descriptor-key", DESCRIPTOR, where=where, what="外键用了本表没有的列"))
            elif target not in columns or set(fields) - columns[target]:
                found.append(problem("descriptor-key", DESCRIPTOR, where=where,
                                     what=f"外键指向的表或列不存在（{show(target, 30)}.{show('、'.join(fields), 30)}）"))
    return found


def _references(where: str, item: dict) -> list[Problem]:
    """Properties Frictionless would load from another file or a URL: only plain words or inline objects."""
    found = []
    for key in ("profile", "$schema"):
        value = item.get(key)
        if key in item and not (isinstance(value, str) and _PROFILE.fullmatch(value)):
            found.append(problem("descriptor-reference", DESCRIPTOR, None, None, str(value), where=f"{where}{key}"))
    if "dialect" in item and not isinstance(item["dialect"], dict):
        found.append(_shape(f"{where}dialect", dict, item["dialect"]))
    return found


def _resource_shape(resource: dict, where: str) -> list[Problem]:
    if found := _references(f"{where}的 ", resource):
        return found
    for key in ("name", "path"):
        if not isinstance(resource.get(key), str):
            return [_shape(f"{where}的 {key}", str, resource.get(key))]
    if not is_safe_name(resource["name"]):
        return [problem("descriptor-name", DESCRIPTOR, None, None, resource["name"], where=where)]
    try:
        check_relative_path(resource["path"])
    except UnsafePath as error:
        return [problem("unsafe-path", DESCRIPTOR, None, None, resource["path"], reason=error.reason)]
    # The site copies each table under its own file name into its data/ folder: a .html or .svg there would be
    # a page of the site's origin that the browser runs, whatever the validator thought of its cells.
    if not resource["path"].endswith(CSV_SUFFIX):
        return [problem("descriptor-path-not-csv", DESCRIPTOR, None, None, resource["path"], where=where)]
    schema = resource.get("schema")
    if not isinstance(schema, dict):  # a string would make Frictionless load a schema from elsewhere
        return [_shape(f"{where}的 schema", dict, schema)]
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        return [_shape(f"{where}的 schema.fields", list, fields)]
    for index, field in enumerate(fields, start=1):
        if not isinstance(field, dict):
            return [_shape(f"{where}的第{index}列", dict, field)]
        if not isinstance(field.get("name"), str):
            return [_shape(f"{where}的第{index}列的 name", str, field.get("name"))]
        if "constraints" in field and not isinstance(field["constraints"], dict):
            return [_shape(f"{where}的列 {show(field['name'], 30)} 的 constraints", dict, field["constraints"])]
        if not _compiles(field.get("constraints", {}).get("pattern", "")):
            return [problem("descriptor-pattern", DESCRIPTOR, where=f"{where}的列 {show(field['name'], 30)}")]
    return _keys_shape(schema, where)


def _keys_shape(schema: dict, where: str) -> list[Problem]:
    key = schema.get("primaryKey", [])
    if not (isinstance(key, str) or (isinstance(key, list) and all(isinstance(k, str) for k in key))):
        return [_shape(f"{where}的 primaryKey", list, key)]
    foreign = schema.get("foreignKeys", [])
    if not isinstance(foreign, list):
        return [_shape(f"{where}的 foreignKeys", list, foreign)]
    for number, item in enumerate(foreign, start=1):
        reference = item.get("reference") if isinstance(item, dict) else None
        if not isinstance(reference, dict) or not isinstance(reference.get("resource"), str):
            return [_shape(f"{where}的 foreignKeys 第{number}项", dict, item)]
        for fields in (item.get("fields"), reference.get("fields")):
            if not (isinstance(fields, list) and fields and all(isinstance(f, str) for f in fields)):
                return [_shape(f"{where}的 foreignKeys 第{number}项的 fields", list, fields)]
    return []


def check_settings(descriptor: dict) -> list[Problem]:
    """The package name (it names the zip download), demo (it labels every page) and the plan's years."""
    found = []
    name = descriptor.get("name")
    if not is_safe_name(name):
        found.append(problem("package-name-unsafe", DESCRIPTOR, None, "name", str(name)))
    if "demo" in descriptor and not isinstance(descriptor["demo"], bool):
        found.append(problem("demo-not-boolean", DESCRIPTOR, None, "demo", str(descriptor["demo"])))
    plan = descriptor.get("plan")
    plan = plan if isinstance(plan, dict) else {}
    years, missing = {}, []
    for key, label in PLAN_YEARS.items():
        value = plan.get(key)
        if key not in plan:
            missing.append(key)
        elif isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
            found.append(problem("plan-year-not-int", DESCRIPTOR, None, f"plan.{key}", str(value), key=key, label=label))
        else:
            years[key] = value
    if missing:  # one problem naming every missing key: they share a place in the report
        found.append(problem("plan-missing", DESCRIPTOR, key="、".join(missing),
                             label="、".join(PLAN_YEARS[key] for key in missing)))
    if len(years) == len(PLAN_YEARS) and not years["base_year"] < years["start_year"] <= years["end_year"]:
        found.append(problem("plan-years-order", DESCRIPTOR, base=years["base_year"], start=years["start_year"],
                             end=years["end_year"]))
    return found


def chinese_note(note: str, kind: str) -> str:
    """A Frictionless descriptor note in Chinese; English never reaches staff."""
    prop = re.search(r"""at property '([^']+)'|property "([^"]+)\"""", note)
    prop = next((p for p in prop.groups() if p), None) if prop else None
    if match := re.match(r'path "(.*)" is not safe', note):
        return f"路径“{show(match[1])}”不安全，必须是数据包文件夹里的相对路径"
    if match := re.match(r"'([^']+)' is a required property", note):
        return f"缺少必填的“{match[1]}”"
    if match := re.match(r'field type "(.*)" is not supported', note):
        return f"列类型“{show(match[1])}”不受支持，可用 string、integer、number、boolean、date"
    if match := re.match(r'constraint "(.*)" is not supported by type "(.*)"', note):
        return f"类型为 {show(match[2], 20)} 的列不能有约束 {show(match[1], 20)}"
    if "is not of type" in note and prop:
        return f"“{prop}”的类型不对"
    if "does not match" in note and prop:
        return f"“{prop}”的写法不对"
    if prop:
        return f"“{prop}”不符合规范"
    return f"有一处不符合规范（{'资源' if kind.startswith('resource') else '列' if kind.startswith('field') else '数据包'}）"


def _compiles(pattern: object) -> bool:
    if not isinstance(pattern, str):
        return False
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return True


def _shape(where: str, expected: type, actual: object) -> Problem:
    shown = _ACTUAL.get(type(actual), "其他") if actual is not None else "没有填"
    return problem("descriptor-shape", DESCRIPTOR, where=where, expected=_KINDS[expected], actual=shown)


def _depth(value: object) -> int:
    """How deeply objects and lists nest, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= MAX_DESCRIPTOR_DEPTH:
                stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
