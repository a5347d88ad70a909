"""Japanese business days (pure): not Saturday or Sunday, not a public holiday, and not 12/31–1/3, when
companies and banks are closed. The public holidays come from outside (load/holidays.py reads them from
the `holidays` package); only the years they are known for can be answered — a pay date in any other
year is refused rather than guessed without its holidays (SPEC §4.4)."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta


class UnknownHolidays(ValueError):
    """A business day was asked of a year whose public holidays are not known."""

    def __init__(self, year: int, first: int, last: int) -> None:
        super().__init__(f"no public holidays known for {year} (only {first}-{last})")
        self.year, self.first, self.last = year, first, last


class BusinessDays:
    """Which days are business days, for the years [first, last] whose holidays `holidays_of(year)` gives."""

    def __init__(self, holidays_of: Callable[[int], frozenset[date]], first: int, last: int) -> None:
        self._holidays_of = holidays_of
        self.first, self.last = first, last

    def knows(self, year: int) -> bool:
        return self.first <= year <= self.last

    def is_business_day(self, day: date) -> bool:
        if not self.knows(day.year):
            raise UnknownHolidays(day.year, self.first, self.last)
        if day.weekday() >= 5:
            return False
        if (day.month, day.day) in ((12, 31), (1, 1), (1, 2), (1, 3)):
            return False
        return day not in self._holidays_of(day.year)

    def shift(self, day: date, direction: str) -> date:
        """The day itself when it is a business day, else the previous (or next) one."""
        step = timedelta(days=-1 if direction == "previous" else 1)
        while not self.is_business_day(day):
            day += step
        return day


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
