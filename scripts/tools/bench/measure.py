"""A package's row of the benchmark table: cold, warm and bare builds, make site as staff run it, the serve rebuild."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from scripts.tools.bench.children import Sample, edit_observation, run_child
from scripts.tools.benchinputs import write_floor_site

# ---- a package's row of the table -----------------------------------------------------------------------------


@dataclass
class Row:
    """A package's measurements; each number is the best (lowest) of its repetitions."""

    label: str
    pages: int = 0
    stages: dict[str, float] = field(default_factory=dict)  # in-process seconds of the fastest cold build
    cold: float = 0.0  # wall seconds of the fastest cold build, interpreter start included
    max_rss: int = 0
    tree_rss: int | None = None
    bare_mkdocs: float = 0.0  # wall seconds of mkdocs alone on the same pages, interpreter start included
    warm: float = 0.0  # wall seconds of a full build in a new process with the chart cache warm
    rebuild: float = 0.0  # in-process seconds of the fastest rebuild after one edit (serve loop)
    rebuild_drawn: int = 0  # charts drawn again in that rebuild
    load: float = 0.0  # 1-minute load average when the package's measurements began
    floor: float = 0.0  # wall seconds of plain mkdocs-material on as many simple pages (write_floor_site)
    unchanged_site: float = 0.0  # wall seconds of `make site` again, nothing changed, a new process
    unchanged_kept: bool = False  # whether that run kept the site (it should)
    edited_site: float = 0.0  # wall seconds of `make site` after one edited number, a new process
    cache_extra: int = 0  # chart cache entries beyond the charts of the last build (0: the cache is bounded)
    details: dict = field(default_factory=dict)

    @property
    def pipeline_extra(self) -> float:
        """What the whole pipeline costs beyond mkdocs alone on the same pages (cold build)."""
        return self.cold - self.bare_mkdocs

    @property
    def warm_extra(self) -> float:
        """The same with the chart cache warm."""
        return self.warm - self.bare_mkdocs


def measure_package(label: str, package: Path, base: Path, *, repeat: int = 1, edits: int | None = None) -> Row:
    """Cold builds, bare mkdocs builds and serve-loop rebuilds of one package, each in new processes under base."""
    row = Row(label=label, load=os.getloadavg()[0])
    colds = []
    for r in range(repeat):
        run = base / f"cold-{r}"
        if r:  # keep only the last run's files: the next measurements reuse them
            shutil.rmtree(base / f"cold-{r - 1}", ignore_errors=True)
        colds.append(run_child("build", package=str(package), site=str(run / "site"), work=str(run / "work")))
    best = min(colds, key=lambda s: s.wall)
    row.cold, row.stages, row.pages = best.wall, best.report["stages"], best.report["pages"]
    row.max_rss = max(s.max_rss for s in colds)
    row.tree_rss = None if any(s.tree_rss is None for s in colds) else max(s.tree_rss for s in colds)
    work = base / f"cold-{repeat - 1}" / "work"
    bare = [run_child("mkdocs", work=str(work), site=str(base / f"bare-{r}")) for r in range(repeat)]
    row.bare_mkdocs = min(s.wall for s in bare)
    write_floor_site(base / "floor", row.pages)
    floors = [run_child("floor", folder=str(base / "floor"), site=str(base / f"floor-site-{r}")) for r in range(repeat)]
    row.floor = min(s.wall for s in floors)
    # A full build in a new process with the caches the cold build left: the first `make site` below is one.
    warm = [measure_make_site(row, package, base, work, repeat)]
    warm += [run_child("build", package=str(package), site=str(base / "warm-site"), work=str(work)) for _ in range(repeat - 1)]
    row.warm = min(s.wall for s in warm)
    # The serve loop edits a copy of the package; the chart cache is the one the cold build left.
    copy = base / "edited"
    shutil.copytree(package.parent / "data", copy / "data")
    shutil.copy(package, copy / package.name)
    serve = run_child("serve", package=str(copy / package.name), site=str(base / "serve-site"), work=str(work),
                      edits=edits or repeat)
    fastest = min(serve.report["rebuilds"], key=lambda r: r["seconds"])
    row.rebuild, row.rebuild_drawn = fastest["seconds"], fastest["charts_drawn"]
    row.details |= {
        "cold_walls": [s.wall for s in colds], "bare_mkdocs_walls": [s.wall for s in bare], "warm_walls": [s.wall for s in warm],
        "warm_stages": min(warm, key=lambda s: s.wall).report["stages"],
        "serve": serve.report, "serve_max_rss": serve.max_rss, "bare_mkdocs_max_rss": max(s.max_rss for s in bare),
        "floor_walls": [s.wall for s in floors],
    }
    return row


def measure_make_site(row: Row, package: Path, base: Path, work: Path, repeat: int) -> Sample:
    """`make site` in new processes on a copy of the package, with the caches the cold build left: once to
    record the build (a full warm build, returned), then with nothing changed, then after each of `repeat`
    edits of one number."""
    copy = base / "site-edited"
    shutil.copytree(package.parent / "data", copy / "data")
    shutil.copy(package, copy / package.name)
    options = {"package": str(copy / package.name), "site": str(base / "site-site"), "work": str(work)}
    first = run_child("site", **options)
    same = [run_child("site", **options) for _ in range(repeat)]
    row.unchanged_site = min(s.wall for s in same)
    row.unchanged_kept = all(s.report["unchanged"] for s in same)
    edited = []
    for step in range(1, repeat + 1):
        edit_observation(copy / package.name, step)
        edited.append(run_child("site", **options))
    row.edited_site = min(s.wall for s in edited)
    charts = len(list((work / "stage" / "docs" / "charts").glob("*.svg")))
    row.cache_extra = len(list((work / "cache" / "charts").iterdir())) - charts
    row.details["edited_site_stages"] = min(edited, key=lambda s: s.wall).report["stages"]
    return first


def synthetic_package(scale: int, base: Path) -> Path:
    from scripts.tools.synthetic import write_synthetic_package

    return write_synthetic_package(base / f"synthetic-{scale}", scale=scale, seed=0)
