"""The dashboard's charts as data (SPEC §13): the hours of the months by partner or by kind of meeting, what
AI saved, the fees of a fiscal year by partner, time by area against its targets — each at most MAX_SERIES
series, the largest first, then その他, every partner, area and kind in its own colour on every chart; and the
figures of each as a table. site/charts.py draws them."""

from __future__ import annotations

import typing
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import MeetingKind
from haru_cli.records.values import add_months
from haru_cli.rules.fees import Statement
from haru_cli.rules.lookup import sort_key
from haru_cli.rules.time import AREAS, in_use, meeting_spent, minutes_by_partner, saved_minutes, spent_within
from haru_cli.views.shapes import Chart, Money, Quantity, Row, Series, Table, Target, Value
from haru_cli.views.time import TimeReport

MONTHS = 12  # the span of a chart that has no fiscal year
MAX_SERIES = 8  # the series a chart tells apart; the rest are one, その他
SLOTS = 8  # the colours of the palette (site/charts.py): a partner's, an area's or a kind's slot
KINDS: tuple[MeetingKind, ...] = typing.get_args(MeetingKind)


def last_months(today: date) -> list[date]:
    """The last twelve months, to today's."""
    last = today.replace(day=1)
    return [add_months(last, -i) for i in range(MONTHS - 1, -1, -1)]


def partner_slots(ds: Dataset) -> dict[str, int]:
    """Each partner's colour, by reading order: the same on every chart (while a workspace has at most SLOTS
    partners; beyond, a partner keeps it on every chart where no larger partner of the chart has it)."""
    return ds.memo("chart_slots", lambda: {p.id: i % SLOTS for i, p in enumerate(
        sorted(ds.partners.values(), key=sort_key))})


def ranked(series: list[Series], columns: int, others: str) -> tuple[Series, ...]:
    """The series with a value, largest first (by the whole of their values), at most MAX_SERIES of them and
    the rest added up as `others`, so that every bar still adds up; within a chart no two share a colour."""
    shown = sorted((s for s in series if any(s.values)), key=lambda s: -sum(abs(v) for v in s.values))
    taken: set[int] = set()
    found = []
    for s in shown[:MAX_SERIES]:
        slot = s.colour if s.colour is not None and s.colour not in taken else min(set(range(SLOTS)) - taken)
        taken.add(slot)
        found.append(replace(s, colour=slot))
    rest = shown[MAX_SERIES:]
    if rest:
        found.append(Series(others, tuple(sum(s.values[i] for s in rest) for i in range(columns))))
    return tuple(found)


def hours_chart(ds: Dataset, months: list[date], t: Translator, *, by_partner: bool, only: str | None = None) -> Chart:
    """Hours of the months, stacked by partner (meetings and time entries that name one) or by kind of
    meeting (one partner's share of them, or all)."""
    index = {m: i for i, m in enumerate(months)}
    totals: dict[str, list[Decimal]] = {}
    if by_partner:
        for i, first in enumerate(months):
            last = add_months(first, 1) - timedelta(1)
            for partner, minutes in minutes_by_partner(spent_within(ds, first, last), first, last).items():
                totals.setdefault(partner, [Decimal(0)] * len(months))[i] += minutes
        names = {p.id: p.name for p in ds.partners.values()}
        slots = partner_slots(ds)
    else:
        for m in (ds.meetings.values() if only is None else ds.meetings_of(only)):
            column = index.get(m.date.replace(day=1))
            if column is not None and m.minutes:
                share = minutes_by_partner([meeting_spent(m)])[only] if only else Decimal(m.minutes)
                totals.setdefault(m.kind, [Decimal(0)] * len(months))[column] += share
        names = {kind: t.value("meeting_kind", kind) for kind in totals}
        slots = {kind: i % SLOTS for i, kind in enumerate(KINDS)}
    series = [Series(names.get(k, k), tuple(float(v / 60) for v in totals[k]), slots.get(k)) for k in sorted(totals)]
    return Chart(t("site.chart.hours_by_partner" if by_partner else "site.chart.hours_by_kind"),
                 tuple(f"{m:%y-%m}" for m in months), ranked(series, len(months), t("site.chart.others")),
                 t("site.chart.hours_unit"))


def savings_chart(ds: Dataset, months: list[date], today: date, t: Translator) -> Chart:
    """The hours each automation saved, month by month."""
    series = []
    for i, a in enumerate(sorted(ds.automations.values(), key=lambda a: a.id)):
        values = [saved_minutes(a, m, today) if in_use(a, m, today) else Decimal(0) for m in months]
        series.append(Series(a.title, tuple(float((v or 0) / 60) for v in values), i % SLOTS))
    return Chart(t("site.chart.ai_saved"), tuple(f"{m:%y-%m}" for m in months),
                 ranked(series, len(months), t("site.chart.others")), t("site.chart.hours_unit"))


def fees_chart(ds: Dataset, by_month: list[tuple[date, list[Statement]]], t: Translator) -> Chart:
    """The fees that arose each month of a fiscal year, before tax, stacked by partner."""
    arose: dict[str, list[int]] = {}  # partner → each month's subtotals (one pass, not one per partner)
    for n, (_, found) in enumerate(by_month):
        for s in found:
            arose.setdefault(s.partner.id, [0] * len(by_month))[n] += s.subtotal
    slots = partner_slots(ds)
    series = [Series(ds.partners[p].name, tuple(float(v) for v in arose[p]), slots.get(p)) for p in sorted(arose)]
    return Chart(t("site.chart.fees"), tuple(f"{m:%y-%m}" for m, _ in by_month),
                 ranked(series, len(by_month), t("site.chart.others")), t("site.chart.yen_unit"), money=True)


def areas_chart(report: TimeReport, t: Translator) -> Chart:
    """Each area's share of the period's hours, against its target, in the SPEC's order of areas."""
    total = report.total
    return Chart(t("site.chart.areas"), targets=tuple(
        Target(t.value("area", a.area), float(a.minutes * 100 / total) if total else 0.0,
               float(a.target) if a.target is not None else None, AREAS.index(a.area) % SLOTS)
        for a in report.areas))


def chart_table(chart: Chart, t: Translator) -> Table:
    """A chart's figures as a table under it (SPEC §13.1): a row per series and its total, or per area its share
    and target; for an empty chart, the sentence that says so instead of axes."""
    if chart.targets is not None:
        rows: list[Row] = [[x.label, _percent(x.share, t), _percent(x.target, t) if x.target is not None else None]
                           for x in chart.targets]
        return Table([t("time.area"), t("time.share"), t("time.target")], rows if not chart.empty else [],
                     t("site.chart.no_data"))

    def cell(value: float) -> Value:
        if chart.money:
            return Money(round(value))
        hours = Decimal(f"{value:.2f}")
        return Quantity(hours, t.hours(hours))

    rows = [[s.label, *(cell(v) for v in s.values), cell(sum(s.values))] for s in chart.series]
    if len(chart.series) > 1:
        columns = [sum(s.values[i] for s in chart.series) for i in range(len(chart.columns))]
        rows.append([t("time.total"), *(cell(v) for v in columns), cell(sum(columns))])
    return Table([t("site.chart.series"), *chart.columns, t("time.total")], rows if not chart.empty else [],
                 t("site.chart.no_data"))


def _percent(value: float, t: Translator) -> Value:
    share = Decimal(f"{value:.1f}")
    return Quantity(share, t("time.percent", value=share))
