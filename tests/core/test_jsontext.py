"""scripts.core.jsontext: a key written twice in one JSON object is an error naming the key and its line."""

import json

import pytest

from scripts.core.jsontext import DuplicateKey, loads, top_level_values


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


def test_top_level_values_are_found_where_they_are_written():
    text = '{\n  "version": "1.2.0",\n  "plan": {"version": "x", "a": [1, "}"]},\n  "created":"2026-12-01" }'
    spans, first = top_level_values(text)
    assert {key: text[start:end] for key, (start, end) in spans.items()} == {
        "version": '"1.2.0"', "plan": '{"version": "x", "a": [1, "}"]}', "created": '"2026-12-01"'}
    assert first == 4  # where "version" starts, after the brace, the line break and two spaces
    assert top_level_values(" { } ") == ({}, 3)


@pytest.mark.parametrize("text", ['["version"]', '{"a" 1}', '{"a": 1 "b": 2}', '{a: 1}'])
def test_top_level_values_refuses_what_is_not_an_object(text):
    with pytest.raises(ValueError):
        top_level_values(text)
