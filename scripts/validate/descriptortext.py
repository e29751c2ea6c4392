"""Every string in datapackage.json is data: control and invisible characters are errors, addresses follow the
rules for links (scripts/core/urls.py), and markup is shown as text, with a warning so a reviewer sees it."""

from __future__ import annotations

from scripts.validate.cellchecks import MARKUP
from scripts.validate.descriptor import DESCRIPTOR
from scripts.validate.messages import CONTROL, INVISIBLE, invisible_name, show
from scripts.validate.problems import Problem, problem
from scripts.validate.urlcheck import url_problems

# Properties that hold an address: the plan's own, a homepage, and the path of a source, licence or contributor.
_ADDRESS_KEYS = {"url", "homepage"}
_ADDRESS_LISTS = {"sources", "licenses", "contributors"}
# Properties that are not text for readers: regular expressions and names the schema checks in its own way.
_NOT_TEXT = {"pattern"}


def check_texts(descriptor: dict) -> list[Problem]:
    """One problem per string and kind; `where` names the property, e.g. plan.url, resources[units].title."""
    found = []
    for where, key, value, in_list in _strings(descriptor, "", None):
        controls = [c for c in dict.fromkeys(CONTROL.findall(value) + INVISIBLE.findall(value))]
        if controls:
            names = "、".join(invisible_name(c) for c in controls)
            found.append(problem("descriptor-text", DESCRIPTOR, None, where, value, where=where, names=names))
            continue
        if key in _ADDRESS_KEYS or (key == "path" and in_list in _ADDRESS_LISTS):
            found.extend(url_problems(DESCRIPTOR, None, where, value))
        elif key not in _NOT_TEXT:
            kinds = [name for name, pattern in MARKUP.items() if pattern.search(value)]
            if kinds:
                what = "、".join(kinds)
                found.append(problem("descriptor-markup", DESCRIPTOR, None, where, value, where=where,
                                     what=f" {what}" if what[0].isascii() else what))
    return found


def _strings(item, where: str, in_list: str | None):
    """(where, key, string, the list it is an item of) for every string of the descriptor, keys included."""
    if isinstance(item, dict):
        for key, value in item.items():
            if isinstance(key, str) and (CONTROL.search(key) or INVISIBLE.search(key)):
                yield f"{where}（键）", "", key, None
            path = f"{where}.{key}" if where else str(key)
            if isinstance(value, str):
                yield path, key, value, in_list
            else:
                yield from _strings(value, path, key if isinstance(value, list) else None)
    elif isinstance(item, list):
        for number, value in enumerate(item, start=1):
            label = value.get("name") if isinstance(value, dict) and isinstance(value.get("name"), str) else None
            path = f"{where}[{show(label, 30) if label else number}]"
            if isinstance(value, str):
                yield path, "", value, None
            else:
                yield from _strings(value, path, in_list)
