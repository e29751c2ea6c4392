"""Corrections and withdrawals of published figures (the `revisions` table): which figures still count, and each
figure's history. A withdrawn figure stays in observations.csv, marked here; it never decides a status."""

from __future__ import annotations

from scripts.core.package import Package

CORRECTED, WITHDRAWN = "corrected", "withdrawn"
FIGURE_KEY = ("indicator_id", "area_id", "period", "status")  # observations' primary key, which a revision names


def figure_key(row: dict) -> tuple:
    return tuple(row.get(column) for column in FIGURE_KEY)


def withdrawn_keys(package: Package) -> set[tuple]:
    return {figure_key(r) for r in package.rows("revisions") if r.get("action") == WITHDRAWN}


def current_observations(package: Package) -> list[dict]:
    """The published figures that count: every observation but the withdrawn ones (what progress and pages read)."""
    withdrawn = withdrawn_keys(package)
    rows = package.rows("observations")
    return [row for row in rows if figure_key(row) not in withdrawn] if withdrawn else rows


def histories(package: Package) -> dict[str, list[tuple[dict, dict | None]]]:
    """indicator id -> (revision, the figure it names), oldest first; the figure is None if it is not found.
    Read once, for every indicator (the progress stage hands it down)."""
    revisions = package.rows("revisions")
    if not revisions:
        return {}
    figures = {figure_key(row): row for row in package.rows("observations")}
    result: dict[str, list[tuple[dict, dict | None]]] = {}
    for r in sorted(revisions, key=lambda r: (r["date"], r["period"])):
        result.setdefault(r["indicator_id"], []).append((r, figures.get(figure_key(r))))
    return result
