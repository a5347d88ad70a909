"""Renewals, feedback milestones and upcoming items as JSON (SPEC §5 keys), rows and calendar events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from haru_cli.render.formats import CalendarEvent, Cell, Row, visible, yen
from haru_cli.rules.schedule import Item, Milestone, Renewal
from haru_cli.views.partners import Labels as Labels  # re-exported for the command modules

if TYPE_CHECKING:
    from haru_cli.records.dataset import Dataset


def _name(ds: Dataset, partner_id: str) -> str | None:
    partner = ds.partners.get(partner_id)
    return partner.name if partner else None


def _days(day: date, today: date) -> int:
    return (day - today).days


# --- renewals ----------------------------------------------------------------------------------------

RENEWAL_HEADINGS = ["contract", "partner", "type", "title", "notice_deadline", "term_end", "auto_renew"]


def renewal_json(ds: Dataset, r: Renewal, today: date) -> dict[str, Any]:
    c = r.contract
    return {
        "contract": c.id,
        "partner": c.partner,
        "name": _name(ds, c.partner),
        "type": c.type,
        "title": c.title,
        "term_end": r.term_end.isoformat(),
        "notice_deadline": r.notice_deadline.isoformat(),
        "auto_renew": c.auto_renew,
        "days_to_notice": _days(r.notice_deadline, today),
        "days_to_end": _days(r.term_end, today),
        "expired": r.expired,
    }


def renewal_row(ds: Dataset, r: Renewal, today: date, t: Labels) -> Row:
    c = r.contract
    passed = r.notice_passed(today)
    end_note = t("expired") if r.expired else t.days(r.term_end, today)
    notice_note = t("notice_passed") if passed else t.days(r.notice_deadline, today)
    return [
        c.id,
        _name(ds, c.partner) or c.partner,
        t.value("contract_type", c.type),
        c.title or "",
        Cell(f"{r.notice_deadline} ({notice_note})", passed),
        Cell(f"{r.term_end} ({end_note})", r.expired),
        t.yesno(c.auto_renew),
    ]


def renewal_events(ds: Dataset, renewals: list[Renewal], today: date, t: Labels) -> list[CalendarEvent]:
    events = []
    for r in renewals:
        c = r.contract
        subject = f"{_name(ds, c.partner) or c.partner} {c.title or c.id}"
        path = ds.path_of("contracts", c.id)
        if r.notice_deadline >= today:
            events.append(_event(f"notice_deadline/{c.id}/{r.term_end}", r.notice_deadline, "notice_deadline",
                                 subject, path, t))
        events.append(_event(f"term_end/{c.id}/{r.term_end}", r.term_end, "term_end", subject, path, t))
    return events


# --- feedback milestones -----------------------------------------------------------------------------

MILESTONE_HEADINGS = ["partner", "contract", "milestone", "window_start", "status", "held_on"]


def milestone_json(ds: Dataset, m: Milestone) -> dict[str, Any]:
    c = m.contract
    return {
        "contract": c.id,
        "partner": c.partner,
        "name": _name(ds, c.partner),
        "milestone": m.milestone.isoformat(),
        "window_start": m.window_start.isoformat(),
        "status": m.status,
        "held_on": m.held_on.isoformat() if m.held_on else None,
    }


def milestone_row(ds: Dataset, m: Milestone, today: date, t: Labels) -> Row:
    c = m.contract
    return [
        _name(ds, c.partner) or c.partner,
        c.title or c.id,
        f"{m.milestone} ({t.days(m.milestone, today)})",
        m.window_start.isoformat(),
        Cell(t.value("milestone_status", m.status), m.status == "overdue"),
        t.day(m.held_on),
    ]


def milestone_events(ds: Dataset, milestones: list[Milestone], t: Labels) -> list[CalendarEvent]:
    return [
        _event(f"feedback/{m.contract.id}/{m.milestone}", m.milestone, "feedback",
               f"{_name(ds, m.contract.partner) or m.contract.partner} {m.contract.title or m.contract.id}",
               ds.path_of("contracts", m.contract.id), t)
        for m in milestones
    ]


# --- upcoming ----------------------------------------------------------------------------------------

ITEM_HEADINGS = ["date", "kind", "partner", "subject", "ref"]


def item_subject(item: Item, t: Labels) -> str:
    """What an item is about, for people: a regular meeting is its kind; a payout, its month and amount."""
    if item.kind == "regular_meeting":
        return t.value("item_kind", item.kind)
    if item.kind == "payout":
        return f"{item.subject} {yen(item.amount)}"
    return item.subject or item.ref


def item_json(ds: Dataset, item: Item) -> dict[str, Any]:
    return {
        "date": item.date.isoformat(),
        "kind": item.kind,
        "partner": item.partner,
        "name": _name(ds, item.partner),
        "subject": None if item.kind == "regular_meeting" else item.subject or item.ref,  # a label is no data
        "ref": item.ref,
        "overdue": item.overdue,
        "amount": item.amount,
    }


def item_row(ds: Dataset, item: Item, today: date, t: Labels) -> Row:
    when = f"{item.date} ({t('overdue')})" if item.overdue else f"{item.date} ({t.days(item.date, today)})"
    return [
        Cell(when, item.overdue),
        t.value("item_kind", item.kind),
        _name(ds, item.partner) or item.partner,
        item_subject(item, t),
        item.ref,
    ]


def item_events(ds: Dataset, items: list[Item], t: Labels) -> list[CalendarEvent]:
    events = []
    for item in items:
        name = _name(ds, item.partner) or item.partner
        subject = name if item.kind == "regular_meeting" else f"{name} {item_subject(item, t)}"
        path = ds.path_of(*item.source) if item.source in ds.paths else item.ref
        events.append(_event(item.uid, item.date, item.kind, subject, path, t))
    return events


def _event(uid: str, day: date, kind: str, subject: str, path: str, t: Labels) -> CalendarEvent:
    """【解約予告期限】株式会社ウエダ 生成AI社内導入支援 — the description names the record's file."""
    label = t.value("item_kind", kind)
    summary = f"【{label}】{subject}" if t.lang == "ja" else f"[{label}] {subject}"
    return CalendarEvent(f"{uid}@haru", day, visible(summary), visible(f"{label}: {path}"))


def emit_dated(fmt: str, today: date, until: date, key: str, found: list[Any], t: Labels, *,
               as_json: Callable[[Any], dict[str, Any]], as_row: Callable[[Any], Row],
               as_events: Callable[[list[Any]], list[CalendarEvent]], headings: list[str], calendar: str) -> None:
    """The output of renewals, feedback and upcoming: JSON {today, until, <key>: [...]}, rows, or iCalendar."""
    from haru_cli.cli.output import emit_calendar, emit_rows

    if fmt == "ics":
        emit_calendar(as_events(found), today, t(calendar))
        return
    data = {"today": today.isoformat(), "until": until.isoformat(), key: [as_json(x) for x in found]}
    emit_rows(fmt, data, [t(h) for h in headings], [as_row(x) for x in found], empty=t("nothing_due"))
