"""The reviewed rules the validator holds: the structure expectation and the Great Expectations suites.

Both are JSON files in validations/, read strictly (scripts/core/jsontext.py): a file that is not JSON, repeats a
key or lacks what the validator needs is a problem blamed on that file, never on datapackage.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from scripts.core.jsontext import DuplicateKey, loads
from scripts.core.paths import SCHEMA_EXPECTATION, SUITES_DIR
from scripts.validate.messages import MESSAGES
from scripts.validate.problems import Problem, problem


@dataclass
class Rules:
    expected: dict | None  # the structure expectation; None when it cannot be read (validation stops)
    suites: dict[str, dict] = field(default_factory=dict)  # file name -> suite, the ones that can run
    problems: list[Problem] = field(default_factory=list)


def read_rules(suites_dir: Path = SUITES_DIR, expectation: Path = SCHEMA_EXPECTATION) -> Rules:
    file = shown(expectation, suites_dir)
    expected, found = read_json(expectation, file, "schema-expectation-unreadable")
    if expected is not None and not (isinstance(expected, dict) and isinstance(expected.get("resources"), dict)):
        expected = None
        found.append(problem("schema-expectation-unreadable", file, what="缺少 resources"))
    suites, problems = read_suites(suites_dir)
    return Rules(expected, suites, found + problems)


def read_suites(suites_dir: Path = SUITES_DIR) -> tuple[dict[str, dict], list[Problem]]:
    """The suites that can run (file name -> suite), and a problem naming each file that cannot."""
    suites, found = {}, []
    for path in sorted(suites_dir.glob("*.json")):
        data, problems = read_json(path, shown(path, suites_dir))
        wrong = suite_shape(data) if data is not None else None
        if wrong:
            problems.append(problem("rules-file-shape", shown(path, suites_dir), what=wrong, frames=_frame_names()))
        found += problems
        if not problems:
            suites[path.name] = data
    return suites, found


def read_json(path: Path, file: str, unreadable: str = "rules-file-shape") -> tuple[object, list[Problem]]:
    """The file's JSON, or None and the problem that names the file, its line and what to do. A file that is
    missing or cannot be decoded gets the `unreadable` message: a suite's, or the structure expectation's."""
    try:
        return loads(path.read_text(encoding="utf-8-sig")), []
    except DuplicateKey as error:
        return None, [problem("json-duplicate-key", file, key=error.key, line=error.line)]
    except json.JSONDecodeError as error:
        return None, [problem("descriptor-not-json", file, line=error.lineno, col=error.colno)]
    except FileNotFoundError:
        return None, [problem(unreadable, file, what="找不到这个文件", frames=_frame_names())]
    except (OSError, UnicodeDecodeError, RecursionError, ValueError) as error:
        return None, [problem(unreadable, file, what=f"无法读取（{type(error).__name__}）", frames=_frame_names())]


def suite_shape(data) -> str | None:
    """What a suite lacks for the validator to run it (in Chinese), None when it has it all."""
    from scripts.validate.frames import FRAMES

    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return "缺少 name"
    meta = data.get("meta")
    if not isinstance(meta, dict) or meta.get("frame") not in FRAMES:
        return "meta.frame 不是可以用的表"
    rules = data.get("expectations")
    if not isinstance(rules, list):
        return "缺少 expectations 列表"
    for number, rule in enumerate(rules, start=1):
        if not (isinstance(rule, dict) and isinstance(rule.get("type"), str) and isinstance(rule.get("kwargs"), dict)
                and isinstance(rule.get("meta"), dict) and rule["meta"].get("code") in MESSAGES
                and isinstance(rule["meta"].get("column"), str)):
            return f"第{number}条规则缺少 type、kwargs，或 meta 里的 code（报告用的提示）和 column"
    return None


def shown(path: Path, suites_dir: Path = SUITES_DIR) -> str:
    """A rules file as staff see it: validations/lead_units.json."""
    try:
        return path.relative_to(suites_dir.parent).as_posix()
    except ValueError:
        return path.name


def _frame_names() -> str:
    from scripts.validate.frames import FRAMES

    return "、".join(FRAMES)
