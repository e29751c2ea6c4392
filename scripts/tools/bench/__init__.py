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
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from scripts.core.paths import DEFAULT_PACKAGE
from scripts.tools.bench.children import (
    CHILDREN,
    DEFAULT_SCALES,
    MB,
    STAGES,
    Sample,
    bump,
    edit_observation,
    run_child,
)
from scripts.tools.bench.measure import Row, measure_package, synthetic_package
from scripts.tools.bench.report import (
    COLUMNS,
    LEGEND,
    SHIPPED,
    _load,
    machine,
    synthetic_label,
    table,
    verdicts,
)
from scripts.tools.benchinputs import observation_package

# What the tests and the command line use.
__all__ = ["COLUMNS", "MB", "STAGES", "Row", "bump", "edit_observation", "main", "measure_package", "run", "table", "verdicts"]


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
