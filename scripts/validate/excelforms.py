"""How Excel users write numbers, dates and periods, and the form the package wants instead."""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal

from scripts.core.periods import PATTERN as PERIOD

PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?", re.ASCII)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
PLACEHOLDERS = {
    "nan", "na", "n/a", "#n/a", "null", "none", "nil", "inf", "-inf", "+inf", "infinity", "-infinity",
    "-", "--", "—", "——", "–", "/", "\\", "?", "？", "x", "*", "…", "...",
    "空", "无", "暂无", "未知", "不详", "待定", "待补", "未公布", "暂未公布", "缺", "缺失",
}
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?", re.ASCII)
_SCIENTIFIC = re.compile(r"-?\d+(\.\d+)?[eE][-+]?\d+", re.ASCII)
_WITH_SUFFIX = re.compile(rf"({NUMBER})\s*([^\d\s+\-][^\d]*)", re.ASCII)
_WITH_PREFIX = re.compile(rf"([^\d\s]+?)\s*({NUMBER})", re.ASCII)
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
# Python's float/int and Frictionless read all of these as numbers; a person never means them.
_NAN_OR_INFINITY = re.compile(r"[-+]?(?:[sq]?nan\w*|inf(?:inity)?)", re.IGNORECASE)
_UNDERSCORES = re.compile(r"-?\d+(?:_\d+)+(?:\.\d+(?:_\d+)*)?", re.ASCII)
_BARE_POINT = re.compile(r"(-?)(\d*)\.(\d*)", re.ASCII)
_MINUS_SIGNS = {"\u2212": "-", "\u2012": "-", "\u2013": "-"}


def plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 220000, 0.0022, 12.5."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def explain_number(text: str, unit: str | None = None, required: bool = False, measure: bool = False) -> tuple[str, dict] | None:
    """(code, context) for a number cell Excel users typically get wrong; None when it is plain or unknown.

    `measure` marks a value column whose unit the indicator gives (`unit`, None when the indicator is unknown).
    """
    cell = text.strip()
    if not cell or PLAIN_NUMBER.fullmatch(cell):
        return None
    folded = unicodedata.normalize("NFKC", cell)
    if cell.lower() in PLACEHOLDERS or folded.lower() in PLACEHOLDERS or _NAN_OR_INFINITY.fullmatch(folded):
        if required:
            advice = "请填上数字；没有数字就删掉这一行，不要填占位符。" if measure else "这一格必须填数字，不要填占位符。"
        else:
            advice = "没有数字就留空，不要填占位符。"
        return ("nan-infinity" if _NAN_OR_INFINITY.fullmatch(folded) else "placeholder"), {"advice": advice}
    explained = _notation(cell, folded)
    if explained:
        return explained
    folded = ascii_digits(folded)
    if _THOUSANDS.fullmatch(folded):
        return "thousands-separator", {"fixed": folded.replace(",", "")}
    if _SCIENTIFIC.fullmatch(folded):
        return "scientific-notation", {"fixed": plain(Decimal(folded))}
    match = _WITH_SUFFIX.fullmatch(folded)
    if match:
        number = Decimal(match[1].replace(",", "").lstrip("+"))
        return _suffix(number, match[2].strip(), unit)
    match = _WITH_PREFIX.fullmatch(folded)
    if match and match[1][0] not in "=+-@":  # text that starts like a formula is reported as one
        number = plain(Decimal(match[2].replace(",", "").lstrip("+")))
        return "unit-in-cell", {"what": f"文字“{match[1].strip()}”",
                                "advice": f"请只填数字 {number}，文字说明写到说明列里。"}
    return None


def ascii_digits(text: str) -> str:
    """Digits of any script (Arabic-Indic, Devanagari, full-width...) and minus signs as ASCII; other text unchanged."""
    out = []
    for char in text:
        digit = unicodedata.decimal(char, None) if not char.isascii() else None
        out.append(str(digit) if digit is not None else _MINUS_SIGNS.get(char, char))
    return "".join(out)


def _digits_code(written: str) -> str:
    """full-width-digits when NFKC alone makes the cell ASCII (１２０), other-digits for other scripts (١٢٠)."""
    return "full-width-digits" if unicodedata.normalize("NFKC", written).isascii() else "other-digits"


def _notation(cell: str, folded: str) -> tuple[str, dict] | None:
    """Number-like cells that are not plain ASCII decimals: other digits, underscores, a bare point, a plus sign."""
    ascii_form = ascii_digits(folded)
    if ascii_form != cell and PLAIN_NUMBER.fullmatch(ascii_form):
        return _digits_code(cell), {"fixed": ascii_form}
    if _UNDERSCORES.fullmatch(ascii_form):
        return "underscore-in-number", {"fixed": ascii_form.replace("_", "")}
    match = _BARE_POINT.fullmatch(ascii_form)
    if match and (match[2] or match[3]) and not (match[2] and match[3]):
        fixed = f"{match[1]}{match[2] or '0'}" + (f".{match[3]}" if match[3] else "")
        return "bare-point", {"fixed": fixed}
    if ascii_form.startswith("+") and PLAIN_NUMBER.fullmatch(ascii_form[1:]):
        return "plus-sign", {"fixed": ascii_form[1:]}
    return None


def _suffix(number: Decimal, suffix: str, unit: str | None) -> tuple[str, dict]:
    shown = plain(number)
    if suffix == "%":
        if unit in (None, "%"):
            kept = "，单位“%”已在指标表中规定。" if unit else "。"
            return "percent-sign", {"advice": f"请只填数字 {shown}{kept}"}
        return "percent-sign", {"advice": f"该指标的单位是“{unit}”，不是百分比；请核对后按“{unit}”只填数字。"}
    what = f"单位“{suffix}”"
    if unit is None:
        if suffix[0] in MULTIPLIERS:
            return "unit-in-cell", {"what": what, "advice": (
                f"请按规定的单位换算后只填数字（{shown}{suffix[0]} 即 {plain(number * MULTIPLIERS[suffix[0]])}）。")}
        return "unit-in-cell", {"what": what, "advice": f"请只填数字 {shown}。"}
    if suffix == unit:
        return "unit-in-cell", {"what": what, "advice": f"请只填数字 {shown}，单位“{unit}”已在指标表中规定。"}
    converted = _convert(number, suffix, unit)
    if converted is not None:
        return "unit-in-cell", {"what": what, "advice": (
            f"该指标的单位是“{unit}”，不是“{suffix}”；如果指的是 {shown}{suffix}，请换算成 {plain(converted)}，只填数字。")}
    return "unit-in-cell", {"what": what, "advice": f"该指标的单位是“{unit}”；请换算成“{unit}”后只填数字。"}


def _convert(number: Decimal, suffix: str, unit: str) -> Decimal | None:
    """Convert between units that differ only by 万/亿 (22万元 -> 元, 220000元 -> 万元); None otherwise."""
    def split(text: str) -> tuple[Decimal, str]:
        if text[:1] in MULTIPLIERS:
            return MULTIPLIERS[text[0]], text[1:]
        return Decimal(1), text

    (have_scale, have_base), (want_scale, want_base) = split(suffix), split(unit)
    if have_base == want_base or (have_base == "" and have_scale != 1):
        return number * have_scale / want_scale
    return None


# A date that means one day and nothing else, written the Excel or the Chinese way: 2023/7/25 (how Excel on Chinese
# Windows writes every date when it saves, sometimes with a midnight time), 2023年7月25日, 2023.7.25, 2023-7-25.
_ONE_DAY = re.compile(r"(?P<y>\d{4})\s*[/.年-]\s*(?P<m>\d{1,2})\s*[/.月-]\s*(?P<d>\d{1,2})\s*日?(?:\s+0{1,2}:00(?::00)?)?", re.ASCII)
_DIGITS_ONLY = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})", re.ASCII)
_EXCEL_SERIAL = re.compile(r"\d{5}", re.ASCII)
_PART_OF_A_DATE = [re.compile(r"\d{4}\s*[/.年-]\s*\d{1,2}\s*月?", re.ASCII), re.compile(r"\d{1,2}/\d{1,2}/\d{4}", re.ASCII)]


def iso_date(text: str) -> str | None:
    """The ISO date a cell means when it is an Excel- or Chinese-style date of one day and nothing else:
    2023/7/25, 2023/7/25 0:00, 2023年7月25日 and 2023.7.25 are 2023-07-25. None for anything else: a date already
    ISO, a day that does not exist, a run of digits (20230725 or the Excel serial number 45132 may be a number typed
    into the wrong column; 45132 is 2023-07-25 only in Excel's 1900 date system), a month without a day, 7/25/2023.

    The one reading of such dates: make normalize converts exactly these, and the validator says so only for them.
    """
    if ISO_DATE.fullmatch(text.strip()):
        return None
    return _day(_ONE_DAY.fullmatch(ascii_digits(unicodedata.normalize("NFKC", text.strip()))))


def _day(match: re.Match | None) -> str | None:
    try:
        return datetime.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat() if match else None
    except ValueError:
        return None


def explain_date(text: str) -> tuple[str, dict] | None:
    """(code, context) for an Excel-style date such as 2023/1/1 or 2023年1月1日; None for ISO or unknown forms.

    An excel-date context says whether make normalize puts the date right (`normalize`): only when iso_date reads it.
    """
    written = text.strip()
    cell = ascii_digits(unicodedata.normalize("NFKC", written))
    if not cell or ISO_DATE.fullmatch(written):
        return None
    if ISO_DATE.fullmatch(cell):
        return _digits_code(written), {"fixed": cell}
    day = iso_date(written)
    if day:
        return "excel-date", {"advice": f"请写成 {day}（年-月-日，月和日都写两位）。", "normalize": True}
    day = _day(_DIGITS_ONLY.fullmatch(cell))
    if day:
        return "excel-date", {"advice": f"请写成 {day}（年-月-日，月和日都写两位）。", "normalize": False}
    if _EXCEL_SERIAL.fullmatch(cell) and 20000 < int(cell) < 80000:
        serial = (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(cell))).isoformat()
        return "excel-date", {"normalize": False, "advice": (
            f"这像是 Excel 的日期序号；如果指的是 {serial}，请把单元格设成“文本”后写成 {serial}。")}
    if any(form.fullmatch(cell) for form in _PART_OF_A_DATE):
        return "excel-date", {"normalize": False,
                              "advice": "请写成 2023-01-01 这样的完整日期（年-月-日，月和日都写两位），不要估计。"}
    return None


def explain_period(text: str) -> tuple[str, dict] | None:
    """(code, context) for a period written the Excel or Chinese way; the context suggests the package's form."""
    written = text.strip()
    cell = ascii_digits(unicodedata.normalize("NFKC", written))
    if not cell or (written.isascii() and PERIOD.fullmatch(written)):
        return None
    if PERIOD.fullmatch(cell):
        return _digits_code(written), {"fixed": cell}
    fixed = _period(cell)
    if fixed:
        return "period-format", {"advice": f"请写成 {fixed}。"}
    if re.fullmatch(r"\d{4}\s*[/.年-]\s*\d{1,2}\s*[/.月-]\s*\d{1,2}\s*日?", cell):
        return "period-format", {"advice": "时期不是某一天。"}
    return None


def _period(cell: str) -> str | None:
    match = re.fullmatch(r"(\d{4})\s*年?度?", cell)
    if match:
        return match[1]
    match = re.fullmatch(r"(\d{4})\s*(?:年\s*)?(?:第\s*)?([1-4一二三四])\s*季度", cell) or re.fullmatch(r"(\d{4})\s*-?\s*[Qq]([1-4])", cell)
    if match:
        return f"{match[1]}-Q{_CN_DIGITS.get(match[2], match[2])}"
    match = re.fullmatch(r"(\d{4})\s*年?\s*([上下])半年", cell) or re.fullmatch(r"(\d{4})\s*-?\s*[Hh]([12])", cell)
    if match:
        half = {"上": "1", "下": "2"}.get(match[2], match[2])
        return f"{match[1]}-H{half}"
    match = re.fullmatch(r"(\d{4})\s*年?\s*前\s*([一二三])\s*季度", cell)
    if match:
        return f"{match[1]}-01..{_CN_DIGITS[match[2]] * 3:02d}"
    match = re.fullmatch(r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*(?:月)?\s*(?:-|—|–|~|～|至|到)\s*(\d{1,2})\s*月?(?:份)?(?:累计)?", cell)
    if match and 1 <= int(match[2]) <= int(match[3]) <= 12:
        return f"{match[1]}-{int(match[2]):02d}..{int(match[3]):02d}"
    match = re.fullmatch(r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*月?(?:份)?", cell)
    if match and 1 <= int(match[2]) <= 12:
        return f"{match[1]}-{int(match[2]):02d}..{int(match[2]):02d}"
    return None


def boolean_values(field: dict) -> tuple[str, ...]:
    """What a boolean column of the schema accepts, as written (trueValues, then falseValues); () for other columns."""
    if field.get("type") != "boolean":
        return ()
    return (*field.get("trueValues", ["true"]), *field.get("falseValues", ["false"]))


def excel_flag(cell: str, flags: tuple[str, ...]) -> str | None:
    """The schema's own writing of a boolean that Excel/WPS rewrote in capitals (true -> TRUE when it saves a CSV);
    None when the cell is already one of them or is not one in any case."""
    if cell in flags:
        return None
    return next((flag for flag in flags if flag.lower() == cell.strip().lower()), None)
