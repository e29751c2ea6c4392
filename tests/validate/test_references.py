"""scripts.validate.references: foreign keys checked on the tables as read, by the rule Frictionless applies."""

import json
from pathlib import Path

from scripts.validate.rawcsv import read_table
from scripts.validate.references import check_references

# Two tables: areas (id) and figures, whose (area_id) and (area_id, period) point into areas and periods.
DESCRIPTOR = {
    "resources": [
        {"name": "areas", "path": "data/areas.csv", "schema": {
            "fields": [{"name": "id", "type": "string", "title": "地区代码"}, {"name": "name", "type": "string"}],
            "primaryKey": ["id"]}},
        {"name": "periods", "path": "data/periods.csv", "schema": {
            "fields": [{"name": "area_id", "type": "string"}, {"name": "period", "type": "string", "title": "时期"}]}},
        {"name": "figures", "path": "data/figures.csv", "schema": {
            "fields": [{"name": "area_id", "type": "string"}, {"name": "period", "type": "string"},
                       {"name": "value", "type": "string"}],
            "foreignKeys": [
                {"fields": ["area_id"], "reference": {"resource": "areas", "fields": ["id"]}},
                {"fields": ["area_id", "period"], "reference": {"resource": "periods", "fields": ["area_id", "period"]}},
            ]}},
    ]
}
FILES = {
    "areas": "id,name\nkecheng,柯城区\nqujiang,衢江区\n,无代码的一行\n",
    "periods": "area_id,period\nkecheng,2022\nqujiang,\n",
    "figures": (
        "area_id,period,value\n"
        "kecheng,2022,1\n"      # 2: both keys found
        "nowhere,2022,2\n"      # 3: an area that is not there; (nowhere, 2022) neither
        ",,3\n"                 # 4: both keys empty: refers to nothing, not checked
        "qujiang,,4\n"          # 5: (qujiang, empty) is a row of periods: found
        "kecheng,2023,5\n"      # 6: the area is there, the pair is not
        " kecheng,2022,6\n"     # 7: a space is part of the text
        "\n"                    # a blank line: no record
        ",,\n"                  # 9: a blank row
        "qujiang\n"             # 10: a short row: its period is empty, and (qujiang, empty) is found
    ),
}


def tables_in(folder: Path, names=("areas", "periods", "figures")) -> dict:
    tables = {}
    for resource in DESCRIPTOR["resources"]:
        path = folder / resource["path"]
        path.parent.mkdir(exist_ok=True)
        path.write_text(FILES[resource["name"]], encoding="utf-8")
        if resource["name"] in names:
            tables[resource["name"]] = read_table(resource["name"], resource["path"], path)
    return tables


def found(problems) -> list[tuple]:
    return [(p.file, p.row, p.column, p.value) for p in problems]


def test_each_row_whose_key_is_not_in_the_other_table_is_named_with_its_cells(tmp_path):
    problems = check_references(tables_in(tmp_path), DESCRIPTOR)
    assert found(problems) == [
        ("data/figures.csv", 3, "area_id", "nowhere"),
        ("data/figures.csv", 7, "area_id", " kecheng"),
        ("data/figures.csv", 3, "area_id,period", "nowhere / 2022"),
        ("data/figures.csv", 6, "area_id,period", "kecheng / 2023"),
        ("data/figures.csv", 7, "area_id,period", " kecheng / 2022"),
    ]
    assert [p.code for p in problems] == ["unknown-reference"] * 5
    assert problems[0].message == "data/areas.csv 里没有“nowhere”。"
    assert problems[0].fix == "请填 data/areas.csv 里已有的「地区代码」，或者先在那个表里加上这一行。"


def test_keys_into_a_table_that_was_not_read_are_left_out(tmp_path):
    assert found(check_references(tables_in(tmp_path, ("periods", "figures")), DESCRIPTOR)) == [
        ("data/figures.csv", 3, "area_id,period", "nowhere / 2022"),
        ("data/figures.csv", 6, "area_id,period", "kecheng / 2023"),
        ("data/figures.csv", 7, "area_id,period", " kecheng / 2022"),
    ]
    assert check_references(tables_in(tmp_path, ("areas", "periods")), DESCRIPTOR) == []


def test_frictionless_finds_the_same_rows_and_keys(tmp_path):
    """The rule is Frictionless's: on the same files, its foreign-key errors name the same rows and columns."""
    from frictionless import Package

    ours = sorted((p.row, p.column) for p in check_references(tables_in(tmp_path), DESCRIPTOR))
    report = Package.from_descriptor(DESCRIPTOR, basepath=str(tmp_path)).get_resource("figures").validate()
    theirs = sorted((e.row_number, ",".join(e.field_names)) for e in report.tasks[0].errors if e.type == "foreign-key")
    assert ours == theirs == [(3, "area_id"), (3, "area_id,period"), (6, "area_id,period"), (7, "area_id"),
                              (7, "area_id,period")]


def test_every_key_column_of_the_package_is_text(shipped_package):
    """The check compares cells as text, which is Frictionless's rule only for string columns: a key on a number or a
    date column (a reviewed change of the structure) would need its cells read as values first."""
    descriptor = json.loads(shipped_package.read_text(encoding="utf-8"))
    types = {(r["name"], f["name"]): f.get("type", "string") for r in descriptor["resources"] for f in r["schema"]["fields"]}
    keys = [(r["name"], key) for r in descriptor["resources"] for key in r["schema"].get("foreignKeys", [])]
    assert len(keys) > 10
    columns = {(name, c) for name, key in keys for c in key["fields"]}
    columns |= {(key["reference"]["resource"], c) for _, key in keys for c in key["reference"]["fields"]}
    assert {column: types[column] for column in columns if types[column] != "string"} == {}


def test_a_key_that_only_looks_like_a_known_one_names_the_odd_characters(small_package):
    from tests.validate.shared import validate_package

    path = small_package.parent / "data" / "observations.csv"
    text = path.read_text(encoding="utf-8")
    for old, new in [("new-firms,kecheng,", "new-firms,kеcheng,"), ("new-firms,qujiang,", "new-firms,ｑｕｊｉａｎｇ,"),
                     ("new-firms,longyou,", "new-firms,Longyou,")]:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    found = [p for p in validate_package(small_package).problems if p.column == "area_id"]
    assert [(p.row, p.code, p.value) for p in found] == [
        (6, "reference-lookalike", "kеcheng"), (7, "reference-lookalike", "ｑｕｊｉａｎｇ"), (8, "reference-case", "Longyou")]
    assert found[0].message == ("data/areas.csv 里没有“kеcheng”，但有看起来一样的“kecheng”：这一格里的 “е”（U+0435 CYRILLIC SMALL "
                                "LETTER IE） 不是键盘上的英文字母、数字或连字符。")
    assert found[1].fix == "多半是从网页、Word 或聊天软件复制来的；请删掉这一格，切换到英文输入法重新输入“qujiang”。"
    assert found[2].fix == "请改成“longyou”（编号都用小写英文字母；Excel/WPS 的“自动更正”可能把开头的字母改成了大写）。"


def test_a_capital_i_or_m_is_still_only_a_case_difference_and_a_digit_for_a_letter_is_not(small_package):
    # skeleton() reads a capital I as l and m as rn: case is folded first, so Excel's capitals are still named as such;
    # a 1 typed for an l is no case difference, and is an unknown key
    from tests.validate.shared import validate_package

    path = small_package.parent / "data" / "observations.csv"
    text = path.read_text(encoding="utf-8")
    for old, new in [("new-firms,quzhou,2021,", "New-Firms,quzhou,2021,"),
                     ("tax-per-mu,quzhou,2020,", "Tax-Per-Mu,quzhou,2020,"), ("new-firms,quzhou,2022,", "new-f1rms,quzhou,2022,")]:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    found = [(p.row, p.code, p.value) for p in validate_package(small_package).problems if p.column == "indicator_id"]
    assert found == [(2, "reference-case", "Tax-Per-Mu"), (4, "reference-case", "New-Firms"), (5, "unknown-reference", "new-f1rms")]
