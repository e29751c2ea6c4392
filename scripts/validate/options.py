"""The Frictionless options a package may use: only those under which Frictionless reads a table as the site does.

The site reads each CSV one way (scripts/core/package.py: UTF-8, commas, double quotes, row 1 the header, every
non-blank row, an empty cell empty). Frictionless can be told to read it otherwise: to skip comment rows, take a
later row as the header, treat "action-9-9" as empty, decode another encoding, read dates in another format. Then
its unique, key, enum and pattern checks pass over rows and values the site still publishes. So resources, schemas,
fields and constraints may hold only the properties listed here (a whitelist), each with a value the site reads
the same way; anything else is an error naming the property.
"""

from __future__ import annotations

from scripts.validate.descriptor import DESCRIPTOR
from scripts.validate.messages import show
from scripts.validate.problems import Problem, problem

# Descriptive properties (shown or ignored) and the ones whose values must be what the site reads.
RESOURCE_KEYS = {"name", "title", "description", "path", "schema", "profile", "sources", "licenses", "format",
                 "mediatype", "encoding", "dialect"}
RESOURCE_VALUES = {"format": ("csv",), "mediatype": ("text/csv",), "encoding": ("utf-8",)}
# A dialect may only say what the site assumes anyway.
DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "skipInitialSpace": False}
SCHEMA_KEYS = {"fields", "primaryKey", "foreignKeys", "missingValues"}
MISSING_VALUES = [""]  # Table Schema's default: only an empty cell is empty
FIELD_KEYS = {"name", "type", "title", "description", "constraints", "format", "bareNumber", "trueValues", "falseValues"}
TYPES = ("string", "integer", "number", "boolean", "date")  # what scripts/core/casting.py reads
FORMATS = {"string": ("default", "uri")}  # every other type: "default" only (a date format would read 24/03/2023)
CONSTRAINTS = {"required", "unique", "pattern", "maxLength", "enum", "minimum", "maximum"}


def check_options(descriptor: dict) -> list[Problem]:
    """Every property of a resource, schema, field or constraint outside the whitelist, or with another value."""
    found = []
    for number, resource in enumerate(descriptor["resources"], start=1):
        where = f"resources 第{number}项（{show(resource['name'], 30)}）"
        found += _keys(resource, RESOURCE_KEYS, where)
        for key, allowed in RESOURCE_VALUES.items():
            if key in resource and str(resource[key]).lower() not in allowed:
                found.append(_option(f"{where}的 {key}", resource[key], " 或 ".join(allowed)))
        found += _dialect(resource.get("dialect", {}), where)
        schema = resource["schema"]
        found += _keys(schema, SCHEMA_KEYS, f"{where}的 schema")
        if "missingValues" in schema and schema["missingValues"] != MISSING_VALUES:
            found.append(_option(f"{where}的 schema.missingValues", schema["missingValues"], '[""]（只有空格子算空）'))
        for field in schema["fields"]:
            found += _field(field, f"{where}的列 {show(field['name'], 30)}")
    return found


def reading(resource: dict) -> dict:
    """How Frictionless is told to read the resource, defaults written out: part of the structure expectation."""
    dialect = resource.get("dialect") if isinstance(resource.get("dialect"), dict) else {}
    return {
        "format": str(resource.get("format", "csv")).lower(),
        "encoding": str(resource.get("encoding", "utf-8")).lower(),
        "dialect": {**DIALECT, **dialect},
        "missingValues": resource["schema"].get("missingValues", MISSING_VALUES),
    }


def _dialect(dialect: dict, where: str) -> list[Problem]:
    found = []
    for key, value in dialect.items():
        if key not in DIALECT:
            found.append(_option(f"{where}的 dialect.{key}", value, "不写"))
        elif value != DIALECT[key]:
            allowed = DIALECT[key]
            found.append(_option(f"{where}的 dialect.{key}", value, f"“{allowed}”" if isinstance(allowed, str) else _json(allowed)))
    return found


def _field(field: dict, where: str) -> list[Problem]:
    found = _keys(field, FIELD_KEYS, where)
    kind = field.get("type", "string")
    if kind not in TYPES:
        found.append(_option(f"{where}的 type", kind, "、".join(TYPES)))
    # A type that is not a string (["string"]) is reported above; its format cannot be looked up.
    if "format" in field and isinstance(kind, str) and field["format"] not in FORMATS.get(kind, ("default",)):
        found.append(_option(f"{where}的 format", field["format"], " 或 ".join(FORMATS.get(kind, ("default",)))))
    if "bareNumber" in field and field["bareNumber"] is not True:
        found.append(_option(f"{where}的 bareNumber", field["bareNumber"], "true"))
    for key in ("trueValues", "falseValues"):
        if key in field and kind != "boolean":
            found.append(_option(f"{where}的 {key}（只有 boolean 列才用）", field[key], "不写"))
    return found + _keys(field.get("constraints") or {}, CONSTRAINTS, f"{where}的 constraints")


def _keys(item: dict, allowed: set[str], where: str) -> list[Problem]:
    return [_option(f"{where}的 {key}", item[key], "不写") for key in item if key not in allowed]


def _option(where: str, value, allowed: str) -> Problem:
    advice = "请删掉这一项。" if allowed == "不写" else f"请改成 {allowed}，或删掉这一项。"
    return problem("descriptor-option", DESCRIPTOR, None, None, _json(value), where=where, advice=advice)


def _json(value) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"
