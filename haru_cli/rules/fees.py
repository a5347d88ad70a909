"""Referral fees (SPEC §4.4): fee events, monthly statements, consumption tax, withholding, pay dates.

Money is integers and Decimal only, never a float. A month is the date of its first day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Literal

from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Contract, FeeRule, Partner, Referral, Settings
from haru_cli.records.values import Duration, Rate, add_months
from haru_cli.rules.calendar import BusinessDays, month_end

EventKind = Literal["fixed", "deal", "payment", "clawback"]

_ROUNDING = {"floor": ROUND_FLOOR, "half_up": ROUND_HALF_UP, "ceil": ROUND_CEILING}
WITHHOLDING_THRESHOLD = 1_000_000
WITHHOLDING_LOW = Decimal("0.1021")  # 10.21% (所得税 10% + 復興特別所得税)
WITHHOLDING_HIGH = Decimal("0.2042")  # 20.42% on the part above ¥1,000,000


@dataclass(frozen=True)
class FeeEvent:
    """One amount a referral earned (or, for a clawback, lost) on one day."""

    referral: Referral
    date: date
    event: EventKind
    basis: str | None  # "paid" | "deal" for rate events
    rate: Rate | None
    amount: int


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def fee_events(referral: Referral, rule: FeeRule) -> list[FeeEvent]:
    """What one referral earns under its rule, in date order (SPEC §4.4)."""
    deal = referral.deal
    if referral.status not in ("won", "cancelled") or deal is None:
        return []
    raw: list[tuple[date, EventKind, int]] = []
    if rule.fixed is not None:
        raw.append((deal.signed, "fixed", rule.fixed))
    elif rule.rate is not None and rule.basis == "deal":
        if deal.amount is not None:  # without it validation reports deal-missing and skips the referral
            raw.append((deal.signed, "deal", _floor(rule.rate.of(deal.amount))))
    elif rule.rate is not None:
        last_day = Duration(rule.months, "m").after(deal.signed) if rule.months else None
        for payment in sorted(referral.payments, key=lambda p: p.date):
            if last_day is not None and payment.date > last_day:
                continue
            if referral.cancelled is not None and payment.date > referral.cancelled:
                continue
            raw.append((payment.date, "payment", _floor(rule.rate.of(payment.amount))))
    basis = None if rule.fixed is not None else (rule.basis or "paid")
    rate = None if rule.fixed is not None else rule.rate
    events: list[FeeEvent] = []
    total = 0
    for day, kind, amount in raw:
        if rule.cap is not None:
            amount = min(amount, rule.cap - total)  # the event that reaches the cap is cut to meet it exactly
        if amount <= 0:
            continue
        total += amount
        events.append(FeeEvent(referral, day, kind, basis, rate, amount))
    cancelled = referral.cancelled
    if (referral.status == "cancelled" and cancelled is not None and rule.clawback is not None
            and cancelled <= rule.clawback.after(deal.signed)):
        earned = sum(e.amount for e in events if e.date <= cancelled)
        if earned > 0:
            events.append(FeeEvent(referral, cancelled, "clawback", None, None, -earned))
    return events


def consumption_tax(subtotal: int, settings: Settings) -> int:
    """インボイス: the tax of a statement is rounded once, on its subtotal."""
    tax = settings.tax.rate.of(subtotal)
    return int(tax.to_integral_value(rounding=_ROUNDING[settings.tax.rounding]))


def withholding_tax(subtotal: int) -> int:
    """源泉徴収 on fees to an individual: 10.21% up to ¥1,000,000, 20.42% above it; rounded down."""
    if subtotal <= WITHHOLDING_THRESHOLD:
        return _floor(subtotal * WITHHOLDING_LOW)
    return _floor((subtotal - WITHHOLDING_THRESHOLD) * WITHHOLDING_HIGH) + 102_100


def pay_date(month: date, settings: Settings, days: BusinessDays) -> date:
    """The month's fees are paid month_offset months later on `day`, moved off non-business days."""
    payout = settings.payout
    target = add_months(month, payout.month_offset)
    end = month_end(target.year, target.month)
    day = end if payout.day == "end" else target.replace(day=min(int(payout.day), end.day))
    return days.shift(day, payout.shift)


INVOICE_SYSTEM_START = date(2023, 10, 1)  # インボイス制度: before it, no registration number was asked for


def input_tax_credit_percent(day: date) -> int | None:
    """経過措置: the share of consumption tax HaRu may still deduct on what it bought from an unregistered
    partner on that day (the fees arise in their statement's month): 80% to 2026-09-30, 50% to 2029-09-30,
    none after; None before the invoice system began (2023-10-01), when the question did not arise."""
    if day < INVOICE_SYSTEM_START:
        return None
    if day <= date(2026, 9, 30):
        return 80
    if day <= date(2029, 9, 30):
        return 50
    return 0


@dataclass(frozen=True)
class Statement:
    """One partner's fees for one calendar month (月末締め)."""

    partner: Partner
    month: date
    lines: list[FeeEvent]
    carried_in: int
    subtotal: int
    consumption_tax: int
    withholding: int
    payable: int
    carry_forward: int
    pay_on: date


def earned(ds: Dataset, today: date) -> dict[str, int]:
    """What each referral has earned up to today: its fee events dated by then (a clawback takes it back)."""
    found: dict[str, int] = defaultdict(int)
    for events in events_by_partner(ds).values():
        for e in events:
            if e.date <= today:
                found[e.referral.id] += e.amount
    return dict(found)


def events_by_partner(ds: Dataset) -> dict[str, list[FeeEvent]]:
    """Every fee event of every referral, grouped by partner, in date order (computed once per dataset)."""
    def build() -> dict[str, list[FeeEvent]]:
        events: dict[str, list[FeeEvent]] = defaultdict(list)
        for referral in ds.referrals.values():
            contract: Contract | None = ds.contracts.get(referral.contract)
            rule = contract.fee_rule(referral.kind) if contract else None
            if rule is not None:
                events[referral.partner] += fee_events(referral, rule)
        return {partner: sorted(found, key=lambda e: (e.date, e.referral.id)) for partner, found in events.items()}
    return ds.memo("fee_events", build)


def statements(settings: Settings, partner: Partner, events: list[FeeEvent], until: date,
               days: BusinessDays) -> list[Statement]:
    """The partner's statements for every month up to `until`'s month, carrying negative balances."""
    by_month: dict[date, list[FeeEvent]] = defaultdict(list)
    for event in events:
        by_month[event.date.replace(day=1)].append(event)
    if not by_month:
        return []
    last = until.replace(day=1)
    month, carried, found = min(by_month), 0, []
    while month <= last:
        lines = by_month.get(month, [])
        if lines or carried:
            found.append(_statement(settings, partner, month, lines, carried, days))
            carried = found[-1].carry_forward
        month = add_months(month, 1)
    return found


def _statement(settings: Settings, partner: Partner, month: date, lines: list[FeeEvent], carried: int,
               days: BusinessDays) -> Statement:
    net = carried + sum(e.amount for e in lines)
    subtotal, carry = (0, net) if net < 0 else (net, 0)
    tax = consumption_tax(subtotal, settings)
    withheld = withholding_tax(subtotal) if partner.withholding else 0
    return Statement(partner, month, lines, carried, subtotal, tax, withheld, subtotal + tax - withheld, carry,
                     pay_date(month, settings, days))


def monthly_statement(ds: Dataset, partner: Partner, month: date, days: BusinessDays) -> Statement | None:
    """The partner's statement for that month; None when it has no lines and nothing carried in."""
    return next(iter(month_statements(ds, month, days, [partner.id])), None)


def month_statements(ds: Dataset, month: date, days: BusinessDays,
                     partner_ids: list[str] | None = None) -> list[Statement]:
    """The statements of every partner (or of those given) for the month, in partner order (by reading)."""
    from haru_cli.rules.lookup import sort_key

    events = events_by_partner(ds)
    found = []
    for partner in sorted(ds.partners.values(), key=sort_key):
        if partner_ids is not None and partner.id not in partner_ids:
            continue
        history = statements(ds.settings, partner, events.get(partner.id, []), month, days)
        if history and history[-1].month == month.replace(day=1):
            found.append(history[-1])
    return found
