"""The structure a pull request may not loosen: a reviewed expectation of the schema, and the changes against it.

The expectation (validations/schema/expectation.json) is written from the reviewed datapackage.json by
`python -m scripts validate --write-schema-expectation`; a descriptor that weakens it (drops a resource, field,
key, pattern, enum or required, changes a type) is an error, one that adds to it a warning, both for review.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.core.paths import SUITES_DIR
from scripts.core.safety import is_safe_id
from scripts.validate.descriptor import DESCRIPTOR
from scripts.validate.messages import show
from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import RawTable

EXPECTATION = SUITES_DIR / "schema" / "expectation.json"
ABOUT = ("结构预期：由 python -m scripts validate --write-schema-expectation 按审核过的 datapackage.json 生成，"
         "不要手改；数据包的结构比这里松就是结构变更，需要审核。")
# Field properties the code relies on. "same": any change weakens; "at most"/"at least": a bound may only tighten.
_SAME = ("type", "pattern", "enum", "format", "bareNumber", "trueValues", "falseValues")
_FLAGS = ("required", "unique")
_AT_MOST = ("maxLength", "maximum")
_AT_LEAST = ("minimum",)


def expectation_of(descriptor: dict) -> dict:
    """What the validator holds fixed about a descriptor: resources, fields, types, constraints, keys, id columns."""
    resources = {}
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        resources[resource["name"]] = {
            "path": resource["path"],
            "fields": {f["name"]: _field(f) for f in schema["fields"]},
            "primaryKey": _names(schema.get("primaryKey", [])),
            "foreignKeys": sorted(_foreign_keys(schema)),
        }
    units = descriptor.get("nonNegativeUnits")
    return {"about": ABOUT, "resources": resources, "id_columns": _id_columns(descriptor),
            "nonNegativeUnits": sorted(map(str, units)) if isinstance(units, list) else []}


def write_expectation(descriptor_path: Path, out: Path = EXPECTATION) -> Path:
    descriptor = json.loads(Path(descriptor_path).read_text(encoding="utf-8-sig"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(expectation_of(descriptor), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def read_expectation(path: Path = EXPECTATION) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def check_schema(descriptor: dict, expected: dict) -> list[Problem]:
    """Every difference from the expectation: errors where the descriptor loosens it, warnings where it adds.

    One problem per table or column and kind, its changes joined, so that each has its own place in the report.
    """
    whole = expectation_of(descriptor)
    actual = whole["resources"]
    changes: list[tuple[str, bool, str]] = []  # (where: table or table.column, added, what changed)
    changes.extend(_unit_changes(expected.get("nonNegativeUnits", []), whole["nonNegativeUnits"]))
    for name, want in expected["resources"].items():
        have = actual.get(name)
        if have is None:
            changes.append((name, False, f"删除了表 {name}（{want['path']}）"))
        else:
            changes.extend(_resource_changes(name, want, have))
    changes.extend((name, True, f"新增了表 {name}（{have['path']}）") for name, have in actual.items()
                   if name not in expected["resources"])
    grouped: dict[tuple[str, bool], list[str]] = {}
    for where, added, what in changes:
        grouped.setdefault((where, added), []).append(what)
    return [problem("schema-addition" if added else "schema-change", DESCRIPTOR, None, show(where, 60),
                    what=show("；".join(whats), 300))
            for (where, added), whats in grouped.items()]


def check_ids(tables: dict[str, RawTable], expected: dict) -> list[Problem]:
    """Ids that become page slugs and file names, checked against the fixed safe pattern whatever the descriptor says."""
    found = []
    for name, columns in expected["id_columns"].items():
        table = tables.get(name)
        for column in columns if table else ():
            if column not in table.header:
                continue
            index = table.header.index(column)
            for number, cells in table.rows:
                value = cells[index] if index < len(cells) else ""
                if value and not is_safe_id(value):
                    found.append(problem("unsafe-id", table.file, number, column, value))
    return found


def _unit_changes(want: list[str], have: list[str]) -> list[tuple[str, bool, str]]:
    """nonNegativeUnits: a unit taken off lets negative amounts through (a loosening); a unit added only tightens."""
    where = "nonNegativeUnits"
    dropped, added = [u for u in want if u not in have], [u for u in have if u not in want]
    return ([(where, False, f"不能为负数的单位少了 {'、'.join(dropped)}")] if dropped else []) + (
        [(where, True, f"不能为负数的单位多了 {'、'.join(added)}")] if added else [])


def _resource_changes(name: str, want: dict, have: dict) -> list[tuple[str, bool, str]]:
    found = []
    if have["path"] != want["path"]:
        found.append((name, False, f"文件从 {want['path']} 改成了 {have['path']}"))
    for field, rules in want["fields"].items():
        if field not in have["fields"]:
            found.append((f"{name}.{field}", False, f"删除或改名了列 {field}"))
        else:
            found.extend(_field_changes(f"{name}.{field}", rules, have["fields"][field]))
    found.extend((f"{name}.{field}", True, f"新增了列 {field}") for field in have["fields"] if field not in want["fields"])
    if have["primaryKey"] != want["primaryKey"]:
        found.append((name, False, f"主键从 {_keys(want['primaryKey'])} 改成了 {_keys(have['primaryKey'])}"))
    for key in want["foreignKeys"]:
        if key not in have["foreignKeys"]:
            found.append((name, False, f"删除了外键 {_foreign(key)}"))
    found.extend((name, True, f"新增了外键 {_foreign(key)}") for key in have["foreignKeys"] if key not in want["foreignKeys"])
    return found


def _field_changes(where: str, want: dict, have: dict) -> list[tuple[str, bool, str]]:
    found = []
    for prop in _SAME + _FLAGS + _AT_MOST + _AT_LEAST:
        before, after = want.get(prop), have.get(prop)
        if before != after:
            added = before is None or after is not None and _tighter(prop, before, after)
            found.append((where, added, f"{prop} 从 {_shown(before)} 改成了 {_shown(after)}"))
    return found


def _tighter(prop: str, before, after) -> bool:
    if prop in _FLAGS:
        return bool(after) and not before
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (before, after))
    if prop in _AT_MOST:
        return numbers and after < before
    if prop in _AT_LEAST:
        return numbers and after > before
    return False


def _field(field: dict) -> dict:
    rules = {"type": field.get("type", "string")}
    for prop in ("format", "trueValues", "falseValues"):
        if prop in field:
            rules[prop] = field[prop]
    if rules["type"] == "number":
        rules["bareNumber"] = field.get("bareNumber", True)  # Table Schema's default
    constraints = field.get("constraints") or {}
    for prop in ("pattern", "enum") + _FLAGS + _AT_MOST + _AT_LEAST:
        if prop in constraints and constraints[prop] is not False:
            rules[prop] = constraints[prop]
    return rules


def _names(value) -> list:
    return [value] if isinstance(value, str) else list(value)


def _foreign_keys(schema: dict) -> list[list]:
    return [[_names(k["fields"]), k["reference"]["resource"], _names(k["reference"]["fields"])]
            for k in schema.get("foreignKeys", [])]


def _id_columns(descriptor: dict) -> dict[str, list[str]]:
    """Each resource keyed by one "id" column, and every column that refers to one of those."""
    keyed = {r["name"] for r in descriptor["resources"] if _names(r["schema"].get("primaryKey", [])) == ["id"]}
    columns: dict[str, list[str]] = {}
    for resource in descriptor["resources"]:
        names = ["id"] if resource["name"] in keyed else []
        for fields, target, target_fields in _foreign_keys(resource["schema"]):
            if target in keyed and target_fields == ["id"]:
                names += [f for f in fields if f not in names]
        if names:
            columns[resource["name"]] = names
    return columns


def _keys(names: list) -> str:
    return "、".join(names) or "（无）"


def _foreign(key: list) -> str:
    return f"{_keys(key[0])} → {key[1]}.{_keys(key[2])}"


def _shown(value) -> str:
    if value is None:
        return "（无）"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"
