"""The address rules of scripts/core/urls.py as problems: in CSV cells, in the descriptor and in change-log links."""

from __future__ import annotations

from scripts.core.urls import source_problem, url_problem
from scripts.validate.messages import invisible_name
from scripts.validate.problems import Problem, problem

_SCRIPT_WORDS = {"LATIN": "拉丁字母", "CYRILLIC": "西里尔字母", "GREEK": "希腊字母", "HAN": "汉字", "ARMENIAN": "亚美尼亚字母",
                 "CHEROKEE": "切罗基字母", "HIRAGANA": "平假名", "KATAKANA": "片假名", "HANGUL": "谚文", "ARABIC": "阿拉伯字母"}
_BLANK_WORDS = {" ": "空格", "\t": "制表符", "\n": "换行", "\r": "换行", "\u3000": "全角空格", "\u00a0": "不换行空格"}


def url_problems(file: str, row: int | None, column: str | None, value: str, written: str | None = None) -> list[Problem]:
    """The address's problem, if it has one, located as given (row None for the descriptor, column None for the
    change log). `written` is the cell as typed, when the address checked is that cell cleaned of spaces."""
    found = url_problem(value) or source_problem(value)
    if found is None:
        return []
    code, context = found
    return [problem(code, file, row, column, value if written is None else written, **chinese_context(code, context))]


def chinese_context(code: str, context: dict) -> dict:
    """The message's placeholders: the parts of the address quoted, and their names in Chinese."""
    shown = dict(context)
    if code == "url-scheme":
        shown["hidden"] = "（其中的空白和换行浏览器会忽略）" if context["hidden"] else ""
    elif code == "url-space":
        shown["names"] = "、".join(dict.fromkeys(_BLANK_WORDS.get(c) or _other_blank(c) for c in context["chars"]))
    elif code == "url-lookalike-dot":
        shown["point"] = f"U+{ord(context['dot']):04X}"
    elif code == "url-wechat-personal":
        shown["params"] = "、".join(context["params"])
        shown["fixed"] = (f"请改成 {context['fixed']}（只留 __biz、mid、idx、sn 四项）。" if context["fixed"]
                          else "请删掉这些参数，或在微信里点右上角“…”→“复制链接”后重新粘贴。")
    elif code == "url-mixed-script":
        shown["scripts"] = "和".join(_SCRIPT_WORDS.get(s, s) for s in context["scripts"])
    return shown


def _other_blank(char: str) -> str:
    return f"空白字符 U+{ord(char):04X}" if char.isspace() else invisible_name(char)
