"""Hostile text mode: markup, template and table syntax put into every free-text cell."""

from __future__ import annotations

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ config }}",
    "{% raw %}{% endraw %}",
    "**bold**",
    "| a | b |",
    "第一行\n第二行",
    "&amp;",
]

def make_hostile(descriptor: dict, tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Put markup, template and table syntax into every free-text cell, within the schema's limits.

    Free text is a string column with no enum, pattern or format that is no key. Cells long enough get
    every hostile string; short ones get the next string, in turn, that fits after the ordinary text.
    """
    result = {}
    for resource in descriptor["resources"]:
        free = [f for f in resource["schema"]["fields"] if _is_free_text(f, resource["schema"])]
        rows = []
        for r, row in enumerate(tables[resource["name"]]):
            row = dict(row)
            for f in free:
                row[f["name"]] = _hostile(row[f["name"]], f.get("constraints", {}).get("maxLength"), r)
            rows.append(row)
        result[resource["name"]] = rows
    return result


def _is_free_text(field: dict, schema: dict) -> bool:
    keys = set(schema.get("primaryKey", []))
    keys |= {name for fk in schema.get("foreignKeys", []) for name in fk["fields"]}
    constraints = field.get("constraints", {})
    return (
        field.get("type", "string") == "string" and "format" not in field and field["name"] not in keys
        and "enum" not in constraints and "pattern" not in constraints
    )


def _hostile(value: str | None, max_length: int | None, row: int) -> str:
    text = value or ""
    everything = " ".join(HOSTILE)
    if max_length is None or len(text) + 1 + len(everything) <= max_length:
        return f"{text} {everything}".strip()
    for i in range(len(HOSTILE)):
        snippet = HOSTILE[(row + i) % len(HOSTILE)]
        if len(text) + len(snippet) <= max_length:
            return text + snippet
    raise ValueError(f"no hostile text fits after {text!r} within {max_length} characters")
