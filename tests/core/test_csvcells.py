"""scripts.core.csvcells: cells that Excel could run as a formula get a leading quote; plain numbers do not."""

import pytest

from scripts.core.csvcells import csv_text, safe_cell, safe_csv_bytes


@pytest.mark.parametrize("cell, shown", [
    ("=1+1", "'=1+1"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("+'[evil.xlsx]S'!A1", "'+'[evil.xlsx]S'!A1"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-5", "-5"),
    ("-3.5", "-3.5"),
    ("-", "'-"),
    ("+5", "'+5"),
    ("衢州市", "衢州市"),
    ("a=b", "a=b"),
    ("", ""),
    # The full-width and small forms an input method types for = + - @ are treated the same.
    ("＝HYPERLINK(\"https://evil.example\")", "'＝HYPERLINK(\"https://evil.example\")"),
    ("﹦1+1", "'﹦1+1"),
    ("＋1", "'＋1"),
    ("－5", "'－5"),
    ("＠SUM(A1)", "'＠SUM(A1)"),
    ("﹣1", "'﹣1"),
    ("衢州＝", "衢州＝"),
])
def test_cells_that_could_be_formulas_get_a_quote(cell, shown):
    assert safe_cell(cell) == shown


def test_csv_text_quotes_formula_cells_and_writes_none_as_empty():
    assert csv_text([["名称", "值"], ["=HYPERLINK(\"http://x\")", -3.5], [None, "@a"]]) == (
        '名称,值\n"\'=HYPERLINK(""http://x"")",-3.5\n,\'@a\n'
    )


def test_a_file_without_formula_cells_keeps_its_bytes():
    data = b'\xef\xbb\xbfid,name\r\nquzhou,"\xe8\xa1\xa2\xe5\xb7\x9e\xe5\xb8\x82"\r\n'
    assert safe_csv_bytes(data) is data


def test_a_file_with_a_formula_cell_is_rewritten_with_the_cell_quoted():
    data = b"id,title\nt1,-cmd|' /C calc'!A0\nt2,-5\n"
    assert safe_csv_bytes(data).decode("utf-8") == "id,title\nt1,'-cmd|' /C calc'!A0\nt2,-5\n"
