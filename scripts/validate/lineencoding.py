"""Decode a CSV file line by line, for GBK files with lines in UTF-8 appended (what the GitHub web editor does)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from scripts.validate.rawcsv import UTF8_BOM, UTF16_BOMS, EncodingProblem, decode, foreign_bytes_in_utf8, records

_CJK = re.compile("[\u3400-\u9fff]")


@dataclass
class Decoded:
    """The text, its encoding (gb18030, utf-16, utf-8-sig, utf-8 or mixed) and, when mixed, which lines were which."""

    text: str
    encoding: str
    utf8_lines: list[int] = field(default_factory=list)  # lines (from 1) with non-ASCII text in UTF-8
    gbk_lines: list[int] = field(default_factory=list)  # lines that are not UTF-8, read as GBK/GB18030


def decode_lines(data: bytes) -> Decoded:
    """Decode each line on its own: a file whose every line is one encoding is that encoding; otherwise `mixed`.

    Decoding the whole file as GB18030 would turn UTF-8 lines into mojibake without any error (GB18030 reads
    almost any bytes), so a file that is not UTF-8 as a whole is decoded line by line. A line is taken as GBK only
    when that is unambiguous: it reads as Chinese text in GBK, it is not UTF-8 Chinese with a stray byte, and
    either it holds two or more Chinese characters or other lines are GBK too. Otherwise EncodingProblem names the
    line's Excel row: `stray` for UTF-8 with foreign bytes, `unknown` for bytes that are neither.
    """
    if data.startswith(UTF16_BOMS):
        return Decoded(*decode(data, accept_gbk=True))
    try:
        return Decoded(*decode(data))
    except EncodingProblem:
        pass
    body = data.removeprefix(UTF8_BOM)
    decoded = Decoded("", "gb18030")
    texts: list[str] = []
    weak: list[int] = []  # lines read as GBK on one Chinese character or none (their rows are found only if needed)
    for number, line in enumerate(body.split(b"\n"), start=1):  # 0x0A is never part of a GBK character
        text = _as_utf8(line)
        if text is not None:
            if not line.isascii():
                decoded.utf8_lines.append(number)
        else:
            stray = foreign_bytes_in_utf8(line)
            if stray:
                raise EncodingProblem("stray", _row_after(texts), stray)
            try:
                text = line.decode("gb18030")
            except UnicodeDecodeError:
                raise EncodingProblem("unknown", _row_after(texts)) from None
            if not _plausible(text) or len(_CJK.findall(text)) < 2:
                weak.append(number)
            decoded.gbk_lines.append(number)
        texts.append(text)
    if weak and len(weak) == len(decoded.gbk_lines) and decoded.utf8_lines:
        raise EncodingProblem("stray", _row_after(texts[: weak[0] - 1]), 1)  # a UTF-8 file with a line of a few foreign bytes
    decoded.text = "\n".join(texts)
    if decoded.utf8_lines:
        decoded.encoding = "mixed"
    return decoded


def _row_after(texts: list[str]) -> int:
    """The Excel row of the line after these decoded lines (a cell with line breaks spans several lines)."""
    try:
        return len(records("\n".join(texts) + "\n")) + 1 if texts else 1
    except csv.Error:
        return len(texts) + 1


def _as_utf8(line: bytes) -> str | None:
    """The line as UTF-8 when it is UTF-8 and reads as Chinese text; None when GBK reads better.

    A few GBK byte runs happen to be valid UTF-8 too (联通 is the famous one), and then decode to rare letters
    of other scripts: such a line is taken as GBK when GBK gives ordinary Chinese text.
    """
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _plausible(text):
        return text
    try:
        return None if _plausible(line.decode("gb18030")) else text
    except UnicodeDecodeError:
        return text


def _plausible(text: str) -> bool:
    """Only ASCII, Chinese characters and the punctuation Chinese text uses."""
    return all(c.isascii() or any(low <= c <= high for low, high in _CHINESE) for c in text)


_CHINESE = [("\u00b7", "\u00b7"), ("\u00d7", "\u00d7"), ("\u2010", "\u206f"), ("\u2160", "\u216f"),
            ("\u2460", "\u24ff"), ("\u3000", "\u303f"), ("\u3400", "\u9fff"), ("\uff00", "\uffef")]
