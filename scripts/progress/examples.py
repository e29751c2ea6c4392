"""The worked examples on the method page: fictional indicators assessed by the same code as the real ones."""

from __future__ import annotations

from pathlib import Path

import datetime

from scripts.core.package import CITY_AREA, Package, read_descriptor
from scripts.core.words import status_meanings
from scripts.progress.kinds import kind_of
from scripts.progress.results import compute_progress
from scripts.progress.targets import Plan, Target
from scripts.progress.text import unit_of

THIRD = 33.3333333333  # 不低于三分之一, stored as the data stores it

# (id, kind, direction, unit, targets as (year offset from the end year, value, comparator),
#  city full-year figures as {year offset from the base year: value}); all fictional.
_EVERY_YEAR = [(-2, ">="), (-1, ">="), (0, ">=")]
_EXAMPLES = [
    ("level", "level", "increase", "万元", [(0, 22, ">=")], {0: 16, 2: 20.5}),
    ("level-decrease", "level", "decrease", "吨", [(0, 70, "<=")], {0: 100, 1: 90, 2: 85}),
    ("level-no-baseline", "level", "increase", "家", [(0, 21, ">=")], {2: 15}),
    ("cumulative", "cumulative", "increase", "家", [(0, 1200, ">=")], {1: 120, 2: 80}),
    ("cumulative-achieved", "cumulative", "increase", "个", [(0, 60, ">=")], {1: 18, 2: 22, 3: 25}),
    ("annual", "annual", "increase", "台", [(dy, 500, c) for dy, c in _EVERY_YEAR], {1: 520, 2: 480, 3: 510}),
    ("every-year-missed-first", "annual", "increase", "%", [(dy, 50, c) for dy, c in _EVERY_YEAR], {1: 40, 2: 55}),
    ("standing-rule", "annual", "increase", "%", [(dy, 100, c) for dy, c in _EVERY_YEAR], {1: 100, 2: 90, 3: 100}),
    ("one-third", "annual", "increase", "%", [(dy, THIRD, c) for dy, c in _EVERY_YEAR], {1: 33.34, 2: 33.33, 3: 35}),
    ("average-growth", "average_growth", "increase", "%", [(0, 15, ">=")], {1: 20, 2: 8}),
    ("reduction", "reduction", "decrease", "%", [(0, 10.4, ">=")], {1: 2.0, 2: 2.5}),
    # the chemical-enterprise note's own example: 100 -> 85 -> 75 firms, entered as 15 and 11.76 -> 24.996% = 25.0%
    ("reduction-exact", "reduction", "decrease", "%", [(-2, 15, ">="), (-1, 25, ">=")], {1: 15, 2: 11.76}),
    # two strong years of an average growth, the last year missing: not reached early
    ("average-growth-not-early", "average_growth", "increase", "%", [(0, 15, ">=")], {1: 30, 2: 40}),
    # an every-year target with a year missing: cannot be judged, not missed
    ("every-year-missing", "annual", "increase", "%", [(dy, 50, c) for dy, c in _EVERY_YEAR], {2: 55, 3: 60}),
    # an intermediate target missed in its own year, the final one met
    ("intermediate", "level", "increase", "万美元", [(-2, 6000, ">="), (0, 7000, ">=")], {0: 5000, 1: 5500, 2: 6500, 3: 7100}),
    ("share", "share", "increase", "%", [(0, 100, ">=")], {1: 80, 2: 55}),
    ("milestone", "milestone", "increase", "是/否", [(0, 1, "=")], {1: 0, 2: 1}),
]


def worked_examples(plan: dict | None = None) -> list[dict]:
    """One fictional indicator per target kind (and enough to show every status), assessed by compute_progress.

    Each dict: id, kind, kind_label, direction, unit, targets_text, figures_text, status, status_label,
    pace_ratio, note, explanation (the arithmetic, in Chinese). Years follow the plan in the shipped descriptor
    unless `plan` (base_year, start_year, end_year) is given.
    """
    if plan is None:
        plan = read_descriptor()[1]["plan"]
    p = Plan.from_dict(plan)
    package = _package(p)
    # The examples show the method's statuses, pace included, as for a plan still running: a day in its end year.
    results = compute_progress(package, today=datetime.date(p.end_year, 1, 1))
    examples = []
    for ind in package.rows("indicators"):
        r, kind, unit = results[ind["id"]], kind_of(ind["target_kind"]), unit_of(ind)
        its_targets = [Target.of(t) for t in package.rows("targets") if t["indicator_id"] == ind["id"]]
        its_figures = [o for o in package.rows("observations") if o["indicator_id"] == ind["id"]]
        examples.append({
            "id": ind["id"],
            "kind": kind.code,
            "kind_label": kind.label,
            "direction": ind["direction"],
            "unit": ind["unit"],
            "targets_text": kind.describe(its_targets, unit, p),
            "figures_text": "；".join(kind.figure_text(int(o["period"]), o["value"], unit, p) for o in its_figures),
            "status": r.status,
            "status_label": r.status_label,
            "pace_ratio": r.pace_ratio,
            "note": r.note,
            "verdicts": [v.text for v in r.verdicts] if len(r.verdicts) > 1 else [],
            "explanation": _explanation(ind, r, its_figures, its_targets, p),
        })
    return examples


def _package(p: Plan) -> Package:
    indicators, targets, observations = [], [], []
    for order, (suffix, kind, direction, unit, target_rows, figure_rows) in enumerate(_EXAMPLES, start=1):
        indicator_id = f"example-{suffix}"
        indicators.append({"id": indicator_id, "name": indicator_id, "unit": unit, "direction": direction, "target_kind": kind, "order": order})
        targets += [{"indicator_id": indicator_id, "year": p.end_year + dy, "value": float(v), "comparator": c} for dy, v, c in target_rows]
        observations += [
            {"indicator_id": indicator_id, "area_id": CITY_AREA, "period": str(p.base_year + dy), "value": float(v), "status": "final"}
            for dy, v in figure_rows.items()
        ]
    return Package(
        path=Path("worked-examples/datapackage.json"),
        descriptor={"plan": {"base_year": p.base_year, "start_year": p.start_year, "end_year": p.end_year}},
        tables={"indicators": indicators, "targets": targets, "observations": observations},
    )


def _explanation(ind: dict, r, figures: list[dict], targets: list[Target], p: Plan) -> str:
    """The example's arithmetic with the computed numbers, and the rule that gives its status."""
    kind = kind_of(ind["target_kind"])
    higher = kind.higher_is_better(ind["direction"])
    head = "" if higher else f"{kind.direction_words(ind['direction'])}。"
    if r.status == "no_data":
        return head + r.note + f"状态为{r.status_label}。"
    final = r.status in ("achieved", "not_achieved")
    math_text = "" if final and not kind.explains_final else kind.example_math(r, figures, targets, p, higher)
    rule = f"状态为{r.status_label}：{status_meanings()[r.status]}"
    return head + (math_text or r.note) + rule
