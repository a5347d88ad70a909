"""Dates as the reports write them: 2026年11月27日 in Japanese — in the era calendar (和暦) when asked,
令和8年11月27日 — and ISO 8601 in English."""

from __future__ import annotations

from datetime import date

# (first day, era): 和暦 for every date a record may hold (1900 on).
_ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"), (date(1926, 12, 25), "昭和"),
         (date(1912, 7, 30), "大正"), (date(1868, 1, 25), "明治"))


def wareki_year(day: date) -> str:
    """令和8年 for 2026; the first year of an era is 元年."""
    for start, era in _ERAS:
        if day >= start:
            number = day.year - start.year + 1
            return f"{era}{'元' if number == 1 else number}年"
    return f"{day.year}年"


def _year(day: date, wareki: bool) -> str:
    return wareki_year(day) if wareki else f"{day.year}年"


def date_text(day: date | None, lang: str, *, wareki: bool = False) -> str:
    """2026年11月27日 (令和8年11月27日 with `wareki`), 2026-11-27 in English; — for none."""
    if day is None:
        return "—"
    if lang != "ja":
        return day.isoformat()
    return f"{_year(day, wareki)}{day.month}月{day.day}日"


def month_text(day: date, lang: str, *, wareki: bool = False) -> str:
    """The month of a day: 2026年11月 (令和8年11月 with `wareki`), 2026-11 in English."""
    if lang != "ja":
        return f"{day:%Y-%m}"
    return f"{_year(day, wareki)}{day.month}月"
