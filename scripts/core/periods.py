"""Periods as the package writes them: a year, a quarter, a half or a cumulative month range."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

# ASCII: without it \d also takes full-width and Arabic-Indic digits, and ２０２３ would be a year.
PATTERN = re.compile(r"^(?P<year>\d{4})(?:-Q(?P<q>[1-4])|-H(?P<h>[12])|-(?P<m1>0[1-9]|1[0-2])\.\.(?P<m2>0[1-9]|1[0-2]))?$", re.ASCII)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period; `full_year` periods alone decide a status."""

    year: int
    first_month: int
    last_month: int
    text: str

    @property
    def full_year(self) -> bool:
        return self.first_month == 1 and self.last_month == 12 and self.text == str(self.year)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    @property
    def label(self) -> str:
        """The period in Chinese, as the site shows it."""
        if self.full_year:
            return f"{self.year}年"
        if "-Q" in self.text:
            return f"{self.year}年第{'一二三四'[self.last_month // 3 - 1]}季度"
        if "-H" in self.text:
            return f"{self.year}年{'上' if self.last_month == 6 else '下'}半年"
        if self.first_month == self.last_month:
            return f"{self.year}年{self.last_month}月"
        return f"{self.year}年{self.first_month}—{self.last_month}月"


def parse_period(text: str) -> Period:
    """Parse '2022', '2022-Q1', '2023-H1' or '2023-01..10'; raise ValueError otherwise."""
    match = PATTERN.match(text or "")
    if not match:
        raise ValueError(f"not a period: {text!r}")
    year = int(match["year"])
    if match["q"]:
        quarter = int(match["q"])
        return Period(year, quarter * 3 - 2, quarter * 3, text)
    if match["h"]:
        half = int(match["h"])
        return Period(year, half * 6 - 5, half * 6, text)
    if match["m1"]:
        first, last = int(match["m1"]), int(match["m2"])
        if first > last:
            raise ValueError(f"month range runs backwards: {text!r}")
        return Period(year, first, last, text)
    return Period(year, 1, 12, text)
