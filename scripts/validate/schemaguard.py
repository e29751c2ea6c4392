"""The structure a pull request may not loosen: a reviewed expectation of the schema and the rules, and the changes.

The expectation (validations/schema/expectation.json) is written from the reviewed datapackage.json and the
suites in validations/ by `python -m scripts validate --write-schema-expectation`. A descriptor that weakens it
(drops a resource, field, key, pattern, enum or required, changes a type or how Frictionless reads a table),
changes the plan's fields (its years bound every period), or a suite deleted or changed is an error; additions
(and marking the package as fictional demo data) are warnings; both are listed first in the report, for review.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.core.jsontext import loads
from scripts.core.paths import SCHEMA_EXPECTATION, SUITES_DIR
from scripts.core.safety import is_safe_id
from scripts.validate.descriptor import DESCRIPTOR
from scripts.validate.messages import show
from scripts.validate.options import reading
from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import RawTable
from scripts.validate.rules import read_suites, shown

ABOUT = ("结构预期：由 python -m scripts validate --write-schema-expectation 按审核过的 datapackage.json 和 validations/ 里的"
         "规则生成，不要手改；数据包的结构、plan 或规则与这里不同就是结构变更，需要审核。")
# Field properties the code relies on. "same": any change weakens; "at most"/"at least": a bound may only tighten.
_SAME = ("type", "pattern", "enum", "format", "bareNumber", "trueValues", "falseValues")
_FLAGS = ("required", "unique")
_AT_MOST = ("maxLength", "maximum")
_AT_LEAST = ("minimum",)


def expectation_of(descriptor: dict, suites: dict[str, dict]) -> dict:
    """What the validator holds fixed: resources, fields, types, constraints, keys, how each table is read, id
    columns, the non-negative units, the plan, whether the data is fictional, and every suite (file name -> suite)."""
    resources = {}
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        resources[resource["name"]] = {
            "path": resource["path"],
            "reading": reading(resource),
            "fields": {f["name"]: _field(f) for f in schema["fields"]},
            "primaryKey": _names(schema.get("primaryKey", [])),
            "foreignKeys": sorted(_foreign_keys(schema)),
        }
    units = descriptor.get("nonNegativeUnits")
    return {"about": ABOUT, "resources": resources, "id_columns": _id_columns(descriptor),
            "nonNegativeUnits": sorted(map(str, units)) if isinstance(units, list) else [],
            "plan": descriptor.get("plan", {}), "demo": descriptor.get("demo", False), "suites": dict(sorted(suites.items()))}


class RulesNotRunnable(Exception):
    """The expectation was not written: some suites cannot run (`problems` name each file)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def write_expectation(descriptor_path: Path, out: Path = SCHEMA_EXPECTATION, suites_dir: Path = SUITES_DIR) -> Path:
    """Write the expectation of this descriptor and the suites, read as the validator reads them; refuse (raise
    RulesNotRunnable) while a suite cannot run, so that an expectation never leaves a broken suite out."""
    descriptor = loads(Path(descriptor_path).read_text(encoding="utf-8-sig"))
    suites, problems = read_suites(suites_dir)
    if problems:
        raise RulesNotRunnable(problems + [problem("expectation-not-written", shown(out, suites_dir))])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(expectation_of(descriptor, suites), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def without_unreviewed_patterns(descriptor: dict, expected: dict) -> dict:
    """The descriptor with every pattern that is not the reviewed one taken out of its columns' constraints.

    check_schema reports such a pattern for review; until then it is not run. A pattern is a regular expression
    run on every cell, and one written to backtrack ((.*.*)*X) would hold validation, and CI with it, for hours.
    Changed in place and returned."""
    reviewed = expected.get("resources", {})
    for resource in descriptor.get("resources", []):
        fields = (reviewed.get(resource.get("name")) or {}).get("fields", {})
        for field in resource.get("schema", {}).get("fields", []):
            constraints = field.get("constraints") or {}
            if "pattern" in constraints and constraints["pattern"] != (fields.get(field.get("name")) or {}).get("pattern"):
                del constraints["pattern"]
    return descriptor


def check_schema(descriptor: dict, expected: dict, suites: dict[str, dict] | None = None) -> list[Problem]:
    """Every difference from the expectation: errors where the descriptor or the rules loosen it, warnings where
    they add. `suites` are the suites that will run (file name -> suite); None leaves the suites out.

    One problem per table, column, plan or suite and kind, its changes joined, so each has its own place in the report.
    """
    whole = expectation_of(descriptor, suites or {})
    actual = whole["resources"]
    changes: list[tuple[str, bool, str]] = []  # (where: table or table.column, added, what changed)
    changes.extend(_unit_changes(expected.get("nonNegativeUnits", []), whole["nonNegativeUnits"]))
    changes.extend(_plan_changes(expected.get("plan", {}), whole["plan"]))
    changes.extend(_demo_change(expected.get("demo", False), whole["demo"]))
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
    found = [problem("schema-addition" if added else "schema-change", DESCRIPTOR, None, show(where, 60),
                     what=show("；".join(whats), 300))
             for (where, added), whats in grouped.items()]
    if suites is not None:
        found += _suite_changes(expected.get("suites", {}), suites)
    return found


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


def _plan_changes(want: dict, have: dict) -> list[tuple[str, bool, str]]:
    """The plan's fields: its years bound every period and target, its title and address are shown on the site."""
    found = []
    for key in [*want, *(k for k in have if k not in want)]:
        before, after = want.get(key), have.get(key)
        if before != after:
            found.append(("plan", key not in want, f"plan.{key} 从 {_shown(before)} 改成了 {_shown(after)}"))
    return found


def _demo_change(want, have) -> list[tuple[str, bool, str]]:
    """Marking the data fictional is reviewed (a warning); marking fictional data real is an error."""
    if want == have or not isinstance(have, bool):  # anything but true or false is an error of its own
        return []
    return [("demo", have is True, f"demo 从 {_shown(want)} 改成了 {_shown(have)}（true 时每页都标明数字为虚构）")]


def _suite_changes(want: dict[str, dict], have: dict[str, dict]) -> list[Problem]:
    """A suite deleted or changed is an error (the rule may have been relaxed), a new suite or rule a warning."""
    found = []
    for name in sorted({*want, *have}):
        file = f"{SUITES_DIR.name}/{name}"
        before, after = want.get(name), have.get(name)
        if before == after:
            continue
        if after is None:
            whats, added = [f"删除了规则文件 {file}（或它不能运行）"], False
        elif before is None:
            whats, added = [f"新增了规则文件 {file}"], True
        else:
            whats, added = _rule_changes(before, after)
        found.append(problem("schema-addition" if added else "schema-change", file, what=show("；".join(whats), 300)))
    return found


def _rule_changes(want: dict, have: dict) -> tuple[list[str], bool]:
    """What changed in a suite, rule by rule, and whether it only gained rules."""
    old, new = want.get("expectations", []), have.get("expectations", [])
    whats = []
    for number, (a, b) in enumerate(zip(old, new), start=1):
        if a != b:
            whats.append(f"第{number}条规则（{_code(a)}）" + "，".join(_differences(a, b)))
    whats += [f"删除了第{n}条规则（{_code(a)}）" for n, a in enumerate(old[len(new):], start=len(new) + 1)]
    whats += [f"新增了第{n}条规则（{_code(b)}）" for n, b in enumerate(new[len(old):], start=len(old) + 1)]
    rest = ({k: v for k, v in want.items() if k != "expectations"}, {k: v for k, v in have.items() if k != "expectations"})
    if rest[0] != rest[1]:
        whats.append("规则文件的 name 或 meta 有改动")
    only_added = len(new) > len(old) and old == new[: len(old)] and rest[0] == rest[1]
    return whats, only_added


def _differences(a: dict, b: dict) -> list[str]:
    flat_a, flat_b = _flat(a), _flat(b)
    return [f"{key} 从 {_shown(flat_a.get(key))} 改成了 {_shown(flat_b.get(key))}"
            for key in dict.fromkeys([*flat_a, *flat_b]) if flat_a.get(key) != flat_b.get(key)]


def _flat(item: dict, prefix: str = "") -> dict:
    """Nested objects as one level: {"kwargs": {"max_value": 1}} -> {"kwargs.max_value": 1}."""
    flat = {}
    for key, value in item.items():
        if isinstance(value, dict) and value:
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _code(rule) -> str:
    meta = rule.get("meta") if isinstance(rule, dict) else None
    return str(meta.get("code", "？")) if isinstance(meta, dict) else "？"


def _resource_changes(name: str, want: dict, have: dict) -> list[tuple[str, bool, str]]:
    found = []
    if have["path"] != want["path"]:
        found.append((name, False, f"文件从 {want['path']} 改成了 {have['path']}"))
    if "reading" in want and have["reading"] != want["reading"]:
        found.append((name, False, "读表方式的 " + "，".join(_differences(want["reading"], have["reading"]))))
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
