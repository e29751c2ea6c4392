"""Every word the site, the method and the tools show for a code, and how a number is written: one home for each.

Below both the progress method and the site, so a status word, a comparator word or a section name is written
once and cannot drift between a badge, a sentence and a demo note.
"""

from __future__ import annotations

import math
from decimal import Decimal

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
# Once the plan's period is over, a reader gets a final report card: reached, missed, or cannot be judged (and why).
CANNOT_JUDGE = "cannot_judge"
FINAL_STATUS_LABELS = {"achieved": STATUS_LABELS["achieved"], "not_achieved": STATUS_LABELS["not_achieved"],
                       CANNOT_JUDGE: "无法判断"}


NOT_DUE = "目标年份尚未结束，还没到判断的时候"  # a dated target whose year is not over on the build date
INTERIM_FIGURE = "阶段性数字"  # a figure for part of a year: shown, never deciding a status
LAST_COUNTED = "最后计入"  # the last full-year figure a total or an average took in
ALSO_PUBLISHED = "另有"  # a later figure beside the one that decided, with what it is
NOT_ENOUGH = "不足以判断"  # said of the full-year figures there are, when they do not decide a status
NOTHING_PUBLISHED = "尚未收录到任何公开发布的数字"  # an ended plan's indicator without a single figure

# The home page's introduction to the plan: who the plan names (units for tasks, measures and arrangements, some
# with one unit alone; none for the headline targets), and, by the build's day, whether the plan has expired.
PLAN_INTRO_DUTIES = "每项任务、措施和安排都列明了责任单位，列第一位的为牵头单位；核心目标没有单列责任单位。"
PLAN_INTRO_STATE = {
    "running": "方案实施期为 {start}—{end} 年，有效期至 {expires}；本站把方案的目标、任务和责任单位整理成开放数据，对照公开发布的数字逐项标出进展。",
    "ended": "方案实施期为 {start}—{end} 年，有效期至 {expires}，现已到期；本站把方案的目标、任务和责任单位整理成开放数据，对照公开发布的数字逐项给出最终结果。",
}

# The headline dashboard: while the plan runs it shows progress against the pace; once it has ended, only how much
# of each target the figures had reached, and by which year (a share with no year reads as the final outcome).
DASHBOARD_TITLES = {"running": "核心指标完成进度", "ended": "核心指标已完成目标的比例"}
DASHBOARD_HEADINGS = {"running": "完成进度", "ended": "已完成目标的比例"}
ACHIEVED_SHARE = "已完成目标的{share}"
ACHIEVED_SHARE_BY = "到{year}年已完成目标的{share}"  # an ended plan's dashboard: the year of the figures it stands on


def unpublished_words(years_text: str) -> str:
    """The full-year city figures an ended plan's target needed and nobody was seen publishing: 2023年全市全年数字未见公开发布."""
    return f"{years_text}全市全年数字未见公开发布"


def interim_only_label(count: int) -> str:
    """The badge of an indicator whose only figures are for part of a year."""
    return f"仅有阶段性数字（{count} 个），尚无全年数字"


def reader_status_meanings(ended: bool = False) -> dict[str, str]:
    """What each reader status means; the three kinds of no_data say what has (not) been published. For an ended
    plan, the three statuses of the final report card."""
    if ended:
        return {
            "achieved": "方案期结束时的目标已经达到（按最终目标年份的全年数字判断；累计类数字提前达到的也算）。",
            "not_achieved": "目标没有达到：最终目标年份的全年数字已公布而未达到，或“每年”都要达到的目标有一年没有达到。",
            CANNOT_JUDGE: "判断所需的全市全年数字没有公布或没有找到，不能说达到，也不能说没有达到；每项都写明缺哪一年的数字。"
                          "数字缺失不说明工作没有完成。",
        }
    meanings = {k: v for k, v in status_meanings().items() if k != "no_data"}
    meanings[INTERIM_ONLY] = "只有季度、半年或月度累计等阶段性数字，没有全年数字；阶段性数字只作展示，不决定状态。"
    meanings[UNDECIDED] = "已有公开数字（如基期数字、分区域数字），但还没有决定状态所需的全市全年数字。"
    meanings[NO_FIGURE] = "还没有收录到任何公开发布的数字。我们不估算、不补填。"
    return meanings


# ---- targets -----------------------------------------------------------------------------------------------------
# "=": the plan's 实现100%, met from the better side too; ">": its 突破, exactly the target is not past it
COMPARATOR_WORDS = {">=": "不低于", ">": "超过", "<=": "不高于", "=": "实现"}
DIRECTION_LABELS = {"increase": "越高越好", "decrease": "越低越好"}
# A reduction's measure is the fall itself: a quantity meant to go down is better the larger its fall.
REDUCTION_DIRECTION_LABELS = {"decrease": "降幅越大越好", "increase": "降幅越小越好"}
KIND_LABELS = {
    "level": "到期水平",
    "cumulative": "三年累计",
    "annual": "每年达到",
    "average_growth": "年均增长",
    "reduction": "累计下降",
    "share": "比例门槛",
    "milestone": "是否实现",
}
MILESTONE_DONE, MILESTONE_NOT_DONE, MILESTONE_NOT_YET = "已实现", "未实现", "尚未实现"

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
RELATED_TARGETS_LABEL = "相关的核心指标（本站归纳，方案未写明）"  # the same links, seen from the task
# A headline target's lead as the plan gives it: none. The leads of its related tasks are shown apart, under this label.
NO_LEAD_LABEL = "方案未单列"
RELATED_LEADS_LABEL = f"{RELATED_TASKS_LABEL}的牵头单位"
NOT_SEEN_LABEL = "尚未见公开数字"
FIGURE_SOURCE_LABELS = {"publisher": "发布单位", "publication": "发布渠道", "frequency": "发布频率", "usual_release": "通常发布时间"}

# ---- tables of targets and the board's filters: docs/assets/board.js takes every word it shows from the page, and the page from here ----
# The columns of every table of targets (home, board, unit and task pages): the answer right after the name.
TARGET_COLUMN_LABELS = {"indicator": "指标", "status": "状态", "figure": "最新公开数字", "target": "目标", "lead": ROLE_LABELS["lead"]}
BOARD_FILTER_LABELS = {"lead": TARGET_COLUMN_LABELS["lead"], "group": "分组", "status": TARGET_COLUMN_LABELS["status"]}
BOARD_ORDER_LABELS = {"plan": "按方案顺序", "status": "按状态", "lead": "按牵头单位", "name": "按指标名称"}
BOARD_WORDS = {
    "heading": "全部目标",
    "order": "排序",
    "all": "全部",
    "reset": "清除筛选",
    "shown": "显示 {shown} / {total} 项",
    "total": "共 {total} 项量化目标：",
    "total_filtered": "筛选出 {shown} 项量化目标（全部 {total} 项）：",
    "caption": "全部 {total} 项量化目标，{order}",
    "caption_filtered": "筛选（{filters}）：{shown} 项量化目标（全部 {total} 项），{order}",
    "filter": "{label}：{value}",
    "board_link": "查看目标一览：全部 {total} 项目标由谁牵头、最新数字和状态",
    "ended": "方案期已结束，下面是最终结果；无法判断的，指标页写明缺哪一年的数字。",
}


# ---- figures and reports ------------------------------------------------------------------------------------------
DATA_STATUS_LABELS = {"final": "正式数", "provisional": "初步数"}
SOURCE_TYPE_LABELS = {"original": "原发", "reprint": "转载"}  # observations.source_type, shown beside each source
SEARCH_RESULT_LABELS = {"found": "找到", "found_other": "找到口径或时期不符的数字", "not_found": "没有找到"}
REVISION_LABELS = {"corrected": "更正", "withdrawn": "撤回"}
REVISIONS_HEADING = "更正和撤回"
WITHDRAWN_NOTE = "已撤回，不再用于判断状态"


def corrected_words(day: str, previous: str) -> str:
    """Beside a corrected figure: its source and quote may still show the value it replaced."""
    return f"{day}更正，原为{previous}，见“{REVISIONS_HEADING}”"
REPORT_STATUS_LABELS = {
    "completed": "已完成",
    "on_track": "按计划推进",
    "with_challenges": "推进有困难",
    "not_started": "尚未启动",
}
FIELD_TYPE_LABELS = {"string": "文本", "integer": "整数", "number": "数字", "boolean": "是/否", "date": "日期"}
BOOLEAN_WORDS = {"true": "是", "false": "否"}
# The codes a reader's copy of the data (中文表头版) writes as words: a field whose allowed values are all keys of one
# of these is written with its words.
CODE_WORDS = [DATA_STATUS_LABELS, SOURCE_TYPE_LABELS, REPORT_STATUS_LABELS, ROLE_LABELS, DIRECTION_LABELS, KIND_LABELS, SECTION_LABELS,
              UNIT_KIND_LABELS, AREA_KIND_LABELS, BASIS_LABELS, COMPARATOR_WORDS, REVISION_LABELS, SEARCH_RESULT_LABELS]

# ---- how to cite the data (download page, every indicator page) ----------------------------------------------------
CITATION = "引用本数据：《{title}》{part}，数据版本 {version}（{date}），{address}"
CITATION_PART = "中的“{name}”"
CITATION_NO_ADDRESS = "网址见浏览器地址栏"  # a site built without SITE_URL does not know its public address


# ---- numbers ------------------------------------------------------------------------------------------------------
def number(value, digits: int = 2) -> str:
    """A number as people read it: at most `digits` decimals, no trailing zeros, never "-0"; None is a dash.

    Never inf, nan or float noise: a value that is not finite is a dash too (validation lets none in), and one too
    large for its decimals to matter is written from its shortest exact form (1e+300 as 1 and 300 zeros).
    """
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return "—"
    return plain_number(value) if abs(value) >= 1e15 else _trimmed(f"{value:.{digits}f}")


def plain_number(value: int | float) -> str:
    """A number as the package's CSV files write it: its shortest exact form, in plain digits (never 1e+16, which
    the validator refuses), a whole number without .0."""
    return str(value) if isinstance(value, int) else _trimmed(format(Decimal(repr(value)), "f"))


def _trimmed(text: str) -> str:
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
