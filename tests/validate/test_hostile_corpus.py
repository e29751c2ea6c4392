"""The hostile corpus: every case of the second probe (issue 20), each payload written out, run through the validator.

A case is a small edit to the fictional fixture package (tests/fixtures/small). The validator must reject it with
the errors listed (file, Excel row, column, code), or accept it; an accepted case must then build, because any
package that validates is published.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from scripts.pipeline.build import build_site
from scripts.validate import run
from scripts.validate.rules import read_rules
from tests.conftest import ROOT, fixture_package
from tests.helpers import append as append_lines
from tests.validate.shared import validate_package

DP, UNITS, OBS, TARGETS, TASK_UNITS, LOG = ("datapackage.json", "data/units.csv", "data/observations.csv",
                                           "data/targets.csv", "data/task_units.csv", "data/CHANGELOG.md")
PLAN = (DP, None, "plan", "schema-change")
OPTION = (DP, None, None, "descriptor-option")
UNIT_ROW = "{id},{name},示例全称（虚构）,other,,9,,,"  # a unit appended as row 6 of units.csv


@dataclass
class Case:
    edits: list  # functions of the package's datapackage.json path (and the suites folder, for the rules)
    errors: list[tuple]  # (file, row, column, code) of every error, in report order; [] for an accepted case
    message: str | None = None  # the message of one of the errors, where the case is about its wording
    suites: bool = field(default=False)  # the case edits a copy of validations/


# ---- edits -------------------------------------------------------------------------------------------------------

def descriptor(change):
    def edit(package: Path, suites: Path) -> None:
        data = json.loads(package.read_text(encoding="utf-8"))
        change(data)
        package.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return edit


def replace(file: str, old: str, new: str):
    def edit(package: Path, suites: Path) -> None:
        path = package.parent / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def append(file: str, *lines: str):
    def edit(package: Path, suites: Path) -> None:
        append_lines(package, file, *lines)
    return edit


def in_suites(change):
    def edit(package: Path, suites: Path) -> None:
        change(suites)
    return edit


def resource(data: dict, name: str) -> dict:
    return next(r for r in data["resources"] if r["name"] == name)


def unit(id_: str, name: str) -> str:
    return UNIT_ROW.format(id=id_, name=name)


# ---- the corpus --------------------------------------------------------------------------------------------------

CASES = {
    # 1. The descriptor is data: an address that is not http(s) is an error, markup elsewhere is shown as text.
    "plan.url is a Markdown link to javascript:": Case(
        [descriptor(lambda d: d["plan"].update(url="[点我](javascript:alert(document.domain))"))],
        [PLAN, (DP, None, "plan.url", "url-not-http")]),
    "plan.url is javascript:": Case(
        [descriptor(lambda d: d["plan"].update(url="javascript:alert(document.domain)"))],
        [PLAN, (DP, None, "plan.url", "url-scheme")]),
    "plan.title with a javascript: link appended": Case(
        [descriptor(lambda d: d["plan"].update(title=d["plan"]["title"] + "[点我](javascript:alert(document.domain))"))],
        [PLAN]),
    "a licence's path is javascript:": Case(
        [descriptor(lambda d: d["licenses"][0].update(path="javascript:alert(1)"))],
        [(DP, None, "licenses[CC-BY-4.0].path", "url-scheme")]),
    "a source's path hides its host behind @": Case(
        [descriptor(lambda d: d["sources"][0].update(path="https://www.qz.gov.cn@evil.example/art.html"))],
        [(DP, None, "sources[1].path", "url-userinfo")],
        "网址里有“@”：浏览器打开的是 @ 后面的“evil.example”，前面的“www.qz.gov.cn”只是用户名，不是网站。"),
    "a resource title with a right-to-left override": Case(
        [descriptor(lambda d: resource(d, "units").update(title="责任\u202e单位"))],
        [(DP, None, "resources[units].title", "descriptor-text")],
        "resources[units].title 含有方向控制字符 U+202E，网页和下载文件都不能带这种字符。"),
    "accepted: titles and descriptions full of markup and template syntax": Case(
        [descriptor(lambda d: d.update(title=d["title"] + " [点我](javascript:alert(1))")),
         descriptor(lambda d: resource(d, "units").update(title="<script>alert(1)</script>责任单位")),
         descriptor(lambda d: resource(d, "units")["schema"]["fields"][1].update(description="{{ config }} **粗体**"))],
        []),
    # 2. One reading of the rows: options under which Frictionless would skip rows or values the site publishes.
    "commentRows hide a second 示例经信局 from the unique check": Case(
        [descriptor(lambda d: resource(d, "units").update(dialect={"commentRows": [6]})),
         append(UNITS, "copy-it,示例经信局,示例全称（虚构）,other,,5,,,")],
        [(DP, None, "units", "schema-change"), OPTION]),
    "commentRows hide a task_units row pointing nowhere": Case(
        [descriptor(lambda d: resource(d, "task_units").update(dialect={"commentRows": [7]})),
         append(TASK_UNITS, "action-1-1,nowhere,support,4")],
        [(DP, None, "task_units", "schema-change"), OPTION]),
    "missingValues hide a dangling task id": Case(
        [descriptor(lambda d: resource(d, "task_units")["schema"].update(missingValues=["", "action-9-9"])),
         append(TASK_UNITS, "action-9-9,economy-it,support,4")],
        [(DP, None, "task_units", "schema-change"), OPTION]),
    "headerRows take a later row as the header": Case(
        [descriptor(lambda d: resource(d, "units").update(dialect={"headerRows": [2]}))],
        [(DP, None, "units", "schema-change"), OPTION]),
    "another encoding": Case(
        [descriptor(lambda d: resource(d, "units").update(encoding="gb18030"))],
        [(DP, None, "units", "schema-change"), OPTION]),
    # 4. Finite, sane numbers.
    "a target of 400 nines": Case([replace(TARGETS, "tax-per-mu,2023,22,", "tax-per-mu,2023," + "9" * 400 + ",")],
                                  [(TARGETS, 2, "value", "number-too-long")],
                                  "数字有 400 位，超过了 15 位的上限，网站不能按原样计算和显示。"),
    "a figure of 1 and 300 zeros": Case([replace(OBS, "tax-per-mu,quzhou,2021,17.5,", "tax-per-mu,quzhou,2021,1" + "0" * 300 + ",")],
                                        [(OBS, 3, "value", "number-too-long")]),
    "a figure of 1e300": Case([replace(OBS, "tax-per-mu,quzhou,2021,17.5,", "tax-per-mu,quzhou,2021,1e300,")],
                              [(OBS, 3, "value", "number-too-long")]),
    "a figure of -inf": Case([replace(OBS, "tax-per-mu,quzhou,2021,17.5,", "tax-per-mu,quzhou,2021,-inf,")],
                             [(OBS, 3, "value", "nan-infinity")]),
    "accepted: numbers and addresses at the limits": Case(
        [replace(OBS, "tax-per-mu,quzhou,2021,17.5,", "tax-per-mu,quzhou,2021,17.1234567890123,"),
         replace(OBS, "https://example.org/demo/3", "https://example.org/示例/新闻?id=3#第二段"),
         replace(OBS, "https://example.org/demo/4", "https://例子.中国/demo/4"),
         replace(TARGETS, "new-firms,2023,300,", "new-firms,2023,999999999999999,")],
        []),
    # 5. Names unique as a reader sees them.
    "a second 示例经信局 with a tag character": Case(
        [append(UNITS, unit("copy-it", "示例经信局\U000e0020"))],
        [(UNITS, 6, "name", "invisible-character"), (UNITS, 6, "name", "name-lookalike")],
        "含有看不见的字符（标签字符 U+E0020）。"),
    "a second 示例经信局 with a Hangul filler": Case(
        [append(UNITS, unit("copy-it", "示例经信局\u3164"))],
        [(UNITS, 6, "name", "invisible-character"), (UNITS, 6, "name", "name-lookalike")]),
    "a second 示例经信局 with a variation selector": Case(
        [append(UNITS, unit("copy-it", "示例经信局\ufe0f"))],
        [(UNITS, 6, "name", "invisible-character"), (UNITS, 6, "name", "name-lookalike")]),
    "a second 示例经信局 with a combining grapheme joiner": Case(
        [append(UNITS, unit("copy-it", "示例经\u034f信局"))],
        [(UNITS, 6, "name", "invisible-character"), (UNITS, 6, "name", "name-lookalike")]),
    "a second 示例经信局 with an Arabic letter mark": Case(
        [append(UNITS, unit("copy-it", "\u061c示例经信局"))],
        [(UNITS, 6, "name", "invisible-character"), (UNITS, 6, "name", "name-lookalike")]),
    "a braille blank as a whole name": Case([append(UNITS, unit("blank", "\u2800"))],
                                            [(UNITS, 6, "name", "invisible-character")]),
    "the Kangxi radical ⼤ beside 大": Case(
        [append(UNITS, unit("big-data", "大数据局"), unit("big-data-2", "\u2f24数据局"))],
        [(UNITS, 7, "name", "name-lookalike"), (UNITS, 7, "name", "name-not-normal")],
        "名称里有不常用的写法：⼤ U+2F24（应为 大 U+5927），看起来一样，搜索却找不到。"),
    "the compatibility ideograph U+F90A beside 金": Case(
        [append(UNITS, unit("finance", "金融办"), unit("finance-2", "\uf90a融办"))],
        [(UNITS, 7, "name", "name-lookalike"), (UNITS, 7, "name", "name-not-normal")]),
    "Café in NFC and in NFD": Case(
        [append(UNITS, unit("cafe", "Caf\u00e9"), unit("cafe-2", "Cafe\u0301"))],
        [(UNITS, 7, "name", "name-lookalike"), (UNITS, 7, "name", "name-not-normal")]),
    "Cyrillic letters that look Latin": Case(
        [append(UNITS, unit("ab", "AB局"), unit("ab-2", "\u0410\u0412局"))],
        [(UNITS, 7, "name", "name-lookalike")],
        "和第6行的“AB局”在读者看来是同一个名称（有形状几乎相同的不同字符（А U+0410 和 A U+0041、В U+0412 和 B U+0042））。"),
    # 6. Duplicate keys.
    "end_year 2023 then 2030": Case([replace(DP, '"end_year": 2023', '"end_year": 2023,\n    "end_year": 2030')],
                                    [(DP, None, None, "json-duplicate-key")]),
    "demo true then false": Case([replace(DP, '"demo": true', '"demo": true, "demo": false')],
                                 [(DP, None, None, "json-duplicate-key")]),
    "a key twice in a suite": Case([in_suites(lambda s: replace_in(s / "lead_units.json", '"name": "lead_units",',
                                                                  '"name": "lead_units", "name": "x",'))],
                                   [("validations/lead_units.json", None, None, "schema-change"),
                                    ("validations/lead_units.json", None, None, "json-duplicate-key")], suites=True),
    "a key twice in the structure expectation": Case(
        [in_suites(lambda s: replace_in(s / "schema" / "expectation.json", '"demo": false,', '"demo": false, "demo": true,'))],
        [("validations/schema/expectation.json", None, None, "json-duplicate-key")], suites=True),
    # 7. Relaxations are reviewed, first in the report.
    "plan.end_year moved to 2030": Case([descriptor(lambda d: d["plan"].update(end_year=2030))], [PLAN],
                                        "结构变更，需要审核：plan.end_year 从 2023 改成了 2030。"),
    "lead_units.json deleted and a second lead": Case(
        [in_suites(lambda s: (s / "lead_units.json").unlink()),
         replace(TASK_UNITS, "action-1-1,development-reform,support,2", "action-1-1,development-reform,lead,2")],
        [("validations/lead_units.json", None, None, "schema-change")],
        "结构变更，需要审核：删除了规则文件 validations/lead_units.json（或它不能运行）。", suites=True),
    "a rule loosened": Case(
        [in_suites(lambda s: replace_in(s / "lead_units.json", '"max_value": 1', '"max_value": 2')),
         replace(TASK_UNITS, "action-1-1,development-reform,support,2", "action-1-1,development-reform,lead,2")],
        [("validations/lead_units.json", None, None, "schema-change")],
        "结构变更，需要审核：第2条规则（lead-duplicate）kwargs.max_value 从 1 改成了 2。", suites=True),
    # 8. Links readers can trust.
    "a source hiding evil.example behind @": Case(
        [replace(OBS, "https://example.org/demo/1", "https://www.qz.gov.cn@evil.example/art.html")],
        [(OBS, 2, "source_url", "url-userinfo")]),
    "a source with a full-width dot": Case(
        [replace(OBS, "https://example.org/demo/1", "https://www.qz.gov.cn．evil.example/")],
        [(OBS, 2, "source_url", "url-lookalike-dot")],
        "网址的域名里有“．”（U+FF0E），它看起来像点，浏览器却会把网址带到“www.qz.gov.cn.evil.example”。"),
    "a source whose host mixes Latin and Cyrillic": Case(
        [replace(OBS, "https://example.org/demo/1", "https://www.qz.g\u043ev.cn/")],
        [(OBS, 2, "source_url", "url-mixed-script")]),
    "a source whose host is Cyrillic spelling apple": Case(
        [replace(OBS, "https://example.org/demo/1", "https://\u0430\u0440\u0440\u04cf\u0435.com/")],
        [(OBS, 2, "source_url", "url-lookalike-label")],
        "网址域名里的“аррӏе”一段全是看起来像拉丁字母的其他文字，读者会把它看成“appie”，可能是仿冒的网址。"),
    # 13. Messages that name the right file and cause.
    "a malformed validations/zz.json": Case([in_suites(lambda s: (s / "zz.json").write_text('{"name": "zz",', encoding="utf-8"))],
                                            [("validations/zz.json", None, None, "descriptor-not-json")], suites=True),
    "java<TAB>script: as a source": Case([replace(OBS, "https://example.org/demo/1", "java\tscript:alert(1)")],
                                         [(OBS, 2, "source_url", "url-scheme")],
                                         "这不是网页地址：浏览器会把它当作“javascript:”开头的地址（其中的空白和换行浏览器会忽略），"
                                         "不是 http:// 或 https:// 开头的网址。"),
    "//evil.example as a source": Case([replace(OBS, "https://example.org/demo/1", "//evil.example/a")],
                                       [(OBS, 2, "source_url", "url-no-scheme")]),
    "a source without https://": Case([replace(OBS, "https://example.org/demo/1", "www.qz.gov.cn/art/2022/2/25/a.html")],
                                      [(OBS, 2, "source_url", "url-no-scheme")],
                                      "网址没有以 https:// 或 http:// 开头，浏览器和网站都不能把它当作网址打开。"),
    "a change-log line with a right-to-left override": Case([append(LOG, "", "数据\u202e更正")],
                                                            [(LOG, 5, None, "changelog-invisible")]),
    "accepted: a change-log autolink": Case([append(LOG, "", "来源见 <https://www.qz.gov.cn/art/2022/2/25/a.html>。")], []),
    "a full-width ＝ starting a cell": Case([replace(UNITS, "示例市经济和信息化局（虚构）", '＝HYPERLINK("https://evil.example")')],
                                          [(UNITS, 2, "full_name", "formula")], "以“＝”开头，会被 Excel/WPS 当作公式执行。"),
    "a small ﹦ starting a cell": Case([replace(UNITS, "示例市经济和信息化局（虚构）", "﹦1+1")],
                                      [(UNITS, 2, "full_name", "formula")]),
    "a full-width ＠ starting a cell": Case([replace(UNITS, "示例市经济和信息化局（虚构）", "＠SUM(A1)")],
                                          [(UNITS, 2, "full_name", "formula")]),
}


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors(report) -> list[tuple]:
    return [(p.file, p.row, p.column, p.code) for p in report.problems if p.severity == "error"]


@pytest.mark.parametrize("name", CASES)
def test_each_case_is_rejected_with_file_row_and_fix_or_builds(name, tmp_path, monkeypatch, cache_pool):
    case = CASES[name]
    package = fixture_package("small", tmp_path / "package")
    suites = tmp_path / "validations"
    if case.suites:
        shutil.copytree(ROOT / "validations", suites)
        monkeypatch.setattr(run, "read_rules", lambda: read_rules(suites, suites / "schema" / "expectation.json"))
    for edit in case.edits:
        edit(package, suites)

    report = validate_package(package)

    assert errors(report) == case.errors
    if case.message:
        assert case.message in [p.message for p in report.errors]
    for p in report.errors:
        assert p.fix and any("\u4e00" <= c <= "\u9fff" for c in p.message + p.fix), p
    if not case.errors:  # any package that validates is built and published
        work = cache_pool.warm(tmp_path / "work")
        build_site(package, tmp_path / "site", work, validate=False)
        cache_pool.keep(work)
        assert (tmp_path / "site" / "index.html").is_file()
