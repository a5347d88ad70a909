"""What the Markdown reports say (the templates only lay it out): monthly activity with the 社長's hours
and their trend, by area against the targets, and what AI saved (strategy 3.4), feedback heard (3.5), and
the agenda of the next 定例会 — pure. Their dated items are `upcoming`'s, said as it says them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import field
from datetime import date
from decimal import Decimal
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Meeting, Partner, Referral
from haru_cli.records.values import Duration, add_months
from haru_cli.rules.activity import OpenAction, open_actions
from haru_cli.rules.calendar import BusinessDays, month_end
from haru_cli.rules.fees import Statement, month_statements
from haru_cli.rules.projects import OPEN_STAGES, next_step_overdue, pipeline
from haru_cli.rules.schedule import Milestone, RegularMeeting, feedback_milestones, next_regular_meeting
from haru_cli.rules.time import as_hours, meeting_spent, minutes_by_partner, month_of, percent
from haru_cli.rules.upcoming import upcoming
from haru_cli.views.schedule import ItemLine, item_line
from haru_cli.views.time import automations_json, time_json, time_report

TREND_MONTHS = 3  # the month is compared with the three before it
LOOKAHEAD = Duration(60, "d")  # the monthly report's dates: what `haru upcoming --within 60d` lists
AGENDA_AHEAD = Duration(90, "d")  # the agenda's contract and payment dates


@frozen
class HoursRow:
    """Hours of one partner (or one meeting kind) in the month and in each of the months before it."""

    key: str
    hours: Decimal
    share: Decimal  # percent of the month's hours
    previous: list[Decimal]  # the months before, most recent first
    minutes_before: Decimal  # the months before, in all

    @property
    def average_before(self) -> Decimal:
        """A month of the months before, on average: rounded once, as every figure of hours is."""
        return as_hours(self.minutes_before / len(self.previous))


@frozen
class Monthly:
    """What the monthly report says of one month."""

    month: date
    meetings: list[Meeting]
    hours_by_partner: list[HoursRow]
    hours_by_kind: list[HoursRow]
    total_hours: Decimal
    total_previous: list[Decimal]
    feedback: list[Meeting]
    referrals_new: list[Referral]
    referrals_won: list[Referral]
    statements: list[Statement]
    ahead: list[ItemLine]  # what `upcoming --within 60d` lists: overdue items, then the next 60 days'
    overdue_actions: list[OpenAction]
    time: dict[str, Any] = field(default_factory=dict)  # the month's `time report` (SPEC §9.3), as its JSON
    automations: dict[str, Any] = field(default_factory=dict)  # `automation list` of the month, as its JSON
    moves: list[dict[str, Any]] = field(default_factory=list)  # the pipeline's stage changes in the month (§12)
    evaluations_held: int = 0  # the school's oral reports judged in the month (SPEC §11)
    certificates_issued: int = 0

    @property
    def fees_accrued(self) -> int:
        return sum(line.amount for s in self.statements for line in s.lines)

    @property
    def fees_payable(self) -> int:
        return sum(s.payable for s in self.statements)


def _in_month(day: date, month: date) -> bool:
    return month <= day <= month_end(month.year, month.month)


def _minutes_by(meetings: list[Meeting], by_partner: bool) -> dict[str, Decimal]:
    """Minutes per partner (a joint meeting's split evenly) or per meeting kind."""
    if by_partner:
        return minutes_by_partner(meeting_spent(m) for m in meetings)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for m in meetings:
        totals[m.kind] += Decimal(m.minutes or 0)
    return totals


def _hours_rows(months: list[list[Meeting]], by_partner: bool) -> list[HoursRow]:
    per_month = [_minutes_by(meetings, by_partner) for meetings in months]
    total = sum(per_month[0].values(), Decimal(0))
    rows = [
        HoursRow(
            key,
            as_hours(per_month[0].get(key, Decimal(0))),
            percent(per_month[0].get(key, Decimal(0)) * 100 / total) if total else Decimal(0),
            [as_hours(earlier.get(key, Decimal(0))) for earlier in per_month[1:]],
            sum((earlier.get(key, Decimal(0)) for earlier in per_month[1:]), Decimal(0)),
        )
        for key in {key for minutes in per_month for key in minutes}
    ]
    return sorted(rows, key=lambda r: (-r.hours, -sum(r.previous), r.key))


def monthly(ds: Dataset, month: date, today: date, days: BusinessDays, t: Translator) -> Monthly:
    month = month.replace(day=1)
    months = [add_months(month, -i) for i in range(TREND_MONTHS + 1)]
    by_month = [
        sorted((m for m in ds.meetings.values() if _in_month(m.date, first)), key=lambda m: (m.date, m.id))
        for first in months
    ]
    referrals = sorted(ds.referrals.values(), key=lambda r: (r.referred, r.id))
    # Every item `upcoming` lists for the same window (its overdue ones too), not the contracts' dates alone:
    # a report says what the command says.
    ahead = [item_line(ds, item, t) for item in upcoming(ds, today, LOOKAHEAD.after(today),
                                                          LOOKAHEAD.before(today), days)]
    return Monthly(
        month=month,
        meetings=by_month[0],
        hours_by_partner=_hours_rows(by_month, by_partner=True),
        hours_by_kind=_hours_rows(by_month, by_partner=False),
        total_hours=as_hours(sum((Decimal(m.minutes or 0) for m in by_month[0]), Decimal(0))),
        total_previous=[as_hours(sum((Decimal(m.minutes or 0) for m in ms), Decimal(0))) for ms in by_month[1:]],
        feedback=[m for m in by_month[0] if m.feedback is not None],
        referrals_new=[r for r in referrals if _in_month(r.referred, month)],
        referrals_won=[r for r in referrals if r.deal is not None and r.status in ("won", "cancelled")
                       and _in_month(r.deal.signed, month)],
        statements=month_statements(ds, month, days),
        ahead=ahead,
        overdue_actions=[o for o in open_actions(ds, today) if o.overdue],
        time=time_json(time_report(ds, month_of(month), today)),
        automations=automations_json(ds, month, today),
        moves=[{"date": h.date, "title": o.title, "stage": h.stage, "note": h.note}
               for o in ds.opportunities.values() for h in o.history if _in_month(h.date, month)],
        evaluations_held=sum(1 for st in ds.students.values() for e in st.evaluations if _in_month(e.date, month)),
        certificates_issued=sum(1 for c in ds.certificates.values() if _in_month(c.issued, month)),
    )


@frozen
class Agenda:
    """What to bring to the next 定例会 with a partner."""

    partner: Partner
    next_meeting: RegularMeeting | None
    last_meeting: Meeting | None
    open_actions: list[OpenAction]
    decisions: list[tuple[Meeting, str]]  # decided since the last regular meeting (included)
    dates_ahead: list[ItemLine]  # the partner's contracts' dates and payouts, as `upcoming` says them
    pipeline: list[Referral]  # referrals still open (lead) or won
    feedback_due: list[Milestone] = field(default_factory=list)
    # Its open opportunities (SPEC §12), by stage, then due: title, stage, next, due, value, overdue
    opportunities: list[dict[str, Any]] = field(default_factory=list)


AGENDA_KINDS = ("notice_deadline", "term_end", "draft", "payout")  # the partner's contracts and payments


def agenda(ds: Dataset, partner: Partner, today: date, days: BusinessDays, t: Translator) -> Agenda:
    meetings = [m for m in ds.meetings_of(partner.id) if m.date <= today]  # newest first
    last_regular = next((m for m in meetings if m.kind == "regular"), None)
    since = last_regular.date if last_regular else date.min
    decisions = [(m, d) for m in reversed(meetings) if m.date >= since for d in m.decisions]
    horizon = AGENDA_AHEAD.after(today)
    return Agenda(
        partner=partner,
        next_meeting=next_regular_meeting(ds, partner, today),
        last_meeting=meetings[0] if meetings else None,
        open_actions=open_actions(ds, today, partner.id),
        decisions=decisions,
        dates_ahead=[item_line(ds, item, t) for item in upcoming(ds, today, horizon, today, days)
                     if item.partner == partner.id and item.kind in AGENDA_KINDS],
        pipeline=[r for r in ds.referrals_of(partner.id) if r.status in ("lead", "won")],
        feedback_due=[m for m in feedback_milestones(ds, LOOKAHEAD.before(today), horizon, today)
                      if m.contract.partner == partner.id and m.status != "held"],
        opportunities=[{"title": o.title, "stage": o.stage, "next": o.next, "due": o.due, "value": o.value,
                        "overdue": next_step_overdue(o, today)}
                       for row in pipeline(ds, partner_id=partner.id) if row.stage in OPEN_STAGES
                       for o in row.opportunities],
    )
