"""Tables the Great Expectations suites check: package rows joined and derived, each pointing at an Excel row."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from scripts.core import clock
from scripts.validate.messages import INVISIBLE, UNDATED
from scripts.core.periods import PATTERN as PERIOD
from scripts.validate.rawcsv import RawTable


def rows(table: RawTable) -> pd.DataFrame:
    """A table's non-blank rows as text, cells stripped (their spaces are reported elsewhere), with `_file` and `_row`."""
    width = len(table.header)
    kept = [(number, cells) for number, cells in table.rows if any(cell.strip() for cell in cells)]
    frame = pd.DataFrame([(cells + [""] * width)[:width] for _, cells in kept], columns=table.header, dtype=object)
    for column in table.header:
        cleaned = frame[column].str.replace(INVISIBLE, "", regex=True) if table.has_invisible else frame[column]
        frame[column] = cleaned.str.strip().replace("", None).astype(object)
    frame["_row"] = [number for number, _ in kept]
    frame["_file"] = table.file
    return frame


class Tables:
    """The readable tables as frames of text, each built once however many frames use it."""

    def __init__(self, tables: dict[str, RawTable]):
        self.raw = tables
        self._frames: dict[str, pd.DataFrame] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.raw

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            self._frames[name] = rows(self.raw[name])
        return self._frames[name].copy()


def today() -> datetime.date:
    """The date periods and publication dates are judged against: the calendar day in Quzhou, as make bump and
    intake date a version or a correction (tests put a fixed date here). How it relates to a build's day:
    scripts/core/clock.py."""
    return clock.today()


def targets(t: Tables, descriptor: dict) -> pd.DataFrame:
    frame = t["targets"]
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce")
    return frame


def values(t: Tables, descriptor: dict) -> pd.DataFrame:
    """Target values and observed values with their indicator's unit and kind of target."""
    stacked = pd.concat([t["targets"], t["observations"]], ignore_index=True)
    indicators = t["indicators"].drop_duplicates("id").set_index("id")
    frame = stacked[["_file", "_row", "indicator_id", "value"]].rename(columns={"value": "value_text"})
    frame["value"] = pd.to_numeric(frame["value_text"], errors="coerce")
    frame["unit"] = frame["indicator_id"].map(indicators["unit"]).astype(object)
    frame["target_kind"] = frame["indicator_id"].map(indicators["target_kind"]).astype(object)
    # The package declares once which units can never be negative (amounts, areas, counts); rates and % can.
    declared = descriptor.get("nonNegativeUnits")
    units = [u for u in declared if isinstance(u, str)] if isinstance(declared, list) else []
    non_negative = frame["unit"].isin(units)
    frame["quantity"] = frame["value"].where(non_negative)
    return frame


def sourced(t: Tables, descriptor: dict) -> pd.DataFrame:
    """Rows that cite a source: observations and task reports, with their period's months and end date.

    `year_without_target` is the period's year unless the indicator has a target for that year: only those years
    must lie within the plan, since a plan may set a target beyond its own end.
    """
    columns = ["_file", "_row", "indicator_id", "period", "published", "source_url"]
    parts = [t[name].reindex(columns=columns) for name in ("observations", "task_reports")]
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.join(period_months(frame["period"]))
    frame["published"] = pd.to_datetime(frame["published"], format="%Y-%m-%d", errors="coerce")
    frame["today"] = pd.Timestamp(today())
    target_years = set()
    if "targets" in t:
        set_targets = t["targets"]
        target_years = set(zip(set_targets["indicator_id"], pd.to_numeric(set_targets["year"], errors="coerce")))
    has_target = [(i, y) in target_years for i, y in zip(frame["indicator_id"], frame["year"])]
    frame["year_without_target"] = frame["year"].mask(pd.Series(has_target, index=frame.index))
    return frame


def attribution(t: Tables, descriptor: dict) -> pd.DataFrame:
    """Observations with what a reader needs to weigh each figure: a reprint that names no original publisher, and a
    missing publication date the note does not explain (rows that are fine have None there)."""
    frame = t["observations"].reindex(columns=["_file", "_row", "source_type", "original_publisher", "published", "note"])
    reprint = frame["source_type"] == "reprint"
    frame["unnamed_original"] = frame["source_type"].where(reprint & frame["original_publisher"].isna())
    explained = frame["note"].fillna("").str.contains(UNDATED, regex=False)
    frame["undated_unexplained"] = frame["source_type"].where(frame["published"].isna() & ~explained)
    return frame


def observations(t: Tables, descriptor: dict) -> pd.DataFrame:
    """Observations with, for each row, another row that has the same primary key (for the message)."""
    frame = t["observations"]
    key = next(r for r in descriptor["resources"] if r["name"] == "observations")["schema"]["primaryKey"]
    ordered = frame.sort_values("_row")
    grouped = ordered.groupby(key, dropna=False)["_row"]
    first, following = grouped.transform("first"), grouped.shift(-1)
    frame["other"] = pd.Series(np.where(ordered["_row"] == first, following, first), index=ordered.index)
    return frame


def task_leads(t: Tables, descriptor: dict) -> pd.DataFrame:
    """One row per task with how many lead units it has, and where they are in task_units.csv."""
    tasks, units = t["tasks"], t["task_units"]
    leads = units[units["role"] == "lead"].groupby("task_id")["_row"].agg(list)
    frame = tasks[["_file", "_row", "id"]].rename(columns={"id": "task_id"})
    found = frame["task_id"].map(leads)
    frame["lead_count"] = [len(x) if isinstance(x, list) else 0 for x in found]
    frame["lead_rows"] = ["、".join(map(str, x)) if isinstance(x, list) else "" for x in found]
    return frame


def indicator_targets(t: Tables, descriptor: dict) -> pd.DataFrame:
    """One row per indicator with how many target rows it has."""
    indicators, targets_ = t["indicators"], t["targets"]
    frame = indicators[["_file", "_row", "id"]].rename(columns={"id": "indicator_id"})
    frame["target_count"] = frame["indicator_id"].map(targets_.groupby("indicator_id").size()).fillna(0)
    return frame


def series(t: Tables, descriptor: dict) -> pd.DataFrame:
    """Each observation with the one before it in its series: same indicator, area and months of the year.

    Comparing like with like (2023-01..10 with 2022-01..10) keeps a quarter from looking like a fall from a year.
    Where a period has a final and a provisional figure, the final one stands for it.
    """
    frame = t["observations"]
    frame["value_number"] = pd.to_numeric(frame["value"], errors="coerce")
    parts = period_months(frame["period"])
    frame["months"] = parts["first_month"].astype(str) + "-" + parts["last_month"].astype(str)
    frame["year"] = parts["year"]
    frame["provisional"] = frame["status"] != "final"
    usable = frame.dropna(subset=["value_number", "year", "indicator_id", "area_id"])
    usable = usable.sort_values(["indicator_id", "area_id", "months", "year", "provisional"])
    usable = usable.drop_duplicates(["indicator_id", "area_id", "months", "year"])
    grouped = usable.groupby(["indicator_id", "area_id", "months"])
    usable = usable.assign(previous_value=grouped["value"].shift(), previous_period=grouped["period"].shift(),
                           previous_number=grouped["value_number"].shift())
    new, old = usable["value_number"].astype(float), usable["previous_number"].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        jump = np.where((new > 0) & (old > 0), np.maximum(new / old, old / new), np.nan)
    usable["jump"] = np.round(jump, 1)
    return usable[["_file", "_row", "indicator_id", "area_id", "period", "value", "previous_value", "previous_period", "jump"]]


def period_months(periods: pd.Series) -> pd.DataFrame:
    """Year, first and last month, and last day of each period as written, even if its month range runs backwards."""
    parts = periods.astype(object).where(periods.notna(), "").str.extract(PERIOD.pattern)
    year = pd.to_numeric(parts["year"], errors="coerce")  # a year in other digits (٢٠٢٢) is reported by the cell checks
    quarter, half = pd.to_numeric(parts["q"]), pd.to_numeric(parts["h"])
    first = (quarter * 3 - 2).fillna(half * 6 - 5).fillna(pd.to_numeric(parts["m1"]))
    last = (quarter * 3).fillna(half * 6).fillna(pd.to_numeric(parts["m2"]))
    whole_year = year.notna() & first.isna()
    first, last = first.mask(whole_year, 1.0), last.mask(whole_year, 12.0)
    start = pd.to_datetime({"year": year, "month": last, "day": 1}, errors="coerce")
    end = (start + pd.offsets.MonthEnd(0)).where(first <= last)
    return pd.DataFrame({"year": year, "first_month": first, "last_month": last, "period_end": end}, index=periods.index)


def revisions(t: Tables, descriptor: dict) -> pd.DataFrame:
    """Corrections and withdrawals with their dates as dates and today's date beside them."""
    frame = t["revisions"]
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    frame["today"] = pd.Timestamp(today())
    return frame


FRAMES = {
    "targets": (targets, ["targets"]),
    "values": (values, ["targets", "observations", "indicators"]),
    "sourced": (sourced, ["observations", "task_reports"]),
    "observations": (observations, ["observations"]),
    "attribution": (attribution, ["observations"]),
    "task_leads": (task_leads, ["tasks", "task_units"]),
    "indicator_targets": (indicator_targets, ["indicators", "targets"]),
    "series": (series, ["observations"]),
    "revisions": (revisions, ["revisions"]),
}


def build(name: str, tables: Tables | dict[str, RawTable], descriptor: dict) -> pd.DataFrame | None:
    """The named frame, indexed 0..n-1 with that index also in column `_i`; None when a table it needs is unreadable."""
    builder, needs = FRAMES[name]
    if any(n not in tables for n in needs):
        return None
    frame = builder(tables if isinstance(tables, Tables) else Tables(tables), descriptor).reset_index(drop=True)
    frame["_i"] = range(len(frame))
    return frame
