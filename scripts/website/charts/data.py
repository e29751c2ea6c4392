"""A chart's data as rows and as the CSV offered beside it (cells made safe for Excel)."""

from __future__ import annotations

from scripts.core.csvcells import csv_text
from scripts.core.words import number


def chart_rows(spec: dict) -> list[dict]:
    """The inline data rows of a spec."""
    data = spec.get("data", {})
    if "values" in data:
        return data["values"]
    return spec.get("datasets", {}).get(data.get("name"), [])


def chart_csv(spec: dict) -> str:
    """The data a chart draws, as CSV with Chinese headers (for the page's 下载图表数据 link)."""
    columns = spec.get("usermeta", {}).get("csv", [])
    rows = [[_csv_cell(row.get(field)) for field, _ in columns] for row in chart_rows(spec)]
    return csv_text([[title for _, title in columns], *rows])


def _csv_cell(value) -> str:
    if value is None:
        return ""
    return number(value, 6) if isinstance(value, float) else str(value).replace("\n", "")  # a name wrapped for a legend
