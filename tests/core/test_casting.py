"""scripts.core.casting via package.read_table: only ASCII numbers and dates are read; anything else names its cell."""

import datetime

import pytest

from scripts.core.casting import CellError
from scripts.core.package import read_table

SCHEMA = {"fields": [{"name": "id", "type": "string"}, {"name": "value", "type": "number"},
                     {"name": "year", "type": "integer"}, {"name": "published", "type": "date"}]}


def table(tmp_path, text: str):
    path = tmp_path / "data" / "observations.csv"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def test_ordinary_cells_are_typed_and_blank_rows_skipped(tmp_path):
    path = table(tmp_path, "id,value,year,published\na,-3.5,2023,2023-03-24\n,,,\nb,,,\n")
    assert read_table(path, SCHEMA) == [
        {"id": "a", "value": -3.5, "year": 2023, "published": datetime.date(2023, 3, 24)},
        {"id": "b", "value": None, "year": None, "published": None},
    ]


def test_full_width_date_names_file_row_and_column(tmp_path):
    path = table(tmp_path, "id,value,year,published\na,1,2023,2023-03-24\n,,,\nb,1,2023,２０２３-03-24\n")
    with pytest.raises(CellError) as caught:
        read_table(path, SCHEMA)
    assert caught.value.chinese == (
        "data/observations.csv 第4行「published」的值“２０２３-03-24”不是日期（如 2023-03-24），无法读取。"
        "请先运行 make validate，按提示改正这一格。"
    )


@pytest.mark.parametrize("value", ["sNaN", "nan", "-Infinity", "1_200", "٢٠٢٣", "１２"])
def test_what_python_would_take_is_not_a_number(tmp_path, value):
    path = table(tmp_path, f"id,value,year,published\na,{value},2023,\n")
    with pytest.raises(CellError) as caught:
        read_table(path, SCHEMA)
    assert caught.value.chinese == (
        f"data/observations.csv 第2行「value」的值“{value}”不是数字，无法读取。请先运行 make validate，按提示改正这一格。"
    )


def test_integer_with_a_fraction_is_refused(tmp_path):
    path = table(tmp_path, "id,value,year,published\na,1,2023.0,\n")
    with pytest.raises(CellError, match="第2行「year」的值“2023.0”不是整数"):
        read_table(path, SCHEMA)


@pytest.mark.parametrize("value", ["9" * 400, "1" + "0" * 300, "1e300", "1234567890123456", "0.1234567890123456"])
def test_a_number_with_more_than_15_digits_is_refused(tmp_path, value):
    """400 nines would be infinity and 1 and 300 zeros float noise: the site reads only what it can show as written."""
    path = table(tmp_path, f"id,value,year,published\na,{value},2023,\n")
    with pytest.raises(CellError, match="第2行「value」的值"):
        read_table(path, SCHEMA)


def test_fifteen_digits_are_read(tmp_path):
    path = table(tmp_path, "id,value,year,published\na,999999999999999,2023,\nb,33.3333333333,2023,\n")
    assert [row["value"] for row in read_table(path, SCHEMA)] == [999999999999999.0, 33.3333333333]
