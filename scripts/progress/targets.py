"""The plan's years and a target: when a figure meets a target, and which target a year is judged against."""

from __future__ import annotations

import datetime
import decimal
import math
from dataclasses import dataclass

from scripts.core.package import Package

RATIO_DIGITS = 6  # values and R are rounded before they meet a boundary, so a hand-computed 0.95 is 0.95


@dataclass(frozen=True)
class Plan:
    base_year: int
    start_year: int
    end_year: int
    expires: datetime.date | None = None  # the plan's own end date (有效期至), when the descriptor gives one

    @classmethod
    def of(cls, package: Package) -> Plan:
        return cls.from_dict(package.plan)

    @classmethod
    def from_dict(cls, plan: dict) -> Plan:
        expires = plan.get("expires")
        return cls(int(plan["base_year"]), int(plan["start_year"]), int(plan["end_year"]),
                   datetime.date.fromisoformat(expires) if isinstance(expires, str) and expires else None)

    def ended(self, today: datetime.date) -> bool:
        """Whether the plan's period is over on `today`: after its expiry date, or after its end year."""
        last = self.expires or datetime.date(self.end_year, 12, 31)
        return today > last


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


def met(value: float, target: Target, higher: bool, digits: int = RATIO_DIGITS) -> bool:
    """Whether a value satisfies a target; '=' means reaching it from the better side, '>' passing it (突破).

    The value is rounded to `digits` decimals (half away from zero, as statistics bulletins round), the target to
    6: a third stored as 33.3333333333 is met by 33.333333 and not by 33.33; a fall of 24.996% derived from
    yearly figures, compared at one decimal as bulletins write it (25.0%), meets a target of 25%.
    """
    v, t = rounded(value, digits), round(target.value, RATIO_DIGITS)
    if target.comparator == ">":  # the plan's 突破: exactly the target is not past it
        return v > t
    if target.comparator == ">=" or (target.comparator == "=" and higher):
        return v >= t
    return v <= t


def rounded(value: float, digits: int) -> float:
    """value rounded half away from zero at `digits` decimals, read from its shortest decimal form (so that 24.95,
    stored as 24.949999…, rounds to 25.0 as a person rounding 24.95 would)."""
    if not math.isfinite(value) or abs(value) >= 1e15:  # validation refuses such figures; never a decimal overflow
        return value
    with decimal.localcontext() as context:
        context.prec = 40
        return float(decimal.Decimal(repr(value)).quantize(decimal.Decimal(1).scaleb(-digits), rounding=decimal.ROUND_HALF_UP))


def target_for(targets: list[Target], year: int) -> Target:
    """The earliest target whose year is not before `year`, or the last target when `year` is past them all."""
    return next((t for t in targets if t.year >= year), targets[-1])


def share_of_time(year: int, target_year: int, plan: Plan) -> float:
    """Years since the base year over years from the base year to the target year."""
    if target_year <= plan.base_year:
        return 1.0
    return (year - plan.base_year) / (target_year - plan.base_year)
