"""Japanese business days: not Saturday or Sunday, not a public holiday (the `holidays` package), and
not 12/31–1/3, when companies and banks are closed."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("JP", years=year))


def is_business_day(day: date) -> bool:
    if day.weekday() >= 5:
        return False
    if (day.month, day.day) in ((12, 31), (1, 1), (1, 2), (1, 3)):
        return False
    return day not in _holidays(day.year)


def shift_to_business_day(day: date, direction: str) -> date:
    """The day itself when it is a business day, else the previous (or next) one."""
    step = timedelta(days=-1 if direction == "previous" else 1)
    while not is_business_day(day):
        day += step
    return day


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
