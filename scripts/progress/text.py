"""The small phrases every sentence of the method is built from: year spans, year lists, amounts."""

from __future__ import annotations

from scripts.core.words import amount, number


def sentence(main: str, extras: list[str]) -> str:
    return "；".join([main, *extras]) + "。"


def span(first: int, last: int) -> str:
    return f"{first}年" if first == last else f"{first}—{last}年"


def years(values: list[int]) -> str:
    return "、".join(f"{y}年" for y in values)


def unit_of(indicator: dict) -> str:
    """The unit written after a number: none for a yes/no indicator."""
    unit = indicator.get("unit") or ""
    return "" if unit in ("是/否",) else unit


def q(value: float | None, unit: str) -> str:
    """A figure with its unit."""
    return f"{number(value)}{unit}"


def threshold(value: float, unit: str) -> str:
    """A target value with its unit, a plan's fraction in the plan's words (三分之一（约33.33%）)."""
    return amount(value, unit)
