"""Charts as Vega-Lite specs built with Altair (scripts/website/rendering.py draws them as SVG), and their CSV data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.core import files
from scripts.progress.results import Results
from scripts.website.charts.data import chart_csv, chart_rows
from scripts.website.charts.indicator import indicator_chart
from scripts.website.charts.look import RING, TEXT, WIDTH
from scripts.website.charts.status import (
    dashboard_chart,
    status_by_group_chart,
    status_by_unit_chart,
)
from scripts.website.rendering import (
    RenderResult,
    clean_text,
    render_charts,
    render_svg,
    text_alternative,
)

# What callers use: the specs, the rendering (in its own light module), the CSV beside each chart, and a few
# measures the tests check against the phone rule.
__all__ = [
    "RING", "TEXT", "WIDTH", "RenderResult", "SiteCharts", "build_specs", "chart_csv", "chart_rows", "clean_text",
    "dashboard_chart", "indicator_chart", "render_charts", "render_site_charts", "render_svg", "status_by_group_chart",
    "status_by_unit_chart", "text_alternative",
]

def build_specs(results: Results) -> dict[str, dict]:
    """Every chart of the site: one per indicator that has any figure, the dashboard (when a headline indicator has
    a status), and the two roll-ups; all drawn from the progress results alone."""
    specs = {}
    for indicator_id, result in results.items():
        spec = indicator_chart(result, results.catalog.areas, results.plan)
        if spec is not None:
            specs[indicator_id] = spec
    dashboard = dashboard_chart(results)
    if dashboard is not None:
        specs["dashboard"] = dashboard
    specs["status-by-group"] = status_by_group_chart(results)
    specs["status-by-unit"] = status_by_unit_chart(results)
    return specs


class SiteCharts(dict):
    """chart name -> text alternative, for every chart written; `.render` tells what was drawn or reused."""

    render: RenderResult
    written: list[Path]  # every file written: <name>.svg and <name>.csv


def render_site_charts(results: Results, out_dir: Path | str, cache_dir: Path | str, *, here: bool = True) -> SiteCharts:
    """Build every chart, write <name>.svg and <name>.csv (its data) into out_dir; return name -> text alternative.
    here=False: no chart is drawn in this process (it forks later: see rendering.render_charts)."""
    specs = build_specs(results)
    rendered = render_charts(specs, out_dir, cache_dir, here=here)
    charts = SiteCharts()
    charts.written = list(rendered.values())
    for name, spec in specs.items():
        charts.written.append(files.write_text(Path(out_dir) / f"{name}.csv", chart_csv(spec), encoding="utf-8-sig"))
        charts[name] = text_alternative(spec)
    charts.render = rendered
    return charts


def main(argv: list[str] | None = None) -> int:
    from scripts.core.package import read_package
    from scripts.core.paths import BUILD_DIR, DEFAULT_PACKAGE, chart_cache_dir
    from scripts.progress.results import compute_progress

    parser = argparse.ArgumentParser(description="计算进度并把全部图表绘制为 SVG（只重绘内容有变化的图表）。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径")
    parser.add_argument("--out", default=str(BUILD_DIR / "charts"), help="SVG 输出目录（默认：build/charts）")
    parser.add_argument("--cache", default=str(chart_cache_dir(BUILD_DIR)), help="缓存目录（默认：build/cache/charts）")
    args = parser.parse_args(argv)
    package = read_package(args.package)
    charts = render_site_charts(compute_progress(package), args.out, args.cache)
    print(charts.render.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
