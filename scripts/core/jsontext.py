"""JSON as the build reads it: a key written twice in one object is an error naming the key and its line.

Python's json keeps the last of two equal keys without a word, while a reviewer reads the first: `"end_year": 2023`
followed further down by `"end_year": 2030` would look reviewed and act otherwise. Every JSON file the build reads
(datapackage.json, validations/*.json, the schema expectation) goes through loads() here. top_level_values() finds
where each value of the outermost object is written, so that a tool can rewrite one value and keep the rest of the
text as its author wrote it.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring

_TOKEN = re.compile(r'["{}\[\]]')
_COLON = re.compile(r"\s*:")
_SPACE = re.compile(r"[ \t\r\n]*")  # the whitespace JSON allows between tokens


class DuplicateKey(ValueError):
    """The same key twice in one JSON object; `line` is where the second one is written (the first line is 1)."""

    def __init__(self, key: str, line: int):
        super().__init__(f"duplicate key {key!r} on line {line}")
        self.key = key
        self.line = line


def loads(text: str):
    """json.loads, raising DuplicateKey for a key repeated within one object (json.JSONDecodeError as usual)."""
    repeated = []

    def pairs(items):
        keys = [key for key, _ in items]
        if len(set(keys)) != len(keys):
            repeated.append(True)
        return dict(items)

    def constant(name: str):  # NaN, Infinity, -Infinity: Python reads them, JSON has no such values
        raise json.JSONDecodeError(f"{name} is not JSON", text, _bare_position(text, name))

    value = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    if repeated:  # rare: find the first repeat and its line, reading the text once more
        key, position = first_repeated_key(text)
        raise DuplicateKey(key, text.count("\n", 0, position) + 1)
    return value


def _bare_position(text: str, word: str) -> int:
    """Where `word` is first written outside a string (0 if nowhere)."""
    position = 0
    while match := re.compile(r'"|' + re.escape(word)).search(text, position):
        if match.group() != '"':
            return match.start()
        position = scanstring(text, match.end())[1]
    return 0


def first_repeated_key(text: str) -> tuple[str, int]:
    """The first key written twice in one object of valid JSON text, and where its second writing starts."""
    stack: list[set | None] = []  # the keys seen in each open object (None for a list)
    position = 0
    while match := _TOKEN.search(text, position):
        char, position = match.group(), match.end()
        if char == '"':
            key, end = scanstring(text, position)
            is_key = stack and stack[-1] is not None and _COLON.match(text, end)
            if is_key and key in stack[-1]:
                return key, match.start()
            if is_key:
                stack[-1].add(key)
            position = end
        elif char in "{[":
            stack.append(set() if char == "{" else None)
        else:
            stack.pop()
    raise ValueError("no repeated key")


def top_level_values(text: str) -> tuple[dict[str, tuple[int, int]], int]:
    """Where each key of the outermost JSON object has its value written: key -> (start, end) in text; and where
    its first key starts (or its closing brace, when it is empty). ValueError when text is not such an object."""
    decoder = json.JSONDecoder()
    at = _SPACE.match(text).end()
    if not text.startswith("{", at):
        raise ValueError("not a JSON object")
    at = first = _SPACE.match(text, at + 1).end()
    spans: dict[str, tuple[int, int]] = {}
    if text.startswith("}", at):
        return spans, first
    while True:
        if not text.startswith('"', at):
            raise ValueError(f"a key expected at {at}")
        key, at = scanstring(text, at + 1)
        at = _SPACE.match(text, at).end()
        if not text.startswith(":", at):
            raise ValueError(f"':' expected at {at}")
        start = _SPACE.match(text, at + 1).end()
        _, end = decoder.raw_decode(text, start)
        spans[key] = (start, end)
        at = _SPACE.match(text, end).end()
        if text.startswith(",", at):
            at = _SPACE.match(text, at + 1).end()
        elif text.startswith("}", at):
            return spans, first
        else:
            raise ValueError(f"',' or '}}' expected at {at}")
