"""The 社長's time (SPEC §9, strategy 3.4): where the hours of a period went, by area against the targets
and by partner, and what each automation saves — pure, from the records alone.

Hours are kept exact (Decimal minutes) and rounded only where they are shown.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Literal, NamedTuple

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Area, Automation, Measurement, Meeting, Settings, TimeEntry
from haru_cli.records.problems import Finding, finding, warn
from haru_cli.records.registry import AUTOMATION, TIME
from haru_cli.records.values import add_months
from haru_cli.rules.activity import fiscal_year_start
from haru_cli.rules.dated import Item, Window, uid

AREAS: tuple[Area, ...] = typing.get_args(Area)
PeriodKind = Literal["month", "quarter", "fy"]
_LENGTH = {"month": 1, "quarter": 3, "fy": 12}


@frozen
class Period:
    """A month, a calendar quarter or a fiscal year: [start, end]."""

    start: date
    kind: PeriodKind

    @cached_property
    def end(self) -> date:
        """Worked out once per period: `holds` asks it for every item a period is matched against."""
        return add_months(self.start, _LENGTH[self.kind]) - timedelta(days=1)

    def before(self, n: int = 1) -> Period:
        """The period n periods earlier, of the same kind."""
        return Period(add_months(self.start, -n * _LENGTH[self.kind]), self.kind)

    def months(self) -> list[date]:
        """The first day of each of its months."""
        return [add_months(self.start, i) for i in range(_LENGTH[self.kind])]

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def month_of(day: date) -> Period:
    return Period(day.replace(day=1), "month")


def quarter(year: int, number: int) -> Period:
    """A calendar quarter: Q1 is January to March."""
    return Period(date(year, 3 * number - 2, 1), "quarter")


def fiscal_year(settings: Settings, year: int) -> Period:
    """The fiscal year that starts in `year` (in the month fiscal_year_start)."""
    return Period(date(year, settings.fiscal_year_start, 1), "fy")


def fiscal_year_of(settings: Settings, day: date) -> Period:
    """The fiscal year that holds the day."""
    return Period(fiscal_year_start(settings, day), "fy")


# --- where the time went ------------------------------------------------------------------------------


class Spent(NamedTuple):
    """Minutes of the 社長's, on a day, in an area, for some partners (shared evenly among them). A tuple,
    not a dataclass: tens of thousands are made for a partner's hours or a year's report (a frozen
    dataclass sets each field through object.__setattr__, ~5× the cost)."""

    date: date
    area: Area
    partners: tuple[str, ...]
    minutes: Decimal


def spent(ds: Dataset, *, of_partners: bool = False) -> Iterator[Spent]:
    """Every time entry, and every meeting's minutes in its area: a meeting counts once, whatever the
    number of its partners. With `of_partners`, only the entries logged for a partner (and the meetings)."""
    for log in ds.time_logs.values():
        for entry in log.entries:
            if entry.partner or not of_partners:
                yield entry_spent(entry)
    for m in ds.meetings.values():
        if m.minutes:
            yield meeting_spent(m)


def entry_spent(entry: TimeEntry) -> Spent:
    return Spent(entry.date, entry.area, (entry.partner,) if entry.partner else (), entry.spent)


def meeting_spent(m: Meeting) -> Spent:
    return Spent(m.date, m.area, tuple(m.partners), Decimal(m.minutes or 0))


def entries_of_project(ds: Dataset, project_id: str) -> list[TimeEntry]:
    """The time entries logged for a project, in the logs' order (an index built once per dataset)."""
    return ds.index("time_of_project", lambda: [e for log in ds.time_logs.values() for e in log.entries],
                    lambda e: [e.project] if e.project else []).get(project_id, [])


def all_spent(ds: Dataset) -> list[Spent]:
    """spent(ds) as a list, made once per dataset."""
    return ds.memo("spent", lambda: list(spent(ds)))


def spent_within(ds: Dataset, start: date, end: date) -> list[Spent]:
    """The items dated within [start, end], in spent()'s order (so that every sum adds them as before): the
    entries of the period's monthly logs, then its meetings, sliced from an index by month built once per
    dataset — not every item walked for each period (the dashboard has a page, and a row, for every month
    and year of the time log), nor every entry of ten years made an item for a month's report."""
    def build() -> dict[date, list[tuple[int, Spent]]]:
        found: dict[date, list[tuple[int, Spent]]] = {}
        for position, m in enumerate(m for m in ds.meetings.values() if m.minutes):
            found.setdefault(m.date.replace(day=1), []).append((position, meeting_spent(m)))
        return found
    meetings = ds.memo("meetings_spent_by_month", build)
    first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
    # A loaded log holds only entries of its month (an entry of another is an error, and left out: check_time).
    found = [entry_spent(entry) for log_id, log in ds.time_logs.items() if first <= log_id <= last
             for entry in log.entries if start <= entry.date <= end]
    in_period: list[tuple[int, Spent]] = []
    month = start.replace(day=1)
    while month <= end:
        in_period += (pair for pair in meetings.get(month, ()) if start <= pair[1].date <= end)
        month = add_months(month, 1)
    in_period.sort(key=lambda pair: pair[0])
    return found + [item for _, item in in_period]


def minutes_by_area(items: Iterable[Spent], period: Period) -> dict[Area, Decimal]:
    found = dict.fromkeys(AREAS, Decimal(0))
    for item in items:
        if period.holds(item.date):
            found[item.area] += item.minutes
    return found


def minutes_by_partner(items: Iterable[Spent], since: date | None = None,
                       until: date | None = None) -> dict[str, Decimal]:
    """Each partner's minutes within [since, until]: the one place a joint meeting's minutes are split,
    evenly among its partners (so that the partners' minutes add up to the meeting's)."""
    found: dict[str, Decimal] = {}
    for item in items:
        if item.partners and (since is None or item.date >= since) and (until is None or item.date <= until):
            share = item.minutes / len(item.partners)
            for partner in item.partners:
                found[partner] = found.get(partner, Decimal(0)) + share
    return found


def partner_minutes(ds: Dataset, partner_id: str, since: date | None, until: date) -> Decimal:
    """The hours of a partner (SPEC §15), in minutes: its share of meetings and the time entries logged
    for it, within [since, until] — what `partner show` and `time report --by partner` both say."""
    mine = ds.index("spent_by_partner", lambda: list(spent(ds, of_partners=True)), lambda item: list(item.partners))
    return minutes_by_partner(mine.get(partner_id, []), since, until).get(partner_id, Decimal(0))


def as_hours(minutes: Decimal) -> Decimal:
    """Minutes as hours to 2 decimals (half up), as the report shows them."""
    return (minutes / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent(value: Decimal) -> Decimal:
    """A percentage to 1 decimal (half up)."""
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@frozen
class AreaTime:
    """One area's time in a period, against its target."""

    area: Area
    minutes: Decimal
    share: Decimal | None  # of all the period's time, in percent (exact); None when no time was logged
    target: Decimal | None  # the target share in percent, if set
    previous: tuple[Decimal, ...]  # minutes in the three periods before, latest first

    @property
    def gap(self) -> Decimal | None:
        """Share less target, in points (from the exact share)."""
        return None if self.share is None or self.target is None else self.share - self.target


def areas(ds: Dataset, period: Period, items: list[Spent]) -> list[AreaTime]:
    """Every area's time in the period, in the SPEC's order of areas."""
    now = minutes_by_area(items, period)
    before = [minutes_by_area(items, period.before(n)) for n in (1, 2, 3)]
    total = sum(now.values(), Decimal(0))
    targets = ds.settings.time.targets
    return [AreaTime(area, now[area], now[area] * 100 / total if total else None,
                     targets[area].percent if area in targets else None,
                     tuple(b[area] for b in before)) for area in AREAS]


# --- what automations save ----------------------------------------------------------------------------


def in_use(a: Automation, month: date, today: date) -> bool:
    """In use in the month of `month` (its first day): begun by its end, not retired before it began, and
    a month that has begun by today (what a month to come will save is not known)."""
    last = add_months(month, 1) - timedelta(days=1)
    return month <= today and a.since <= last and (a.retired is None or a.retired >= month)


def measured(a: Automation, day: date) -> Measurement | None:
    """The latest measurement dated on or before the day (of two on one day, the one written later)."""
    found = max(((m.date, i) for i, m in enumerate(a.measurements) if m.date <= day), default=None)
    return a.measurements[found[1]] if found else None


def saved_minutes(a: Automation, month: date, today: date) -> Decimal | None:
    """Minutes it saved in the month: (baseline − measured) × runs, by the latest measurement up to the
    month's end (and up to today); negative when AI made the task slower; None (unknown) before the first
    measurement; 0 when it was not in use."""
    if not in_use(a, month, today):
        return Decimal(0)
    m = measured(a, min(add_months(month, 1) - timedelta(days=1), today))
    return None if m is None else (a.baseline.minutes - m.minutes) * m.per_month


def known_total(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of what is known; None when there are values and none of them is known."""
    found = list(values)
    if found and all(v is None for v in found):
        return None
    return sum((v for v in found if v is not None), Decimal(0))


def saved_in(automations: Iterable[Automation], months: list[date], today: date) -> Decimal | None:
    """Minutes the automations saved over the months, counting only the months each was in use."""
    return known_total(saved_minutes(a, m, today) for a in automations for m in months if in_use(a, m, today))


def next_review(a: Automation, as_of: date | None = None) -> date | None:
    """`review` after the latest measurement (up to `as_of`, if given), or after `since`; none once
    retired."""
    if a.status == "retired":
        return None
    latest = max((m.date for m in a.measurements if as_of is None or m.date <= as_of), default=a.since)
    return a.review.after(latest)


def fiscal_months_to(settings: Settings, month: date) -> list[date]:
    """The months of the fiscal year holding `month`, up to and including it."""
    return [m for m in fiscal_year_of(settings, month).months() if m <= month]


DATED_KINDS = ("ai_review",)


def dated_items(ds: Dataset, when: Window) -> Iterator[Item]:
    """Re-measuring what AI saves (SPEC §9.3): reviews due by `until`."""
    for a in ds.automations.values():
        review = next_review(a)
        if review is not None and review <= when.until:
            yield Item(review, "ai_review", "", a.title, a.id, review < when.today, ("automation", a.id),
                       uid("ai_review", a.id, review))


# --- checks (SPEC §6) ---------------------------------------------------------------------------------


def check_time(ds: Dataset) -> Iterator[Finding]:
    """A time entry is of its file's month and says its time once (SPEC §9.1)."""
    for log in ds.time_logs.values():
        month = log.month
        for i, entry in enumerate(log.entries):
            if (entry.hours is None) == (entry.minutes is None):
                yield finding(TIME, log.id, ("entries", i), "time-entry", "time-entry.one-of")
            if (entry.date.year, entry.date.month) != (month.year, month.month):
                yield finding(TIME, log.id, ("entries", i, "date"), "time-entry", "time-entry.month",
                              date=entry.date.isoformat(), month=log.id)


def check_automations(ds: Dataset) -> Iterator[Finding]:
    """A retired automation says when; measurements come oldest first (SPEC §9.2)."""
    for a in ds.automations.values():
        if a.status == "retired" and a.retired is None:
            yield finding(AUTOMATION, a.id, ("status",), "automation", "automation.retired-missing")
        elif a.status != "retired" and a.retired is not None:
            yield finding(AUTOMATION, a.id, ("retired",), "automation", "automation.retired-status", key=True)
        elif a.retired is not None and a.retired < a.since:
            yield finding(AUTOMATION, a.id, ("retired",), "automation", "automation.retired-order",
                          retired=a.retired.isoformat(), since=a.since.isoformat())
        for i in range(1, len(a.measurements)):
            before, m = a.measurements[i - 1], a.measurements[i]
            if m.date < before.date:
                yield warn(AUTOMATION, a.id, ("measurements", i, "date"), "automation", "automation.order",
                           date=m.date.isoformat(), before=before.date.isoformat())


CHECKS = [check_time, check_automations]
