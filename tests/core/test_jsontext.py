"""scripts.core.jsontext: a key written twice in one JSON object is an error naming the key and its line."""

import json

import pytest

from scripts.core.jsontext import DuplicateKey, loads


@pytest.mark.parametrize("text, key, line", [
    # The payloads: a reviewer reads the first value, Python's json keeps the last.
    ('{\n  "plan": {\n    "end_year": 2023,\n    "title": "x",\n    "end_year": 2030\n  }\n}', "end_year", 5),
    ('{"name": "p",\n "demo": false,\n "resources": [],\n "demo": true}', "demo", 4),
    # The same key written with an escape is the same key.
    ('{"demo": false,\n"d\\u0065mo": true}', "demo", 2),
    # Deep inside a list of objects, after a string holding the key and a quote.
    ('{"a": [{"k": "\\"k\\": 1", "x": 1}, {"k": 2,\n\n "k": 3}]}', "k", 3),
])
def test_a_repeated_key_names_the_key_and_the_line_of_its_second_writing(text, key, line):
    with pytest.raises(DuplicateKey) as caught:
        loads(text)
    assert (caught.value.key, caught.value.line) == (key, line)


def test_equal_keys_in_different_objects_are_fine():
    assert loads('{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 3}, {"k": 4}]}') == {
        "a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 3}, {"k": 4}]}


def test_invalid_json_is_still_a_json_error():
    with pytest.raises(json.JSONDecodeError):
        loads('{"a": 1,}')


@pytest.mark.parametrize("text, line, column", [('{"a": "NaN",\n "units": [1, NaN]}', 2, 15), ('{"x": -Infinity}', 1, 7)])
def test_nan_and_infinity_are_not_json(text, line, column):
    with pytest.raises(json.JSONDecodeError) as caught:
        loads(text)
    assert (caught.value.lineno, caught.value.colno) == (line, column)
