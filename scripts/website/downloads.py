"""The download files (package zip, each CSV, progress.csv) and the page that documents their fields."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from markupsafe import Markup

from scripts.core import files
from scripts.core.csvcells import csv_text, safe_csv_bytes
from scripts.core.package import Package
from scripts.core.safety import is_safe_name
from scripts.core.words import BOOLEAN_WORDS, CODE_WORDS, FIELD_TYPE_LABELS
from scripts.website import markup as m
from scripts.website.citation import citation
from scripts.website.pages.page import Page

FALLBACK_NAME = "datapackage"  # the zip's name when the package's own name cannot be a file name
UTF8_BOM = b"\xef\xbb\xbf"
# How the downloads protect a cell Excel could run as a formula (scripts/core/csvcells.py), told to the reader.
FORMULA_NOTE = ("以 = + - @ 开头的格（负数除外）前面加了一个英文单引号，如 '=A1，防止 Excel/WPS 把它当作公式执行；"
                "把改好的文件传回本仓库时，检查会指出这个单引号，运行 make normalize 会自动删掉它。")


def copy_downloads(package: Package, data_dir: Path) -> list[Path]:
    """Copy the descriptor and CSVs into the site's data/ folder and zip them as one package.

    Every CSV is made safe to open in Excel (csvcells); a file that needs no change is copied byte for byte.
    """
    written = [files.write_bytes(data_dir / "datapackage.json", package.descriptor_bytes)]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(_entry("datapackage.json"), package.descriptor_bytes, zipfile.ZIP_DEFLATED)
        for resource in package.descriptor["resources"]:
            data = with_bom(safe_csv_bytes(package.files[resource["path"]]))
            written.append(files.write_bytes(data_dir / Path(resource["path"]).name, data))
            bundle.writestr(_entry(resource["path"]), data, zipfile.ZIP_DEFLATED)
    zip_path = files.write_bytes(data_dir / zip_name(package), archive.getvalue())
    return [zip_path, *written, *write_chinese_downloads(package, data_dir)]


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed time, so that the same files always give the same zip."""
    entry = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    entry.external_attr = 0o644 << 16
    return entry


def with_bom(data: bytes) -> bytes:
    """A UTF-8 CSV with the byte order mark Excel and WPS need to open it as UTF-8 on a double click."""
    return data if data.startswith(UTF8_BOM) else UTF8_BOM + data


def zip_name(package: Package) -> str:
    """The zip download's file name: the package name when it is a safe one, whatever the descriptor says."""
    name = package.descriptor.get("name")
    return f"{name if is_safe_name(name) else FALLBACK_NAME}.zip"


def constraints_text(field: dict) -> str:
    c = field.get("constraints", {})
    parts = []
    if c.get("required"):
        parts.append("必填")
    if c.get("unique"):
        parts.append("不可重复")
    if "enum" in c:
        parts.append("取值：" + "、".join(map(str, c["enum"])))  # an integer column's enum holds numbers
    if "pattern" in c:
        parts.append(f"格式：{c['pattern']}")
    if "minimum" in c:
        parts.append(f"最小 {c['minimum']}")
    if "maximum" in c:
        parts.append(f"最大 {c['maximum']}")
    if "maxLength" in c:
        parts.append(f"最长 {c['maxLength']} 字")
    return "；".join(parts)


def downloads_page(package: Package, progress_fields: list[tuple[str, str, str]]) -> Page:
    page = Page("downloads.md", "数据下载", "")
    licenses = m.html_join(
        (m.source_link(lic.get("title") or lic.get("name"), lic.get("path")) for lic in package.descriptor.get("licenses", [])), "、"
    )
    files = [
        m.tag("li", m.link("整个数据包（ZIP，含 datapackage.json 和全部 CSV）", "../data/" + zip_name(package))),
        m.tag("li", m.link("datapackage.json（数据包描述：表、字段、类型、主外键）", "../data/datapackage.json")),
    ]
    for resource in package.descriptor["resources"]:
        name = Path(resource["path"]).name
        label = f"{resource.get('title', resource['name'])}（{name}）"
        files.append(Markup("<li>{}：{}</li>").format(m.link(label, "../data/" + name), m.text(resource.get("description", ""))))
    progress_link = m.link("进度计算结果（progress.csv）", "../data/progress.csv")
    files.append(Markup("<li>{}：每项指标的状态、进度比、最新全年数字和差距，由本站按“方法说明”计算。</li>").format(progress_link))
    parts = [m.block(
        Markup("<p>数据版本 {}。所有 CSV 都是带 BOM 的 UTF-8 文件：在 Excel 或 WPS 里双击即可打开，中文不会乱码。{}许可：{}。</p>").format(
            m.text(package.version), m.text(FORMULA_NOTE), licenses or "未注明"
        ),
        m.tag("ul", m.html_join(files)),
        citation(package, page.url_dir),
    ), chinese_downloads_list(package), m.block(
        m.heading(2, "字段说明", "fields"),
        Markup("<p>以下说明由数据包的 datapackage.json 自动生成。</p>"),
    )]
    for number, resource in enumerate(package.descriptor["resources"], start=1):
        rows = [
            [m.text(f["name"]), m.text(f.get("title", "")), m.text(FIELD_TYPE_LABELS.get(f.get("type", "string"), f.get("type"))), m.text(f.get("description", "")), m.text(constraints_text(f))]
            for f in resource["schema"]["fields"]
        ]
        key = resource["schema"].get("primaryKey", [])
        keys = "、".join([key] if isinstance(key, str) else key)  # Table Schema allows "id" for ["id"]
        title = f"{resource.get('title', resource['name'])}（{Path(resource['path']).name}）"
        parts.append(m.block(m.heading(3, title, f"resource-{number}"), Markup("<p>主键：{}</p>").format(m.text(keys)) if keys else ""))
        parts.append(m.table(["列名", "中文名", "类型", "说明", "约束"], rows))
    rows = [[m.text(name), m.text(title), m.text(description)] for name, title, description in progress_fields]
    parts.append(m.heading(3, "进度计算结果（progress.csv）", "progress"))
    parts.append(m.table(["列名", "中文名", "说明"], rows))
    return Page(page.path, page.title, Markup("\n\n").join(parts))


# ---- the reader's copy of each table (中文表头版): Chinese headers, names beside ids, codes as words --------------

CHINESE_DIR = "zh"  # under the site's data/: data/zh/observations.csv


def chinese_table(package: Package, resource: dict) -> list[list[str]]:
    """A resource's rows as a reader reads them: each column under its Chinese title, the name of the row an id
    points to beside the id (指标编号, 指标名称), and codes the site has words for written as those words."""
    columns = []  # (title, function of the raw row -> cell)
    for field in resource["schema"]["fields"]:
        name = field["name"]
        columns.append((field.get("title") or name, _cell_reader(name, _code_words(field))))
        target = _referenced(package, resource, name)
        if target:
            title, names = target
            columns.append((title, lambda row, name=name, names=names: names.get(row.get(name) or "", "")))
    return [[title for title, _ in columns]] + [[read(row) for _, read in columns] for row in _raw_rows(package, resource)]


def write_chinese_downloads(package: Package, data_dir: Path) -> list[Path]:
    """data/zh/<file>.csv for every resource: UTF-8 with a BOM, every cell safe to open in Excel (csvcells)."""
    return [
        files.write_bytes(data_dir / CHINESE_DIR / Path(resource["path"]).name, with_bom(csv_text(chinese_table(package, resource)).encode("utf-8")))
        for resource in package.descriptor["resources"]
    ]


def chinese_downloads_list(package: Package) -> Markup:
    """The download page's list of the reader's copies, one link per table."""
    links = [
        m.link(resource.get("title", resource["name"]), f"../data/{CHINESE_DIR}/{Path(resource['path']).name}")
        for resource in package.descriptor["resources"]
    ]
    return m.block(
        m.heading(2, "中文表头版", "chinese"),
        Markup(
            "<p>与上面的表格内容相同，便于直接阅读和引用：列名用中文，编号旁边加上它所指的名称（如“指标编号”旁加“指标名称”，"
            "“区域编号”旁加“区域名称”），类型代码写成文字（如 final 写成“正式数”）。文件以 UTF-8（带 BOM）保存，"
            "在 Excel 或 WPS 中双击即可打开。用程序处理数据时，请用上面的原始文件。</p>"
        ),
        Markup('<ul class="chinese-downloads">{}</ul>').format(m.html_join(m.tag("li", link) for link in links)),
    )


def _raw_rows(package: Package, resource: dict) -> list[dict[str, str]]:
    """The file's rows as written (no casting: 46.80 stays 46.80), blank rows left out."""
    records = list(csv.reader(io.StringIO(package.files[resource["path"]].decode("utf-8-sig"), newline="")))
    header = records[0] if records else []
    return [dict(zip(header, cells, strict=False)) for cells in records[1:] if any(cells)]


def _code_words(field: dict) -> dict[str, str]:
    """The words for a field's codes: BOOLEAN_WORDS for a yes/no field, else the one CODE_WORDS table that has a
    word for every value the field allows; none when no table (or more than one) does."""
    if field.get("type") == "boolean":
        return BOOLEAN_WORDS
    allowed = set(field.get("constraints", {}).get("enum", []))
    tables = [words for words in CODE_WORDS if allowed and allowed <= set(words)]
    return tables[0] if len(tables) == 1 else {}


def _cell_reader(name: str, words: dict[str, str]):
    return lambda row: words.get((row.get(name) or "").lower(), row.get(name) or "") if words else row.get(name) or ""


def _referenced(package: Package, resource: dict, field_name: str) -> tuple[str, dict[str, str]] | None:
    """For a field that is a foreign key by itself: the Chinese title of the referenced table's name column (name,
    or a task's title) and id -> name of its rows; None otherwise."""
    for key in resource["schema"].get("foreignKeys", []):
        if key["fields"] != [field_name] and key["fields"] != field_name:
            continue
        target = package.resource(key["reference"]["resource"])
        fields = {f["name"]: f for f in target["schema"]["fields"]}
        label = next((fields[n] for n in ("name", "title") if n in fields), None)
        reference = key["reference"]["fields"]
        id_field = reference[0] if isinstance(reference, list) else reference
        if label is None:
            return None
        names = {row.get(id_field, ""): row.get(label["name"], "") for row in _raw_rows(package, target)}
        return label.get("title") or label["name"], names
    return None
