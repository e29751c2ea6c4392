"""Foreign keys, checked on the tables as read: every reference names a row of the table it points to.

Frictionless would check them too, but it reads each referenced file again, through its whole machinery, for
every key of every resource it validates: two-thirds of its time on the shipped package. The rule is the same
as Frictionless's (Table Schema): a cell left empty is missing; a row whose key cells are all missing refers to
nothing and is not checked; the cells of a row must equal, together, the referenced cells of some row of the
other table, text for text (every key column is a string).
"""

from __future__ import annotations

import unicodedata

from scripts.core.lookalike import skeleton
from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import RawTable


def check_references(tables: dict[str, RawTable], descriptor: dict) -> list[Problem]:
    """An unknown-reference problem for each row whose key is not found in the table it points to; keys from or
    into a table that was not read (wrong encoding, header, ...) are left out, as their files are reported. The
    descriptor's keys are known to name tables and columns it has (scripts/validate/descriptor.py)."""
    resources = {r["name"]: r for r in descriptor["resources"]}
    found = []
    for resource in descriptor["resources"]:
        table = tables.get(resource["name"])
        for key in resource["schema"].get("foreignKeys", []) if table else ():
            target, columns, referenced = key["reference"]["resource"], key["fields"], key["reference"]["fields"]
            if target not in tables or not set(columns) <= set(table.header):
                continue  # a file not read, or a header without the key's columns: reported as such
            known = {cells for _, cells in _numbered_keys(tables[target], referenced) if any(cells)}
            title = next(f.get("title", f["name"]) for f in resources[target]["schema"]["fields"] if f["name"] == referenced[0])
            alike = None
            for number, cells in _numbered_keys(table, columns):
                if any(cells) and cells not in known:
                    if alike is None:  # built only when a key is unknown: most packages have none
                        alike = {_folded(k): k for k in sorted(known)}
                    found.append(_unknown(table.file, number, columns, cells, alike.get(_folded(cells)),
                                          reference_file=resources[target]["path"], reference_title=title))
    return found


def _folded(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A key as it looks: look-alike letters (Cyrillic а, full-width ｑ) as their Latin prototype, case ignored."""
    return tuple(skeleton(cell.casefold()).casefold() for cell in cells)  # case first: skeleton("I") is l


def _unknown(file: str, number: int, columns: list[str], cells: tuple[str, ...], meant: tuple[str, ...] | None,
             **context) -> Problem:
    """An unknown key; when it only looks different from a known one, which characters make the difference."""
    value, where = " / ".join(cells), ",".join(columns)
    if meant is None:
        return problem("unknown-reference", file, number, where, value, **context)
    meant_text = " / ".join(meant)
    odd = dict.fromkeys(char for char in value if not char.isascii())
    if odd:
        names = "、".join(f"“{char}”（U+{ord(char):04X} {unicodedata.name(char, '')}）" for char in odd)
        return problem("reference-lookalike", file, number, where, value, meant=meant_text, names=names, **context)
    if value.casefold() == meant_text.casefold():
        return problem("reference-case", file, number, where, value, meant=meant_text, **context)
    return problem("unknown-reference", file, number, where, value, **context)  # ASCII look-alikes (1 for l): no hint


def _numbered_keys(table: RawTable, columns: list[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(Excel row, the row's cells in columns) for every data row; a cell the row lacks is empty."""
    indexes = [table.header.index(c) if c in table.header else None for c in columns]
    return [(number, tuple(cells[i] if i is not None and i < len(cells) else "" for i in indexes))
            for number, cells in table.rows]
