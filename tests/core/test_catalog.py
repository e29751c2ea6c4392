"""scripts.core.catalog: the accessors for where a figure will come from and a headline indicator's related tasks."""

import pytest

from scripts.core.catalog import build_catalog
from scripts.core.package import read_package


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
