"""The 社長's time and the automations as output (SPEC §9.3): `time report` and `automation list|show`,
as JSON, tables and documents. Pure: the figures come from rules.time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Automation, as_json
from haru_cli.rules.calendar import month_end
from haru_cli.rules.lookup import sort_key
from haru_cli.rules.time import (
    AreaTime,
    Period,
    areas,
    as_hours,
    fiscal_months_to,
    in_use,
    known_total,
    measured,
    minutes_by_partner,
    next_review,
    percent,
    saved_in,
    saved_minutes,
    spent_within,
)
from haru_cli.views.shapes import Day, Document, Quantity, Row, Section, Table, Text, Value


def _hours(minutes: Decimal | None) -> float | None:
    return None if minutes is None else float(as_hours(minutes))


def _pct(value: Decimal | None) -> float | None:
    return None if value is None else float(percent(value))


@frozen
class TimeReport:
    """A period's time: by area against the targets, by partner, and what AI saved."""

    period: Period
    areas: list[AreaTime]
    partners: list[tuple[str, str, Decimal]]  # id, name, minutes; most time first
    ai_saved: Decimal | None  # minutes; None: not measured yet
    previous: list[Period]  # the three periods before, latest first

    @property
    def total(self) -> Decimal:
        return sum((a.minutes for a in self.areas), Decimal(0))


def time_report(ds: Dataset, period: Period, today: date) -> TimeReport:
    items = spent_within(ds, period.before(3).start, period.end)  # the period and the three before it
    by_partner = minutes_by_partner(items, period.start, period.end)
    partners = sorted(((p, ds.partners[p].name if p in ds.partners else p, minutes)
                       for p, minutes in by_partner.items() if minutes),
                      key=lambda row: (-row[2], sort_key(ds.partners[row[0]]) if row[0] in ds.partners else ()))
    return TimeReport(period, areas(ds, period, items), partners,
                      saved_in(ds.automations.values(), period.months(), today), [period.before(n) for n in (1, 2, 3)])


def time_json(report: TimeReport) -> dict[str, Any]:
    return {
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "total_hours": _hours(report.total),
        "areas": [{"area": a.area, "hours": _hours(a.minutes), "share_pct": _pct(a.share),
                   "target_pct": _pct(a.target), "gap_pct": _pct(a.gap),
                   "previous_hours": [_hours(m) for m in a.previous]} for a in report.areas],
        "partners": [{"partner": p, "name": name, "hours": _hours(minutes)} for p, name, minutes in report.partners],
        "ai_saved_hours": _hours(report.ai_saved),
    }


def hours_cell(minutes: Decimal | None, t: Translator) -> Value:
    if minutes is None:
        return Text(t("time.unknown"))
    hours = as_hours(minutes)
    return Quantity(hours, t.hours(hours))


def _p(value: Decimal | None, key: str, t: Translator) -> Value:
    return None if value is None else Quantity(percent(value), t(key, value=percent(value)))


def _label(p: Period, t: Translator) -> str:
    return f"{p.start:%Y-%m}" if p.kind == "month" else f"{p.start:%Y-%m}〜{p.end:%Y-%m}"


def area_table(report: TimeReport, t: Translator) -> Table:
    """Per area: hours, share, target, gap, and the three periods before."""
    headings = [t("time.area"), t("time.hours"), t("time.share"), t("time.target"), t("time.gap"),
                *(_label(p, t) for p in report.previous)]
    rows: list[Row] = [[t.value("area", a.area), hours_cell(a.minutes, t), _p(a.share, "time.percent", t),
                        _p(a.target, "time.percent", t),
                        Quantity(percent(a.gap), t("time.points", value=f"{percent(a.gap):+}")) if a.gap is not None
                        else None, *(hours_cell(m, t) for m in a.previous)] for a in report.areas]
    if report.total:
        rows.append([t("time.total"), hours_cell(report.total, t), None, None, None,
                     *(hours_cell(sum(m), t) for m in zip(*(a.previous for a in report.areas), strict=True))])
    return Table(headings, rows if report.total or any(any(a.previous) for a in report.areas) else [],
                 t("time.none"))


def partner_table(report: TimeReport, t: Translator) -> Table:
    rows: list[Row] = [[name, hours_cell(minutes, t)] for _, name, minutes in report.partners]
    return Table([t("partner"), t("time.hours")], rows, t("time.none"))


def time_document(report: TimeReport, by: str, t: Translator, incomplete: list[str] | None = None) -> Document:
    """The report for people: the chosen table first, then the other, then what AI saved; `incomplete`
    names the skipped files that may change the figures (said beside them, never looking final)."""
    area, partner = area_table(report, t), partner_table(report, t)
    tables = [(t("time.by_area"), area), (t("time.by_partner"), partner)]
    if by == "partner":
        tables.reverse()
    sections = [Section(title, headings=table.headings, rows=table.rows, empty=table.empty)
                for title, table in tables]
    fields: list[tuple[str, Value]] = [(t("time.ai_saved"), hours_cell(report.ai_saved, t))]
    if incomplete:
        fields.append((t("fees.incomplete"), Text(t.join(incomplete), alert=True)))
    sections.append(Section(t("time.ai_saved"), fields=fields))
    return Document(t("time.title", start=report.period.start.isoformat(), end=report.period.end.isoformat()),
                    sections)


# --- automations --------------------------------------------------------------------------------------


def automation_lines(ds: Dataset, month: date, today: date) -> list[tuple[Automation, dict[str, Any]]]:
    """Every automation with its figures as of the month (its measurement, savings of the month and of the
    fiscal year up to it) and its next review as of today — a thing to do, after the latest measurement made
    so far, not the latest of the month shown — in id order."""
    last = month_end(month.year, month.month)
    found = []
    for a in sorted(ds.automations.values(), key=lambda a: a.id):
        m = measured(a, last)
        review = next_review(a, max(last, today))
        fy = [x for x in fiscal_months_to(ds.settings, month) if in_use(a, x, today)]
        found.append((a, {
            "saved_month": saved_minutes(a, month, today), "saved_fy": saved_in([a], fy, today) if fy else Decimal(0),
            "measurement": m, "next_review": review, "overdue": review is not None and review < today,
        }))
    return found


def automations_json(ds: Dataset, month: date, today: date, only: str | None = None) -> dict[str, Any]:
    """The automations (or the one of id `only`) as of the month, with their totals."""
    lines = [(a, f) for a, f in automation_lines(ds, month, today) if only is None or a.id == only]
    return {
        "today": today.isoformat(), "month": f"{month:%Y-%m}",
        "automations": [_automation_json(a, f) for a, f in lines],
        "saved_hours_month": _hours(known_total(f["saved_month"] for a, f in lines if in_use(a, month, today))),
        "saved_hours_fy": _hours(saved_in((a for a, _ in lines), fiscal_months_to(ds.settings, month), today)),
    }


def _automation_json(a: Automation, f: dict[str, Any]) -> dict[str, Any]:
    m = f["measurement"]
    return {
        "id": a.id, "title": a.title, "area": a.area, "status": a.status,
        "minutes_before": as_json(a.baseline.minutes), "minutes_now": as_json(m.minutes) if m else None,
        "per_month": as_json(m.per_month if m else a.baseline.per_month),
        "saved_hours_month": _hours(f["saved_month"]), "saved_hours_fy": _hours(f["saved_fy"]),
        "last_measured": m.date.isoformat() if m else None,
        "next_review": f["next_review"].isoformat() if f["next_review"] else None,
        "review_overdue": f["overdue"],
    }


AUTOMATION_HEADINGS = ["id", "automation.title_col", "time.area", "status", "automation.before", "automation.now",
                       "automation.per_month", "automation.saved_month", "automation.saved_fy",
                       "automation.next_review"]


def automations_table(ds: Dataset, month: date, today: date, t: Translator) -> Table:
    rows: list[Row] = []
    for a, f in automation_lines(ds, month, today):
        m = f["measurement"]
        review = f["next_review"]
        rows.append([a.id, a.title, t.value("area", a.area), t.value("automation_status", a.status),
                     str(as_json(a.baseline.minutes)), str(as_json(m.minutes)) if m else None,
                     str(as_json(m.per_month if m else a.baseline.per_month)), hours_cell(f["saved_month"], t),
                     hours_cell(f["saved_fy"], t),
                     Day(review, t.days(review, today) if review else "", t("overdue") if f["overdue"] else "",
                         markable=True)])
    return Table([t(h) for h in AUTOMATION_HEADINGS], rows, t("automation.none"))


def automation_document(ds: Dataset, a: Automation, month: date, today: date, t: Translator) -> Document:
    f = dict(next(found for x, found in automation_lines(ds, month, today) if x.id == a.id))
    review = f["next_review"]
    fields: list[tuple[str, Value]] = [
        (t("automation.title_col"), a.title), (t("time.area"), t.value("area", a.area)),
        (t("status"), t.value("automation_status", a.status)), (t("automation.since"), Day(a.since)),
        (t("automation.baseline"), t("automation.minutes_runs", minutes=as_json(a.baseline.minutes),
                                     runs=as_json(a.baseline.per_month))),
        (t("automation.review"), t.duration(a.review)),
        (t("automation.month_total", month=f"{month:%Y-%m}"), hours_cell(f["saved_month"], t)),
        (t("automation.saved_fy"), hours_cell(f["saved_fy"], t)),
        (t("automation.next_review"), Day(review, t.days(review, today) if review else "",
                                          t("overdue") if f["overdue"] else "", markable=True)),
    ]
    rows: list[Row] = [[Day(m.date), str(as_json(m.minutes)), str(as_json(m.per_month)), m.note]
                       for m in a.measurements]
    measurements = Section(t("automation.measurements"), headings=[
        t("date"), t("automation.now"), t("automation.per_month"), t("note")], rows=rows)
    return Document(a.title, [Section(a.id, fields=fields), measurements])
