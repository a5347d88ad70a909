"""Everything about one partner on one screen (`haru partner show`, `partner list`) — pure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Contract, Meeting, Partner, Referral
from haru_cli.rules.activity import OpenAction, fiscal_year_start, last_meeting, open_actions
from haru_cli.rules.calendar import BusinessDays
from haru_cli.rules.fees import partner_statements, payments_by_partner
from haru_cli.rules.schedule import ContractDates, RegularMeeting, contract_dates, next_regular_meeting
from haru_cli.rules.time import as_hours, partner_minutes

RECENT_MEETINGS = 5


@frozen
class Overview:
    """A partner with what list and show need: contracts and their dates, meetings, actions, hours."""

    partner: Partner
    contracts: list[ContractDates]
    meetings: list[Meeting]  # newest first, all of them
    open_actions: list[OpenAction]
    referrals: list[Referral]
    last_meeting: Meeting | None
    next_regular: RegularMeeting | None
    fiscal_year_start: date
    hours_fiscal_year: Decimal
    hours_total: Decimal
    fees_accrued: int  # the subtotals (tax excluded) of this fiscal year's statements, up to today
    fees_paid: int  # the payments made this fiscal year, up to today
    fees_unpaid: int  # the payable of every statement whose pay date has come and has no payment (fees unpaid)

    @property
    def recent_meetings(self) -> list[Meeting]:
        return self.meetings[:RECENT_MEETINGS]

    @property
    def active_contracts(self) -> list[Contract]:
        """The contracts in force: active, and their term not run out (an expired one needs a decision)."""
        return [c.contract for c in self.contracts if c.contract.status == "active" and not c.expired]


def overview(ds: Dataset, partner: Partner, today: date, days: BusinessDays) -> Overview:
    meetings = ds.meetings_of(partner.id)
    contracts = sorted(ds.contracts_of(partner.id), key=lambda c: (c.status != "active", c.start, c.id))
    fy_start = fiscal_year_start(ds.settings, today)
    history = partner_statements(ds, partner, today, days)
    payments = payments_by_partner(ds).get(partner.id, {}).values()
    return Overview(
        partner=partner,
        contracts=[contract_dates(c, today) for c in contracts],
        meetings=meetings,
        open_actions=open_actions(ds, today, partner.id),
        referrals=ds.referrals_of(partner.id),
        last_meeting=last_meeting(ds, partner.id, today),
        next_regular=next_regular_meeting(ds, partner, today),
        fiscal_year_start=fy_start,
        hours_fiscal_year=as_hours(partner_minutes(ds, partner.id, fy_start, today)),
        hours_total=as_hours(partner_minutes(ds, partner.id, None, today)),
        fees_accrued=sum(s.subtotal for s in history if fy_start <= s.month <= today),
        fees_paid=sum(p.amount for p in payments if fy_start <= p.date <= today),
        fees_unpaid=sum(s.payable for s in history if s.unpaid(today)),
    )
