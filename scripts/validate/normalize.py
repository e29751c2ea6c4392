"""Convert a CSV saved by Excel/WPS to UTF-8 and fix unambiguous cell slips, saying row by row what changed."""

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

from scripts.validate.excelforms import ISO_DATE, PLAIN_NUMBER
from scripts.validate.messages import INVISIBLE, invisible_name, show
from scripts.core.periods import PATTERN as PERIOD
from scripts.validate.lineencoding import Decoded, decode_lines
from scripts.validate.rawcsv import EncodingProblem, records

ENCODING_NAMES = {"mixed": "GBK/GB18030 和 UTF-8 混合", "gb18030": "GBK/GB18030", "utf-16": "UTF-16", "utf-8-sig": "带 BOM 的 UTF-8", "utf-8": "UTF-8"}
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")

HELP = """把 Excel/WPS 保存的 CSV 转成数据包要求的 UTF-8，并改正不会有歧义的小问题：
  - 编码：GBK/GB18030（Excel 普通“CSV(逗号分隔)”）、UTF-16、带 BOM 的 UTF-8 一律转成不带 BOM 的 UTF-8；
  - 换行：统一为 LF；
  - 每一格：删掉前后的空格（含全角空格）和看不见的字符（如零宽空格 U+200B、U+FEFF）；
    整格是全角数字的（如 １２０、２０２３－Ｑ１）改成半角。
其他问题（单位、千分位、占位符、日期写法等）要人来判断，请运行 make validate 查看。

默认不改原文件：结果写到原文件旁边的 <文件名>.utf8.csv（如 data/areas.csv -> data/areas.utf8.csv）。
加 --in-place 才直接改写原文件；--output - 把结果写到标准输出（说明改到标准错误输出）。"""


@dataclass(frozen=True)
class Change:
    row: int
    column: str
    before: str
    after: str
    what: str


def normalize_text(text: str) -> tuple[str, list[Change]]:
    """The CSV text rewritten (UTF-8 ready, LF line ends) and every cell change, numbered as Excel rows."""
    parsed = records(text)
    header = [clean_cell(c)[0] for c in parsed[0]] if parsed else []
    changes = []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for number, cells in enumerate(parsed, start=1):
        fixed = []
        for index, cell in enumerate(cells):
            after, what = clean_cell(cell)
            if after != cell:
                column = header[index] if index < len(header) and number > 1 else f"第{index + 1}列"
                changes.append(Change(number, column, cell, after, what))
            fixed.append(after)
        writer.writerow(fixed)
    return out.getvalue(), changes


def clean_cell(cell: str) -> tuple[str, str]:
    """(fixed cell, what was done in Chinese); the cell itself and "" when nothing needed doing."""
    done = []
    invisible = INVISIBLE.findall(cell)
    if invisible:
        cell = INVISIBLE.sub("", cell)
        done.append("删掉了看不见的字符（" + "、".join(dict.fromkeys(invisible_name(c) for c in invisible)) + "）")
    if cell != cell.strip():
        cell = cell.strip()
        done.append("删掉了前后的空格")
    if _FULL_WIDTH.search(cell):
        folded = unicodedata.normalize("NFKC", cell)
        if PLAIN_NUMBER.fullmatch(folded) or PERIOD.fullmatch(folded) or ISO_DATE.fullmatch(folded):
            cell = folded
            done.append("全角改成了半角")
    return cell, "，".join(done)


def titles_for(path: Path) -> dict[str, str]:
    """Column titles from the data package that lists this file, if one is found above it."""
    for directory in path.resolve().parents:
        descriptor = directory / "datapackage.json"
        if descriptor.exists():
            try:
                data = json.loads(descriptor.read_text(encoding="utf-8"))
            except ValueError:
                return {}
            try:
                for resource in data.get("resources", []):
                    if (directory / resource.get("path", "")).resolve() == path.resolve():
                        return {f["name"]: f.get("title", f["name"]) for f in resource["schema"]["fields"]}
            except (AttributeError, KeyError, TypeError):  # a broken descriptor: validation names it; titles are optional
                pass
            return {}
    return {}


def describe(file: str, encoding: str, crlf: bool, changes: list[Change], titles: dict[str, str], first_row: str) -> list[str]:
    lines = []
    if encoding in ("gb18030", "utf-16"):
        lines.append(f"{file}：按 {ENCODING_NAMES[encoding]} 编码读取，已转成 UTF-8。请核对第一行数据没有乱码：{show(first_row)}")
    elif encoding == "utf-8-sig":
        lines.append(f"{file}：删掉了文件开头的 BOM（文件本来就是 UTF-8）。")
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
            f"{len(decoded.gbk_lines)} 行是 GBK/GB18030。已按每一行自己的编码转成 UTF-8，没有整份按一种编码读（那样会出现乱码）。"]
    said += [f"{file} 第{n}行按 UTF-8 读取，请核对没有乱码：{show(lines[n - 1])}" for n in decoded.utf8_lines]
    return said


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.validate.normalize", description=HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="要转换的 CSV 文件")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", metavar="OUT", help="结果写到这里（- 表示标准输出）；默认 <文件名>.utf8.csv")
    where.add_argument("--in-place", action="store_true", help="直接改写原文件")
    args = parser.parse_args(argv)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError:
        print(f"{args.file}：找不到或读不了这个文件。", file=sys.stderr)
        return 1
    try:
        decoded = decode_lines(data)
    except EncodingProblem as error:
        print(f"{args.file}：第{error.line}行起的字节既不是 UTF-8 也不是 GBK/GB18030，无法可靠转换。"
              "请在 Excel/WPS 里另存为“CSV UTF-8(逗号分隔)(*.csv)”。", file=sys.stderr)
        return 1
    text = decoded.text
    result, changes = normalize_text(text)
    parsed = records(text)
    first_row = ",".join(parsed[1]) if len(parsed) > 1 else (",".join(parsed[0]) if parsed else "")
    lines = describe(args.file, decoded.encoding, "\r\n" in text, changes, titles_for(path), first_row)
    lines[:0] = describe_mixed(args.file, decoded)
    report = sys.stderr if args.output == "-" else sys.stdout
    if args.output == "-":
        sys.stdout.write(result)
    else:
        target = path if args.in_place else Path(args.output or path.with_name(path.stem + ".utf8.csv"))
        unchanged = result.encode("utf-8") == data
        if not (args.in_place and unchanged):
            try:
                target.write_bytes(result.encode("utf-8"))
            except OSError:
                print(f"{target}：写不进这个文件（可能正被 Excel 打开，或者没有权限）。请关掉它后重试。", file=sys.stderr)
                return 1
        converted = f"{len(decoded.gbk_lines)} 行从 GBK/GB18030 转成了 UTF-8，另" if decoded.encoding == "mixed" else ""
        lines.append(f"没有需要修改的地方，{args.file} 未改动。" if args.in_place and unchanged else
                     f"已写入 {target}（{converted}改动 {len(changes)} 格）。" + ("" if args.in_place else "核对无误后用它替换原文件，或者加 --in-place（make normalize 加 IN_PLACE=1）直接改原文件。"))
    print("\n".join(lines), file=report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
