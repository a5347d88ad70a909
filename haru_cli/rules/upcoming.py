"""Everything dated, in one list (`haru upcoming`): notice deadlines, term ends, feedback hearings, regular
meetings due, open action items, fee payouts and reviews of what AI saves — pure, for an explicit today."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from haru_cli.records.dataset import Dataset
from haru_cli.rules.activity import open_actions
from haru_cli.rules.calendar import BusinessDays
from haru_cli.rules.fees import partner_statements
from haru_cli.rules.projects import OPEN_STAGES, next_progress_meeting
from haru_cli.rules.schedule import contract_dates, feedback_due, next_regular_meeting, renewal
from haru_cli.rules.time import next_review

KINDS = ("notice_deadline", "term_end", "draft", "feedback", "regular_meeting", "action", "payout", "ai_review",
         "deliverable", "project_meeting", "milestone", "opportunity")


@dataclass(frozen=True)
class Item:
    """One dated thing to do. `source` is the (folder, id) of the record it comes from."""

    date: date
    kind: str  # one of KINDS
    partner: str  # "" for what is no partner's (an automation's review, a vendor's contract)
    subject: str | None  # the contract's title or the action's task; None where the kind says it all
    ref: str
    overdue: bool
    source: tuple[str, str]  # (record type, id)
    uid: str  # stable across runs, so that a calendar updates the event instead of duplicating it
    amount: int | None = None  # a payout's amount (its subject is the month the fees arose in)
    paid: bool | None = None  # a payout: whether its payment is recorded
    vendor: str | None = None  # whose it is, when a vendor's (its contract, a deliverable): partner is ""


def _item_order(item: Item) -> tuple[bool, date, int, str, str]:
    """Overdue first, then by date."""
    return (not item.overdue, item.date, KINDS.index(item.kind), item.partner, item.ref)


def upcoming(ds: Dataset, today: date, until: date, back: date, days: BusinessDays) -> list[Item]:
    """Notice deadlines, term ends, feedback hearings, regular meetings and action items due by `until`;
    overdue ones first. `back` is how far back unheld feedback milestones are still shown."""
    items: list[Item] = []
    for c in ds.contracts.values():
        owner = c.partner or ""  # a vendor's contract is no partner's: its vendor is said
        if c.status == "active":
            dated = contract_dates(c, today)
            r = renewal(dated, today, until)
            if r is not None and today <= r.notice_deadline <= until:
                items.append(Item(r.notice_deadline, "notice_deadline", owner, c.title, c.id, False,
                                  ("contract", c.id), uid("notice_deadline", c.id, r.term_end), vendor=c.vendor))
            elif dated.notice_passed and dated.notice_deadline is not None and dated.term_end is not None:
                # A notice deadline that passed without a decision stays, marked, until its term ends.
                items.append(Item(dated.notice_deadline, "notice_deadline", owner, c.title, c.id, True,
                                  ("contract", c.id), uid("notice_deadline", c.id, dated.term_end), vendor=c.vendor))
            if r is not None and (r.expired or today <= r.term_end <= until):
                items.append(Item(r.term_end, "term_end", owner, c.title, c.id, r.expired, ("contract", c.id),
                                  uid("term_end", c.id, r.term_end), vendor=c.vendor))
        elif c.status == "draft" and c.start <= until:  # a draft about to start, or past its start unsigned
            items.append(Item(c.start, "draft", owner, c.title, c.id, c.start < today, ("contract", c.id),
                              uid("draft", c.id), vendor=c.vendor))
    for m in feedback_due(ds, today, until, back):
        if m.status != "held":
            c = m.contract
            items.append(Item(m.milestone, "feedback", c.partner or "", c.title, c.id, m.status == "overdue",
                              ("contract", c.id), uid("feedback", c.id, m.milestone), vendor=c.vendor))
    for partner in ds.partners.values():
        regular = next_regular_meeting(ds, partner, today)
        if regular is not None and regular.due <= until:
            items.append(Item(regular.due, "regular_meeting", partner.id, None, partner.id, regular.overdue,
                              ("partner", partner.id), uid("regular_meeting", partner.id)))
    items += _payouts(ds, today, until, days)
    for o in open_actions(ds, today):
        due = o.action.due
        if due is not None and due <= until:
            earlier = sum(a.task.strip() == o.action.task.strip() for a in o.meeting.actions[:o.index])
            items.append(Item(due, "action", o.meeting.partners[0], o.action.task, o.meeting.id, o.overdue,
                              ("meeting", o.meeting.id), action_uid(o.meeting.id, o.action.task, earlier)))
    for c in ds.contracts.values():  # what vendors are to deliver (SPEC §10.3)
        for d in c.deliverables:
            if d.delivered is None and d.due <= until:
                items.append(Item(d.due, "deliverable", c.partner or "", d.title or d.id, f"{c.id}/{d.id}",
                                  d.due < today, ("contract", c.id), uid("deliverable", c.id, d.id), vendor=c.vendor))
    for p in ds.projects.values():  # joint projects (SPEC §12.3): progress meetings and milestones
        due = next_progress_meeting(ds, p)
        if due is not None and due <= until:
            items.append(Item(due, "project_meeting", p.partners[0], p.title, p.id, due < today, ("project", p.id),
                              uid("project_meeting", p.id)))
        for step in p.milestones:
            if step.done is None and step.due <= until and p.status in ("planned", "active"):
                items.append(Item(step.due, "milestone", p.partners[0], step.title, p.id, step.due < today,
                                  ("project", p.id), uid("milestone", p.id, hashlib.sha256(
                                      step.title.encode("utf-8")).hexdigest()[:16])))  # by title, not place
    for chance in ds.opportunities.values():  # the pipeline's next steps
        if chance.due is not None and chance.due <= until and chance.stage in OPEN_STAGES:
            items.append(Item(chance.due, "opportunity", chance.partners[0], chance.next or chance.title, chance.id,
                              chance.due < today, ("opportunity", chance.id),
                              uid("opportunity", chance.id, chance.due)))
    for a in ds.automations.values():  # re-measuring what AI saves (SPEC §9.3)
        review = next_review(a)
        if review is not None and review <= until:
            items.append(Item(review, "ai_review", "", a.title, a.id, review < today, ("automation", a.id),
                              uid("ai_review", a.id, review)))
    return sorted(items, key=_item_order)


def uid(kind: str, record_id: str, *which: object) -> str:
    """A calendar event's UID: its kind, its record, and which of the record's events it is (a term by
    the day it ends, a milestone by its day); stable across runs, so that importing a calendar again
    updates its events instead of duplicating them."""
    return "/".join([kind, record_id, *map(str, which)])


def action_uid(meeting_id: str, task: str, earlier_same: int) -> str:
    """An action's calendar UID: by its meeting and its task, not its position, so that reordering a
    meeting's actions never swaps which event is which (a task repeated in one meeting counts its repeats)."""
    digest = hashlib.sha256(task.strip().encode("utf-8")).hexdigest()[:16]
    return uid("action", meeting_id, digest + (f"-{earlier_same + 1}" if earlier_same else ""))


def _payouts(ds: Dataset, today: date, until: date, days: BusinessDays) -> list[Item]:
    """Fee statements whose pay date falls in [today, until] and that pay something, marked paid once a
    payment is recorded; where the workspace records payments at all, those without one whose date passed
    (a payment that no longer matches is `validate`'s payout-mismatch, not a debt)."""
    tracked = any(p.kind == "payment" for p in ds.payouts.values())
    items = []
    for partner in ds.partners.values():
        for s in partner_statements(ds, partner, until, days):
            late = tracked and s.overdue(today)
            if (today <= s.pay_on <= until or late) and s.payable > 0:
                month = f"{s.month:%Y-%m}"
                items.append(Item(s.pay_on, "payout", partner.id, month, f"{partner.id}/{month}", late,
                                  ("partner", partner.id), uid("payout", partner.id, month), s.payable,
                                  paid=s.payment is not None))
    return items
