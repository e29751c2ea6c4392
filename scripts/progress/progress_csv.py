"""progress.csv: its columns (documented on the download page) and the file itself."""

from __future__ import annotations

import math
from pathlib import Path

from scripts.core import files
from scripts.core.csvcells import csv_text
from scripts.core.words import CANNOT_JUDGE, FINAL_STATUS_LABELS, NOT_DUE, READER_STATUS_LABELS, STATUS_LABELS, number, pace_rule
from scripts.progress.targets import RATIO_DIGITS

# The columns of progress.csv: (name, Chinese title, description); the download page prints them.
PROGRESS_FIELDS = [
    ("indicator_id", "指标编号", "指标表中的指标编号。"),
    ("status", "状态代码", "按方法计算的状态：" + "；".join(f"{code} {label}" for code, label in STATUS_LABELS.items())
     + "。缺少最终目标年份的数字时，这里是按最新全年数字算出的进度；方案期结束后的结论以“读者状态”为准。"),
    ("status_label", "状态", "状态的中文名称。"),
    ("pace_ratio", "进度比", "已完成目标的比例 ÷ 按进度此时应完成的比例（保留6位小数）；" + pace_rule() + "。已到最终目标年份的指标，状态按当年数字是否达标判定。无法计算时为空。"),
    ("latest_period", "最新全年", f"计算所用的最新全年数字所属年份；{STATUS_LABELS['no_data']}的指标为最新的全市全年数字（如有）。"),
    ("latest_value", "最新全年数字", "该年的全市数字，单位见指标表；累计类为当年新增数，年均增长和下降类为当年增长率或下降率（%）。"),
    ("measure", "对照目标的数值", "与目标比较的数值：累计类为起始年以来的累计数，年均增长类为至今的年均增长率（%），下降类为比基期累计下降的百分数，其余为最新全年数字。"),
    ("expected_by_now", "按进度应达", "按方案进度，到最新全年时应达到的数值，单位同“对照目标的数值”。"),
    ("target_year", "目标年份", "用来判断的目标年份：最新全年之后最近的目标年份；已到最终目标年份的，为最终目标年份。"),
    ("target_value", "目标值", "该年份的目标值，单位见指标表。"),
    ("gap", "差距", "距目标还差多少，单位同“对照目标的数值”：正数为尚差，负数为已超出。"),
    ("note", "说明", "用一句话说明状态是怎样得出的。"),
    ("reader_status", "读者状态代码", "网站上显示的状态：方案期内为 " + "；".join(f"{k} {v}" for k, v in READER_STATUS_LABELS.items())
     + "；方案期结束后为 " + "；".join(f"{k} {v}" for k, v in FINAL_STATUS_LABELS.items()) + "。"),
    ("reader_label", "读者状态", "网站徽章上的文字，与指标页、目标一览和图表所写的相同。"),
    ("reader_reason", "读者状态说明", f"网站上对这个状态的说明：方案期结束后{FINAL_STATUS_LABELS[CANNOT_JUDGE]}的，写明缺少哪一年的全市全年数字。"),
    ("target_verdicts", "各目标年份的判断", "每个定有目标的年份单独判断：已达到、未达到，缺少数字而"
     f"{FINAL_STATUS_LABELS[CANNOT_JUDGE]}，或{NOT_DUE}，用“；”分隔。"),
]


def write_progress_csv(results, path: Path | str) -> Path:
    """Write progress.csv (UTF-8 with BOM, so that Excel opens the Chinese text correctly)."""
    names = [name for name, _, _ in PROGRESS_FIELDS]
    rows = [[_cell(_value(result, name)) for name in names] for result in results.values()]
    return files.write_text(path, csv_text([names, *rows]), encoding="utf-8-sig")  # cells made safe for Excel


def _value(result, name: str):
    if name == "reader_status":
        return result.reader.group
    if name == "reader_label":
        return result.reader.label
    if name == "reader_reason":
        return result.reader.reason
    if name == "target_verdicts":
        return "；".join(v.text for v in result.verdicts)
    return getattr(result, name)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value, RATIO_DIGITS) if math.isfinite(value) else ""  # never inf or nan in a download
    return str(value)
