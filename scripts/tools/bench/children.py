"""One measurement in a child process: the children's work (build, mkdocs alone, serve loop, floor, validation) and their memory."""

from __future__ import annotations

import csv
import decimal
import io
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.core.paths import ROOT

STAGES = ["validate", "progress", "charts", "pages", "mkdocs"]
DEFAULT_SCALES = [1, 10]
SAMPLE_EVERY = 0.2  # seconds between samples of the process tree's memory
MB = 1024 * 1024



# ---- one measurement in a child process -----------------------------------------------------------------------


@dataclass
class Sample:
    """What one child process did: its wall time (interpreter start included), memory and its own report."""

    wall: float
    max_rss: int  # bytes: the largest single process of the child's tree (kernel's ru_maxrss)
    tree_rss: int | None  # bytes: the largest memory of the child's whole tree (tree_memory), sampled; None without /proc
    report: dict


def run_child(mode: str, **kwargs) -> Sample:
    """Run `python -m scripts.tools.bench --child MODE` in a new interpreter and measure it from outside."""
    with tempfile.TemporaryDirectory(prefix="bench-child-") as tmp:
        out, log = Path(tmp) / "report.json", Path(tmp) / "log.txt"
        command = [sys.executable, "-m", "scripts.tools.bench", "--child", mode, "--args", json.dumps(kwargs), "--out", str(out)]
        with open(log, "wb") as log_file:
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT)
            sampler = TreeSampler(process.pid)
            sampler.start()
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"bench child {mode} failed ({process.returncode}):\n{log.read_text(encoding='utf-8', errors='replace')[-4000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    return Sample(wall=wall, max_rss=usage.ru_maxrss * 1024, tree_rss=sampler.peak, report=report)


class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants (tree_memory); keeps the peak."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.peak: int | None = 0 if Path("/proc/self/statm").exists() else None
        self._done = threading.Event()

    def run(self) -> None:
        while self.peak is not None and not self._done.wait(SAMPLE_EVERY):
            self.peak = max(self.peak, tree_memory(self.root))

    def stop(self) -> None:
        self._done.set()
        self.join()


def tree_memory(root: int) -> int:
    """Bytes of memory a process and its descendants hold: the sum of their proportional set sizes, so a page shared
    by n processes (a forked copy's inherited memory, libraries) counts 1/n in each. The resident set where the
    kernel gives no PSS (counts shared pages in every process: an upper bound)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += _memory(pid)
        except (OSError, IndexError, ValueError, StopIteration):
            pass  # it ended between the listing and now
        todo += children.get(pid, [])
    return total


def _memory(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return int(next(line for line in rollup.splitlines() if line.startswith("Pss:")).split()[1]) * 1024


# ---- what the children do -------------------------------------------------------------------------------------


def child_build(package: str, site: str, work: str) -> dict:
    """A full build, as `make site` runs it."""
    from scripts.pipeline.build import build_site

    stages = build_site(package, Path(site), Path(work))
    return {"stages": stages, "pages": count_pages(Path(work))}


def child_mkdocs(work: str, site: str) -> dict:
    """mkdocs alone, on the pages a full build left in work/stage (no validation, progress, charts or pages)."""
    from scripts.pipeline.build import MKDOCS_OPTIONS, build_with_mkdocs

    options = json.loads((Path(work) / "stage" / MKDOCS_OPTIONS).read_text(encoding="utf-8"))
    start = time.perf_counter()
    build_with_mkdocs(options, Path(site))
    return {"seconds": time.perf_counter() - start}


def child_serve(package: str, site: str, work: str, edits: int) -> dict:
    """The serve loop: build once, then after each edit of one observation rebuild in the same process."""
    from scripts.pipeline.build import build_site

    cache = Path(work) / "cache" / "charts"
    start = time.perf_counter()
    first = build_site(package, Path(site), Path(work), keep_validator=True, keep_pages=True)
    report = {"first": {"seconds": time.perf_counter() - start, "stages": first}, "rebuilds": []}
    for step in range(1, edits + 1):
        edited = edit_observation(Path(package), step)
        cached = set(cache.glob("*.svg"))
        start = time.perf_counter()
        stages = build_site(package, Path(site), Path(work), keep_validator=True, keep_pages=True)
        seconds = time.perf_counter() - start
        drawn = len(set(cache.glob("*.svg")) - cached)
        report["rebuilds"].append({"seconds": seconds, "stages": stages, "edited": edited, "charts_drawn": drawn})
    return report


def count_pages(work: Path) -> int:
    """Markdown pages that mkdocs built (generated and hand-written)."""
    return sum(1 for _ in (work / "stage" / "docs").rglob("*.md"))


def edit_observation(package: Path, step: int) -> str:
    """Change the last observation's value by `step` units of its last digit, as a correction would; return what changed.

    Only that line of the file is rewritten. Repeated calls with step 1, 2, 3 give a new value every time.
    """
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "observations")
    path = package.parent / resource["path"]
    text = path.read_bytes().decode("utf-8")
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0].lstrip("\ufeff")]))
    index = max(i for i, line in enumerate(lines) if line.strip())
    row = next(csv.reader([lines[index]]))
    column = header.index("value")
    old = row[column]
    row[column] = bump(old, step)
    ending = lines[index][len(lines[index].rstrip("\r\n")):]
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerow(row)
    lines[index] = out.getvalue()
    path.write_bytes("".join(lines).encode("utf-8"))
    return f"{row[header.index('indicator_id')]} {row[header.index('period')]}: {old} -> {row[column]}"


def bump(value: str, step: int) -> str:
    """The number written with `step` added to its last digit: 46.8 -> 46.9 (step 1)."""
    number = decimal.Decimal(value)
    return str(number + decimal.Decimal(step).scaleb(number.as_tuple().exponent))


def child_site(package: str, site: str, work: str) -> dict:
    """`make site`: a full build that keeps the site when nothing changed since the last successful build."""
    from scripts.pipeline.build import build_site

    stages = build_site(package, Path(site), Path(work), keep_unchanged=True)
    return {"stages": stages, "unchanged": "unchanged" in stages}


def child_floor(folder: str, site: str) -> dict:
    """The floor: mkdocs-material alone building the simple pages write_floor_site left in folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(load_config(str(Path(folder) / "mkdocs.yml"), site_dir=site, strict=True))
    return {}


def child_validate(package: str) -> dict:
    """`make validate` on a package, nothing cached."""
    from scripts.validate.run import validate_package

    report = validate_package(package)
    return {"errors": len(report.errors), "warnings": len(report.warnings)}


CHILDREN = {"build": child_build, "mkdocs": child_mkdocs, "serve": child_serve, "site": child_site,
            "floor": child_floor, "validate": child_validate}
