"""The two issue forms (报送公开数字, 更正或撤回): their fields, once, and the YAML GitHub shows, generated from the
package so that the indicator and area dropdowns list exactly the package's indicators and areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.core.package import Package

FORMS_FOLDER = Path(".github") / "ISSUE_TEMPLATE"  # beside datapackage.json, at the repository's root
LABEL = "收录"  # the label a maintainer applies to turn an issue into a pull request (.github/workflows/intake.yml)
CHOICE_SEPARATOR = "｜"  # between a dropdown option's Chinese name and its id: 衢州市｜quzhou
NO_RESPONSE = "_No response_"  # what GitHub writes into the issue body for an optional field left empty
KIND_FULL_YEAR, KIND_INTERIM = "全年数", "阶段性数字（季度、半年或月份累计）"
STATUS_CHOICES = {"正式数": "final", "初步数（以后可能修订）": "provisional"}
SOURCE_TYPE_CHOICES = {"原发（网址就在发布单位或官方媒体自己的网站上）": "original",
                      "转载（别的网站转载的，请在下一格写明它注明的原发布单位）": "reprint"}
ACTION_CHOICES = {"更正（数值有误，改成新的数值）": "corrected", "撤回（这个数字不应收录，不再用于判断状态）": "withdrawn"}
CONFIRM = "这是已经公开发布的数字，我没有估算或推算。"


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str  # input, textarea, dropdown, checkboxes
    description: str
    required: bool = True
    limit: int = 300  # characters the parser accepts
    choices: tuple[str, ...] = ()  # fixed dropdown options; indicator and area options come from the package
    placeholder: str = ""


@dataclass(frozen=True)
class Form:
    file: str
    name: str
    description: str
    title: str
    intro: str
    fields: list[Field] = field(default_factory=list)

    def field(self, field_id: str) -> Field:
        return next(f for f in self.fields if f.id == field_id)


INDICATOR = Field("indicator", "指标", "dropdown", "方案里的哪一项指标（括号里是计量单位）。")
AREA = Field("area", "区域", "dropdown", "数字是哪个区域的；全市数字选“衢州市”。")
PERIOD = Field("period", "时期", "input", "全年写 2023；季度写 2023-Q1；半年写 2023-H1；1至10月累计写 2023-01..10。",
               limit=20, placeholder="2023")
STATUS = Field("status", "数据状态", "dropdown", "统计公报、年鉴里的是正式数；快报、新闻稿里的多是初步数。", choices=tuple(STATUS_CHOICES))
SOURCE_URL = Field("source_url", "来源网址", "input", "以 http:// 或 https:// 开头，从浏览器地址栏复制。", limit=500,
                   placeholder="https://")

NEW_FIGURE = Form(
    file="new-figure.yml",
    name="报送公开数字",
    description="您找到了方案指标的公开数字：按格填写，维护者核对后一键转成数据修改。",
    title="[报送公开数字] ",
    intro="谢谢！本站只收录已经公开发布、能查到出处的数字，不估算、不补填。每一格都按说明填写，维护者核对后会把它转成一条数据修改（拉取请求），检查通过后合并发布。",
    fields=[
        INDICATOR,
        AREA,
        PERIOD,
        Field("value", "数值", "input", "只填数字，单位按所选指标（如 41.5，不写 41.5%、22万元）。", limit=30, placeholder="41.5"),
        Field("kind", "全年数还是阶段性数字", "dropdown", "阶段性数字会在网站上列出，但不用于判断状态。",
              choices=(KIND_FULL_YEAR, KIND_INTERIM)),
        STATUS,
        Field("source", "来源", "input", "发布单位和文章或公报的名称，如：衢州市统计局《2023年衢州市国民经济和社会发展统计公报》。",
              limit=200),
        SOURCE_URL,
        Field("source_type", "原发还是转载", "dropdown", "读者据此判断数字的可靠程度：转载的，网站会写明原发布单位。",
              choices=tuple(SOURCE_TYPE_CHOICES)),
        Field("original_publisher", "原发布单位", "input", "转载才填：转载页面注明的原发布单位或原发媒体，如 衢州市统计局、中国网；原发的留空。",
              required=False, limit=80),
        Field("published", "发布日期", "input", "来源上写的发布日期，写成 2024-03-01；来源没写日期的请留空，不要估计。",
              required=False, limit=10, placeholder="2024-03-01"),
        Field("quote", "原文摘录", "textarea", "来源里写这个数字的那一句话，原样复制，如：“制造业投资增长41.5%”。", limit=400),
        Field("confirm", "确认", "checkboxes", "", limit=200),
    ],
)

CORRECTION = Form(
    file="correction.yml",
    name="更正或撤回",
    description="网站上已收录的某个数字有误（要更正），或不应收录（要撤回）。",
    title="[更正或撤回] ",
    intro="谢谢！请指出是哪一个数字，并写明原因和能证明的公开来源。维护者核对后会把它转成一条数据修改：更正会保留原来的数值和原因，撤回的数字不再用于判断状态，网站上都会注明。其他问题（错别字、责任单位等）请新建空白问题。",
    fields=[
        INDICATOR,
        AREA,
        PERIOD,
        STATUS,
        Field("action", "更正还是撤回", "dropdown", "", choices=tuple(ACTION_CHOICES)),
        Field("value", "正确的数值", "input", "更正才填：只填数字，单位按所选指标；撤回的留空。", required=False, limit=30),
        Field("reason", "原因", "textarea", "为什么更正或撤回，如：统计局发布了修订数；原报道已删除。", limit=300),
        Field("source_url", "依据的网址", "input", "能证明更正或撤回的公开网址，以 http:// 或 https:// 开头。", required=False, limit=500,
              placeholder="https://"),
        Field("confirm", "确认", "checkboxes", "", limit=200),
    ],
)

FORMS = (NEW_FIGURE, CORRECTION)


def choice(name: str, ident: str) -> str:
    return f"{name}{CHOICE_SEPARATOR}{ident}"


def chosen_id(text: str) -> str:
    """The id of a dropdown option (衢州市｜quzhou -> quzhou); "" when the text is not an option's. Ids never change,
    so an answer picked from a form written before a name, unit or order changed still names the same thing."""
    return text.rsplit(CHOICE_SEPARATOR, 1)[1].strip() if CHOICE_SEPARATOR in text else ""


def _indicator_option(row: dict) -> str:
    return choice(f"{row['name']}（{row['unit']}）", row["id"])


def _area_option(row: dict) -> str:
    return choice(row["name"], row["id"])


# Dropdowns whose options are the rows of a table of the package, in the table's order: field id -> (table, the
# option a row gives). The other dropdowns list their fixed choices.
PACKAGE_CHOICES = {"indicator": ("indicators", _indicator_option), "area": ("areas", _area_option)}
CHOICE_TABLES = frozenset(table for table, _ in PACKAGE_CHOICES.values())  # a change to these can make a form stale


def options(form_field: Field, package: Package) -> list[str]:
    if form_field.id not in PACKAGE_CHOICES:
        return list(form_field.choices)
    table, option = PACKAGE_CHOICES[form_field.id]
    return [option(row) for row in sorted(package.rows(table), key=lambda row: row["order"])]


def form_yaml(form: Form, package: Package) -> str:
    """The issue form as GitHub reads it (.github/ISSUE_TEMPLATE/<file>)."""
    body: list[dict] = [{"type": "markdown", "attributes": {"value": form.intro}}]
    for f in form.fields:
        attributes: dict = {"label": f.label}
        if f.description:
            attributes["description"] = f.description
        if f.kind == "dropdown":
            attributes["options"] = options(f, package)
        elif f.kind == "checkboxes":
            attributes["options"] = [{"label": CONFIRM, "required": True}]
        elif f.placeholder:
            attributes["placeholder"] = f.placeholder
        item: dict = {"type": f.kind, "id": f.id, "attributes": attributes}
        if f.kind != "checkboxes":
            item["validations"] = {"required": f.required}
        body.append(item)
    data = {"name": form.name, "description": form.description, "title": form.title, "labels": ["数据"], "body": body}
    header = ("# Generated from the data package by `python -m scripts intake --write-forms` (make forms): the indicator\n"
              "# and area dropdowns list the package's own. Edit scripts/tools/intake/forms.py, not this file.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def forms_dir(descriptor: Path) -> Path:
    """Where the forms of the repository that holds this package live (whether or not it has them)."""
    return descriptor.parent / FORMS_FOLDER


def form_texts(package: Package, folder: Path) -> dict[Path, str]:
    """Each form's file and the text it should hold for this package."""
    return {folder / form.file: form_yaml(form, package) for form in FORMS}


def stale_texts(package: Package, folder: Path) -> dict[Path, str]:
    """The forms in folder whose text is not what the package makes of them (their dropdowns list other indicators
    or areas, or another order, or forms.py changed since), with the text they should have; {} when all are current.
    The one rule: make check reports these, make bump rewrites these."""
    return {path: text for path, text in form_texts(package, folder).items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text}


def stale_forms(package: Package, folder: Path) -> list[str]:
    """The file names of the stale forms (stale_texts), [] when all are current."""
    return [path.name for path in stale_texts(package, folder)]


def write_forms(package: Package, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path, text in form_texts(package, folder).items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
