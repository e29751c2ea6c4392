"""Write fictional data packages with the real schema, for tests, the demo site and the benchmark.

`python -m scripts.tools.synthetic --scale N --out DIR [--seed S] [--hostile]`

Scale 1 has about the size of the real plan; scale N repeats the plan's structure N times ("blocks")
and adds one fictional area per extra block. Which statuses the indicators are meant to reach depends on
the scale only (`intended_statuses`); the seed changes names, magnitudes and noise. The columns written
are those of the repository's datapackage.json: every table is written in the schema's column order, and
a row that does not fill exactly those columns is an error.
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE, read_descriptor
from scripts.core.words import STATUS_LABELS

CITY = "quzhou"  # the schema asks for city-wide figures under this area id
SOURCE = "示例来源（虚构）"
URL = "https://example.org/demo"

STATUSES = ("achieved", "not_achieved", "on_track", "behind", "off_track", "no_data")
# The statuses each kind is designed to reach, in the order indicators of that kind cycle through them.
# Milestones have no pace at all; an every-year threshold is settled (not achieved) by its first missed year,
# so it is either met every year so far (on track) or lost: neither has a "behind" or an "off track".
DESIGNS = {
    "level": STATUSES,
    "cumulative": STATUSES,
    "annual": ("achieved", "not_achieved", "on_track", "no_data"),
    "average_growth": STATUSES,
    "reduction": STATUSES,
    "share": STATUSES,
    "milestone": ("achieved", "not_achieved", "no_data"),
}

# One block is the size of the real plan: 13 headline indicators (as in 二、实施目标) and 47 set by tasks.
HEADLINE_KINDS = ["level"] * 3 + ["reduction", "average_growth", "share"] + ["cumulative"] * 7
TASK_KIND_COUNTS = {
    "level": 11, "cumulative": 7, "annual": 8, "average_growth": 5, "reduction": 5, "share": 5, "milestone": 6,
}
ACTIONS = ["淘汰落后", "创新强工", "招大引强", "质量提升"]
TASKS_PER_ACTION = 5
KEY_TASK_STEMS = [
    "全面摸排示例低效企业", "分类整治示例低效企业", "遏制示例项目盲目发展", "整治提升示例低效用地", "整合提升示例产业平台",
    "攻关示例关键技术", "转化示例科技成果", "建设示例创新平台", "培育示例创新主体", "构建示例产业生态",
    "招引示例主导产业项目", "招引示例外资项目", "招引示例强链项目", "培育示例上市企业", "服务示例项目全周期",
    "推进示例质量革命", "实施示例技术改造", "培育示例品牌", "推广示例先进模式", "强化示例质量监管",
]
POLICY_STEMS = ["示例财政支持", "示例用地保障", "示例用能保障", "示例金融支持", "示例人才支持", "示例考核激励"]
ORGANISATION_STEMS = ["加强示例组织领导", "强化示例协同推进", "建立示例赛马机制"]
SECTION_NAMES = {"policy": "政策措施", "organisation": "组织实施"}
# (short name, full name); the real plan names 23 city departments and one other body.
DEPARTMENTS = [
    ("经信局", "经济和信息化局"), ("发改委", "发展和改革委员会"), ("科技局", "科学技术局"), ("财政局", "财政局"),
    ("资源规划局", "自然资源和规划局"), ("生态环境局", "生态环境局"), ("商务局", "商务局"), ("市场监管局", "市场监督管理局"),
    ("统计局", "统计局"), ("税务局", "税务局"), ("人力社保局", "人力资源和社会保障局"), ("住建局", "住房和城乡建设局"),
    ("应急局", "应急管理局"), ("金融办", "金融工作办公室"), ("招商中心", "投资促进中心"), ("能源局", "能源局"),
    ("大数据局", "大数据发展管理局"), ("交通运输局", "交通运输局"), ("水利局", "水利局"), ("农业农村局", "农业农村局"),
    ("教育局", "教育局"), ("司法局", "司法局"), ("电力公司", "供电公司"),
]
OTHERS = [("领导小组办公室", "制造业攻坚行动领导小组办公室")]
# (id, name, kind) of the areas below the city at scale 1: 2 districts, 3 counties, 1 county-level city, 2 platforms.
AREAS = [
    ("dong-qu", "示例东区", "district"), ("xi-qu", "示例西区", "district"),
    ("nan-xian", "示例南县", "county"), ("bei-xian", "示例北县", "county"), ("zhong-xian", "示例中县", "county"),
    ("shan-shi", "示例山市", "county_city"),
    ("zhizao-xincheng", "示例智造新城", "platform"), ("zhihui-xincheng", "示例智慧新城", "platform"),
]
RESPONSIBLE_BODIES_PER_TASK = len(AREAS)
COUNT_UNITS = ("家", "个", "项", "台", "人")  # counted things: whole numbers only

# Indicator stems by kind: (stem, unit, low, high). low..high bounds the magnitude that the kind is built
# from: the 2020 baseline (level), the three-year total (cumulative), the yearly target (annual), the
# yearly growth % (average_growth), the decrease % (reduction) or the threshold % (share).
LEVEL_UP = [
    ("规上工业亩均税收", "万元/亩", 15, 40), ("规上工业亩均增加值", "万元/亩", 80, 150),
    ("规上制造业全员劳动生产率", "万元/人", 20, 40), ("示例园区亩均产出", "万元/亩", 300, 600),
    ("高新技术产业增加值", "亿元", 200, 400), ("数字经济核心产业营业收入", "亿元", 100, 300),
    ("规上工业企业数", "家", 1000, 2000), ("示例产业集群产值", "亿元", 500, 1200),
    ("示例企业研发人员数", "人", 5000, 12000), ("示例工业互联网平台连接设备数", "万台", 10, 50),
]
LEVEL_DOWN = [
    ("示例单位工业增加值能耗", "千克标准煤/万元", 600, 1200), ("示例低效企业数", "家", 800, 1500),
    ("示例工业废水排放量", "万吨", 2000, 5000), ("规上工业企业亏损面", "%", 12, 20),
    ("示例亩均用水量", "立方米/亩", 300, 800),
]
CUMULATIVE = [
    ("整治提升低效企业", "家", 600, 1500), ("腾出低效工业用地", "亩", 5000, 20000), ("腾出用能", "万吨标准煤", 30, 80),
    ("减少碳排放", "万吨", 50, 150), ("招引落地10亿元以上重大制造业项目", "个", 30, 80), ("新增示例制造标准", "项", 30, 60),
    ("培育示例品牌企业", "家", 30, 60), ("新增示例高新技术企业", "家", 300, 500),
    ("新增示例科技型中小企业", "家", 800, 1500), ("建设示例数字化车间", "个", 40, 120), ("新增示例专精特新企业", "家", 50, 150),
]
ANNUAL = [
    ("新增示例规上工业企业", "家", 80, 200), ("完成示例技改投资", "亿元", 50, 150), ("淘汰示例落后产能企业", "家", 30, 100),
    ("新增示例小升规企业", "家", 60, 150), ("实施示例数字化改造项目", "个", 50, 120), ("示例招商引资到位资金", "亿元", 100, 300),
]
AVERAGE_GROWTH = [
    ("制造业投资", "%", 10, 15), ("规上工业增加值", "%", 6, 10), ("示例工业投资", "%", 8, 12),
    ("高新技术产业投资", "%", 10, 20), ("数字经济核心产业增加值", "%", 8, 15), ("示例工业税收", "%", 5, 10),
]
REDUCTION = [
    ("单位工业增加值能耗", "%", 8, 12), ("单位工业增加值碳排放", "%", 12, 18), ("示例工业用水量", "%", 8, 15),
    ("示例二氧化硫排放量", "%", 10, 20), ("示例工业固废产生量", "%", 8, 15),
]
SHARE = [
    ("规上制造业研发经费相当于营业收入比重", "%", 1.5, 3), ("高新技术产业增加值占规上工业比重", "%", 50, 70),
    ("示例数字化改造覆盖率", "%", 50, 80), ("示例企业研发机构设置率", "%", 40, 60), ("示例绿色工厂产值占比", "%", 20, 40),
]
MILESTONE = [
    ("建成示例产业大脑", "是/否", 1, 1), ("建成示例工业互联网平台", "是/否", 1, 1), ("出台示例整治办法", "是/否", 1, 1),
    ("建立示例赛马机制", "是/否", 1, 1), ("建成示例数字化监测系统", "是/否", 1, 1), ("完成示例园区整合提升", "是/否", 1, 1),
]
SENTENCES = [
    "以各示例区块为责任主体，按照动态摸排、分类建档、清单管理的方法开展示例排查。",
    "建立示例工作清单，实行闭环管理，每季度通报一次进展。",
    "对照示例标准实施分类整治，达标一家、销号一家。",
    "加大示例资金支持力度，统筹用好示例专项资金。",
    "强化示例要素保障，优先保障示例重点项目的用地用能需求。",
    "推广示例先进经验，培育一批示例标杆企业。",
    "完善示例考核办法，将结果纳入示例年度综合考核。",
    "加强部门协同，形成示例工作合力。",
    "到2023年底，基本完成示例目标任务。",
    "建设示例数字化监测平台，实现示例数据实时更新。",
]
REPORT_SENTENCES = [
    "已召开示例推进会，部署年度示例工作。",
    "完成示例排查，建立示例工作台账。",
    "示例项目按计划推进，部分示例项目进度滞后。",
    "受示例因素影响，示例指标完成情况不及预期。",
    "已出台示例配套政策，正在组织实施。",
    "示例任务已全部完成，进入示例长效管理阶段。",
]
REPORTED_STATUSES = ["on_track", "completed", "with_challenges", "not_started"]
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ config }}",
    "{% raw %}{% endraw %}",
    "**bold**",
    "| a | b |",
    "第一行\n第二行",
    "&amp;",
]


@dataclass(frozen=True)
class Years:
    """The plan's calendar, read from the descriptor's `plan`."""

    base: int
    start: int
    end: int

    @property
    def horizon(self) -> int:
        return self.end - self.base


@dataclass(frozen=True)
class Slot:
    """An indicator's place in the design: everything about it that does not depend on the seed."""

    id: str
    kind: str
    status: str
    occurrence: int  # how many indicators of this kind came before it
    block: int
    headline: bool
    task_id: str | None
    direction: str
    by_area: bool

    @property
    def cycle(self) -> int:
        """How many times this kind has gone round its statuses before this indicator."""
        return self.occurrence // len(DESIGNS[self.kind])


def write_synthetic_package(out_dir: Path | str, scale: int = 1, seed: int = 0, hostile: bool = False) -> Path:
    """Write DIR/datapackage.json and DIR/data/*.csv; return the descriptor's path."""
    _, schema_descriptor = read_descriptor(DEFAULT_PACKAGE)
    descriptor = make_descriptor(schema_descriptor, scale, seed, hostile)
    tables = make_tables(descriptor, scale, seed)
    if hostile:
        tables = make_hostile(descriptor, tables)
    out_dir = Path(out_dir)
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    path = out_dir / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_tables(out_dir, descriptor, tables)
    return path


def make_descriptor(schema_descriptor: dict, scale: int, seed: int, hostile: bool) -> dict:
    descriptor = copy.deepcopy(schema_descriptor)
    suffix = "-hostile" if hostile else ""
    descriptor["name"] = f"demo-manufacturing-plan-scale-{scale}-seed-{seed}{suffix}"
    descriptor["title"] = "示例数据（虚构）：示例市制造业攻坚行动实施方案（2021—2023年）目标任务与进展数据"
    descriptor["description"] = (
        f"示例数据（虚构），供测试、演示和性能测试使用，不代表任何真实地区、单位或数字。"
        f"由 scripts/tools/synthetic.py 生成：规模 {scale}，随机种子 {seed}" + ("，各文字列含恶意文本" if hostile else "") + "。"
    )
    descriptor["version"] = f"{schema_descriptor.get('version', '0.0.0')}-demo"
    descriptor["demo"] = True
    descriptor["sources"] = [{"title": SOURCE, "path": f"{URL}/"}]
    return descriptor


def plan_years(descriptor: dict) -> Years:
    plan = descriptor["plan"]
    return Years(plan["base_year"], plan["start_year"], plan["end_year"])


def intended_statuses(scale: int = 1) -> dict[str, str]:
    """Indicator id -> the status its city-wide series is built to reach (the same for every seed)."""
    return {slot.id: slot.status for slot in plan_indicators(scale)}


def plan_tasks(scale: int) -> list[dict]:
    """The task rows that depend on position only: id, section, group, number, stem, block."""
    tasks = []
    for block in range(scale):
        mark = f"（{block + 1}）" if block else ""
        for a, action in enumerate(ACTIONS):
            g = block * len(ACTIONS) + a + 1
            for j in range(1, TASKS_PER_ACTION + 1):
                tasks.append({
                    "id": f"action-{g}-{j}", "section": "key_task", "group": f"示例{action}攻坚行动{mark}",
                    "number": f"三（{_chinese(g)}）{j}", "stem": KEY_TASK_STEMS[a * TASKS_PER_ACTION + j - 1] + mark,
                    "block": block,
                })
        for section, stems in (("policy", POLICY_STEMS), ("organisation", ORGANISATION_STEMS)):
            chapter = "四" if section == "policy" else "五"
            for j, stem in enumerate(stems, start=1):
                n = block * len(stems) + j
                tasks.append({
                    "id": f"{section}-{n}", "section": section, "group": SECTION_NAMES[section],
                    "number": f"{chapter}（{_chinese(n)}）", "stem": stem + mark, "block": block,
                })
    return tasks


def plan_indicators(scale: int) -> list[Slot]:
    """Every indicator's id, kind, designed status, task and direction, block by block."""
    occurrences = {kind: 0 for kind in DESIGNS}
    tasks = plan_tasks(scale)
    slots = []
    for block in range(scale):
        block_tasks = [t for t in tasks if t["block"] == block]
        # Two indicators for each key task, one for each policy, one for the last organisation task (赛马).
        owners = [t["id"] for t in block_tasks if t["section"] == "key_task" for _ in range(2)]
        owners += [t["id"] for t in block_tasks if t["section"] == "policy"]
        owners += [t["id"] for t in block_tasks if t["section"] == "organisation"][-1:]
        kinds = [(kind, True, None) for kind in HEADLINE_KINDS]
        kinds += [(kind, False, owner) for kind, owner in zip(_interleave(TASK_KIND_COUNTS), owners, strict=True)]
        by_area_wanted = {"level": 2, "cumulative": 2}
        for kind, headline, task_id in kinds:
            n = occurrences[kind]
            occurrences[kind] += 1
            status = DESIGNS[kind][n % len(DESIGNS[kind])]
            # Decreasing levels alternate with increasing ones, shifted each round so both meet every status.
            # A reduction is about a quantity that should fall, as in the real package.
            level_down = kind == "level" and (n + n // len(STATUSES)) % 2
            direction = "decrease" if level_down or kind == "reduction" else "increase"
            by_area = headline and status != "no_data" and by_area_wanted.get(kind, 0) > 0
            if by_area:
                by_area_wanted[kind] -= 1
            slots.append(Slot(
                id=f"{kind.replace('_', '-')}-{n + 1}", kind=kind, status=status, occurrence=n, block=block,
                headline=headline, task_id=task_id, direction=direction, by_area=by_area,
            ))
    return slots


def make_tables(descriptor: dict, scale: int, seed: int) -> dict[str, list[dict]]:
    """Every table of the package as rows of column -> value (None for an empty cell)."""
    kinds = set(_field(descriptor, "indicators", "target_kind")["constraints"]["enum"])
    if kinds != set(DESIGNS):
        raise ValueError(f"the schema's target kinds {sorted(kinds)} differ from the designed ones {sorted(DESIGNS)}")
    rng = random.Random(seed)
    years = plan_years(descriptor)
    areas = make_areas(scale)
    units = make_units(areas, scale)
    tasks, task_units = make_tasks(rng, units, scale)
    indicators, targets, observations = make_indicators(rng, years, areas, scale)
    task_reports = make_task_reports(rng, years, tasks, task_units)
    for row in tasks:
        del row["stem"], row["block"]
    return {
        "areas": areas, "units": units, "tasks": tasks, "task_units": task_units, "indicators": indicators,
        "targets": targets, "observations": observations, "task_reports": task_reports,
        "figure_sources": [], "related_tasks": [],
    }


def make_areas(scale: int) -> list[dict]:
    rows = [{"id": CITY, "name": "示例市", "kind": "city"}]
    rows += [{"id": id_, "name": name, "kind": kind} for id_, name, kind in AREAS]
    rows += [{"id": f"qu-{n}", "name": f"示例区{n}", "kind": "district"} for n in range(1, scale)]
    return [dict(row, order=i) for i, row in enumerate(rows, start=1)]


def make_units(areas: list[dict], scale: int) -> list[dict]:
    rows = []
    for block in range(scale):
        mark = str(block + 1) if block else ""
        for i, (short, full) in enumerate(DEPARTMENTS, start=len(DEPARTMENTS) * block + 1):
            rows.append({"id": f"dept-{i}", "name": f"示例市{short}{mark}", "full_name": f"示例市{full}{mark}（虚构）",
                         "kind": "city_department", "area_id": None})
        for i, (short, full) in enumerate(OTHERS, start=len(OTHERS) * block + 1):
            rows.append({"id": f"other-{i}", "name": f"示例{short}{mark}", "full_name": f"示例市{full}{mark}（虚构）",
                         "kind": "other", "area_id": None})
    for area in areas[1:]:
        if area["kind"] == "platform":
            rows.append({"id": f"admin-{area['id']}", "name": f"{area['name']}管委会",
                         "full_name": f"{area['name']}管理委员会（虚构）", "kind": "platform", "area_id": area["id"]})
        else:
            rows.append({"id": f"gov-{area['id']}", "name": f"{area['name']}政府",
                         "full_name": f"{area['name']}人民政府（虚构）", "kind": "county_government", "area_id": area["id"]})
    # No fictional unit was renamed and no full name is sourced: the provenance columns stay empty.
    provenance = {"full_name_source": None, "current_name": None, "renamed_on": None}
    return [dict(row, order=i, **provenance) for i, row in enumerate(rows, start=1)]


def make_tasks(rng: random.Random, units: list[dict], scale: int) -> tuple[list[dict], list[dict]]:
    departments = [u for u in units if u["kind"] == "city_department"]
    others = [u for u in units if u["kind"] == "other"]
    bodies = [u for u in units if u["kind"] in ("county_government", "platform")]
    per_block = len(plan_tasks(1))
    tasks, task_units = [], []
    for order, task in enumerate(plan_tasks(scale), start=1):
        block = task["block"]
        pool = departments[len(DEPARTMENTS) * block:len(DEPARTMENTS) * (block + 1)]
        position = order - 1 - block * per_block
        lead = pool[position % len(pool)]  # every department leads at least one task of its block
        supports = rng.sample([u for u in pool if u is not lead], position % 3 + 1)
        if task["section"] == "organisation":
            supports.append(others[block])
        listed = [lead, *supports]
        # Every task has the areas' governments as responsible bodies (the plan's "下同"): a window of
        # areas that moves by block, so that every extra area's government has tasks.
        start = (block * RESPONSIBLE_BODIES_PER_TASK) % len(bodies)
        responsible = [bodies[(start + i) % len(bodies)] for i in range(RESPONSIBLE_BODIES_PER_TASK)]
        responsible.sort(key=lambda u: u["order"])
        for i, unit in enumerate(listed + responsible, start=1):
            role = "lead" if i == 1 else "support" if i <= len(listed) else "responsible_body"
            task_units.append({"task_id": task["id"], "unit_id": unit["id"], "role": role, "order": i})
        responsibility = "、".join(u["name"] for u in listed)
        responsibility += "。列第一位的为牵头单位，" + "、".join(u["name"] for u in responsible) + "为责任主体"
        tasks.append(dict(
            task,
            title=f"示例任务：{task['stem']}",
            text="示例条文（虚构）：" + "".join(rng.sample(SENTENCES, rng.randint(3, 6))),
            responsibility_text=f"（责任单位：{responsibility}）",
            order=order,
        ))
    return tasks, task_units


def make_indicators(rng: random.Random, years: Years, areas: list[dict], scale: int):
    indicators, targets, observations = [], [], []
    county_areas = [a["id"] for a in areas[1:]]
    for order, slot in enumerate(plan_indicators(scale), start=1):
        stem, unit, low, high = _stem(rng, slot)
        series = build_series(rng, years, slot, low, high)
        if unit in COUNT_UNITS:
            series = Series([(y, round(v)) for y, v in series.targets], [(p, round(v), s) for p, v, s in series.values])
        name = _indicator_name(slot.kind, stem)
        indicators.append({
            "id": slot.id, "name": f"示例指标{order}：{name}", "unit": unit, "headline": slot.headline,
            "task_id": slot.task_id, "direction": slot.direction, "target_kind": slot.kind,
            "clause": "示例条文（虚构）：" + _clause(slot, stem, unit, series.targets, years),
            "note": f"示例数据（虚构）：全市数字按“{STATUS_LABELS[slot.status]}”设计。"
            + ("另有分区域数字。" if slot.by_area else ""),
            "order": order,
        })
        comparator = "=" if slot.kind == "milestone" else "<=" if slot.kind == "level" and slot.direction == "decrease" else ">="
        for year, value in series.targets:
            targets.append({
                "indicator_id": slot.id, "year": year, "value": value, "comparator": comparator,
                "note": "示例说明（虚构）：原文为“力争”。" if order % 4 == 0 else None,
            })
        observations += _observation_rows(rng, slot, CITY, series.values, years)
        if slot.by_area:
            start = (slot.block * RESPONSIBLE_BODIES_PER_TASK) % len(county_areas)
            window = [county_areas[(start + i) % len(county_areas)] for i in range(RESPONSIBLE_BODIES_PER_TASK)]
            for area_id, values in zip(window, _split_by_area(rng, slot.kind, series.values, len(window))):
                if unit in COUNT_UNITS:
                    values = [(p, round(v), s) for p, v, s in values]
                observations += _observation_rows(rng, slot, area_id, values, years)
    return indicators, targets, observations


@dataclass
class Series:
    """A kind's targets [(year, value)] and city figures [(period, value, status)]."""

    targets: list[tuple[int, float]]
    values: list[tuple[str, float, str]]


def build_series(rng: random.Random, years: Years, slot: Slot, low: float, high: float) -> Series:
    """Targets and city figures built so that the method lands on slot.status.

    Pace statuses use data up to the year before the end, or two years before it for every third round
    of a kind, so that both one and two elapsed years are exercised.
    """
    last = years.end - 2 if slot.cycle % 3 == 1 else years.end - 1
    if slot.status in ("achieved", "not_achieved"):
        last = years.end
    builder = {
        "level": _level, "cumulative": _cumulative, "annual": _annual, "average_growth": _average_growth,
        "reduction": _reduction, "share": _share, "milestone": _milestone,
    }[slot.kind]
    targets, yearly = builder(rng, years, slot, low, high, last)
    if slot.status == "no_data":
        return Series(targets, _no_data(rng, years, slot, yearly))
    values = [(str(year), value, "final") for year, value in yearly]
    # Interim figures, which must not decide a status: one for every other indicator, in the year after
    # the last full year (or within the last year when the series has reached the end year).
    if slot.occurrence % 2 == 0:
        year = min(last + 1, years.end)
        period, months = [(f"{year}-Q1", 3), (f"{year}-H1", 6), (f"{year}-01..10", 10)][slot.occurrence // 2 % 3]
        values.append((period, _interim(slot.kind, yearly, months, within_last=year == last), "provisional"))
    # A provisional figure later replaced by the final one, where it cannot change the status.
    if slot.kind in ("level", "share") and last == years.end and slot.occurrence % 3 == 0:
        year, value = yearly[-2]
        values.append((str(year), round(value * 0.998, 2), "provisional"))
    return Series(targets, values)


def _level(rng, years, slot, low, high, last):
    baseline = _magnitude(rng, low, high)
    gap = baseline * rng.uniform(0.15, 0.35) * (-1 if slot.direction == "decrease" else 1)
    fraction = _final_fraction(rng, years, slot.status, last)  # of the baseline-to-target gap, at `last`
    values, shares = [(years.base, baseline)], {}
    for year in range(years.start, last + 1):
        shares[year] = fraction if year == last else fraction * (year - years.base) / (last - years.base) * rng.uniform(0.7, 0.9)
        values.append((year, round(baseline + gap * shares[year], 2)))
    targets = [(years.end, round(baseline + gap, 2))]
    # Some plans set a level for an earlier year too (the real one does for foreign investment): add one,
    # met in its year, where the final year decides the status anyway.
    if slot.status == "achieved" and slot.cycle % 2 == 0:
        targets.insert(0, (years.start, round(baseline + gap * shares[years.start] * 0.9, 2)))
    return targets, values


def _cumulative(rng, years, slot, low, high, last):
    target = int(_magnitude(rng, low, high))
    elapsed = last - years.base
    total = target * _final_fraction(rng, years, slot.status, last)
    total = math.ceil(total) if slot.status == "achieved" else math.floor(total) if slot.status == "not_achieved" else round(total)
    values = list(zip(range(years.start, last + 1), _split(rng, total, elapsed)))
    if slot.status == "no_data":
        values.insert(0, (years.base, round(target / years.horizon * rng.uniform(0.7, 1.0))))
    return [(years.end, target)], values


def _annual(rng, years, slot, low, high, last):
    first = int(_magnitude(rng, low, high))
    targets = [(year, round(first * (1 + 0.1 * i))) for i, year in enumerate(range(years.start, years.end + 1))]
    values = []
    for year, target in targets:
        if year > last:
            break
        if slot.status == "not_achieved" and year == min(last, years.end):
            ratio = rng.uniform(0.7, 0.9)
        else:
            ratio = rng.uniform(1.03, 1.2)
        values.append((year, math.ceil(target * ratio) if ratio > 1 else math.floor(target * ratio)))
    if slot.status == "no_data":
        values.insert(0, (years.base, round(first * rng.uniform(0.8, 1.0))))
    return targets, values


def _average_growth(rng, years, slot, low, high, last):
    rate = round(rng.uniform(low, high))
    elapsed = last - years.start + 1
    needed = (1 + rate / 100) ** elapsed - 1
    ratio = _pace(rng, slot.status)
    factors = _factors(rng, 1 + ratio * needed, elapsed)
    values = [(year, round((f - 1) * 100, 1)) for year, f in zip(range(years.start, last + 1), factors)]
    if slot.status == "no_data":
        values.insert(0, (years.base, round(rate * rng.uniform(0.5, 1.5), 1)))
    return [(years.end, rate)], values


def _reduction(rng, years, slot, low, high, last):
    target = round(rng.uniform(low, high), 1)
    elapsed = last - years.start + 1
    # Expected by now is the target pro rata (target x elapsed / horizon); the bands keep a margin so a
    # compounded expectation gives the same status.
    decrease = _pace(rng, slot.status) * target / 100 * elapsed / (years.end - years.start + 1)
    factors = _factors(rng, 1 - decrease, elapsed)
    values = [(year, round((1 - f) * 100, 2)) for year, f in zip(range(years.start, last + 1), factors)]
    if slot.status == "no_data":
        values.insert(0, (years.base, round(target / 3 * rng.uniform(0.5, 1.5), 2)))
    return [(years.end, target)], values


def _share(rng, years, slot, low, high, last):
    threshold = round(rng.uniform(low, high), 1)
    start = rng.uniform(0.55, 0.75)
    # A share at or above its threshold before the end year could read as achieved early: stay below it.
    ratio = rng.uniform(0.965, 0.99) if slot.status == "on_track" else _pace(rng, slot.status)
    values = [(years.base, round(threshold * start, 2))]
    for year in range(years.start, last + 1):
        r = ratio if year == last else start + (ratio - start) * (year - years.base) / (last - years.base) * rng.uniform(0.7, 0.9)
        values.append((year, round(threshold * min(r, 0.99 if year < last else r), 2)))
    return [(years.end, threshold)], values


def _milestone(rng, years, slot, low, high, last):
    done = slot.status == "achieved"
    values = [(year, 1 if done and year == years.end else 0) for year in range(years.start, last + 1)]
    if slot.status == "no_data":
        values = [(years.base, 0)]
    return [(years.end, 1)], values


def _final_fraction(rng, years, status, last) -> float:
    """How far along the baseline-to-target way a level or cumulative series ends, at year `last`."""
    return _pace(rng, status) * (last - years.base) / years.horizon


def _pace(rng, status) -> float:
    """A pace ratio R inside the status's band, with a margin for rounding and method variants."""
    low, high = {
        "achieved": (1.04, 1.15), "not_achieved": (0.55, 0.85), "on_track": (1.04, 1.15),
        "behind": (0.72, 0.85), "off_track": (0.15, 0.45), "no_data": (0.8, 1.0),
    }[status]
    return rng.uniform(low, high)


def _no_data(rng, years, slot, yearly) -> list[tuple[str, float, str]]:
    """Three ways to have no full-year figure after the base year: nothing, the base year, interim only."""
    variant = slot.cycle % 3
    if variant == 0:
        return []
    base = [(str(years.base), yearly[0][1], "final")]
    if variant == 1:
        return base
    return base + [
        (f"{years.start}-H1", _interim(slot.kind, yearly, 6, within_last=False), "provisional"),
        (f"{years.end}-01..10", _interim(slot.kind, yearly, 10, within_last=False), "provisional"),
    ]


def _interim(kind: str, yearly: list[tuple[int, float]], months: int, within_last: bool) -> float:
    """A part-year figure: year-to-date for flows, on the way to the year's value for levels and shares,
    the latest rate for rates. `within_last`: the part year is that of the last yearly figure."""
    value = yearly[-1][1]
    if kind in ("cumulative", "annual"):
        return round(value * months / 12)
    if kind == "milestone":
        return 0
    if kind in ("level", "share") and within_last and len(yearly) > 1:
        previous = yearly[-2][1]
        return round(previous + (value - previous) * months / 12, 2)
    return round(value, 2)


def _split_by_area(rng, kind, city_values, count) -> list[list[tuple[str, float, str]]]:
    """Area figures for the city's full-year figures: shares of a flow, scatter around a level."""
    full = [(p, v) for p, v, status in city_values if status == "final"]
    if kind == "cumulative":
        weights = [rng.uniform(0.5, 1.5) for _ in range(count)]
        return [[(p, round(v * w / sum(weights)), "final") for p, v in full] for w in weights]
    factors = [rng.uniform(0.6, 1.4) for _ in range(count)]
    return [[(p, round(v * f * rng.uniform(0.97, 1.03), 2), "final") for p, v in full] for f in factors]


def _observation_rows(rng, slot: Slot, area_id: str, values, years: Years) -> list[dict]:
    rows = []
    for period, value, status in values:
        year = int(period[:4])
        if period == str(year):
            published = datetime.date(year + 1, 1, 10) if status == "provisional" else datetime.date(year + 1, 2, 1)
            note = "示例说明（虚构）：初步数，可能修订。" if status == "provisional" else None
        else:
            month = 3 if "-Q1" in period else 6 if "-H1" in period else int(period[-2:])
            published = datetime.date(year + (month == 12), month % 12 + 1, 15)
            note = "示例说明（虚构）：年内累计数，不作为判断进度的依据。"
        published += datetime.timedelta(days=rng.randint(0, 40))
        if rng.random() < 0.1:
            published = None  # the schema asks for an empty cell when the source gives no date
        rows.append({
            "indicator_id": slot.id, "area_id": area_id, "period": period, "value": value, "status": status,
            "source": SOURCE, "source_url": f"{URL}/observations/{slot.id}/{area_id}/{period}",
            "published": published, "note": note,
        })
    return rows


def make_task_reports(rng: random.Random, years: Years, tasks: list[dict], task_units: list[dict]) -> list[dict]:
    """Reports from lead units on ten tasks of each block, a few periods each, cycling through statuses."""
    leads = {row["task_id"]: row["unit_id"] for row in task_units if row["role"] == "lead"}
    supports = {}
    for row in task_units:
        if row["role"] == "support":
            supports.setdefault(row["task_id"], row["unit_id"])
    per_block = len(plan_tasks(1))
    positions = (0, 2, 4, 7, 9, 11, 14, 16, 20, 28)  # eight key tasks, the first policy, the last arrangement
    chosen = [t for t in tasks if (t["order"] - 1) % per_block in positions]
    rows = []
    for n, task in enumerate(chosen):
        i = n % len(positions)
        periods = [str(years.end - 1)]
        periods += [f"{years.end}-H1"] * (i % 2 == 0) + [str(years.end)] * (i % 3 == 0)
        reporters = [(p, leads[task["id"]]) for p in periods]
        if i % 10 == 1:
            reporters.append((str(years.end - 1), supports[task["id"]]))
        for period, unit_id in reporters:
            year = int(period[:4])
            published = datetime.date(year, 7, 10) if "-H1" in period else datetime.date(year + 1, 1, 10)
            rows.append({
                "task_id": task["id"], "period": period, "unit_id": unit_id,
                "reported_status": REPORTED_STATUSES[len(rows) % len(REPORTED_STATUSES)],
                "summary": "示例进展摘要（虚构）：" + "".join(rng.sample(REPORT_SENTENCES, rng.randint(2, 3))),
                "source_url": f"{URL}/reports/{task['id']}/{unit_id}/{period}",
                "published": published + datetime.timedelta(days=rng.randint(0, 50)),
            })
    return rows


def make_hostile(descriptor: dict, tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Put markup, template and table syntax into every free-text cell, within the schema's limits.

    Free text is a string column with no enum, pattern or format that is no key. Cells long enough get
    every hostile string; short ones get the next string, in turn, that fits after the ordinary text.
    """
    result = {}
    for resource in descriptor["resources"]:
        free = [f for f in resource["schema"]["fields"] if _is_free_text(f, resource["schema"])]
        rows = []
        for r, row in enumerate(tables[resource["name"]]):
            row = dict(row)
            for f in free:
                row[f["name"]] = _hostile(row[f["name"]], f.get("constraints", {}).get("maxLength"), r)
            rows.append(row)
        result[resource["name"]] = rows
    return result


def _is_free_text(field: dict, schema: dict) -> bool:
    keys = set(schema.get("primaryKey", []))
    keys |= {name for fk in schema.get("foreignKeys", []) for name in fk["fields"]}
    constraints = field.get("constraints", {})
    return (
        field.get("type", "string") == "string" and "format" not in field and field["name"] not in keys
        and "enum" not in constraints and "pattern" not in constraints
    )


def _hostile(value: str | None, max_length: int | None, row: int) -> str:
    text = value or ""
    everything = " ".join(HOSTILE)
    if max_length is None or len(text) + 1 + len(everything) <= max_length:
        return f"{text} {everything}".strip()
    for i in range(len(HOSTILE)):
        snippet = HOSTILE[(row + i) % len(HOSTILE)]
        if len(text) + len(snippet) <= max_length:
            return text + snippet
    raise ValueError(f"no hostile text fits after {text!r} within {max_length} characters")


def write_tables(out_dir: Path, descriptor: dict, tables: dict[str, list[dict]]) -> None:
    """Write each resource's CSV with the schema's columns, in the schema's order."""
    for resource in descriptor["resources"]:
        fields = resource["schema"]["fields"]
        columns = [f["name"] for f in fields]
        rows = tables[resource["name"]]
        with open(out_dir / resource["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                if set(row) != set(columns):
                    raise ValueError(f"{resource['name']}: row has columns {sorted(row)}, the schema has {columns}")
                writer.writerow(_cell(row[f["name"]], f) for f in fields)


def _cell(value, field: dict) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return (field.get("trueValues") or ["true"])[0] if value else (field.get("falseValues") or ["false"])[0]
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def count_rows(descriptor_path: Path | str) -> dict[str, int]:
    """Data rows per resource of a written package."""
    path, descriptor = read_descriptor(descriptor_path)
    counts = {}
    for resource in descriptor["resources"]:
        with open(path.parent / resource["path"], encoding="utf-8", newline="") as handle:
            counts[resource["name"]] = sum(1 for _ in csv.reader(handle)) - 1
    return counts


def _field(descriptor: dict, resource: str, name: str) -> dict:
    for r in descriptor["resources"]:
        if r["name"] == resource:
            return next(f for f in r["schema"]["fields"] if f["name"] == name)
    raise KeyError(resource)


def _stem(rng, slot: Slot) -> tuple[str, str, float, float]:
    pool = {
        "level": LEVEL_DOWN if slot.direction == "decrease" else LEVEL_UP, "cumulative": CUMULATIVE, "annual": ANNUAL,
        "average_growth": AVERAGE_GROWTH, "reduction": REDUCTION, "share": SHARE, "milestone": MILESTONE,
    }[slot.kind]
    return rng.choice(pool)


def _indicator_name(kind: str, stem: str) -> str:
    return {
        "cumulative": f"累计{stem}", "annual": f"每年{stem}", "average_growth": f"{stem}年均增速",
        "reduction": f"{stem}累计下降率",
    }.get(kind, stem)


def _clause(slot: Slot, stem: str, unit: str, targets, years: Years) -> str:
    value = _cell(float(targets[-1][1]), {})
    if slot.kind == "level":
        verb = "降至" if slot.direction == "decrease" else "达到"
        return f"到{years.end}年，{stem}{verb}{value}{unit}{'以下' if slot.direction == 'decrease' else ''}。"
    if slot.kind == "cumulative":
        return f"通过{years.horizon}年攻坚，累计{stem}{value}{unit}以上。"
    if slot.kind == "annual":
        first = _cell(float(targets[0][1]), {})
        return f"每年{stem}不少于目标数，{years.start}年{first}{unit}、{years.end}年{value}{unit}以上。"
    if slot.kind == "average_growth":
        return f"{stem}年均增长{value}%以上。"
    if slot.kind == "reduction":
        return f"{stem}比{years.base}年下降{value}%以上。"
    if slot.kind == "share":
        return f"{stem}突破{value}%。"
    return f"{years.end}年底前{stem}。"


def _magnitude(rng, low, high) -> float:
    return round(rng.uniform(low, high), 2)


def _split(rng, total: int, parts: int) -> list[int]:
    weights = [rng.uniform(0.8, 1.2) for _ in range(parts)]
    values = [int(total * w / sum(weights)) for w in weights]
    values[-1] += total - sum(values)
    return values


def _factors(rng, product: float, n: int) -> list[float]:
    """n unequal yearly factors whose product is `product`, all on the same side of 1 as it is
    (so no year of a growth series shrinks, and no year of a reduction series grows)."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(n)]
    return [product ** (w / sum(weights)) for w in weights]


def _interleave(counts: dict[str, int]) -> list[str]:
    remaining = dict(counts)
    order = []
    while any(remaining.values()):
        for kind in counts:
            if remaining[kind]:
                order.append(kind)
                remaining[kind] -= 1
    return order


def _chinese(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成虚构的示例数据包（结构与真实数据包相同）。")
    parser.add_argument("--scale", type=int, default=1, help="规模：1 约等于真实方案的大小，N 约为其 N 倍")
    parser.add_argument("--out", type=Path, required=True, help="输出目录，写入 datapackage.json 和 data/*.csv")
    parser.add_argument("--seed", type=int, default=0, help="随机种子，相同参数生成逐字节相同的文件")
    parser.add_argument("--hostile", action="store_true", help="在所有文字列中放入恶意文本，用于测试网站是否照原样显示")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale 必须是正整数")
    path = write_synthetic_package(args.out, scale=args.scale, seed=args.seed, hostile=args.hostile)
    counts = count_rows(path)
    print(f"已写入 {path}")
    print("，".join(f"{name} {n} 行" for name, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
