"""Every word the site, the method and the tools show for a code, and how a number is written: one home for each.

Below both the progress method and the site, so a status word, a comparator word or a section name is written
once and cannot drift between a badge, a sentence and a demo note.
"""

from __future__ import annotations

# ---- statuses: ordered from best to worst; tables, counts and stacked charts list them in this order ----------
STATUS_LABELS = {
    "achieved": "已达成",
    "on_track": "符合进度",
    "behind": "进度滞后",
    "off_track": "严重滞后",
    "not_achieved": "未达成",
    "no_data": "暂无数据",
}
# The pace ratio's boundaries between on_track, behind and off_track (Statistics Canada's, as Open SDG uses them).
ON_TRACK_FROM = 0.95
BEHIND_FROM = 0.6


def status_meanings() -> dict[str, str]:
    """What each status means, in one sentence, with the thresholds above."""
    return {
        "achieved": "最终目标年份的目标已经达到。",
        "not_achieved": "目标已经不能达到：最终目标年份的全年数字已公布而未达到，或“每年”都要达到的目标有一年没有达到。",
        "on_track": f"尚未到最终目标年份，进度比不低于 {number(ON_TRACK_FROM)}。",
        "behind": f"进度比在 {number(BEHIND_FROM)}（含）到 {number(ON_TRACK_FROM)} 之间。",
        "off_track": f"进度比低于 {number(BEHIND_FROM)}（含负数，即朝相反方向变化）。",
        "no_data": "基期之后还没有公开的全年数字；“到期水平”类指标缺少基期数字的，也属此类。",
    }


def pace_rule() -> str:
    """The thresholds as one clause, for field docs and the method page."""
    return (f"不低于{number(ON_TRACK_FROM)}为符合进度，{number(BEHIND_FROM)}（含）至{number(ON_TRACK_FROM)}为进度滞后，"
            f"低于{number(BEHIND_FROM)}为严重滞后")


# ---- what a reader is told: the method's no_data split by what has been published (progress.csv keeps no_data) --
NO_FIGURE, INTERIM_ONLY, UNDECIDED = "no_figure", "interim_only", "undecided"
NO_DATA_LABELS = {
    INTERIM_ONLY: "仅有阶段性数字，尚无全年数字",
    UNDECIDED: "已有公开数字，尚不能判断",
    NO_FIGURE: "暂无公开数字",
}
# Every reader status in the order tables, counts and strips list them; their counts add up to the indicators.
READER_STATUS_LABELS = {**{k: v for k, v in STATUS_LABELS.items() if k != "no_data"}, **NO_DATA_LABELS}


def interim_only_label(count: int) -> str:
    """The badge of an indicator whose only figures are for part of a year."""
    return f"仅有阶段性数字（{count} 个），尚无全年数字"


def reader_status_meanings() -> dict[str, str]:
    """What each reader status means; the three kinds of no_data say what has (not) been published."""
    meanings = {k: v for k, v in status_meanings().items() if k != "no_data"}
    meanings[INTERIM_ONLY] = "只有季度、半年或月度累计等阶段性数字，没有全年数字；阶段性数字只作展示，不决定状态。"
    meanings[UNDECIDED] = "已有公开数字（如基期数字、分区域数字），但还没有决定状态所需的全市全年数字。"
    meanings[NO_FIGURE] = "还没有收录到任何公开发布的数字。我们不估算、不补填。"
    return meanings


# ---- targets -----------------------------------------------------------------------------------------------------
COMPARATOR_WORDS = {">=": "不低于", "<=": "不高于", "=": "等于"}
DIRECTION_LABELS = {"increase": "越高越好", "decrease": "越低越好"}
KIND_LABELS = {
    "level": "到期水平",
    "cumulative": "三年累计",
    "annual": "每年达到",
    "average_growth": "年均增长",
    "reduction": "累计下降",
    "share": "比例门槛",
    "milestone": "是否实现",
}
MILESTONE_DONE, MILESTONE_NOT_DONE = "已实现", "未实现"

# ---- the plan's structure and its responsible units ---------------------------------------------------------------
SECTION_LABELS = {"key_task": "重点任务", "policy": "政策措施", "organisation": "组织实施"}
ROLE_LABELS = {"lead": "牵头单位", "support": "配合单位", "responsible_body": "责任主体"}
UNIT_KIND_LABELS = {
    "city_department": "市级部门",
    "county_government": "县（市、区）政府",
    "platform": "平台管委会",
    "other": "其他单位",
}
AREA_KIND_LABELS = {"city": "全市", "district": "区", "county": "县", "county_city": "县级市", "platform": "平台"}

# Where a statement about a figure's source comes from (figure_sources.basis), and editorial links to tasks.
BASIS_LABELS = {"plan": "方案原文", "official": "官方说明", "judgement": "本站判断"}
RELATED_TASKS_LABEL = "相关任务（本站归纳，方案未写明）"
NOT_SEEN_LABEL = "尚未见公开数字"
FIGURE_SOURCE_LABELS = {"publisher": "发布单位", "publication": "发布渠道", "frequency": "发布频率", "usual_release": "通常发布时间"}

# ---- figures and reports ------------------------------------------------------------------------------------------
DATA_STATUS_LABELS = {"final": "正式数", "provisional": "初步数"}
REVISION_LABELS = {"corrected": "更正", "withdrawn": "撤回"}
REVISIONS_HEADING = "更正和撤回"
WITHDRAWN_NOTE = "已撤回，不再用于判断状态"
REPORT_STATUS_LABELS = {
    "completed": "已完成",
    "on_track": "按计划推进",
    "with_challenges": "推进有困难",
    "not_started": "尚未启动",
}
FIELD_TYPE_LABELS = {"string": "文本", "integer": "整数", "number": "数字", "boolean": "是/否", "date": "日期"}


# ---- numbers ------------------------------------------------------------------------------------------------------
def number(value, digits: int = 2) -> str:
    """A number as people read it: at most `digits` decimals, no trailing zeros, never "-0"; None is a dash."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return str(value)
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# Percentages the plan states as fractions (不低于三分之一); a target stored with 10 decimals reads as the fraction.
PLAN_FRACTIONS = {(1, 3): "三分之一", (2, 3): "三分之二"}


def amount(value, unit: str) -> str:
    """A target amount with its unit; a percentage that is one of the plan's fractions reads as the fraction."""
    if unit == "%" and isinstance(value, (int, float)):
        for (top, bottom), words in PLAN_FRACTIONS.items():
            if abs(value - 100 * top / bottom) < 1e-6:
                return f"{words}（约{number(value)}%）"
    return f"{number(value)}{unit}"
