"""One reading of the rows: Frictionless checks exactly the rows the site reads, and no option may make it read otherwise."""

import datetime
import decimal
import json

import pytest

from scripts.core.package import read_package
from scripts.validate.options import check_options
from tests.conftest import SHIPPED, fixture_package

# units.csv as Excel or a text editor may leave it: a BOM, CRLF line ends, a quoted comma and line break, blank
# rows, a row whose first cell starts with # (a comment to some readers), doubled quotes, a blank row at the end.
UNITS = ("\ufeffid,name,full_name,kind,area_id,order,full_name_source,current_name,renamed_on\r\n"
         'economy-it,示例经信局,"示例市, 经济\n和信息化局（虚构）",city_department,,1,,,\r\n'
         "\r\n"
         "development-reform,#示例发改委,示例市发展和改革委员会（虚构）,city_department,,2,,,\r\n"
         'leading-office,"示例""领导小组""办公室",示例市工业强市领导小组办公室（虚构）,other,,3,,,\r\n'
         ",,,,,,,,\r\n"
         "kecheng-gov,示例甲区政府,示例甲区人民政府（虚构）,county_government,kecheng,4,,,\r\n"
         ",,,,,,,,\r\n")


def frictionless_rows(package_path, name: str) -> list[dict]:
    """The rows Frictionless checks (a blank row is an error of its own, not a row), values as the site types them."""
    from frictionless import Package

    package = Package.from_descriptor(str(package_path))
    with package.get_resource(name) as resource:
        rows = [row.to_dict() for row in resource.row_stream]
    return [{k: float(v) if isinstance(v, decimal.Decimal) else v for k, v in row.items()}
            for row in rows if any(v is not None for v in row.values())]


def test_frictionless_checks_the_rows_the_site_reads(tmp_path):
    package_path = fixture_package("small", tmp_path / "small")
    (package_path.parent / "data" / "units.csv").write_bytes(UNITS.encode("utf-8"))
    site = read_package(package_path)

    for resource in site.descriptor["resources"]:
        assert frictionless_rows(package_path, resource["name"]) == site.rows(resource["name"]), resource["name"]
    # Written out by hand: the four units, in order, as both read them.
    assert [(u["id"], u["name"], u["full_name"]) for u in site.rows("units")] == [
        ("economy-it", "示例经信局", "示例市, 经济\n和信息化局（虚构）"),
        ("development-reform", "#示例发改委", "示例市发展和改革委员会（虚构）"),
        ("leading-office", '示例"领导小组"办公室', "示例市工业强市领导小组办公室（虚构）"),
        ("kecheng-gov", "示例甲区政府", "示例甲区人民政府（虚构）"),
    ]
    assert site.rows("observations")[0]["published"] == datetime.date(2021, 3, 1)


def units_resource(descriptor) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == "units")


def options(change) -> list[tuple[str, str, str]]:
    """(code, where, value) of each option check_options refuses in the shipped descriptor after `change`."""
    descriptor = json.loads(SHIPPED.read_text(encoding="utf-8"))
    change(descriptor)
    return [(p.code, p.message.split(" 写的是 ")[0], p.value) for p in check_options(descriptor)]


UNITS_WHERE = "resources 第2项（units）"


@pytest.mark.parametrize("change, where, value", [
    # The tricks: rows hidden from Frictionless that the site still publishes, values treated as empty.
    (lambda d: units_resource(d).update(dialect={"commentRows": [3]}), f"{UNITS_WHERE}的 dialect.commentRows", "[3]"),
    (lambda d: units_resource(d).update(dialect={"commentChar": "#"}), f"{UNITS_WHERE}的 dialect.commentChar", '"#"'),
    (lambda d: units_resource(d).update(dialect={"headerRows": [2]}), f"{UNITS_WHERE}的 dialect.headerRows", "[2]"),
    (lambda d: units_resource(d).update(dialect={"header": False}), f"{UNITS_WHERE}的 dialect.header", "false"),
    (lambda d: units_resource(d).update(dialect={"delimiter": ";"}), f"{UNITS_WHERE}的 dialect.delimiter", '";"'),
    (lambda d: units_resource(d).update(dialect={"csv": {"delimiter": ";"}}), f"{UNITS_WHERE}的 dialect.csv", '{"delimiter": ";"}'),
    (lambda d: units_resource(d).update(layout={"skipRows": [2]}), f"{UNITS_WHERE}的 layout", '{"skipRows": [2]}'),
    (lambda d: units_resource(d).update(encoding="gbk"), f"{UNITS_WHERE}的 encoding", '"gbk"'),
    (lambda d: units_resource(d).update(format="tsv"), f"{UNITS_WHERE}的 format", '"tsv"'),
    (lambda d: units_resource(d).update(data=[["id"], ["x"]]), f"{UNITS_WHERE}的 data", '[["id"], ["x"]]'),
    (lambda d: units_resource(d)["schema"].update(missingValues=["", "action-9-9"]), f"{UNITS_WHERE}的 schema.missingValues",
     '["", "action-9-9"]'),
    (lambda d: units_resource(d)["schema"]["fields"][5].update(missingValues=["0"]), f"{UNITS_WHERE}的列 order的 missingValues", '["0"]'),
    (lambda d: units_resource(d)["schema"]["fields"][5].update(type="year"), f"{UNITS_WHERE}的列 order的 type", '"year"'),
    (lambda d: units_resource(d)["schema"]["fields"][5].update(groupChar=","), f"{UNITS_WHERE}的列 order的 groupChar", '","'),
    (lambda d: units_resource(d)["schema"]["fields"][1]["constraints"].update(minLength=1),
     f"{UNITS_WHERE}的列 name的 constraints的 minLength", "1"),
])
def test_an_option_that_would_read_the_rows_otherwise_is_refused(change, where, value):
    assert options(change) == [("descriptor-option", where, value)]


def test_the_options_the_package_states_are_the_ones_the_site_reads():
    def spelled_out(descriptor):
        units_resource(descriptor)["dialect"] = {"delimiter": ",", "quoteChar": '"', "header": True}
        units_resource(descriptor)["schema"]["missingValues"] = [""]

    assert options(spelled_out) == []
    assert options(lambda d: None) == []


def test_a_date_in_another_format_is_refused():
    def day_first(descriptor):
        observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
        next(f for f in observations["schema"]["fields"] if f["name"] == "published")["format"] = "%d/%m/%Y"

    assert options(day_first) == [("descriptor-option", "resources 第9项（observations）的列 published的 format", '"%d/%m/%Y"')]
