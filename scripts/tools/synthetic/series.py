"""Targets and figures per target kind, built so that the progress method lands on the designed status."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from scripts.progress.kinds import kind_of
from scripts.tools.synthetic.designs import Slot, Years


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
    if kind_of(slot.kind).figure == "level" and last == years.end and slot.occurrence % 3 == 0:
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
    value, figure = yearly[-1][1], kind_of(kind).figure
    if figure == "flow":
        return round(value * months / 12)
    if figure == "done":
        return 0
    if figure == "level" and within_last and len(yearly) > 1:
        previous = yearly[-2][1]
        return round(previous + (value - previous) * months / 12, 2)
    return round(value, 2)


def split_by_area(rng, kind, city_values, count) -> list[list[tuple[str, float, str]]]:
    """Area figures for the city's full-year figures: shares of a flow, scatter around a level."""
    full = [(p, v) for p, v, status in city_values if status == "final"]
    if kind_of(kind).running and kind_of(kind).figure == "flow":  # a total: the areas' shares add up to the city's
        weights = [rng.uniform(0.5, 1.5) for _ in range(count)]
        return [[(p, round(v * w / sum(weights)), "final") for p, v in full] for w in weights]
    factors = [rng.uniform(0.6, 1.4) for _ in range(count)]
    return [[(p, round(v * f * rng.uniform(0.97, 1.03), 2), "final") for p, v in full] for f in factors]

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
