"""CSV cells made safe to open in Excel: the one place every CSV written for readers passes through.

OWASP's CSV injection rule: a cell that starts with = + - @, a tab or a carriage return may be run as a formula
by Excel or WPS, so it gets a leading single quote. Their full-width and small forms (＝ ﹦ ＋ ﹢ － ﹣ ＠ ﹫), which
an input method types for them, are treated the same. Plain numbers such as -5 or -3.5 are left as they are.
"""

from __future__ import annotations

import csv
import io
import re

FORMULA_START = "=+-@\t\r\uff1d\ufe66\uff0b\ufe62\uff0d\ufe63\uff20\ufe6b"
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?", re.ASCII)


def safe_cell(value: str) -> str:
    """The cell as Excel should see it: a leading ' when it could start a formula, unless it is a plain number."""
    if value and value[0] in FORMULA_START and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(rows) -> str:
    """Rows of cells (None is empty) as CSV text with LF line ends, every cell made safe."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([safe_cell("" if cell is None else str(cell)) for cell in row])
    return out.getvalue()


def safe_csv_bytes(data: bytes) -> bytes:
    """A UTF-8 CSV file's bytes with every cell made safe; the bytes unchanged when no cell needed it."""
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom):].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if all(safe_cell(cell) == cell for row in rows for cell in row):
        return data
    return bom + csv_text(rows).encode("utf-8")
