"""Published figures as the method reads them: one per indicator, area and period, a final one replacing a provisional one."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.core.periods import Period, parse_period


@dataclass(frozen=True)
class Figure:
    """One published figure for one area and period, and the observation row it comes from (source, date, note)."""

    area_id: str
    period: Period
    value: float
    status: str  # final | provisional
    row: dict = field(compare=False, repr=False)

    @property
    def interim(self) -> bool:
        return not self.period.full_year


def _number(value) -> float:
    """A figure's value as the schema types it; anything else means the descriptor's types were changed."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"observations.value 应是数字，读到的是 {type(value).__name__}")
    return float(value)


def kept_figures(observations: list[dict]) -> dict[str, dict[str, list[Figure]]]:
    """indicator id -> area id -> the figures the method reads, in period order.

    This is the one place where a final figure replaces a provisional one for the same period: every stage after
    it (status, verdicts, charts, pages, counts) reads the figures kept here.
    """
    chosen: dict[tuple, Figure] = {}
    for row in observations:
        key = (row["indicator_id"], row["area_id"], row["period"])
        if key in chosen and chosen[key].status == "final":
            continue
        chosen[key] = Figure(row["area_id"], parse_period(row["period"]), _number(row["value"]), row["status"], row)
    result: dict[str, dict[str, list[Figure]]] = {}
    for (indicator_id, area_id, _), figure in sorted(chosen.items(), key=lambda kv: (kv[1].period.end, kv[1].period.first_month)):
        result.setdefault(indicator_id, {}).setdefault(area_id, []).append(figure)
    return result
