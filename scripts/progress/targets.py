"""The plan's years and a target: when a figure meets a target, and which target a year is judged against."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.package import Package

RATIO_DIGITS = 6  # values and R are rounded before they meet a boundary, so a hand-computed 0.95 is 0.95


@dataclass(frozen=True)
class Plan:
    base_year: int
    start_year: int
    end_year: int

    @classmethod
    def of(cls, package: Package) -> Plan:
        return cls.from_dict(package.plan)

    @classmethod
    def from_dict(cls, plan: dict) -> Plan:
        return cls(int(plan["base_year"]), int(plan["start_year"]), int(plan["end_year"]))


@dataclass(frozen=True)
class Target:
    year: int
    value: float
    comparator: str

    @classmethod
    def of(cls, row) -> Target:
        """A Target from a targets.csv row (a dict) or a Target."""
        if isinstance(row, Target):
            return row
        return cls(int(row["year"]), float(row["value"]), row["comparator"])


def met(value: float, target: Target, higher: bool) -> bool:
    """Whether a value satisfies a target; '=' means reaching it from the better side.

    Both sides are rounded to 6 decimals, so a third stored as 33.3333333333 is met by 33.333333 and not by 33.33.
    """
    v, t = round(value, RATIO_DIGITS), round(target.value, RATIO_DIGITS)
    if target.comparator == ">=" or (target.comparator == "=" and higher):
        return v >= t
    return v <= t


def target_for(targets: list[Target], year: int) -> Target:
    """The earliest target whose year is not before `year`, or the last target when `year` is past them all."""
    return next((t for t in targets if t.year >= year), targets[-1])


def share_of_time(year: int, target_year: int, plan: Plan) -> float:
    """Years since the base year over years from the base year to the target year."""
    if target_year <= plan.base_year:
        return 1.0
    return (year - plan.base_year) / (target_year - plan.base_year)
