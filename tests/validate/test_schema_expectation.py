"""scripts.validate.schemaguard: the structure a pull request may not loosen, and what it may add with review."""

import json

from scripts.core.paths import SCHEMA_EXPECTATION
from scripts.validate.expectations import load_suites
from scripts.validate.rules import read_rules
from scripts.validate.run import validate_package
from scripts.validate.schemaguard import expectation_of, write_expectation
from tests.conftest import ROOT, SHIPPED
from tests.validate.shared import change_descriptor

REVIEW = ("数据包的结构（表、列、类型、约束、主键和外键、读表方式）、plan、demo 和 validations/ 里的规则由维护者审核；请恢复原来的写法，"
          "确需改动的请在拉取请求里说明理由，由维护者运行 python -m scripts validate --write-schema-expectation "
          "更新 validations/schema/expectation.json。")


def units(descriptor) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == "units")["schema"]


def field(descriptor, name: str) -> dict:
    return next(f for f in units(descriptor)["fields"] if f["name"] == name)


def schema_problems(report) -> list[tuple]:
    return [(p.column, p.severity, p.message) for p in report.problems if p.code.startswith("schema-")]


def test_the_shipped_descriptor_and_suites_match_the_expectation():
    descriptor = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert expectation_of(descriptor, load_suites()) == read_rules().expected


def test_the_expectation_holds_what_code_relies_on():
    expected = read_rules(expectation=SCHEMA_EXPECTATION).expected
    assert expected["resources"]["areas"]["fields"]["id"] == {
        "type": "string", "pattern": "[a-z][a-z0-9]*(-[a-z0-9]+)*", "required": True, "unique": True, "maxLength": 40}
    assert expected["resources"]["observations"]["primaryKey"] == ["indicator_id", "area_id", "period", "status"]
    core = ("areas", "units", "tasks", "task_units", "indicators", "targets", "observations", "task_reports")
    assert {name: expected["id_columns"][name] for name in core} == {
        "areas": ["id"], "units": ["id", "area_id"], "tasks": ["id"], "task_units": ["task_id", "unit_id"],
        "indicators": ["id", "task_id"], "targets": ["indicator_id"], "observations": ["indicator_id", "area_id"],
        "task_reports": ["task_id", "unit_id"]}


def test_regeneration_is_one_command(shipped_copy, tmp_path, monkeypatch, capsys):
    from scripts.validate import run

    change_descriptor(shipped_copy, lambda d: units(d)["fields"].append({"name": "current_name", "type": "string"}))
    out = tmp_path / "expectation.json"
    monkeypatch.setattr(run, "write_expectation", lambda path: write_expectation(path, out))

    assert run.main([str(shipped_copy), "--write-schema-expectation"]) == 0

    assert capsys.readouterr().out == f"已写入结构预期：{out}\n"
    assert json.loads(out.read_text(encoding="utf-8"))["resources"]["units"]["fields"]["current_name"] == {"type": "string"}
    assert "python -m scripts validate --write-schema-expectation" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_weakening_the_schema_is_an_error_needing_review(shipped_copy):
    def weaken(descriptor):
        del field(descriptor, "id")["constraints"]["pattern"]
        del field(descriptor, "kind")["constraints"]["enum"]
        field(descriptor, "order")["type"] = "string"
        del field(descriptor, "full_name")["constraints"]["required"]
        del units(descriptor)["foreignKeys"]

    change_descriptor(shipped_copy, weaken)

    report = validate_package(shipped_copy)

    assert schema_problems(report) == [
        ("units.id", "error", '结构变更，需要审核：pattern 从 "[a-z][a-z0-9]*(-[a-z0-9]+)*" 改成了 （无）。'),
        ("units.full_name", "error", "结构变更，需要审核：required 从 true 改成了 （无）。"),
        ("units.kind", "error",
         '结构变更，需要审核：enum 从 ["city_department", "county_government", "platform", "other… 改成了 （无）。'),
        ("units.order", "error", '结构变更，需要审核：type 从 "integer" 改成了 "string"。'),
        ("units", "error", "结构变更，需要审核：删除了外键 area_id → areas.id。"),
    ]
    assert {p.fix for p in report.problems if p.code == "schema-change"} == {REVIEW}
    # Frictionless still says why the descriptor itself is invalid, in Chinese
    assert [p.message for p in report.problems if p.code == "descriptor-invalid"] == [
        "不符合 Data Package 规范：类型为 string 的列不能有约束 minimum。"]
    assert not report.ok


def test_renaming_a_field_or_dropping_a_table_is_an_error(shipped_copy):
    def rename(descriptor):
        field(descriptor, "name")["name"] = "short_name"
        descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "task_reports"]

    change_descriptor(shipped_copy, rename)

    report = validate_package(shipped_copy)

    assert [p for p in schema_problems(report) if p[1] == "error"] == [
        ("units.name", "error", "结构变更，需要审核：删除或改名了列 name。"),
        ("task_reports", "error", "结构变更，需要审核：删除了表 task_reports（data/task_reports.csv）。"),
    ]


def test_additions_are_only_warnings(shipped_copy):
    def add(descriptor):
        units(descriptor)["fields"].append({"name": "checked_on", "type": "date"})
        field(descriptor, "full_name")["constraints"]["maxLength"] = 60
        descriptor["resources"].append({
            "name": "extra_notes", "path": "data/extra_notes.csv",
            "schema": {"fields": [{"name": "id", "type": "string"}]}})

    change_descriptor(shipped_copy, add)
    (shipped_copy.parent / "data/extra_notes.csv").write_text("id\nstats-bulletin\n", encoding="utf-8")
    path = shipped_copy.parent / "data/units.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",checked_on"] + [line + "," for line in lines[1:]]) + "\n", encoding="utf-8")

    report = validate_package(shipped_copy)

    assert report.ok
    assert schema_problems(report) == [
        ("units.full_name", "warning", "结构变更（新增），需要审核：maxLength 从 80 改成了 60。"),
        ("units.checked_on", "warning", "结构变更（新增），需要审核：新增了列 checked_on。"),
        ("extra_notes", "warning", "结构变更（新增），需要审核：新增了表 extra_notes（data/extra_notes.csv）。"),
    ]


def test_a_pattern_not_yet_reviewed_is_reported_and_not_run(shipped_copy):
    # A pattern is a regular expression run on every cell (one that backtracks, like (.*.*)*X, would hold CI for
    # hours): until it is reviewed it is listed for review and not run, so no row is refused by it.
    change_descriptor(shipped_copy, lambda d: field(d, "full_name")["constraints"].update(pattern="^x$"))
    report = validate_package(shipped_copy)
    assert report.ok
    assert [(p.file, p.code) for p in report.problems] == [("datapackage.json", "schema-addition")]
    assert schema_problems(report) == [("units.full_name", "warning", '结构变更（新增），需要审核：pattern 从 （无） 改成了 "^x$"。')]


def test_dropping_a_non_negative_unit_is_a_loosening(shipped_copy):
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    descriptor["nonNegativeUnits"] = [u for u in descriptor["nonNegativeUnits"] if u != "万亩"] + ["千克"]
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    lines = [p.line() for p in validate_package(shipped_copy).problems if p.column == "nonNegativeUnits"]
    assert sorted(line.split("。")[0] for line in lines) == [
        "datapackage.json 「nonNegativeUnits」(nonNegativeUnits)：结构变更（新增），需要审核：不能为负数的单位多了 千克",
        "datapackage.json 「nonNegativeUnits」(nonNegativeUnits)：结构变更，需要审核：不能为负数的单位少了 万亩",
    ]
    severities = {p.message[:7]: p.severity for p in validate_package(shipped_copy).problems if p.column == "nonNegativeUnits"}
    assert severities == {"结构变更，需要": "error", "结构变更（新增": "warning"}


EXPECTATION_FIX = ("这个文件记录审核过的数据包结构，不要手改：请从仓库恢复原来的文件，"
                   "或由维护者运行 python -m scripts validate --write-schema-expectation 重新生成。")


def rules_copy(tmp_path, monkeypatch):
    """A copy of validations/ that the validator reads instead of the repository's; its expectation file."""
    import shutil

    from scripts.validate import run
    from scripts.validate.rules import read_rules

    suites = tmp_path / "validations"
    shutil.copytree(ROOT / "validations", suites)
    monkeypatch.setattr(run, "read_rules", lambda: read_rules(suites, suites / "schema" / "expectation.json"))
    return suites / "schema" / "expectation.json"


def test_a_missing_expectation_is_named_with_its_own_fix(shipped_copy, tmp_path, monkeypatch):
    rules_copy(tmp_path, monkeypatch).unlink()
    report = validate_package(shipped_copy)
    assert [(p.file, p.row, p.column, p.code, p.message, p.fix) for p in report.problems] == [
        ("validations/schema/expectation.json", None, None, "schema-expectation-unreadable",
         "结构预期文件不能用：找不到这个文件，这次没有检查数据包。", EXPECTATION_FIX)]


def test_a_wrong_shaped_expectation_is_named_with_its_own_fix(shipped_copy, tmp_path, monkeypatch):
    rules_copy(tmp_path, monkeypatch).write_text('{"about": "x"}\n', encoding="utf-8")
    report = validate_package(shipped_copy)
    assert [(p.file, p.code, p.message, p.fix) for p in report.problems] == [
        ("validations/schema/expectation.json", "schema-expectation-unreadable",
         "结构预期文件不能用：缺少 resources，这次没有检查数据包。", EXPECTATION_FIX)]


def test_a_suite_saved_with_a_bom_is_written_into_the_expectation(tmp_path, monkeypatch):
    suites = rules_copy(tmp_path, monkeypatch).parent.parent
    lead_units = suites / "lead_units.json"
    lead_units.write_bytes(b"\xef\xbb\xbf" + lead_units.read_bytes())  # what Notepad on Windows saves
    out = tmp_path / "expectation.json"

    write_expectation(SHIPPED, out, suites)

    written = json.loads(out.read_text(encoding="utf-8"))["suites"]
    assert written["lead_units.json"]["name"] == "lead_units"
    assert written["lead_units.json"]["meta"]["frame"] == "task_leads"


def test_no_expectation_is_written_while_a_suite_cannot_run(shipped_copy, tmp_path, monkeypatch, capsys):
    from scripts.validate import run

    suites = rules_copy(tmp_path, monkeypatch).parent.parent
    (suites / "zz.json").write_text('{"name": "zz",', encoding="utf-8")
    out = tmp_path / "expectation.json"
    monkeypatch.setattr(run, "write_expectation", lambda path: write_expectation(path, out, suites))

    assert run.main([str(shipped_copy), "--write-schema-expectation"]) == 1

    assert not out.exists()
    assert capsys.readouterr().out.splitlines() == [
        "validations/zz.json：不是有效的 JSON：第1行第15列附近有语法错误。请检查这一处的逗号、引号和括号。",
        "expectation.json：结构预期没有写入：上面列出的规则文件不能运行。请先改好这些规则文件，再运行一次。",
    ]
