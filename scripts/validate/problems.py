"""Problems found by validation, and the report that lists them in Chinese text and JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from scripts.validate.limits import MAX_MESSAGE_CHARS, MAX_REPORTED_PER_KIND
from scripts.validate.messages import MESSAGES, show

ERROR = "error"
WARNING = "warning"
# Context that quotes what a file holds (a header label, a cell's first characters): shown as a short excerpt.
_CELL_TEXT = frozenset({"label", "first"})


@dataclass(frozen=True)
class Problem:
    """One thing to fix (or, for a warning, to look at), located as Excel shows it: header = row 1."""

    file: str
    row: int | None
    column: str | None
    column_title: str | None
    value: str | None
    code: str
    severity: str
    message: str
    fix: str

    def line(self) -> str:
        """One line of the text report. Every part may quote a file (a column name, a key, a file name): control
        and invisible characters and line breaks are shown as marks, so no quoted text can add a line to the report."""
        parts = [show(self.file, None)]
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"「{show(self.column_title or self.column, None)}」({show(self.column.replace(',', ', '), None)})")
        if self.value is not None:
            parts.append(f"值“{show(self.value)}”")
        return " ".join(parts) + f"：{show(self.message, None)}{show(self.fix, None)}"


def problem(code: str, file: str, row: int | None = None, column: str | None = None, value: str | None = None,
            severity: str | None = None, **context) -> Problem:
    """Build a problem from the message catalogue; `context` fills the placeholders of its Chinese text."""
    default_severity, message, fix = MESSAGES[code]
    context = {k: show(v) if k in _CELL_TEXT and isinstance(v, str) else v for k, v in context.items()}
    values = _Context(value=show(value) if value is not None else "", file=file, **context)
    return Problem(
        file=file, row=row, column=column, column_title=None, value=value, code=code,
        severity=severity or default_severity,
        message=_capped_text(message.format_map(values)), fix=_capped_text(fix.format_map(values)),
    )


def _capped_text(text: str) -> str:
    """A backstop: whatever a file or descriptor put into the context, one message stays a few lines long."""
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 1] + "…"


class _Context(dict):
    def __missing__(self, key):
        return "？"


@dataclass
class Report:
    """All problems of one validation run, errors first."""

    package: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self, limit: int | None = MAX_REPORTED_PER_KIND) -> dict:
        """The report as JSON data: every cell value a short excerpt, at most `limit` problems per file and kind."""
        kept, left_off = _capped(self.problems, limit)
        return {
            "package": self.package,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [{**asdict(p), "value": None if p.value is None else show(p.value)} for p in kept],
            "left_off": [{"file": file, "code": code, "count": count} for (file, code), count in left_off.items()],
        }

    def write_json(self, path: Path | str) -> None:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        Path(path).write_text(text + "\n", encoding="utf-8")

    def text(self, limit: int | None = 30) -> str:
        """The report as staff read it; at most `limit` lines per file and kind of problem (None: all)."""
        if self.ok and not self.warnings:
            return f"检查通过：{self.package} 没有发现问题。"
        lines = []
        if self.ok:
            lines.append(f"检查通过：{self.package} 没有错误，有 {len(self.warnings)} 处提醒（不影响通过）。")
        else:
            lines.append(f"检查未通过：{self.package} 有 {len(self.errors)} 处错误要改，"
                         f"{len(self.warnings)} 处提醒。每行是一处问题：文件、行号（即 Excel 里的行号，表头是第1行）、列、值、问题和改法。")
        for title, group in (("错误（必须改）：", self.errors), ("提醒（请核对，不影响通过）：", self.warnings)):
            if group:
                lines.append("")
                lines.append(title)
                lines.extend(_limited(group, limit))
        return "\n".join(lines)


def _capped(problems: list[Problem], limit: int | None) -> tuple[list[Problem], dict[tuple, int]]:
    kept, counts = [], {}
    for p in problems:
        counts[(p.file, p.code)] = counts.get((p.file, p.code), 0) + 1
        if limit is None or counts[(p.file, p.code)] <= limit:
            kept.append(p)
    return kept, {key: count - limit for key, count in counts.items() if limit is not None and count > limit}


def _limited(problems: list[Problem], limit: int | None) -> list[str]:
    shown: dict[tuple, list[Problem]] = {}
    lines = []
    for p in problems:
        kind = shown.setdefault((p.file, p.code), [])
        kind.append(p)
        if limit is None or len(kind) <= limit:
            lines.append(p.line())
    for (file, _), kind in shown.items():
        if limit is not None and len(kind) > limit:
            lines.append(f"{file}：这类问题（{kind[0].message.rstrip('。')}）另有 {len(kind) - limit} 处未列出；"
                         "加 --all 可全部列出，--json 报告里也有完整清单。")
    return lines
