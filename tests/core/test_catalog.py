"""scripts.core.catalog: where a figure will come from, a headline indicator's related tasks, and the indexes built once."""

from pathlib import Path

import pytest

from scripts.core.catalog import build_catalog
from scripts.core.package import Package, read_package


@pytest.fixture(scope="module")
def catalog(pinned_shipped):
    return build_catalog(read_package(pinned_shipped))


def test_figure_source_of_an_indicator(catalog):
    row = catalog.figure_source_of["foreign-investment"]
    assert (row["publisher"], row["frequency"], row["usual_release"], row["basis"]) == ("市统计局、市商务局", "每年", "次年3—4月", "judgement")
    assert len(catalog.figure_source_of) == 62


def test_related_tasks_in_plan_order_with_their_reasons(catalog):
    pairs = catalog.related_tasks_of["inefficient-land-freed"]
    assert [(task["id"], reason) for task, reason in pairs] == [
        ("action-1-4", "本站归纳：该任务整治提升低效工业用地、处置闲置用地；方案未写明"),
        ("policy-2", "本站归纳：该措施要求加大低效工业用地处置力度；方案未写明"),
    ]
    assert catalog.related_tasks_of["zhejiang-made-standards"] == []  # has its own task


def tiny_catalog():
    """Two tasks led by two units; targets a, d under t2 (led by u2), b under t1 (led by u1); headline targets c
    and e without a task, which the site links to tasks (c to t1 and t2, e to t2)."""
    def task(id_, order):
        return {"id": id_, "order": order, "section": "key_task", "group": "行动一"}

    def indicator(id_, order, task_id=None):
        return {"id": id_, "name": f"虚构{id_}", "order": order, "task_id": task_id, "headline": task_id is None}

    tables = {
        "tasks": [task("t2", 2), task("t1", 1)],
        "units": [{"id": "u1", "name": "虚构甲局", "order": 1}, {"id": "u2", "name": "虚构乙局", "order": 2}],
        "indicators": [indicator("a", 1, "t2"), indicator("b", 2, "t1"), indicator("c", 3), indicator("d", 4, "t2"),
                       indicator("e", 5)],
        "task_units": [{"task_id": "t1", "unit_id": "u1", "role": "lead", "order": 1},
                       {"task_id": "t2", "unit_id": "u2", "role": "lead", "order": 1},
                       {"task_id": "t2", "unit_id": "u1", "role": "support", "order": 2}],
        "related_tasks": [{"indicator_id": "c", "task_id": "t2", "reason": "理由二"},
                          {"indicator_id": "c", "task_id": "t1", "reason": "理由一"},
                          {"indicator_id": "e", "task_id": "t2", "reason": "理由三"}],
    }
    return build_catalog(Package(path=Path("tiny/datapackage.json"), descriptor={"name": "tiny"}, tables=tables))


def test_the_targets_each_unit_leads_are_worked_out_once_in_plan_order():
    catalog = tiny_catalog()
    assert [i["id"] for i in catalog.indicators_led_by("u2")] == ["a", "d"]
    assert [i["id"] for i in catalog.indicators_led_by("u1")] == ["b"]
    assert catalog.indicators_led_by("nobody") == []
    assert [u["id"] for u in catalog.leads()] == ["u2", "u1"]  # u2 leads the first target, a


def test_related_targets_are_the_related_tasks_seen_from_each_task():
    catalog = tiny_catalog()
    assert [(task["id"], reason) for task, reason in catalog.related_tasks_of["c"]] == [("t1", "理由一"), ("t2", "理由二")]
    assert [(i["id"], reason) for i, reason in catalog.related_targets_of["t2"]] == [("c", "理由二"), ("e", "理由三")]
    assert [(i["id"], reason) for i, reason in catalog.related_targets_of["t1"]] == [("c", "理由一")]
    assert "t3" not in catalog.related_targets_of
