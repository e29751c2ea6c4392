"""Pin the shipped package's content to the plan text, with expected values written out by hand."""

from pathlib import Path

import pytest

from scripts.core.package import read_package

PLAN_FILE = "quzhou-manufacturing-plan-2021-2023.txt"
from tests.conftest import ROOT


def _plan_path() -> Path:
    """The plan's full text, kept beside the tests as published (a public government document)."""
    return ROOT / "tests" / "fixtures" / "plan" / PLAN_FILE


@pytest.fixture(scope="module")
def package(shipped_package):
    return read_package(shipped_package)


@pytest.fixture(scope="module")
def plan_text() -> str:
    return _plan_path().read_text(encoding="utf-8")


TASK_IDS = [
    "action-1-1", "action-1-2", "action-1-3", "action-1-4", "action-1-5",
    "action-2-1", "action-2-2", "action-2-3", "action-2-4", "action-2-5",
    "action-3-1", "action-3-2", "action-3-3", "action-3-4", "action-3-5",
    "action-4-1", "action-4-2", "action-4-3", "action-4-4", "action-4-5",
    "policy-1", "policy-2", "policy-3", "policy-4", "policy-5", "policy-6",
    "organisation-1", "organisation-2", "organisation-3",
]

# The first unit of each (责任单位:…) parenthetical, as the plan writes it.
LEADS = {
    "action-1-1": "市经信局",
    "action-1-2": "市经信局",
    "action-1-3": "市发改委",
    "action-1-4": "市资源规划局",
    "action-1-5": "市经信局",
    "action-2-1": "市科技局",
    "action-2-2": "市科技局",
    "action-2-3": "市科技局",
    "action-2-4": "市经信局",
    "action-2-5": "市经信局",
    "action-3-1": "市招商中心",
    "action-3-2": "市商务局",
    "action-3-3": "市经信局",
    "action-3-4": "市金融办",
    "action-3-5": "市经信局",
    "action-4-1": "市市场监管局",
    "action-4-2": "市经信局",
    "action-4-3": "市经信局",
    "action-4-4": "市市场监管局",
    "action-4-5": "市市场监管局",
    "policy-1": "市财政局",
    "policy-2": "市资源规划局",
    "policy-3": "市金融办",
    "policy-4": "市发改委",
    "policy-5": "市住建局",
    "policy-6": "市委人才办",
    "organisation-1": "市工业强市领导小组办公室",
    "organisation-2": "市经信局",
    "organisation-3": "市工业强市领导小组办公室",
}

# How many units each parenthetical lists (before the responsible bodies are added).
LISTED_COUNTS = {
    "action-1-1": 3, "action-1-2": 8, "action-1-3": 3, "action-1-4": 3, "action-1-5": 6,
    "action-2-1": 2, "action-2-2": 4, "action-2-3": 3, "action-2-4": 3, "action-2-5": 2,
    "action-3-1": 5, "action-3-2": 5, "action-3-3": 4, "action-3-4": 2, "action-3-5": 5,
    "action-4-1": 1, "action-4-2": 1, "action-4-3": 1, "action-4-4": 3, "action-4-5": 2,
    "policy-1": 7, "policy-2": 5, "policy-3": 3, "policy-4": 4, "policy-5": 3, "policy-6": 5,
    "organisation-1": 1, "organisation-2": 5, "organisation-3": 1,
}

NAMED_UNITS = [
    "市经信局", "市发改委", "市资源规划局", "市财政局", "市生态环境局", "市应急局", "市税务局", "市市场监管局",
    "市科技局", "市商务局", "市大数据局", "市金融办", "市招商中心", "衢州海关", "市住建局", "市公安局",
    "市人行", "市银保监局", "市委人才办", "市教育局", "市人力社保局", "市总工会", "市工业强市领导小组办公室", "市营商办",
]

RESPONSIBLE_BODIES = [
    "柯城区政府", "衢江区政府", "龙游县政府", "常山县政府", "开化县政府", "江山市政府", "智造新城管委会", "智慧新城管委会",
]

# id: (unit, target_kind, direction, value for 2023)
HEADLINE = {
    "tax-per-mu": ("万元", "level", "increase", 22),
    "value-added-per-mu": ("万元", "level", "increase", 120),
    "labour-productivity": ("万元/人", "level", "increase", 33),
    "energy-intensity-reduction": ("%", "reduction", "decrease", 10.4),
    "manufacturing-investment-growth": ("%", "average_growth", "increase", 15),
    "rd-intensity": ("%", "level", "increase", 1.7),
    "inefficient-enterprises-upgraded": ("家", "cumulative", "increase", 1200),
    "inefficient-land-freed": ("万亩", "cumulative", "increase", 1.5),
    "energy-freed": ("万吨标准煤", "cumulative", "increase", 40),
    "carbon-reduction": ("万吨", "cumulative", "increase", 80),
    "major-manufacturing-projects": ("个", "cumulative", "increase", 60),
    "zhejiang-made-standards": ("项", "cumulative", "increase", 35),
    "pinzibiao-brand-enterprises": ("家", "cumulative", "increase", 30),
}

EVERY_YEAR = (2021, 2022, 2023)

# id: (task_id, unit, target_kind, {year: value})
TASK_INDICATORS = {
    "chemical-enterprise-reduction": ("action-1-2", "%", "reduction", {2021: 15, 2022: 25}),
    "standard-land-share": ("action-1-4", "%", "annual", {2022: 100, 2023: 100}),  # from 2022: the plan took effect then
    "micro-enterprise-parks": ("action-1-5", "个", "cumulative", {2023: 2}),
    "major-sci-tech-achievements": ("action-2-1", "项", "cumulative", {2023: 6}),
    "chain-innovation-projects-proposed": ("action-2-1", "个", "annual", dict.fromkeys(EVERY_YEAR, 10)),
    "chain-innovation-projects-implemented": ("action-2-1", "个", "annual", dict.fromkeys(EVERY_YEAR, 5)),
    "provincial-maker-spaces": ("action-2-2", "家", "level", {2023: 21}),
    "provincial-incubators": ("action-2-2", "家", "level", {2023: 9}),
    "technology-transaction-volume": ("action-2-2", "亿元", "level", {2023: 109}),
    "first-of-kind-products": ("action-2-2", "项", "annual", dict.fromkeys(EVERY_YEAR, 10)),
    "national-enterprise-technology-centres": ("action-2-3", "家", "cumulative", {2023: 2}),
    "provincial-rd-centres": ("action-2-3", "家", "cumulative", {2023: 39}),
    "provincial-enterprise-research-institutes": ("action-2-3", "家", "cumulative", {2023: 18}),
    "key-research-institutes-county-coverage": ("action-2-3", "是/否", "milestone", {2023: 1}),
    "single-champion-enterprises": ("action-2-4", "家", "cumulative", {2023: 2}),
    "little-giant-enterprises": ("action-2-4", "家", "cumulative", {2023: 10}),
    "hidden-champion-enterprises": ("action-2-4", "家", "cumulative", {2023: 6}),
    "high-growth-enterprises": ("action-2-4", "家", "level", {2023: 100}),
    "national-high-tech-enterprises": ("action-2-4", "家", "cumulative", {2023: 380}),
    "provincial-tech-smes": ("action-2-4", "家", "cumulative", {2023: 1100}),
    "chain-leader-enterprises": ("action-2-5", "家", "level", {2023: 15}),
    "industry-chain-communities": ("action-2-5", "个", "cumulative", {2023: 5}),
    "future-and-smart-factories": ("action-2-5", "家", "cumulative", {2023: 30}),
    "manufacturing-share-of-key-projects": ("action-3-1", "%", "annual", dict.fromkeys(EVERY_YEAR, 33.3333333333)),
    "project-landing-rate": ("action-3-1", "%", "annual", dict.fromkeys(EVERY_YEAR, 50)),
    "landed-project-investment-completion": ("action-3-1", "%", "annual", dict.fromkeys(EVERY_YEAR, 10)),
    "strategic-cooperation-projects": ("action-3-1", "个", "annual", dict.fromkeys(EVERY_YEAR, 8)),
    "foreign-investment": ("action-3-2", "万美元", "level", {2021: 6000, 2023: 7000}),
    "projects-over-100-million": ("action-3-3", "个", "annual", dict.fromkeys(EVERY_YEAR, 100)),
    "listing-pipeline-enterprises": ("action-3-4", "家", "annual", dict.fromkeys(EVERY_YEAR, 100)),
    "listed-companies": ("action-3-4", "家", "level", {2023: 20}),
    "listed-companies-market-value": ("action-3-4", "亿元", "level", {2023: 2000}),
    "listed-companies-new-financing": ("action-3-4", "亿元", "cumulative", {2023: 120}),
    "mergers-and-acquisitions": ("action-3-4", "亿元", "cumulative", {2023: 30}),
    "national-standards": ("action-4-1", "项", "cumulative", {2023: 45}),
    "provincial-quality-inspection-centres": ("action-4-1", "个", "cumulative", {2023: 1}),
    "industrial-robots": ("action-4-2", "台", "annual", dict.fromkeys(EVERY_YEAR, 500)),
    "key-industrial-investment-projects": ("action-4-2", "个", "annual", dict.fromkeys(EVERY_YEAR, 400)),
    "digital-upgrade-projects": ("action-4-2", "个", "annual", dict.fromkeys(EVERY_YEAR, 200)),
    "energy-saving-upgrade-projects": ("action-4-2", "个", "annual", dict.fromkeys(EVERY_YEAR, 50)),
    "provincial-key-upgrade-projects": ("action-4-2", "个", "annual", dict.fromkeys(EVERY_YEAR, 10)),
    "provincial-key-energy-saving-projects": ("action-4-2", "个", "annual", dict.fromkeys(EVERY_YEAR, 2)),
    "new-product-filings": ("action-4-3", "项", "annual", dict.fromkeys(EVERY_YEAR, 200)),
    "key-innovation-projects": ("action-4-3", "项", "annual", dict.fromkeys(EVERY_YEAR, 20)),
    "zhejiang-made-fine-products": ("action-4-3", "项", "annual", dict.fromkeys(EVERY_YEAR, 10)),
    "national-service-manufacturing-platforms": ("action-4-3", "家", "annual", dict.fromkeys(EVERY_YEAR, 1)),
    "provincial-service-manufacturing-demonstrations": ("action-4-3", "家", "annual", dict.fromkeys(EVERY_YEAR, 1)),
    "industrial-land-share-of-supply": ("policy-2", "%", "annual", dict.fromkeys(EVERY_YEAR, 50)),
    "land-revenue-for-upgrading": ("policy-2", "%", "annual", {2022: 0.5, 2023: 0.5}),  # from 2022, as above
}

# (indicator_id, period): value
def _targets(package, indicator_id):
    return {row["year"]: row for row in package.rows("targets") if row["indicator_id"] == indicator_id}


def test_tasks_are_the_29_items_in_plan_order(package):
    tasks = sorted(package.rows("tasks"), key=lambda row: row["order"])
    assert [row["id"] for row in tasks] == TASK_IDS
    assert [row["order"] for row in tasks] == list(range(1, 30))


def test_task_numbers_and_groups(package):
    tasks = package.index("tasks")
    assert tasks["action-1-1"]["number"] == "三(一)1"
    assert tasks["action-4-5"]["number"] == "三(四)5"
    assert tasks["policy-2"]["number"] == "四(二)"
    assert tasks["organisation-3"]["number"] == "五(三)"
    assert tasks["action-1-1"]["title"] == "全面摸排高耗低效企业"
    assert tasks["policy-5"]["title"] == "加大保障性租赁住房建设力度"
    groups = {row["id"]: row["group"] for row in package.rows("tasks")}
    assert groups["action-1-3"] == "淘汰落后攻坚行动"
    assert groups["action-2-3"] == "创新强工攻坚行动"
    assert groups["action-3-3"] == "招大引强攻坚行动"
    assert groups["action-4-3"] == "质量提升攻坚行动"
    assert groups["policy-6"] == "政策措施"
    assert groups["organisation-2"] == "组织实施"


def test_task_text_is_verbatim(package, plan_text):
    for row in package.rows("tasks"):
        assert row["text"] in plan_text, row["id"]
        assert row["responsibility_text"] in plan_text, row["id"]
        assert row["responsibility_text"].startswith("(责任单位:") and row["responsibility_text"].endswith(")"), row["id"]
        assert not row["text"].startswith(row["title"]), row["id"]
        # heading, body and parenthetical follow each other in the plan
        assert row["title"] + "。" + row["text"] + row["responsibility_text"] in plan_text, row["id"]


def test_first_task_sets_the_responsible_bodies(package):
    first = package.index("tasks")["action-1-1"]
    assert first["responsibility_text"] == (
        "(责任单位:市经信局、市发改委、市资源规划局。列第一位的为牵头单位,"
        "各县〔市、区〕政府、智造新城管委会、智慧新城管委会为责任主体,下同)"
    )


def test_every_named_unit_is_present(package):
    names = [row["name"] for row in package.rows("units")]
    assert sorted(names) == sorted(NAMED_UNITS + RESPONSIBLE_BODIES)
    units = {row["name"]: row for row in package.rows("units")}
    assert units["市经信局"]["full_name"] == "衢州市经济和信息化局"
    assert units["市税务局"]["full_name"] == "国家税务总局衢州市税务局"
    assert units["市人行"]["full_name"] == "中国人民银行衢州市中心支行"
    for name in ["衢州海关", "市税务局", "市人行", "市银保监局", "市委人才办", "市总工会", "市工业强市领导小组办公室"]:
        assert units[name]["kind"] == "other", name
    for name in RESPONSIBLE_BODIES:
        assert units[name]["area_id"], name
        assert units[name]["kind"] in ("county_government", "platform"), name


def test_each_task_has_one_lead_the_first_unit_listed(package):
    units = package.index("units")
    for task_id in TASK_IDS:
        rows = [row for row in package.rows("task_units") if row["task_id"] == task_id]
        leads = [row for row in rows if row["role"] == "lead"]
        assert len(leads) == 1, task_id
        assert leads[0]["order"] == 1, task_id
        assert units[leads[0]["unit_id"]]["name"] == LEADS[task_id], task_id


def test_listed_units_follow_the_parenthetical(package):
    units = package.index("units")
    tasks = package.index("tasks")
    for task_id in TASK_IDS:
        rows = sorted((r for r in package.rows("task_units") if r["task_id"] == task_id), key=lambda r: r["order"])
        listed = [units[r["unit_id"]]["name"] for r in rows if r["role"] in ("lead", "support")]
        assert len(listed) == LISTED_COUNTS[task_id], task_id
        inner = tasks[task_id]["responsibility_text"][len("(责任单位:"):-1].split("。")[0]
        assert listed == inner.split("、"), task_id


def test_responsible_bodies_on_every_task_after_the_listed_units(package):
    units = package.index("units")
    for task_id in TASK_IDS:
        rows = sorted((r for r in package.rows("task_units") if r["task_id"] == task_id), key=lambda r: r["order"])
        assert [r["order"] for r in rows] == list(range(1, len(rows) + 1)), task_id
        bodies = [units[r["unit_id"]]["name"] for r in rows if r["role"] == "responsible_body"]
        assert bodies == RESPONSIBLE_BODIES, task_id
        assert [r["role"] for r in rows[-8:]] == ["responsible_body"] * 8, task_id
    assert len(package.rows("task_units")) == 332


def test_headline_indicators(package):
    indicators = package.index("indicators")
    headline = {row["id"] for row in package.rows("indicators") if row["headline"]}
    assert headline == set(HEADLINE)
    for indicator_id, (unit, kind, direction, value) in HEADLINE.items():
        row = indicators[indicator_id]
        assert (row["unit"], row["target_kind"], row["direction"]) == (unit, kind, direction), indicator_id
        targets = _targets(package, indicator_id)
        assert list(targets) == [2023], indicator_id
        assert targets[2023]["value"] == pytest.approx(value), indicator_id
        # 突破 (rd-intensity): past the target; every other headline target: reached or passed
        assert targets[2023]["comparator"] == (">" if indicator_id == "rd-intensity" else ">="), indicator_id
    orders = sorted(indicators[i]["order"] for i in HEADLINE)
    assert orders == list(range(1, 14))


def test_restated_headline_targets_point_to_their_tasks(package):
    indicators = package.index("indicators")
    assert indicators["zhejiang-made-standards"]["task_id"] == "action-4-1"
    assert indicators["pinzibiao-brand-enterprises"]["task_id"] == "action-4-4"
    others = set(HEADLINE) - {"zhejiang-made-standards", "pinzibiao-brand-enterprises"}
    assert all(indicators[i]["task_id"] is None for i in others)


def test_task_indicators_and_their_targets(package):
    indicators = package.index("indicators")
    task_level = {row["id"] for row in package.rows("indicators") if not row["headline"]}
    assert task_level == set(TASK_INDICATORS)
    for indicator_id, (task_id, unit, kind, values) in TASK_INDICATORS.items():
        row = indicators[indicator_id]
        assert (row["task_id"], row["unit"], row["target_kind"]) == (task_id, unit, kind), indicator_id
        targets = _targets(package, indicator_id)
        assert sorted(targets) == sorted(values), indicator_id
        for year, value in values.items():
            assert targets[year]["value"] == pytest.approx(value), (indicator_id, year)


def test_decreasing_and_milestone_indicators(package):
    indicators = package.index("indicators")
    decreasing = {row["id"] for row in package.rows("indicators") if row["direction"] == "decrease"}
    assert decreasing == {"energy-intensity-reduction", "chemical-enterprise-reduction"}
    assert _targets(package, "key-research-institutes-county-coverage")[2023]["comparator"] == "="
    assert indicators["carbon-reduction"]["direction"] == "increase"


def test_every_clause_is_verbatim(package, plan_text):
    for row in package.rows("indicators"):
        assert row["clause"] in plan_text, row["id"]


def test_clauses_carry_the_target_numbers(package):
    indicators = package.index("indicators")
    assert "1.5万亩" in indicators["inefficient-land-freed"]["clause"]
    assert "三分之一" in indicators["manufacturing-share-of-key-projects"]["clause"]
    assert "6000万美元" in indicators["foreign-investment"]["clause"]
    assert "7000万美元" in indicators["foreign-investment"]["clause"]
    assert "2021年减少15%" in indicators["chemical-enterprise-reduction"]["clause"]


def test_hedged_targets_say_so(package):
    for indicator_id in ["technology-transaction-volume", "strategic-cooperation-projects", "foreign-investment",
                         "listing-pipeline-enterprises", "listed-companies", "listed-companies-market-value"]:
        for row in _targets(package, indicator_id).values():
            assert "力争" in (row["note"] or ""), indicator_id
    for indicator_id in ["industrial-robots", "provincial-key-upgrade-projects", "provincial-key-energy-saving-projects"]:
        for row in _targets(package, indicator_id).values():
            assert "争取" in (row["note"] or ""), indicator_id


def test_every_indicator_has_a_target(package):
    with_targets = {row["indicator_id"] for row in package.rows("targets")}
    assert with_targets == {row["id"] for row in package.rows("indicators")}
    assert len(package.rows("targets")) == 108


def test_every_observation_names_its_source_and_address(package):
    # A rule for every figure the package will ever hold, not a count of today's: the figures themselves change with
    # every data pull request, so they are asserted only on the pinned copy (tests/fixtures/shipped-figures).
    for row in package.rows("observations"):
        assert row["source"] and row["source_url"].startswith(("http://", "https://")), row


def test_areas(package):
    areas = sorted(package.rows("areas"), key=lambda r: r["order"])
    assert [(r["id"], r["name"], r["kind"]) for r in areas] == [
        ("quzhou", "衢州市", "city"),
        ("kecheng", "柯城区", "district"),
        ("qujiang", "衢江区", "district"),
        ("longyou", "龙游县", "county"),
        ("changshan", "常山县", "county"),
        ("kaihua", "开化县", "county"),
        ("jiangshan", "江山市", "county_city"),
        ("zhizao-xincheng", "智造新城", "platform"),
        ("zhihui-xincheng", "智慧新城", "platform"),
    ]


# Targets whose plan words carry no 以上, 不低于 or 突破 (the milestone aside), with the words as the plan writes them.
WITHOUT_YISHANG = {
    "tax-per-mu": "达到22万元", "value-added-per-mu": "达到120万元", "labour-productivity": "达到33万元/人",
    "inefficient-enterprises-upgraded": "1200家", "inefficient-land-freed": "1.5万亩", "energy-freed": "40万吨标准煤",
    "standard-land-share": "实现100%", "micro-enterprise-parks": "2个", "major-sci-tech-achievements": "实现6项",
    "chain-innovation-projects-proposed": "谋划推荐10个", "chain-innovation-projects-implemented": "实施5个",
    "first-of-kind-products": "共10项", "national-enterprise-technology-centres": "2家",
    "little-giant-enterprises": "10家", "hidden-champion-enterprises": "6家", "high-growth-enterprises": "100家",
    "chain-leader-enterprises": "15家", "industry-chain-communities": "5个", "listing-pipeline-enterprises": "100家",
    "listed-companies": "20家", "listed-companies-market-value": "2000亿元",
    "national-service-manufacturing-platforms": "1家", "provincial-service-manufacturing-demonstrations": "1家",
}
NO_YISHANG_NOTE = "未写“以上”；达到或超过目标值都算达到。"


def test_every_target_without_yishang_says_so_the_same_way(package, plan_text):
    for indicator_id, words in WITHOUT_YISHANG.items():
        assert words in package.index("indicators")[indicator_id]["clause"] and words in plan_text, indicator_id
        for row in _targets(package, indicator_id).values():
            assert f"原文“{words}”，{NO_YISHANG_NOTE}" in row["note"], indicator_id
    for row in _targets(package, "chemical-enterprise-reduction").values():
        assert "原文" + NO_YISHANG_NOTE in row["note"]
    noted = {r["indicator_id"] for r in package.rows("targets") if NO_YISHANG_NOTE in (r["note"] or "")}
    assert noted == set(WITHOUT_YISHANG) | {"chemical-enterprise-reduction"}


def test_every_year_thresholds_and_standing_rules_are_read_year_by_year(package):
    indicators = package.index("indicators")
    # 每年…: from the plan's first year; the standing rules without 每年 from 2022, when the plan took effect
    years = {"manufacturing-share-of-key-projects": [2021, 2022, 2023], "project-landing-rate": [2021, 2022, 2023],
             "landed-project-investment-completion": [2021, 2022, 2023], "industrial-land-share-of-supply": [2021, 2022, 2023],
             "standard-land-share": [2022, 2023], "land-revenue-for-upgrading": [2022, 2023]}
    for indicator_id, expected in years.items():
        assert indicators[indicator_id]["target_kind"] == "annual", indicator_id
        assert sorted(_targets(package, indicator_id)) == expected, indicator_id
        assert "不能补回" in indicators[indicator_id]["note"], indicator_id
    for indicator_id in ["standard-land-share", "land-revenue-for-upgrading"]:
        assert "自印发之日起施行" in indicators[indicator_id]["note"], indicator_id
    assert not [row["id"] for row in package.rows("indicators") if row["target_kind"] == "share"]


def test_one_third_is_stored_with_ten_decimals_and_the_plan_words(package):
    for row in _targets(package, "manufacturing-share-of-key-projects").values():
        assert row["value"] == 33.3333333333
        assert "不低于三分之一" in row["note"] and "33.33%不算达到" in row["note"]


def test_reduction_names_say_what_the_number_is(package):
    indicators = package.index("indicators")
    assert indicators["energy-intensity-reduction"]["name"] == "单位工业增加值能耗累计下降"
    assert indicators["chemical-enterprise-reduction"]["name"] == "化工行业企业数量累计减少"
    for row in package.rows("indicators"):
        if row["target_kind"] == "reduction":
            assert row["name"].endswith(("累计下降", "累计减少")), row["id"]


def test_single_year_amounts_say_why_they_are_levels(package):
    indicators = package.index("indicators")
    for indicator_id in ["foreign-investment", "technology-transaction-volume"]:
        assert indicators[indicator_id]["target_kind"] == "level"
        assert "单年额" in indicators[indicator_id]["note"] and "按“到期水平”读" in indicators[indicator_id]["note"]


def test_county_coverage_note_says_why_market_coverage_is_no_indicator(package):
    note = package.index("indicators")["key-research-institutes-county-coverage"]["note"]
    assert "市场主体全覆盖" in note and "不列为指标" in note


def test_renamed_units_keep_the_plan_names(package):
    # Later names, dates and sources are editorial (a correction may fill them in); the names are the plan's.
    units = package.index("units")
    assert (units["pboc"]["name"], units["pboc"]["full_name"]) == ("市人行", "中国人民银行衢州市中心支行")
    assert (units["cbirc"]["name"], units["cbirc"]["full_name"]) == ("市银保监局", "中国银行保险监督管理委员会衢州监管分局")


def test_every_indicator_says_where_its_figure_will_come_from(pinned_shipped):
    # One row per indicator in plan order. Editorial (本站判断), so on the pinned copy: a data change may edit it.
    package = read_package(pinned_shipped)
    rows = package.rows("figure_sources")
    assert [r["indicator_id"] for r in rows] == [r["id"] for r in sorted(package.rows("indicators"), key=lambda r: r["order"])]


def test_headline_indicators_without_a_task_have_related_tasks(pinned_shipped):
    # Related tasks are the site's own reading (本站归纳), so on the pinned copy: a data change may add or drop one.
    package = read_package(pinned_shipped)
    rows = package.rows("related_tasks")
    unowned = {i for i in HEADLINE if package.index("indicators")[i]["task_id"] is None}
    assert {r["indicator_id"] for r in rows} == unowned
    assert len(unowned) == 11
    assert all(r["reason"].startswith("本站归纳：") and r["reason"].endswith("方案未写明") for r in rows)


def test_a_target_the_plan_says_to_break_through_is_met_only_past_it(package, plan_text):
    # 突破: exactly the target is not enough (comparator >), unlike 达到 and 以上 (>=)
    for indicator_id, words in {"rd-intensity": "突破1.7%", "technology-transaction-volume": "突破109亿元"}.items():
        assert words in plan_text and words in package.index("indicators")[indicator_id]["clause"]
        assert [(year, row["comparator"]) for year, row in _targets(package, indicator_id).items()] == [(2023, ">")]
    assert [r["indicator_id"] for r in package.rows("targets") if r["comparator"] == ">"] == [
        "rd-intensity", "technology-transaction-volume"]
