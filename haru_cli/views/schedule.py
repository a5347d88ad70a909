"""Renewals, feedback milestones and upcoming items (SPEC §4.1–4.3): one shape, `Dated`, of JSON objects
(SPEC §5 keys), table rows and calendar events — what the three dated commands print in any format."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar

from haru_cli.escape import visible
from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.registry import BY_NAME, CONTRACT
from haru_cli.records.values import Duration
from haru_cli.rules.dated import Item, uid
from haru_cli.rules.schedule import Milestone, Renewal
from haru_cli.views.names import owner_name, partner_name, vendor_name
from haru_cli.views.shapes import CalendarEvent, Day, Row, Table, Text

T = TypeVar("T")


@frozen
class Dated(Generic[T]):
    """What a dated command shows: JSON `{today, until, <key>: [...]}`, a table, or calendar events — each
    built only when asked for, since a command prints one of them."""

    key: str
    found: list[T]
    headings: list[str]
    empty: str
    calendar: str  # the calendar's name
    as_json: Callable[[T], dict[str, Any]]
    as_row: Callable[[T], Row]
    as_events: Callable[[T], list[CalendarEvent]]

    def data(self) -> list[dict[str, Any]]:
        return [self.as_json(x) for x in self.found]

    def table(self) -> Table:
        return Table(self.headings, [self.as_row(x) for x in self.found], self.empty, one_line=True)

    def events(self) -> list[CalendarEvent]:
        return [event for x in self.found for event in self.as_events(x)]


def _dated(key: str, found: list[T], t: Translator, headings: list[str], *, as_json: Callable[[T], dict[str, Any]],
           as_row: Callable[[T], Row], as_events: Callable[[T], list[CalendarEvent]], calendar: str) -> Dated[T]:
    return Dated(key, found, [t(h) for h in headings], t("nothing_due"), t(calendar), as_json, as_row, as_events)


def _event(uid: str, day: date, kind: str, subject: str, path: str, t: Translator,
           alarm: Duration | None) -> CalendarEvent:
    """【解約予告期限】株式会社ウエダ 生成AI社内導入支援 — the description names the record's file."""
    label = t.value("item_kind", kind)
    summary = t("calendar.summary", label=label, subject=subject)
    before = (day - alarm.before(day)).days if alarm is not None else None
    return CalendarEvent(f"{uid}@haru", day, visible(summary), visible(f"{label}: {path}"), before)


# --- renewals ----------------------------------------------------------------------------------------

RENEWAL_HEADINGS = ["contract", "partner", "type", "title", "notice_deadline", "term_end", "auto_renew"]


def renewals(ds: Dataset, found: list[Renewal], today: date, t: Translator) -> Dated[Renewal]:
    alarm = ds.settings.reminders.alarm

    def as_json(r: Renewal) -> dict[str, Any]:
        c = r.contract
        return {
            "contract": c.id,
            "partner": c.partner,
            "vendor": c.vendor,
            "name": owner_name(ds, c),
            "type": c.type,
            "title": c.title,
            "term_end": r.term_end.isoformat(),
            "notice_deadline": r.notice_deadline.isoformat(),
            "auto_renew": c.auto_renew,
            "days_to_notice": (r.notice_deadline - today).days,
            "days_to_end": (r.term_end - today).days,
            "expired": r.expired,
        }

    def as_row(r: Renewal) -> Row:
        c = r.contract
        return [
            c.id,
            owner_name(ds, c) or c.owner,
            t.value("contract_type", c.type),
            c.title or "",
            Day(r.notice_deadline, t.days(r.notice_deadline, today),
                t("notice_passed") if r.notice_passed(today) else "", markable=True,
                short_mark=t("notice_passed.short") if r.notice_passed(today) else ""),
            Day(r.term_end, t.days(r.term_end, today), t("expired") if r.expired else "", markable=True),
            t.yesno(c.auto_renew),
        ]

    def as_events(r: Renewal) -> list[CalendarEvent]:
        c = r.contract
        subject = f"{owner_name(ds, c) or c.owner} {c.title or c.id}"
        path = ds.path_of(CONTRACT, c.id)
        events = []
        if r.notice_deadline >= today:
            events.append(_event(uid("notice_deadline", c.id, r.term_end), r.notice_deadline, "notice_deadline",
                                 subject, path, t, alarm))
        events.append(_event(uid("term_end", c.id, r.term_end), r.term_end, "term_end", subject, path, t, alarm))
        return events

    return _dated("renewals", found, t, RENEWAL_HEADINGS, as_json=as_json, as_row=as_row, as_events=as_events,
                  calendar="renewals_calendar")


# --- feedback milestones -----------------------------------------------------------------------------

MILESTONE_HEADINGS = ["partner", "contract", "milestone", "window_start", "status", "held_on"]


def milestones(ds: Dataset, found: list[Milestone], today: date, t: Translator) -> Dated[Milestone]:
    alarm = ds.settings.reminders.alarm

    def as_json(m: Milestone) -> dict[str, Any]:
        c = m.contract
        return {
            "contract": c.id,
            "partner": c.partner,
            "vendor": c.vendor,
            "name": owner_name(ds, c),
            "milestone": m.milestone.isoformat(),
            "window_start": m.window_start.isoformat(),
            "status": m.status,
            "held_on": m.held_on.isoformat() if m.held_on else None,
        }

    def as_row(m: Milestone) -> Row:
        c = m.contract
        return [
            owner_name(ds, c) or c.owner,
            c.title or c.id,
            Day(m.milestone, t.days(m.milestone, today)),
            Day(m.window_start),
            Text(t.value("milestone_status", m.status), m.status == "overdue"),
            Day(m.held_on),
        ]

    def as_events(m: Milestone) -> list[CalendarEvent]:
        c = m.contract
        return [_event(uid("feedback", c.id, m.milestone), m.milestone, "feedback",
                       f"{owner_name(ds, c) or c.owner} {c.title or c.id}", ds.path_of(CONTRACT, c.id), t, alarm)]

    return _dated("milestones", found, t, MILESTONE_HEADINGS, as_json=as_json, as_row=as_row, as_events=as_events,
                  calendar="feedback_calendar")


# --- upcoming ----------------------------------------------------------------------------------------

ITEM_HEADINGS = ["date", "kind", "partner", "subject", "ref"]


def item_subject(item: Item, t: Translator) -> str:
    """What an item is about, for people: a regular meeting is its kind; a payout, its amount and month,
    marked paid once its payment is recorded — the amount first, so that a line shortened to fit a
    terminal still shows it."""
    if item.kind == "regular_meeting":
        return t.value("item_kind", item.kind)
    if item.kind == "payout":
        return f"{t.yen(item.amount)} {item.subject}" + (t("fees.paid_mark") if item.paid else "")
    return item.subject or item.ref


def item_mark(item: Item, t: Translator, *, short: bool = False) -> str:
    """What an overdue item is marked with: a notice deadline that passed runs on until the term ends
    (`short`: 経過, in a line too narrow for 予告期限経過, beside the kind that says the rest)."""
    if not item.overdue:
        return ""
    if item.kind == "notice_deadline":
        return t("notice_passed.short") if short else t("notice_passed")
    return t("overdue")


@frozen
class ItemLine:
    """An item as `upcoming` says it — whose it is by name, what it is about, its mark — for the reports
    that list items too, so that they say the same (the item's own fields kept: date, kind, ref …)."""

    item: Item
    name: str  # the partner's or the vendor's name ("" for an automation's review)
    subject: str
    mark: str  # "" when it is not overdue

    @property
    def date(self) -> date:
        return self.item.date

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def partner(self) -> str:
        return self.item.partner

    @property
    def ref(self) -> str:
        return self.item.ref

    @property
    def overdue(self) -> bool:
        return self.item.overdue


def item_line(ds: Dataset, item: Item, t: Translator) -> ItemLine:
    name = partner_name(ds, item.partner) or vendor_name(ds, item.vendor) or item.partner
    return ItemLine(item, name, item_subject(item, t), item_mark(item, t))


def upcoming(ds: Dataset, found: list[Item], today: date, t: Translator) -> Dated[Item]:
    alarm = ds.settings.reminders.alarm

    def as_json(item: Item) -> dict[str, Any]:
        return {
            "date": item.date.isoformat(),
            "kind": item.kind,
            "partner": item.partner or None,
            "vendor": item.vendor,
            "name": partner_name(ds, item.partner) or vendor_name(ds, item.vendor),
            "subject": None if item.kind == "regular_meeting" else item.subject or item.ref,  # a label is no data
            "ref": item.ref,
            "overdue": item.overdue,
            "amount": item.amount,
            "paid": item.paid,
        }

    def as_row(item: Item) -> Row:
        line = item_line(ds, item, t)
        return [
            Day(item.date, t.days(item.date, today), line.mark, markable=True,
                short_mark=item_mark(item, t, short=True)),
            t.value("item_kind", item.kind),
            line.name,
            Text(line.subject, keep=t.yen(item.amount)) if item.kind == "payout" else line.subject,
            item.ref,
        ]

    def as_events(item: Item) -> list[CalendarEvent]:
        line = item_line(ds, item, t)
        subject = line.name if item.kind == "regular_meeting" else f"{line.name} {line.subject}".strip()
        kind, record_id = item.source
        path = ds.path_of(BY_NAME[kind], record_id) if ds.has_path(BY_NAME[kind], record_id) else item.ref
        return [_event(item.uid, item.date, item.kind, subject, path, t, alarm)]

    return _dated("items", found, t, ITEM_HEADINGS, as_json=as_json, as_row=as_row, as_events=as_events,
                  calendar="upcoming_calendar")
