"""The benchmark's table, its legend, and each goal of the issue judged PASS or FAIL with the machine's load."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from typing import Callable

from scripts.tools.bench.children import MB, STAGES
from scripts.tools.bench.measure import Row

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
峰值内存：最大的单个进程（ru_maxrss）；括号里是整个进程树（含并行绘图、校验和渲染页面的子进程）的内存合计峰值，每 0.2 秒采样；几个进程共用的内存按比例分摊（PSS），不重复计算。
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
    Target("真实数据包 make serve 改一个数字后重建（同一进程）", SHIPPED, 1.2, " 秒", lambda r, _: r.rebuild or None),
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
