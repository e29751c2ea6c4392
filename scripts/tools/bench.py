"""The benchmark: time each build stage on the shipped and synthetic packages, with memory and rebuild times,
against the floor (plain mkdocs-material on as many simple pages), with PASS/FAIL against the speed goals.

`python -m scripts.tools.bench [--scale N] [--repeat R]` (`make bench`, `make bench SCALE=100`).

Every cold number comes from a new interpreter started for that one measurement (start-up and imports
included), building into a temporary directory with empty caches. Memory is the child's peak resident set
size as the kernel reports it when the child is reaped (the largest single process of its tree), and the peak
of the whole tree's summed resident sets, sampled, so that chart-rendering workers are counted too.
The rebuild is the serve loop's case: the process that has just built the site (chart cache warm, Great
Expectations imported) rebuilds it after one observation changed. `make site` with nothing changed and after
one edited number are new processes with the caches the cold build left, as staff and CI run it.
"""

from __future__ import annotations

import argparse
import csv
import decimal
import io
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from scripts.core.paths import DEFAULT_PACKAGE, ROOT
from scripts.tools.benchinputs import observation_package, write_floor_site

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
    tree_rss: int | None  # bytes: the largest sum of resident sets over the child's tree, sampled; None without /proc
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
    """Samples the summed resident set of a process and all its descendants; keeps the peak.

    Pages shared between processes (libraries) are counted once per process: an upper bound.
    """

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.peak: int | None = 0 if Path("/proc/self/statm").exists() else None
        self._done = threading.Event()

    def run(self) -> None:
        while self.peak is not None and not self._done.wait(SAMPLE_EVERY):
            self.peak = max(self.peak, tree_rss(self.root))

    def stop(self) -> None:
        self._done.set()
        self.join()


def tree_rss(root: int) -> int:
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
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass  # it ended between the listing and now
        todo += children.get(pid, [])
    return total


# ---- what the children do -------------------------------------------------------------------------------------


def child_build(package: str, site: str, work: str) -> dict:
    """A full build, as `make site` runs it."""
    from scripts.site.build import build_site

    stages = build_site(package, Path(site), Path(work))
    return {"stages": stages, "pages": count_pages(Path(work))}


def child_mkdocs(work: str, site: str) -> dict:
    """mkdocs alone, on the pages a full build left in work/stage (no validation, progress, charts or pages)."""
    from scripts.site.build import MKDOCS_OPTIONS, build_with_mkdocs

    options = json.loads((Path(work) / "stage" / MKDOCS_OPTIONS).read_text(encoding="utf-8"))
    start = time.perf_counter()
    build_with_mkdocs(options, Path(site))
    return {"seconds": time.perf_counter() - start}


def child_serve(package: str, site: str, work: str, edits: int) -> dict:
    """The serve loop: build once, then after each edit of one observation rebuild in the same process."""
    from scripts.site.build import build_site

    cache = Path(work) / "cache" / "charts"
    start = time.perf_counter()
    first = build_site(package, Path(site), Path(work), keep_validator=True)
    report = {"first": {"seconds": time.perf_counter() - start, "stages": first}, "rebuilds": []}
    for step in range(1, edits + 1):
        edited = edit_observation(Path(package), step)
        cached = set(cache.glob("*.svg"))
        start = time.perf_counter()
        stages = build_site(package, Path(site), Path(work), keep_validator=True)
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
    from scripts.site.build import build_site

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
    # `make site` again: a new process, the chart cache as the cold build left it.
    warm = [run_child("build", package=str(package), site=str(base / "warm-site"), work=str(work)) for _ in range(repeat)]
    row.warm = min(s.wall for s in warm)
    write_floor_site(base / "floor", row.pages)
    floors = [run_child("floor", folder=str(base / "floor"), site=str(base / f"floor-site-{r}")) for r in range(repeat)]
    row.floor = min(s.wall for s in floors)
    measure_make_site(row, package, base, work, repeat)
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


def measure_make_site(row: Row, package: Path, base: Path, work: Path, repeat: int) -> None:
    """`make site` in new processes on a copy of the package, with the caches the cold build left: once to
    record the build, then with nothing changed, then after each of `repeat` edits of one number."""
    copy = base / "site-edited"
    shutil.copytree(package.parent / "data", copy / "data")
    shutil.copy(package, copy / package.name)
    options = {"package": str(copy / package.name), "site": str(base / "site-site"), "work": str(work)}
    run_child("site", **options)
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


def synthetic_package(scale: int, base: Path) -> Path:
    from scripts.tools.synthetic import write_synthetic_package

    return write_synthetic_package(base / f"synthetic-{scale}", scale=scale, seed=0)


# ---- the table and the targets --------------------------------------------------------------------------------

SHIPPED = "真实数据包"
COLUMNS = ["数据包", "页面数", "校验", "进度", "图表", "生成页面", "mkdocs", "冷构建", "峰值内存", "单独 mkdocs build",
           "流水线另加（冷）", "热构建", "流水线另加（热）", "地板", "未改动 make site", "改一个数字后 make site",
           "改一个数字后重建", "负载"]


def synthetic_label(scale: int) -> str:
    return f"虚构 {scale}×"


def table(rows: list[Row]) -> str:
    """A Markdown table: one row per package, in seconds unless marked."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(COLUMNS))) + "|"]
    for row in rows:
        memory = f"{row.max_rss / MB:.0f} MB" + (f"（合计 {row.tree_rss / MB:.0f} MB）" if row.tree_rss else "")
        cells = [
            row.label, str(row.pages), *(f"{row.stages.get(stage, 0.0):.2f}" for stage in STAGES),
            f"{row.cold:.1f}", memory, f"{row.bare_mkdocs:.1f}", _extra(row.pipeline_extra, row.bare_mkdocs),
            f"{row.warm:.1f}", _extra(row.warm_extra, row.bare_mkdocs), f"{row.floor:.1f}",
            _times(row.unchanged_site, row.floor) + ("" if row.unchanged_kept else "（未保留网站）"),
            _times(row.edited_site, row.floor),
            f"{row.rebuild:.2f}（重绘 {row.rebuild_drawn} 张图）", f"{row.load:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _extra(seconds: float, bare: float) -> str:
    return f"{seconds:.1f}（{seconds / bare:.0%}）" if bare else "—"


def _times(seconds: float, floor: float) -> str:
    return f"{seconds:.1f}（{seconds / floor:.2f}×）" if floor else "—"


LEGEND = """\
单位为秒。校验、进度、图表、生成页面、mkdocs：最快一次冷构建中各阶段的耗时。
冷构建：新启动的进程、空的构建目录（无任何缓存），完整构建一次（含校验）的墙钟时间，包括解释器启动和导入；
操作系统的文件缓存和 jieba 在临时目录里的词典缓存不清除。
峰值内存：最大的单个进程（ru_maxrss）；括号里是整个进程树（含并行绘图的子进程）的内存合计峰值，每 0.2 秒采样，共享内存按进程重复计算。
单独 mkdocs build：新进程里只运行 mkdocs build --strict（同一批已生成的页面），墙钟时间。
流水线另加：完整构建减去单独 mkdocs build，括号里是占单独 mkdocs build 的比例。
热构建：新进程完整构建一次（不走“未改动则保留”），校验结果和图表缓存已有。
地板：同一次运行里，新进程用 mkdocs-material 构建同样多的简单页面（每页约 900 个汉字和一张小表，每 25 页一节，
中文搜索、navigation.prune，不用本项目的插件和模板），墙钟时间。
未改动 make site、改一个数字后 make site：员工和 CI 的情形，每次一个新进程（python -m scripts build 所做的），
缓存是上一次构建留下的；括号里是相对地板的倍数。
改一个数字后重建：make serve 的情形，同一进程改动一个公开数字后重建（图表缓存已有，Great Expectations 已导入）。
负载：开始测该数据包时的 1 分钟平均负载。每项取重复测量中最快的一次。"""


@dataclass
class Target:
    name: str
    label: str  # the row the target is about
    limit: float
    unit: str
    measure: Callable[[Row, dict[str, Row]], float | None]

    def check(self, rows: dict[str, Row]) -> tuple[str, str]:
        row = rows.get(self.label)
        value = None if row is None else self.measure(row, rows)
        if value is None:
            return "n/a", f"{self.name}：未测"
        verdict = "PASS" if value <= self.limit else "FAIL"
        digits = 0 if self.unit == " 个" else 2 if self.unit == "×" else 1
        return verdict, f"{self.name}：{value:.{digits}f}{self.unit}（目标 ≤ {self.limit:g}{self.unit}）"


def _memory(row: Row, rows: dict[str, Row]) -> float:
    return max(row.max_rss, row.tree_rss or 0) / (1024 * MB)


def _ratio(seconds: float, floor: float) -> float | None:
    return seconds / floor if floor and seconds else None


TEN, HUNDRED = synthetic_label(10), synthetic_label(100)
# The goals of the issue "Build cost close to MkDocs itself"; the floor is measured in the same run.
TARGETS = [
    Target("真实数据包冷构建（含校验）", SHIPPED, 15, " 秒", lambda r, _: r.cold),
    Target("真实数据包未改动再 make site（新进程），相对地板", SHIPPED, 1.25, "×", lambda r, _: _ratio(r.unchanged_site, r.floor)),
    Target("真实数据包改一个数字后 make site（新进程），相对地板", SHIPPED, 2.5, "×", lambda r, _: _ratio(r.edited_site, r.floor)),
    Target("真实数据包 make serve 改一个数字后重建（同一进程）", SHIPPED, 1.5, " 秒", lambda r, _: r.rebuild or None),
    Target("10× 冷构建，相对地板", TEN, 1.5, "×", lambda r, _: _ratio(r.cold, r.floor)),
    Target("100× 冷构建", HUNDRED, 240, " 秒", lambda r, _: r.cold),
    Target("100× 峰值内存（进程树合计）", HUNDRED, 1.5, " GB", _memory),
    Target("图表缓存多于本次构建所用的条目（10×）", TEN, 0, " 个", lambda r, _: r.cache_extra),
]


def verdicts(rows: list[Row]) -> list[str]:
    by_label = {row.label: row for row in rows}
    return [f"{verdict:4}  {text}" for verdict, text in (target.check(by_label) for target in TARGETS)]


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / (1024 * MB)
    return (f"{os.cpu_count()} 核，{memory:.0f} GB 内存，Python {platform.python_version()}，"
            f"{platform.system()} {platform.release()}；负载（1、5、15 分钟）{_load()}")


def _load() -> str:
    return "、".join(f"{x:.2f}" for x in os.getloadavg())


# ---- command line ---------------------------------------------------------------------------------------------


VALIDATION_ROWS = 100_000  # observation rows of the validation measurement


def run(scales: list[int], repeat: int) -> tuple[list[Row], Sample | None]:
    """Measure the shipped package and a synthetic package per scale (100x and above once only), then
    `make validate` on a package of VALIDATION_ROWS observations built from the 10x one."""
    rows, validation = [], None
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        base = Path(tmp)
        for scale in [None, *scales]:
            label = SHIPPED if scale is None else synthetic_label(scale)
            package = DEFAULT_PACKAGE if scale is None else synthetic_package(scale, base / "packages")
            times = 1 if scale and scale >= 100 else repeat
            print(f"… {label}（{times} 次）", file=sys.stderr, flush=True)
            rows.append(measure_package(label, package, base / f"run-{scale or 0}", repeat=times))
            shutil.rmtree(base / f"run-{scale or 0}", ignore_errors=True)
        print(f"… 校验 {VALIDATION_ROWS:,} 行观测数据", file=sys.stderr, flush=True)
        source = base / "packages" / "synthetic-10" / "datapackage.json"
        if not source.exists():
            source = synthetic_package(10, base / "packages")
        many = observation_package(source, base / "many-observations", VALIDATION_ROWS)
        validation = run_child("validate", package=str(many))
        validation.report["rows"] = sum(1 for _ in open(many.parent / "data" / "observations.csv", encoding="utf-8")) - 1
        validation.report["load"] = os.getloadavg()[0]
    return rows, validation


def validation_line(sample: Sample) -> str:
    report = sample.report
    return (f"校验 {report['rows']:,} 行观测数据（make validate，新进程，无缓存）：{sample.wall:.1f} 秒，"
            f"峰值内存 {sample.max_rss / MB:.0f} MB，错误 {report['errors']} 处、提醒 {report['warnings']} 处；"
            f"开始时负载 {report['load']:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="性能测试：在真实数据包和 1×、10× 虚构数据包上计时各构建阶段、峰值内存和重建时间，"
                                                 "与同样多页面的纯 mkdocs-material 构建（地板）相比，并按目标判定 PASS/FAIL。")
    parser.add_argument("--scale", type=int, action="append", help="另加一个虚构数据包的规模（如 100）；可重复")
    parser.add_argument("--repeat", type=int, default=3, help="每项测量重复次数，取最快一次（默认 3；100× 及以上只测 1 次）")
    parser.add_argument("--json", metavar="OUT.json", help="另把全部测量结果写成 JSON")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        report = CHILDREN[args.child](**json.loads(args.args))
        Path(args.out).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        return 0
    scales = sorted(set(DEFAULT_SCALES + (args.scale or [])))
    print(f"机器：{machine()}", flush=True)
    start = time.perf_counter()
    rows, validation = run(scales, args.repeat)
    print(f"\n{table(rows)}\n\n{LEGEND}\n")
    print(validation_line(validation) + "\n")
    print("\n".join(verdicts(rows)))
    print(f"\n结束时负载（1、5、15 分钟）{_load()}；性能测试共用 {(time.perf_counter() - start) / 60:.1f} 分钟。")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        measured = {"rows": [row.__dict__ for row in rows], "validation": validation.__dict__}
        Path(args.json).write_text(json.dumps(measured, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
