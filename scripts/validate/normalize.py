"""Bring a CSV saved by Excel/WPS back to the package's form and fix unambiguous slips, saying row by row what changed."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from scripts.core.periods import PATTERN as PERIOD
from scripts.core.csvcells import FORMULA_START
from scripts.validate.excelforms import ISO_DATE, PLAIN_NUMBER, boolean_values, excel_flag, iso_date
from scripts.validate.lineencoding import Decoded, decode_lines
from scripts.validate.messages import INVISIBLE, invisible_name, show
from scripts.validate.mojibake import CODEC_NAMES, unmangle
from scripts.validate.rawcsv import UTF8_BOM, EncodingProblem, records
from scripts.validate.rowshape import split_full_width, trailing_empty_labels

ENCODING_NAMES = {"mixed": "GBK/GB18030 和 UTF-8 混合", "gb18030": "GBK/GB18030", "utf-16": "UTF-16", "utf-8-sig": "带 BOM 的 UTF-8", "utf-8": "UTF-8"}
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
WHOLE_ROW = "整行"

HELP = """把 Excel/WPS 保存的 CSV 改回数据包的写法，并改正不会有歧义的问题：
  - 编码：GBK/GB18030（Excel 普通“CSV(逗号分隔)”）、UTF-16、不带 BOM 的 UTF-8 一律写成带 BOM 的 UTF-8
    （本仓库的 CSV 都带 BOM：在 Excel/WPS 里双击打开，中文不会乱码）；
  - 换行：统一为 LF；
  - 表头和各行末尾多出的空列（每行末尾的“,,”）、用中文逗号“，”分隔各格的行；
  - 日期列里只表示某一天的日期：Excel 改写的 2023/7/25、2023/7/25 0:00，以及 2023年7月25日、2023.7.25，
    都改回 2023-07-25（每一行，包括没有动过的行）；Excel 的日期序号（如 45132）和不完整的日期要人来核对，不改；
  - 每一格：删掉前后的空格（含全角空格）和看不见的字符（如零宽空格 U+200B）；整格是全角数字的（如 １２０、
    ２０２３－Ｑ１）改成半角；删掉本站下载文件为防公式而加在开头的单引号（'=…）。
其他问题（单位、千分位、占位符、乱码等）要人来判断，请运行 make validate 查看。
有一行的编码不能确定时（例如 UTF-8 文件里夹着一个西文字节），什么都不写，并指出是第几行。

默认只预览：列出会改什么，不写任何文件。加 --in-place（make normalize 加 IN_PLACE=1）才改写原文件；
--output 文件名 写到另一个文件，--output - 写到标准输出（说明改到标准错误输出）。"""


@dataclass(frozen=True)
class Change:
    row: int
    column: str
    before: str
    after: str
    what: str


@dataclass(frozen=True)
class Field:
    title: str
    kind: str  # the schema's type: string, number, date...
    flags: tuple[str, ...] = ()  # a boolean column's values as the schema writes them (trueValues, falseValues)


def normalize_text(text: str, fields: dict[str, Field] | None = None) -> tuple[str, list[Change]]:
    """The CSV text rewritten (LF line ends) and every change, numbered as Excel rows."""
    fields = fields or {}
    parsed = records(text)
    changes: list[Change] = []
    header = [clean_cell(c)[0] for c in parsed[0]] if parsed else []
    trailing = trailing_empty_labels(header)
    if trailing:
        changes.append(Change(1, WHOLE_ROW, ",".join(header), ",".join(header[:-trailing]), f"删掉了表头后面的 {trailing} 个空列"))
        header = header[:-trailing]
    width = len(header)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if parsed:
        writer.writerow(header)
    for number, cells in enumerate(parsed[1:], start=2):
        cells = _row_shape(number, cells, width, changes)
        fixed = []
        for index, cell in enumerate(cells):
            column = header[index] if index < width else f"第{index + 1}列"
            after, what = clean_cell(cell, fields.get(column), column)
            if after != cell:
                changes.append(Change(number, column, cell, after, what))
            fixed.append(after)
        writer.writerow(fixed)
    for index, (label, raw) in enumerate(zip(header, parsed[0] if parsed else [])):
        if label != raw:
            changes.insert(0, Change(1, f"第{index + 1}列", raw, label, clean_cell(raw)[1]))
    return out.getvalue(), changes


def _row_shape(number: int, cells: list[str], width: int, changes: list[Change]) -> list[str]:
    """The row with empty cells beyond the header dropped, or split at full-width commas when it was typed so."""
    if len(cells) > width and not any(c.strip() for c in cells[width:]):
        changes.append(Change(number, WHOLE_ROW, ",".join(cells), ",".join(cells[:width]),
                              f"删掉了行末多余的 {len(cells) - width} 个逗号"))
        return cells[:width]
    split = split_full_width(cells, width)
    if split is not None:
        changes.append(Change(number, WHOLE_ROW, ",".join(cells), ",".join(split), "把分隔各格的中文逗号“，”改成了英文逗号“,”"))
        return split
    return cells


def clean_cell(cell: str, field: Field | None = None, column: str = "") -> tuple[str, str]:
    """(fixed cell, what was done in Chinese); the cell itself and "" when nothing needed doing."""
    done = []
    invisible = INVISIBLE.findall(cell)
    if invisible:
        cell = INVISIBLE.sub("", cell)
        done.append("删掉了看不见的字符（" + "、".join(dict.fromkeys(invisible_name(c) for c in invisible)) + "）")
    if cell != cell.strip():
        cell = cell.strip()
        done.append("删掉了前后的空格")
    if cell[:1] == "'" and cell[1:2] and cell[1:2] in FORMULA_START:
        cell = cell[1:]
        done.append("删掉了下载文件为防公式而加的单引号")
    if _FULL_WIDTH.search(cell):
        folded = unicodedata.normalize("NFKC", cell)
        if PLAIN_NUMBER.fullmatch(folded) or PERIOD.fullmatch(folded) or ISO_DATE.fullmatch(folded):
            cell = folded
            done.append("全角改成了半角")
    flag = excel_flag(cell, field.flags) if field is not None else None
    if flag:
        done.append(f"Excel/WPS 改写的 {cell} 改回了 {flag}")
        cell = flag
    if field is None or field.kind == "date":
        iso = iso_date(cell)
        if iso:
            done.append("Excel 的日期写法改成了年-月-日" if "/" in cell else "日期的写法改成了年-月-日")
            cell = iso
    return cell, "，".join(done)


def fields_for(path: Path) -> dict[str, Field]:
    """Column titles and types from the data package that lists this file, if one is found above it."""
    for directory in path.resolve().parents:
        descriptor = directory / "datapackage.json"
        if descriptor.exists():
            try:
                data = json.loads(descriptor.read_text(encoding="utf-8-sig"))
            except ValueError:
                return {}
            try:
                for resource in data.get("resources", []):
                    if (directory / resource.get("path", "")).resolve() == path.resolve():
                        return {f["name"]: Field(f.get("title", f["name"]), f.get("type", "string"), boolean_values(f))
                                for f in resource["schema"]["fields"]}
            except (AttributeError, KeyError, TypeError):  # a broken descriptor: validation names it; titles are optional
                pass
            return {}
    return {}


def preview_row(parsed: list[list[str]]) -> tuple[int, str] | None:
    """The first data row with Chinese (non-ASCII) text, from a little before that text: what mojibake would show."""
    for number, cells in enumerate(parsed[1:], start=2):
        line = ",".join(cells)
        first = next((i for i, c in enumerate(line) if not c.isascii()), None)
        if first is not None:
            start = max(0, first - 20)
            return number, show(("…" if start else "") + line[start:], 80)
    return None


def describe(file: str, encoding: str, crlf: bool, changes: list[Change], titles: dict[str, str],
             preview: tuple[int, str] | None) -> list[str]:
    lines = []
    if encoding in ("gb18030", "utf-16"):
        shown = f"第{preview[0]}行：{preview[1]}" if preview else "（没有中文）"
        lines.append(f"{file}：按 {ENCODING_NAMES[encoding]} 编码读取，转成带 BOM 的 UTF-8。请核对中文没有乱码，{shown}")
    elif encoding == "utf-8":
        lines.append(f"{file}：加上了 BOM（带 BOM 的 UTF-8 在 Excel/WPS 里双击打开不会乱码）。")
    if crlf:
        lines.append(f"{file}：换行符从 CRLF 改成了 LF。")
    for c in changes:
        label = f"「{titles[c.column]}」({c.column})" if c.column in titles else c.column
        lines.append(f"{file} 第{c.row}行 {label}：{c.what}：“{show(c.before)}” → “{show(c.after)}”")
    return lines


def describe_mixed(file: str, decoded: Decoded) -> list[str]:
    """For a file of GBK and UTF-8 lines: which lines were which, and each UTF-8 line as read, to check."""
    if decoded.encoding != "mixed":
        return []
    lines = decoded.text.split("\n")
    numbers = "、".join(str(n) for n in decoded.utf8_lines)
    said = [f"{file}：编码不一致：第{numbers}行是 UTF-8（GitHub 网页上编辑时会这样），其余含中文的 "
            f"{len(decoded.gbk_lines)} 行是 GBK/GB18030。已按每一行自己的编码转换，没有整份按一种编码读（那样会出现乱码）。"]
    said += [f"{file} 第{n}行按 UTF-8 读取，请核对没有乱码：{show(lines[n - 1], 80)}" for n in decoded.utf8_lines]
    return said


def mojibake_notes(file: str, parsed: list[list[str]], header: list[str]) -> list[str]:
    """Cells that are already mojibake: not fixed here (the original is lost), named so that the file is replaced."""
    notes = []
    for number, cells in enumerate(parsed[1:], start=2):
        for index, cell in enumerate(cells):
            undone = unmangle(cell)
            if undone:
                column = header[index] if index < len(header) else f"第{index + 1}列"
                notes.append(f"{file} 第{number}行 {column}：这一格是乱码（曾按 {CODEC_NAMES[undone[1]]} 打开又保存），原文多半是"
                             f"“{show(undone[0], 40)}”；normalize 不能修复，请从仓库重新下载这个文件后再改。")
    return notes


def undecodable(file: str, error: EncodingProblem) -> str:
    if error.kind == "stray":
        return (f"{file}：第{error.line}行夹着 {error.count or 1} 处不是 UTF-8 的字节（多半是从别的软件复制来的西文字符，如 é），"
                f"这一行按哪种编码读都不能确定，没有改动任何文件。请打开第{error.line}行，把显示为乱码或问号的字符删掉重新输入，再按 UTF-8 保存。")
    return (f"{file}：第{error.line}行起的字节既不是 UTF-8 也不是 GBK/GB18030，无法可靠转换，没有改动任何文件。"
            "请在 Excel/WPS 里另存为“CSV UTF-8(逗号分隔)(*.csv)”。")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts normalize", description=HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="要转换的 CSV 文件")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", metavar="OUT", help="结果写到这里（- 表示标准输出）；默认只预览，不写文件")
    where.add_argument("--in-place", action="store_true", help="直接改写原文件")
    args = parser.parse_args(argv)
    if not args.file:
        parser.error("请给出要转换的 CSV 文件，如 make normalize FILE=data/observations.csv")
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError:
        print(f"{args.file}：找不到或读不了这个文件。", file=sys.stderr)
        return 1
    try:
        decoded = decode_lines(data)
    except EncodingProblem as error:
        print(undecodable(args.file, error), file=sys.stderr)
        return 1
    fields = fields_for(path)
    text = decoded.text
    result, changes = normalize_text(text, fields)
    parsed = records(text)
    written = UTF8_BOM + result.encode("utf-8")
    lines = describe_mixed(args.file, decoded)
    lines += describe(args.file, decoded.encoding, "\r\n" in text, changes, {n: f.title for n, f in fields.items()}, preview_row(parsed))
    lines += mojibake_notes(args.file, parsed, parsed[0] if parsed else [])
    report = sys.stderr if args.output == "-" else sys.stdout
    if args.output == "-":
        sys.stdout.write(result)
    elif written == data:
        lines.append(f"没有需要修改的地方，{args.file} 未改动。")
    elif args.in_place or args.output:
        target = path if args.in_place else Path(args.output)
        try:
            target.write_bytes(written)
        except OSError:
            print(f"{target}：写不进这个文件（可能正被 Excel 打开，或者没有权限）。请关掉它后重试。", file=sys.stderr)
            return 1
        converted = f"{len(decoded.gbk_lines)} 行从 GBK/GB18030 转成了 UTF-8，另" if decoded.encoding == "mixed" else ""
        lines.append(f"已写入 {target}（{converted}改动 {len(changes)} 处）。")
    else:
        lines.append(f"以上是预览，没有改动任何文件。核对无误后加 --in-place（make normalize FILE={args.file} IN_PLACE=1）改写原文件。")
    print("\n".join(lines), file=report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
