"""An issue body written by one of the forms, read as data: each answer checked, then turned into the rows to write.

Anyone can open an issue, so the body is hostile until shown otherwise: it is never run, interpolated or rendered;
anything but the plain text a form field asks for is refused with a Chinese message before a file is touched.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from scripts.core.package import Package
from scripts.core.periods import parse_period
from scripts.core.revisions import WITHDRAWN, figure_key
from scripts.core.words import plain_number
from scripts.tools.intake.forms import (
    ACTION_CHOICES,
    CONFIRM,
    CORRECTION,
    KIND_FULL_YEAR,
    NEW_FIGURE,
    NO_RESPONSE,
    PACKAGE_CHOICES,
    SOURCE_TYPE_CHOICES,
    STATUS_CHOICES,
    Field,
    Form,
    chosen_id,
)
from scripts.validate.excelforms import ISO_DATE, PLAIN_NUMBER, explain_date, explain_number, explain_period
from scripts.validate.messages import CONTROL, INVISIBLE, UNDATED, show
from scripts.validate.problems import problem

MAX_BODY_CHARS = 20_000
# Text a form field never needs and a page renderer or template would read as syntax: the site would show it as
# text (every cell is escaped), but an answer holding it is no figure's source, so it is refused. Shell syntax is
# not: no answer ever reaches a shell (the workflow hands the body over in a file, git is given names made from
# the package), so `$(…)` or a backtick in a quoted sentence is only text.
FORBIDDEN = {
    "HTML 标签": re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?"),
    "Markdown 链接或图片": re.compile(r"!?\[[^\]]*\]\([^)]*\)?"),
    "模板语法": re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"),
}


class Refused(Exception):
    """The body cannot become a data change; the message (Chinese) says why and what to do."""


@dataclass(frozen=True)
class Change:
    """What the issue asks for: rows to add to tables, and cells of existing observation rows to set."""

    form: Form
    add: dict[str, list[dict]]  # resource name -> rows (column -> text)
    set_values: dict[tuple, str]  # observation key -> new value
    summary: str  # one line for the pull request's title, from the package's own names


def form_of(body: str) -> Form:
    return CORRECTION if f"### {CORRECTION.field('action').label}" in body else NEW_FIGURE


def answers(body: str, form: Form, package: Package) -> dict[str, str]:
    """field id -> the answer, checked: required ones given, plain text within the limit, choices from the list."""
    if len(body) > MAX_BODY_CHARS:
        raise Refused(f"问题正文有 {len(body)} 个字，超过了上限 {MAX_BODY_CHARS} 个字，不像是按表单填写的。请用表单重新提交。")
    by_label = {f.label: f for f in form.fields}
    found: dict[str, list[str]] = {}
    current = None
    for line in body.replace("\r\n", "\n").split("\n"):
        if line.startswith("### "):
            current = by_label.get(line[4:].strip())
            if current is not None:
                found[current.id] = []
            continue
        if current is not None:
            found[current.id].append(line)
    result = {}
    for f in form.fields:
        text = "\n".join(found.get(f.id, [])).strip()
        result[f.id] = "" if text == NO_RESPONSE else text
        check_answer(f, result[f.id], package)
    return result


def check_answer(f: Field, text: str, package: Package) -> None:
    label = f"「{f.label}」"
    if f.kind == "checkboxes":
        if not re.search(r"^- \[[xX]\] " + re.escape(CONFIRM) + r"\s*$", text, re.MULTILINE):
            raise Refused(f"{label}没有勾选：请确认“{CONFIRM}”。")
        return
    if not text:
        if f.required:
            raise Refused(f"{label}没有填。{f.description}")
        return
    if len(text) > f.limit:
        raise Refused(f"{label}有 {len(text)} 个字，超过了上限 {f.limit} 个字。请只填这一项要的内容。")
    if CONTROL.search(text) or INVISIBLE.search(text):
        raise Refused(f"{label}里有看不见的控制字符：“{show(text, 40)}”。请重新输入这一项。")
    if "\n" in text and f.kind != "textarea":
        raise Refused(f"{label}只能写一行。")
    for what, pattern in FORBIDDEN.items():
        match = pattern.search(text)
        if match:
            raise Refused(f"{label}里有{what}“{show(match.group(), 40)}”：表单只收纯文字。请删掉后重新提交。")
    if f.id in PACKAGE_CHOICES:
        chosen = chosen_id(text) in package.index(PACKAGE_CHOICES[f.id][0])
    else:
        chosen = f.kind != "dropdown" or text in f.choices
    if not chosen:
        raise Refused(f"{label}“{show(text, 40)}”不是表单里列出的选项。请在下拉列表里选择。")


def new_figure(body: str, package: Package, today: datetime.date) -> Change:
    a = answers(body, NEW_FIGURE, package)
    indicator_id, area_id = chosen_id(a["indicator"]), chosen_id(a["area"])
    period = checked_period(a["period"], today)
    full_year = period.full_year
    if full_year != (a["kind"] == KIND_FULL_YEAR):
        said = "全年数" if a["kind"] == KIND_FULL_YEAR else "阶段性数字"
        raise Refused(f"「时期」{a['period']} 和「全年数还是阶段性数字」（{said}）不一致：全年数的时期只写年份，如 2023；"
                      "阶段性数字写 2023-Q1、2023-H1 或 2023-01..10。")
    value = checked_value(a["value"], "数值", package.index("indicators")[indicator_id]["unit"])
    published = checked_date(a["published"])
    source_type = SOURCE_TYPE_CHOICES[a["source_type"]]
    if source_type == "reprint" and not a["original_publisher"]:
        raise Refused("选了“转载”，请在「原发布单位」写明转载页面注明的原发布单位，如 衢州市统计局；页面没有注明的，写“未注明”。")
    quote = " ".join(a["quote"].split())
    note = f"原文：{quote}" if quote.startswith("“") else f"原文：“{quote}”"
    if not published:
        note = f"{UNDATED}。{note}"  # an empty date is explained, so that a reader knows it was not forgotten
    row = {"indicator_id": indicator_id, "area_id": area_id, "period": period.text, "value": value,
           "status": STATUS_CHOICES[a["status"]], "source": a["source"], "source_url": a["source_url"],
           "source_type": source_type, "original_publisher": a["original_publisher"],
           "published": published, "note": note}
    name = package.index("indicators")[indicator_id]["name"]
    area = package.index("areas")[area_id]["name"]
    return Change(NEW_FIGURE, {"observations": [row]}, {}, f"{name}：{area}{period.label}")


def correction(body: str, package: Package, today: datetime.date) -> Change:
    a = answers(body, CORRECTION, package)
    key = (chosen_id(a["indicator"]), chosen_id(a["area"]), checked_period(a["period"], today).text, STATUS_CHOICES[a["status"]])
    figures = {figure_key(row): row for row in package.rows("observations")}
    figure = figures.get(key)
    name = package.index("indicators")[key[0]]["name"]
    where = f"{name}：{package.index('areas')[key[1]]['name']}{parse_period(key[2]).label}的{a['status'][:3]}"
    if figure is None:
        raise Refused(f"数据里没有这个数字（{where}）。请核对指标、区域、时期和数据状态，与网站指标页上列出的一致。")
    if any(figure_key(r) == key and r["action"] == WITHDRAWN for r in package.rows("revisions")):
        raise Refused(f"这个数字（{where}）已经撤回了。")
    action = ACTION_CHOICES[a["action"]]
    reason = " ".join(a["reason"].split()) + (f"（依据：{a['source_url']}）" if a["source_url"] else "")
    revision = {"indicator_id": key[0], "area_id": key[1], "period": key[2], "status": key[3], "date": today.isoformat(),
                "action": action, "previous_value": "", "reason": reason}
    if action == WITHDRAWN:
        if a["value"]:
            raise Refused("撤回时「正确的数值」要留空；要改成新的数值请选“更正”。")
        return Change(CORRECTION, {"revisions": [revision]}, {}, f"撤回 {where}")
    if not a["value"]:
        raise Refused("更正时要填「正确的数值」。")
    value = checked_value(a["value"], "正确的数值", package.index("indicators")[key[0]]["unit"])
    previous = plain_number(figure["value"])
    if Decimal(value) == Decimal(previous):
        raise Refused(f"「正确的数值」{value} 和现在收录的数值一样，不用更正。")
    revision["previous_value"] = previous
    return Change(CORRECTION, {"revisions": [revision]}, {key: value}, f"更正 {where}")


def checked_period(text: str, today: datetime.date):
    try:
        period = parse_period(text)
    except ValueError:
        raise refused("时期", text, explain_period(text),
                      "的写法不对：全年写 2023，季度写 2023-Q1，半年写 2023-H1，1至10月累计写 2023-01..10。") from None
    if period.end >= today:
        raise Refused(f"「时期」{text} 到 {period.end.isoformat()} 才结束，还没有过完：只收已经结束的时期的数字。")
    return period


def checked_date(text: str) -> str:
    """The publication date as typed when it is written 2023-03-01 (or left empty); 2023年3月1日 or 2023/3/1 is
    refused with the validator's explanation and the day written the plain way (no make normalize: a form is not a file)."""
    if not text or ISO_DATE.fullmatch(text):
        return text
    found = explain_date(text)
    if found is not None and found[0] == "excel-date":
        found = (found[0], {**found[1], "normalize": ""})
    raise refused("发布日期", text, found, "要写成 2024-03-01 这样（年-月-日）；来源没写日期就留空，不要估计。")


def checked_value(text: str, label: str, unit: str) -> str:
    if not PLAIN_NUMBER.fullmatch(text):
        raise refused(label, text, explain_number(text, unit, required=True, measure=True),
                      "不是数字：只填数字，如 41.5，不带单位、百分号或千分位逗号。")
    return text


def refused(label: str, text: str, found: tuple[str, dict] | None, rule: str) -> Refused:
    """An answer not written as the form asks: what the validator says of that way of writing it (全角数字, 千分位
    逗号, 2023年 ..., with the plain form to type), else the form's rule."""
    if found is None:
        return Refused(f"「{label}」“{show(text, 20)}”{rule}")
    said = problem(found[0], "", None, None, text, **found[1])
    return Refused(f"「{label}」“{show(text, 20)}”：{said.message}{said.fix}")


def change_from(body: str, package: Package, today: datetime.date) -> Change:
    form = form_of(body)
    return correction(body, package, today) if form is CORRECTION else new_figure(body, package, today)
