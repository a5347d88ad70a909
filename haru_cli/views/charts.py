"""The dashboard's charts as data (SPEC §13): the hours of the months by partner or by kind of meeting, what
AI saved, the fees of a fiscal year by partner, time by area against its targets. site/charts.py draws them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.values import add_months
from haru_cli.rules.fees import Statement
from haru_cli.rules.time import in_use, meeting_spent, minutes_by_partner, saved_minutes, spent
from haru_cli.views.shapes import Chart, Series
from haru_cli.views.time import TimeReport

MONTHS = 12  # the span of a chart that has no fiscal year


def last_months(today: date) -> list[date]:
    """The last twelve months, to today's."""
    last = today.replace(day=1)
    return [add_months(last, -i) for i in range(MONTHS - 1, -1, -1)]


def hours_chart(ds: Dataset, months: list[date], t: Translator, *, by_partner: bool, only: str | None = None) -> Chart:
    """Hours of the months, stacked by partner (meetings and time entries that name one) or by kind of
    meeting (one partner's share of them, or all)."""
    index = {m: i for i, m in enumerate(months)}
    totals: dict[str, list[Decimal]] = {}
    if by_partner:
        items = list(spent(ds))
        for i, first in enumerate(months):
            for partner, minutes in minutes_by_partner(items, first, add_months(first, 1) - timedelta(1)).items():
                totals.setdefault(partner, [Decimal(0)] * len(months))[i] += minutes
        names = {p.id: p.name for p in ds.partners.values()}
    else:
        for m in (ds.meetings.values() if only is None else ds.meetings_of(only)):
            column = index.get(m.date.replace(day=1))
            if column is not None and m.minutes:
                share = minutes_by_partner([meeting_spent(m)])[only] if only else Decimal(m.minutes)
                totals.setdefault(m.kind, [Decimal(0)] * len(months))[column] += share
        names = {kind: t.value("meeting_kind", kind) for kind in totals}
    ranked = sorted(totals, key=lambda k: -sum(totals[k]))
    return Chart(t("site.chart.hours_by_partner" if by_partner else "site.chart.hours_by_kind"),
                 tuple(f"{m:%y-%m}" for m in months),
                 tuple(Series(names.get(k, k), tuple(float(v / 60) for v in totals[k])) for k in ranked),
                 t("site.chart.hours_unit"), t("site.chart.others"))


def savings_chart(ds: Dataset, months: list[date], today: date, t: Translator) -> Chart:
    """The hours each automation saved, month by month."""
    series = []
    for a in sorted(ds.automations.values(), key=lambda a: a.id):
        values = [saved_minutes(a, m, today) if in_use(a, m, today) else Decimal(0) for m in months]
        series.append(Series(a.title, tuple(float((v or 0) / 60) for v in values)))
    return Chart(t("site.chart.ai_saved"), tuple(f"{m:%y-%m}" for m in months), tuple(series),
                 t("site.chart.hours_unit"), t("site.chart.others"))


def fees_chart(ds: Dataset, by_month: list[tuple[date, list[Statement]]], t: Translator) -> Chart:
    """The fees that arose each month of a fiscal year, before tax, stacked by partner."""
    partners = sorted({s.partner.id for _, found in by_month for s in found})
    return Chart(t("site.chart.fees"), tuple(f"{m:%m}" for m, _ in by_month), tuple(
        Series(ds.partners[p].name, tuple(float(sum(s.subtotal for s in found if s.partner.id == p))
                                          for _, found in by_month)) for p in partners),
                 t("site.chart.yen_unit"), t("site.chart.others"), money=True)


def areas_chart(report: TimeReport, t: Translator) -> Chart:
    """Each area's share of the period's hours, against its target."""
    total = report.total
    return Chart(t("site.chart.areas"), targets=tuple(
        (t.value("area", a.area), float(a.minutes * 100 / total) if total else 0.0,
         float(a.target) if a.target is not None else None) for a in report.areas))
