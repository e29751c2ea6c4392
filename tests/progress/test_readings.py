"""The shipped targets read as the plan words them: constructed figures (never shipped) give the statuses the
plan's words demand. Expected statuses and notes are worked out by hand from the plan text (issue table)."""

from pathlib import Path

import pytest

from scripts.core.package import Package, read_package
from scripts.progress.kinds import KINDS, describe_targets
from scripts.progress.results import compute_progress
from scripts.progress.targets import Plan, Target, met

PLAN = Plan(2020, 2021, 2023)


@pytest.fixture(scope="module")
def shipped(shipped_package):
    return read_package(shipped_package)  # only its indicators and targets, the plan's fixed facts


def with_figures(shipped: Package, indicator_id: str, figures: dict[str, float]):
    """The shipped indicator and its shipped targets, with constructed (fictional) city figures."""
    indicator = shipped.index("indicators")[indicator_id]
    targets = [t for t in shipped.rows("targets") if t["indicator_id"] == indicator_id]
    rows = [{"indicator_id": indicator_id, "area_id": "quzhou", "period": p, "value": float(v), "status": "final"}
            for p, v in figures.items()]
    package = Package(path=Path("constructed/datapackage.json"), descriptor={"plan": shipped.plan},
                      tables={"indicators": [indicator], "targets": targets, "observations": rows})
    return compute_progress(package)[indicator_id]


def test_project_landing_rate_missed_in_2022_is_not_achieved(shipped):
    # 每年…项目落地率达到50%以上: 60 ≥ 50, 40 < 50, 70 ≥ 50 -> 2022 missed -> 未达成
    r = with_figures(shipped, "project-landing-rate", {"2021": 60, "2022": 40, "2023": 70})
    assert (r.status, r.status_label) == ("not_achieved", "未达成")
    assert r.note == "2021—2023年中，2022年未达到当年目标（目标是2021—2023年每年不低于50%）。"


def test_industrial_land_share_missed_in_2021_is_not_achieved_before_2023_is_in(shipped):
    # 每年…不低于50%: 40 < 50 in 2021 is missed for good -> 未达成 before 2023 is in (R = 1 of 2 years = 0.5)
    r = with_figures(shipped, "industrial-land-share-of-supply", {"2021": 40, "2022": 55})
    assert (r.status, r.status_label, r.pace_ratio) == ("not_achieved", "未达成", 0.5)
    assert r.note == "2021—2022年中，2021年未达到当年目标（目标是2021—2023年每年不低于50%）。"


def test_one_third_is_not_met_by_33_33(shipped):
    # 不低于三分之一: 33.33 < 33.333333 every year -> 未达成
    r = with_figures(shipped, "manufacturing-share-of-key-projects", {"2021": 33.33, "2022": 33.33, "2023": 33.33})
    assert r.status == "not_achieved"
    assert r.note == ("2021—2023年中，2021年、2022年、2023年未达到当年目标"
                      "（目标是2021—2023年每年不低于三分之一（约33.33%））。")


def test_one_third_is_met_by_33_34(shipped):
    r = with_figures(shipped, "manufacturing-share-of-key-projects", {"2021": 33.34, "2022": 33.34, "2023": 33.34})
    assert r.status == "achieved"


def test_landed_project_investment_completion_met_every_year_is_achieved(shipped):
    # 每年…达到10%以上: 12, 15, 11 all ≥ 10 -> 已达成
    r = with_figures(shipped, "landed-project-investment-completion", {"2021": 12, "2022": 15, "2023": 11})
    assert (r.status, r.pace_ratio) == ("achieved", 1.0)
    assert r.note == "2021—2023年每年都达到当年目标（目标是2021—2023年每年不低于10%）。"


def test_standard_land_broken_in_2022_is_not_achieved(shipped):
    # 实现100%“标准地”: a standing rule from 2022 (the plan took effect on 2022-02-20); 90 in 2022 broke it -> 未达成;
    # a 2021 figure is before the rule and does not count
    r = with_figures(shipped, "standard-land-share", {"2021": 100, "2022": 90, "2023": 100})
    assert r.status == "not_achieved"
    assert r.note == ("2022—2023年中，2022年未达到当年目标（目标是2022—2023年每年实现100%）；"
                      "2021年在2022年之前，不在判断的年份之内，其数字未计入进度。")
    assert with_figures(shipped, "standard-land-share", {"2022": 100, "2023": 100}).status == "achieved"


def test_land_revenue_rule_is_judged_every_year_from_2022(shipped):
    # 提取土地出让收入的0.5%以上: 0.6 in 2022, 0.4 in 2023 -> 2023 missed -> 未达成
    r = with_figures(shipped, "land-revenue-for-upgrading", {"2022": 0.6, "2023": 0.4})
    assert r.status == "not_achieved"
    assert [(v.target.year, v.outcome) for v in r.verdicts] == [(2022, "met"), (2023, "missed")]


def test_land_revenue_with_a_year_missing_cannot_be_judged_not_missed(shipped):
    # 0.6 in 2022 and no 2023 figure: missing is not missed -> no status, never 未达成
    r = with_figures(shipped, "land-revenue-for-upgrading", {"2022": 0.6})
    assert r.status == "on_track"  # while the plan runs: 1 of 1 years met
    r = with_figures(shipped, "land-revenue-for-upgrading", {"2023": 0.7})
    assert r.status == "no_data"
    assert r.note == ("有全年数字的2023年都达到当年目标，2022年缺少全年数字，无法判断是否每年都达到"
                      "（目标是2022—2023年每年不低于0.5%）。")
    assert [v.text for v in r.verdicts] == ["目标2022年不低于0.5%：缺少2022年全市全年数字，无法判断",
                                            "目标2023年不低于0.5%：2023年为0.7%，已达到"]


def test_chemical_enterprises_the_notes_own_example_meets_the_target_exactly(shipped):
    # The note: 100 firms at the end of 2020, 85 at the end of 2021, 75 at the end of 2022 -> enter 15 and 11.76.
    # 1 - 0.85 * 0.8824 = 24.996%, which bulletins write as 25.0%: the 2022 target of 25% is met, as is 2021's 15%.
    r = with_figures(shipped, "chemical-enterprise-reduction", {"2021": 15, "2022": 11.76})
    assert r.status == "achieved"
    assert [(v.target.year, v.outcome) for v in r.verdicts] == [(2021, "met"), (2022, "met")]
    assert r.note == "截至2022年比2020年累计下降25%，目标是到2022年比2020年累计下降不低于25%，已达到。"
    # 11.7647 (the fall to four decimals) chains to 24.999995%: met too
    assert with_figures(shipped, "chemical-enterprise-reduction", {"2021": 15, "2022": 11.7647}).status == "achieved"
    # 11.7 chains to 1 - 0.85 * 0.883 = 24.945%, 24.9% at one decimal: missed
    assert with_figures(shipped, "chemical-enterprise-reduction", {"2021": 15, "2022": 11.7}).status == "not_achieved"


def test_manufacturing_investment_two_strong_years_are_not_reached_early(shipped):
    # 30% and 40%: a three-year average of 15% is covered so far, but a fall in 2023 (e.g. -30%) could still bring the
    # average to 8.4%: judged only once 2023 is in. Meanwhile the pace: R = (1.3 * 1.4 - 1) / (1.15^2 - 1) = 0.82 / 0.3225
    r = with_figures(shipped, "manufacturing-investment-growth", {"2021": 30, "2022": 40})
    assert (r.status, r.pace_ratio) == ("on_track", 2.542636)
    assert with_figures(shipped, "manufacturing-investment-growth", {"2021": 30, "2022": 40, "2023": -30}).status == "not_achieved"
    # exactly 15% a year: 1.15^3 - 1, an average of 15.0% at one decimal -> met
    assert with_figures(shipped, "manufacturing-investment-growth", {"2021": 15, "2022": 15, "2023": 15}).status == "achieved"


def test_foreign_investment_each_dated_target_is_judged_on_its_own_date(shipped):
    # 2021 = 6000 and 2023 = 7000: 5500 in 2021 misses the 2021 target whatever later years bring
    missed_first = with_figures(shipped, "foreign-investment", {"2020": 5000, "2021": 5500})
    assert [v.text for v in missed_first.verdicts] == [
        "目标2021年不低于6000万美元：2021年为5500万美元，未达到",
        "目标2023年不低于7000万美元：缺少2023年全市全年数字，无法判断"]
    r = with_figures(shipped, "foreign-investment", {"2020": 5000, "2021": 5500, "2022": 6500, "2023": 7100})
    assert r.status == "achieved"  # the final target is met ...
    assert [(v.target.year, v.outcome) for v in r.verdicts] == [(2021, "missed"), (2023, "met")]  # ... and 2021 stays missed


@pytest.mark.parametrize("value, expected", [(33.33, False), (33.3333, False), (33.333333, True), (33.34, True)])
def test_a_third_compares_at_six_decimals(value, expected):
    assert met(value, Target(2023, 33.3333333333, ">="), higher=True) is expected


def test_describe_targets_for_the_pages_and_the_notes(shipped):
    def text(indicator_id):
        targets = [t for t in shipped.rows("targets") if t["indicator_id"] == indicator_id]
        return describe_targets(shipped.index("indicators")[indicator_id], sorted(targets, key=lambda t: t["year"]), shipped.plan)

    assert text("tax-per-mu") == "2023年不低于22万元"
    assert text("inefficient-enterprises-upgraded") == "2021—2023年累计不低于1200家"
    assert text("manufacturing-investment-growth") == "2021—2023年年均增长不低于15%"
    assert text("energy-intensity-reduction") == "到2023年比2020年累计下降不低于10.4%"
    assert text("chemical-enterprise-reduction") == "到2021年比2020年累计下降不低于15%；到2022年比2020年累计下降不低于25%"
    assert text("industrial-robots") == "2021—2023年每年不低于500台"
    assert text("manufacturing-share-of-key-projects") == "2021—2023年每年不低于三分之一（约33.33%）"
    assert text("foreign-investment") == "2021年不低于6000万美元；2023年不低于7000万美元"
    assert text("key-research-institutes-county-coverage") == "2023年前实现"


def test_describe_targets_takes_target_objects_and_a_plan():
    indicator = {"target_kind": "annual", "unit": "个"}
    targets = [Target(2021, 10, ">="), Target(2022, 11, ">="), Target(2023, 12, ">=")]
    assert describe_targets(indicator, targets, PLAN) == "2021年不低于10个；2022年不低于11个；2023年不低于12个"


def test_every_kind_in_the_schema_has_one_object(shipped):
    enum = next(f for f in shipped.fields("indicators") if f["name"] == "target_kind")["constraints"]["enum"]
    assert sorted(KINDS) == sorted(enum)
    assert {code for code, kind in KINDS.items() if kind.chained} == {"cumulative", "average_growth", "reduction"}


def test_worked_examples_show_the_every_year_and_exact_threshold_readings():
    from scripts.progress.examples import worked_examples

    by_id = {e["id"]: e for e in worked_examples({"base_year": 2020, "start_year": 2021, "end_year": 2023})}
    assert (by_id["example-every-year-missed-first"]["status"], by_id["example-every-year-missed-first"]["pace_ratio"]) == ("not_achieved", 0.5)
    assert by_id["example-standing-rule"]["status"] == "not_achieved"
    third = by_id["example-one-third"]
    assert third["targets_text"] == "2021—2023年每年不低于三分之一（约33.33%）"
    assert third["figures_text"] == "2021年33.34%；2022年33.33%；2023年35%"
    assert third["status"] == "not_achieved"
    assert third["explanation"].startswith(
        "逐年比较（两边取6位小数）：2021年 33.34 ≥ 33.333333，达到；2022年 33.33 < 33.333333，未达到；"
        "2023年 35 ≥ 33.333333，达到。每年都要达到，一年未达到即不能由以后的年份补回。状态为未达成")


def test_each_kind_is_one_module_named_after_its_code():
    import importlib
    import pkgutil

    import scripts.progress.kinds as package

    modules = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name != "base")
    assert modules == sorted(KINDS)
    for name in modules:
        module = importlib.import_module(f"scripts.progress.kinds.{name}")
        assert type(KINDS[name]).__module__ == module.__name__
