"""CSV files exactly as staff saved them: the encoding decided without guessing, records numbered as Excel rows."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.validate.limits import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, size_text
from scripts.validate.messages import INVISIBLE

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class EncodingProblem(Exception):
    """The bytes are not UTF-8; `kind` is gbk, utf16, stray (UTF-8 with a few foreign bytes) or unknown; `line` is
    where the first bad byte is (the Excel row where known); `count` how many foreign bytes (stray)."""

    def __init__(self, kind: str, line: int = 1, count: int = 0):
        super().__init__(kind)
        self.kind = kind
        self.line = line
        self.count = count


_LOST = re.compile("\ufffd+")
_CJK = re.compile("[\u3400-\u9fff]")


def foreign_bytes_in_utf8(data: bytes) -> int:
    """How many places hold bytes that are not UTF-8 when the rest of data is UTF-8 Chinese text; 0 when data does
    not read as mostly UTF-8 (a GBK file read as UTF-8 gives almost nothing but broken characters)."""
    text = data.decode("utf-8", errors="replace")
    lost = len(_LOST.findall(text))
    return lost if lost and lost * 3 <= len(_CJK.findall(text)) else 0


class FileRefused(Exception):
    """A file that is not read at all: `code` names its message, `context` fills it in, `line` is where known."""

    def __init__(self, code: str, line: int | None = None, **context):
        super().__init__(code)
        self.code = code
        self.line = line
        self.context = context


def decode(data: bytes, accept_gbk: bool = False) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 (with or without BOM) always; GB18030 only when asked for, never guessed."""
    if data.startswith(UTF16_BOMS):
        if accept_gbk:
            return data.decode("utf-16"), "utf-16"
        raise EncodingProblem("utf16")
    body = data[len(UTF8_BOM):] if data.startswith(UTF8_BOM) else data
    try:
        return body.decode("utf-8"), ("utf-8-sig" if body is not data else "utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        stray = foreign_bytes_in_utf8(body)
        if stray:  # read as GBK, the UTF-8 text around the stray byte would become mojibake without an error
            raise EncodingProblem("stray", excel_row(body[: error.start]), stray) from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise EncodingProblem("unknown", line) from None
        if accept_gbk:
            return text, "gb18030"
        raise EncodingProblem("gbk", line) from None


def excel_row(before: bytes) -> int:
    """The Excel row on which the byte after `before` (the UTF-8 text so far) lies: records, not lines, are counted."""
    text = before.decode("utf-8", errors="replace")
    start = text.rfind("\n") + 1  # the part of the row begun before the byte is left out
    try:
        return len(records(text[:start])) + 1
    except csv.Error:
        return text.count("\n") + 1


def records(text: str) -> list[list[str]]:
    """Parse CSV text; record i (from 0) is Excel row i + 1, whatever line breaks its cells hold."""
    return list(csv.reader(io.StringIO(text, newline="")))


@dataclass
class RawTable:
    """One resource's file as text cells: the header and the data rows with their Excel row numbers."""

    resource: str
    file: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    has_invisible: bool = True  # whether any cell may hold a zero-width or other invisible character
    _by_row: dict = field(default_factory=dict, repr=False)

    def cell(self, row: int, column: str) -> str | None:
        if not self._by_row:
            self._by_row = dict(self.rows)
        cells = self._by_row.get(row)
        if cells is None or column not in self.header:
            return None
        index = self.header.index(column)
        return cells[index] if index < len(cells) else None

    def dicts(self) -> list[dict]:
        """Non-blank rows as {column: text, '_row': Excel row}."""
        return [
            {**dict(zip(self.header, cells)), "_row": number}
            for number, cells in self.rows
            if any(cell.strip() for cell in cells)
        ]


def read_table(resource: str, file: str, path: Path) -> RawTable:
    """Read a CSV file; raises FileNotFoundError, EncodingProblem or FileRefused (too big, not CSV)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileRefused("file-too-large", size=size_text(size), limit=size_text(MAX_FILE_BYTES))
    text, _ = decode(path.read_bytes())
    if max(text.count("\n"), text.count("\r")) > MAX_ROWS:
        check_row_count(text)
    try:
        parsed = records(text)
    except csv.Error:
        raise FileRefused("csv-unreadable", line=_bad_line(text)) from None
    wide = next((number for number, cells in enumerate(parsed, start=1) if len(cells) > MAX_COLUMNS), None)
    if wide is not None:  # every extra cell would be one more problem, in every layer
        raise FileRefused("too-many-columns", line=wide, limit=MAX_COLUMNS)
    header = parsed[0] if parsed else []
    data_rows = [(number, cells) for number, cells in enumerate(parsed[1:], start=2)]
    return RawTable(resource, file, header, data_rows, has_invisible=bool(INVISIBLE.search(text)))


def check_row_count(text: str) -> None:
    """Raise FileRefused when the text holds more than MAX_ROWS data rows; stops counting at the limit."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for count, _ in enumerate(reader):
            if count > MAX_ROWS:
                raise FileRefused("too-many-rows", limit=MAX_ROWS)
    except csv.Error:
        raise FileRefused("csv-unreadable", line=reader.line_num) from None


def _bad_line(text: str) -> int:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for _ in reader:
            pass
    except csv.Error:
        return reader.line_num
    return 1
