"""Referral fees (SPEC §4.4, §8.1): fee events, monthly statements, consumption tax, withholding, pay dates,
and what was actually paid: a payment settles a statement; a refund (a partner paying back what a
clawback left owing) is a line of the statement of its month.

Money is integers and Decimal only, never a float. A month is the date of its first day.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, Literal

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.literals import WithholdingKind
from haru_cli.records.models import Contract, FeeRule, Partner, Payout, Referral, Settings
from haru_cli.records.problems import Finding, finding, warn
from haru_cli.records.registry import CONTRACT, PARTNER, PAYOUT, REFERRAL, SETTINGS_FILE
from haru_cli.records.values import CreditStep, Duration, Rate, add_months
from haru_cli.rules.calendar import BusinessDays, month_end
from haru_cli.rules.dated import Item, Window, uid
from haru_cli.rules.integrity import fees_incomplete

EventKind = Literal["fixed", "deal", "payment", "clawback", "refund"]

_ROUNDING = {"floor": ROUND_FLOOR, "half_up": ROUND_HALF_UP, "ceil": ROUND_CEILING}
WITHHOLDING_THRESHOLD = 1_000_000
WITHHOLDING_LOW = Decimal("0.1021")  # 10.21% (所得税 10% + 復興特別所得税)
WITHHOLDING_HIGH = Decimal("0.2042")  # 20.42% on the part above ¥1,000,000
SALESPERSON_ALLOWANCE = 120_000  # 外交員報酬: withheld on what a month's payment exceeds (国税庁 No.2804)


_Day = date  # a FeeEvent has a field named date


@frozen
class FeeEvent:
    """One amount a referral earned (or, for a clawback, lost) on one day; or a refund a partner paid back
    (no referral: its payout, booked in the payout's month)."""

    referral: Referral | None
    date: date
    event: EventKind
    basis: str | None  # "paid" | "deal" for rate events
    rate: Rate | None
    amount: int
    payout: Payout | None = None  # the refund's record

    @property
    def month(self) -> _Day:
        """The statement it belongs to: its date's month, or for a refund the month the refund names."""
        return self.payout.month.first if self.payout is not None else self.date.replace(day=1)

    @property
    def source(self) -> str:
        """The id of the record it comes from (for a stable order)."""
        return self.referral.id if self.referral is not None else self.payout.id if self.payout is not None else ""


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


def withholding_tax(payment: int, kind: WithholdingKind) -> int:
    """源泉徴収 of one month's payment, by the payee's kind (SPEC §4.5), rounded down: a 報酬 (fee) 10.21% up
    to ¥1,000,000 and 20.42% above it; a 外交員報酬 (salesperson) 10.21% of what exceeds ¥120,000; else none."""
    if kind == "fee":
        if payment <= WITHHOLDING_THRESHOLD:
            return _floor(payment * WITHHOLDING_LOW)
        return _floor((payment - WITHHOLDING_THRESHOLD) * WITHHOLDING_HIGH) + 102_100
    if kind == "salesperson":
        return max(0, _floor((payment - SALESPERSON_ALLOWANCE) * WITHHOLDING_LOW))
    return 0


def pay_date(month: date, settings: Settings, days: BusinessDays) -> date:
    """The month's fees are paid month_offset months later on `day`, moved off non-business days."""
    payout = settings.payout
    target = add_months(month, payout.month_offset)
    end = month_end(target.year, target.month)
    day = end if payout.day == "end" else target.replace(day=min(int(payout.day), end.day))
    return days.shift(day, payout.shift)


# 経過措置 of the インボイス制度 as 令和8年度税制改正 amended it: from each day on, the share of consumption tax
# HaRu may deduct on what it bought from an unregistered partner. Before the first day (the invoice system's
# start) everything was deductible.
UNREGISTERED_CREDIT = (
    CreditStep(date(2023, 10, 1), Rate(Decimal(80))),
    CreditStep(date(2026, 10, 1), Rate(Decimal(70))),
    CreditStep(date(2028, 10, 1), Rate(Decimal(50))),
    CreditStep(date(2030, 10, 1), Rate(Decimal(30))),
    CreditStep(date(2031, 10, 1), Rate(Decimal(0))),
)
FULL_CREDIT = Rate(Decimal(100))


def credit_share(partner: Partner, arose: date, settings: Settings) -> Rate:
    """The share of a statement's consumption tax HaRu may deduct (SPEC §4.6): all of it from a registered
    partner; from an unregistered one, the share of the day the fees arose: by `tax.unregistered_credit` from
    its first day on, by the law's table before it (a table that says how the law changes again need not
    repeat what it was)."""
    if partner.invoice_number is not None:
        return FULL_CREDIT
    own = settings.tax.unregistered_credit or ()
    steps = [s for s in UNREGISTERED_CREDIT if not own or s.start < own[0].start] + list(own)
    share = FULL_CREDIT
    for step in steps:
        if step.start <= arose:
            share = step.percent
    return share


@frozen
class Totals:
    """What a month's lines come to, with the balance carried in (SPEC §4.4)."""

    carried_in: int
    subtotal: int
    consumption_tax: int
    withholding: int
    payable: int
    carry_forward: int


def totals(settings: Settings, partner: Partner, lines: list[FeeEvent], carried: int) -> Totals:
    net = carried + sum(e.amount for e in lines)
    subtotal, carry = (0, net) if net < 0 else (net, 0)
    tax = consumption_tax(subtotal, settings)
    withheld = withholding_tax(subtotal, partner.withholding_kind)
    return Totals(carried, subtotal, tax, withheld, subtotal + tax - withheld, carry)


@frozen(kw_only=True)
class Statement(Totals):
    """One partner's fees for one calendar month (月末締め): its totals, and what was paid of it."""

    partner: Partner
    month: date
    lines: list[FeeEvent]
    pay_on: date
    credit: Rate = FULL_CREDIT  # the share of its consumption tax HaRu may deduct (SPEC §4.6)
    payment: Payout | None = None  # the payment recorded for it

    @property
    def deductible_tax(self) -> int:
        """What HaRu may deduct of its consumption tax (仕入税額控除), rounded down."""
        return _floor(self.credit.of(self.consumption_tax))

    @property
    def paid(self) -> int | None:
        return self.payment.amount if self.payment is not None else None

    @property
    def paid_on(self) -> date | None:
        return self.payment.date if self.payment is not None else None

    @property
    def settled(self) -> bool:
        """Nothing is left to pay: what was paid is what is payable (or nothing was)."""
        return self.payable == 0 or self.paid == self.payable

    @property
    def outstanding(self) -> bool:
        """It pays something and no payment is recorded (a payment that differs is payout-mismatch, not a
        debt): what a transfer file prepared before the pay date holds."""
        return self.payable > 0 and self.payment is None

    def unpaid(self, today: date) -> bool:
        """Outstanding, and its pay date has come (today included): the one meaning of "unpaid" (SPEC §8.1,
        §15), in `fees unpaid`, `partner show`, `upcoming` and the dashboard."""
        return self.outstanding and self.pay_on <= today

    def overdue(self, today: date) -> bool:
        """Unpaid, and its pay date is past."""
        return self.unpaid(today) and self.pay_on < today


def earned(ds: Dataset, today: date) -> dict[str, int]:
    """What each referral has earned up to today: its fee events dated by then (a clawback takes it back)."""
    found: dict[str, int] = defaultdict(int)
    for events in events_by_partner(ds).values():
        for e in events:
            if e.referral is not None and e.date <= today:
                found[e.referral.id] += e.amount
    return dict(found)


def events_by_partner(ds: Dataset) -> dict[str, list[FeeEvent]]:
    """Every fee event of every referral, and every refund, grouped by partner, in date order (computed
    once per dataset)."""
    def build() -> dict[str, list[FeeEvent]]:
        events: dict[str, list[FeeEvent]] = defaultdict(list)
        for referral in ds.referrals.values():
            contract: Contract | None = ds.contracts.get(referral.contract)
            rule = contract.fee_rule(referral.kind) if contract else None
            if rule is not None:
                events[referral.partner] += fee_events(referral, rule)
        for payout in ds.payouts.values():
            if payout.kind == "refund":
                events[payout.partner].append(FeeEvent(None, payout.date, "refund", None, None, payout.amount, payout))
        return {partner: sorted(found, key=lambda e: (e.date, e.source)) for partner, found in events.items()}
    return ds.memo("fee_events", build)


def payments_by_partner(ds: Dataset) -> dict[str, dict[date, Payout]]:
    """Each partner's payments by the statement month they settle."""
    def build() -> dict[str, dict[date, Payout]]:
        found: dict[str, dict[date, Payout]] = defaultdict(dict)
        for payout in sorted(ds.payouts.values(), key=lambda p: (p.date, p.id)):
            if payout.kind == "payment":
                found[payout.partner].setdefault(payout.month.first, payout)
        return dict(found)
    return ds.memo("payments", build)


def monthly_totals(settings: Settings, partner: Partner, events: list[FeeEvent],
                   until: date) -> list[tuple[date, list[FeeEvent], Totals]]:
    """The partner's months with a statement, up to `until`'s month: their lines and totals, negative
    balances carried from one to the next. Pure arithmetic: no pay date, no calendar."""
    by_month: dict[date, list[FeeEvent]] = defaultdict(list)
    for event in events:
        by_month[event.month].append(event)
    if not by_month:
        return []
    last = until.replace(day=1)
    month, carried, found = min(by_month), 0, []
    while month <= last:
        lines = by_month.get(month, [])
        if lines or carried:
            found.append((month, lines, totals(settings, partner, lines, carried)))
            carried = found[-1][2].carry_forward
        month = add_months(month, 1)
    return found


def statements(settings: Settings, partner: Partner, events: list[FeeEvent], until: date,
               days: BusinessDays, payments: dict[date, Payout] | None = None) -> list[Statement]:
    """The partner's statements for every month up to `until`'s month, carrying negative balances, each
    with its pay date and the payment recorded for it."""
    return [
        Statement(**vars(t), partner=partner, month=month, lines=lines, pay_on=pay_date(month, settings, days),
                  credit=credit_share(partner, month_end(month.year, month.month), settings),
                  payment=(payments or {}).get(month))
        for month, lines, t in monthly_totals(settings, partner, events, until)
    ]


def partner_statements(ds: Dataset, partner: Partner, until: date, days: BusinessDays) -> list[Statement]:
    """statements() of a partner of the workspace: its fee events, refunds and payments. Worked out once per
    partner, up to the latest month asked for: a month's statements never depend on those after it, so an
    earlier month's are the first of them (a site's pages, the overview, a report of last month and the dated
    items of the months ahead each ask)."""
    known: dict[tuple[str, int, int, BusinessDays], list[Statement]] = ds.memo("partner_statements", dict)
    # the latest month worked out for the partner, its statements and their months
    latest: dict[tuple[str, BusinessDays], tuple[date, list[Statement], list[date]]] = ds.memo(
        "partner_statements_latest", dict)
    key = (partner.id, until.year, until.month, days)
    if key not in known:
        last = until.replace(day=1)
        worked = latest.get((partner.id, days))
        if worked is not None and worked[0] >= last:
            known[key] = worked[1][:bisect.bisect_right(worked[2], last)]
        else:
            known[key] = found = statements(ds.settings, partner, events_by_partner(ds).get(partner.id, []), until,
                                            days, payments_by_partner(ds).get(partner.id, {}))
            latest[(partner.id, days)] = (last, found, [s.month for s in found])
    return known[key]


def monthly_statement(ds: Dataset, partner: Partner, month: date, days: BusinessDays) -> Statement | None:
    """The partner's statement for that month; None when it has no lines and nothing carried in."""
    return next(iter(month_statements(ds, month, days, [partner.id])), None)


def month_statements(ds: Dataset, month: date, days: BusinessDays,
                     partner_ids: list[str] | None = None) -> list[Statement]:
    """The statements of every partner (or of those given) for the month, in partner order (by reading)."""
    from haru_cli.rules.lookup import sort_key

    found = []
    for partner in sorted(ds.partners.values(), key=sort_key):
        if partner_ids is not None and partner.id not in partner_ids:
            continue
        history = partner_statements(ds, partner, month, days)
        if history and history[-1].month == month.replace(day=1):
            found.append(history[-1])
    return found


def owed(ds: Dataset, today: date, days: BusinessDays) -> list[Statement]:
    """The statements of the months up to today's with something payable and no payment recorded, by pay
    date: what HaRu owes, whether its pay date has come or not."""
    found = [s for partner in ds.partners.values() for s in partner_statements(ds, partner, today, days)
             if s.outstanding]
    return sorted(found, key=lambda s: (s.pay_on, s.partner.id))


def unpaid(ds: Dataset, today: date, days: BusinessDays) -> list[Statement]:
    """Statements whose pay date has passed (or is today), with something payable and no payment recorded,
    by pay date (SPEC §8.1 `fees unpaid`)."""
    return [s for s in owed(ds, today, days) if s.unpaid(today)]


def due_next(found: list[Statement], today: date) -> tuple[date | None, list[Statement]]:
    """The next pay date from today on, and what is to be paid by it: the statements owed (`owed`) whose pay
    date has come, and those of that date."""
    upcoming = min((s.pay_on for s in found if s.pay_on >= today), default=None)
    return upcoming, [s for s in found if s.pay_on <= (upcoming or today)]


# 支払調書 of 報酬、料金 must be filed for a payee paid more than this in a year (所得税法225条, 施行規則84条):
# a 報酬 (fee) above ¥50,000, a 外交員報酬 above ¥500,000.
REPORT_THRESHOLD: dict[WithholdingKind, int] = {"fee": 50_000, "salesperson": 500_000}


@frozen
class Annual:
    """A partner's calendar year (SPEC §8.1 `fees annual`, the 支払調書 figures): the statements of the year's
    months — a month's fees are fixed (確定) when it closes, so December's count in their year even when paid
    in January — and what of them was not paid by 12-31 (未払, 未徴収)."""

    partner: Partner
    year: int
    statements: list[Statement]

    def total(self, name: str) -> int:
        return sum(getattr(s, name) for s in self.statements)

    def _paid_in_year(self, s: Statement) -> bool:
        return s.paid_on is not None and s.paid_on.year <= self.year

    @property
    def paid(self) -> int:
        """What was paid of these statements by 12-31."""
        return sum(s.paid or 0 for s in self.statements if self._paid_in_year(s))

    @property
    def unpaid(self) -> int:
        """The part of the payable not paid by 12-31 (未払)."""
        return sum(max(0, s.payable - ((s.paid or 0) if self._paid_in_year(s) else 0)) for s in self.statements)

    @property
    def subtotal_unpaid(self) -> int:
        """The fees (tax excluded) of the statements nothing was paid of by 12-31: the 未払 of 支払金額."""
        return sum(s.subtotal for s in self.statements if not self._paid_in_year(s))

    @property
    def withholding_unpaid(self) -> int:
        """The withholding of the statements not paid by 12-31: not yet withheld (未徴収)."""
        return sum(s.withholding for s in self.statements if not self._paid_in_year(s))

    @property
    def report_required(self) -> bool:
        """Whether HaRu must file the 支払調書 for the partner: by its kind, fees above the threshold."""
        threshold = REPORT_THRESHOLD.get(self.partner.withholding_kind)
        return threshold is not None and self.total("subtotal") > threshold


def annual(ds: Dataset, year: int, days: BusinessDays, partner_ids: list[str] | None = None) -> list[Annual]:
    """Every partner's year that has fees (or a payment) in its months, in partner order (by reading)."""
    from haru_cli.rules.lookup import sort_key

    found = []
    for partner in sorted(ds.partners.values(), key=sort_key):
        if partner_ids is not None and partner.id not in partner_ids:
            continue
        history = partner_statements(ds, partner, date(year, 12, 31), days)
        in_year = [s for s in history if s.month.year == year]
        if any(s.subtotal or s.payment for s in in_year):  # a balance only carried on pays nothing
            found.append(Annual(partner, year, in_year))
    return found


DATED_KINDS = ("payout",)


def dated_items(ds: Dataset, when: Window) -> Iterator[Item]:
    """Fee statements whose pay date falls in [today, until] and that pay something, marked paid once a
    payment is recorded; where the workspace records payments at all, those without one whose date passed
    (a payment that no longer matches is `validate`'s payout-mismatch, not a debt)."""
    tracked = any(p.kind == "payment" for p in ds.payouts.values())
    for partner in ds.partners.values():
        for s in partner_statements(ds, partner, when.until, when.days):
            late = tracked and s.overdue(when.today)
            if (when.today <= s.pay_on <= when.until or late) and s.payable > 0:
                month = f"{s.month:%Y-%m}"
                yield Item(s.pay_on, "payout", partner.id, month, f"{partner.id}/{month}", late,
                           ("partner", partner.id), uid("payout", partner.id, month), s.payable,
                           paid=s.payment is not None)


# --- checks (SPEC §6) ---------------------------------------------------------------------------------


def check_fee_rules(ds: Dataset) -> Iterator[Finding]:
    """A fee rule is a rate or a fixed amount, never both (SPEC §3.4)."""
    for c in ds.contracts.values():
        if c.fees is None:
            continue
        for kind in ("customer", "student"):
            rule = c.fees.rule(kind)
            if rule is None:
                continue
            if (rule.rate is None) == (rule.fixed is None):
                yield finding(CONTRACT, c.id, ("fees", kind), "fee-rule", "fee-rule.one-of", kind=kind, key=True)
            elif rule.fixed is not None:
                for name in ("basis", "months"):
                    if getattr(rule, name) is not None:
                        yield finding(CONTRACT, c.id, ("fees", kind, name), "fee-rule", "fee-rule.rate-only",
                                      name=name, key=True)
            elif rule.basis == "deal" and rule.months is not None:
                yield warn(CONTRACT, c.id, ("fees", kind, "months"), "fee-rule", "fee-rule.months-deal", key=True)


def check_referrals(ds: Dataset) -> Iterator[Finding]:
    """A referral's status and the facts it needs (SPEC §3.5)."""
    for r in ds.referrals.values():
        if r.status in ("won", "cancelled") and r.deal is None:
            yield finding(REFERRAL, r.id, ("status",), "deal-missing", status=r.status)
        elif r.deal is not None and r.deal.amount is None:
            contract = ds.contracts.get(r.contract)
            rule = contract.fee_rule(r.kind) if contract else None
            if rule is not None and rule.rate is not None and rule.basis == "deal":
                yield finding(REFERRAL, r.id, ("deal",), "deal-missing", "deal-missing.amount", key=True)
        if r.status == "cancelled" and r.cancelled is None:
            yield finding(REFERRAL, r.id, ("status",), "cancelled-date")
        elif r.status != "cancelled" and r.cancelled is not None:
            yield warn(REFERRAL, r.id, ("cancelled",), "cancelled-date", "cancelled-date.status", status=r.status,
                       key=True)
        if r.status in ("lead", "lost") and r.payments:
            yield warn(REFERRAL, r.id, ("payments",), "deal-missing", "deal-missing.payments", status=r.status,
                       key=True)


def check_payouts(ds: Dataset) -> Iterator[Finding]:
    """A payment settles a statement there is, once (SPEC §8.1); one that no longer matches what its month
    comes to is said, never recomputed."""
    by_partner: dict[str, list[Payout]] = defaultdict(list)
    for payout in sorted(ds.payouts.values(), key=lambda p: (p.date, p.id)):
        if payout.kind == "payment" and payout.partner in ds.partners:
            by_partner[payout.partner].append(payout)
    events = events_by_partner(ds)
    for partner_id, payments in by_partner.items():
        partner = ds.partners[partner_id]
        until = max(p.month.first for p in payments)
        payable = {month: t.payable for month, _, t in monthly_totals(ds.settings, partner,
                                                                       events.get(partner_id, []), until)}
        first: dict[date, Payout] = {}
        for p in payments:
            month = p.month.first
            if month in first:
                yield finding(PAYOUT, p.id, ("month",), "duplicate-payout", partner=partner_id, month=str(p.month),
                              first=ds.path_of(PAYOUT, first[month].id), related=(ds.path_of(PAYOUT, first[month].id),))
                continue
            first[month] = p
            if month not in payable:
                yield _resting(ds, partner_id, finding(PAYOUT, p.id, ("month",), "payout-statement",
                                                       partner=partner_id, month=str(p.month)))
            elif payable[month] != p.amount:
                yield _resting(ds, partner_id, warn(PAYOUT, p.id, ("amount",), "payout-mismatch", amount=p.amount,
                                                    payable=payable[month], month=str(p.month)))
    yield from _check_refunds(ds, events)


def _resting(ds: Dataset, partner_id: str, found: Finding) -> Finding:
    """A finding about what a partner's fees come to is the fault of a skipped file when there is one that
    may change them (SPEC §15): then it is said as `skipped-dependency`, naming that file, not as an
    error of a payout that may well be right."""
    skipped = fees_incomplete(ds, partner_id)
    if not skipped:
        return found
    return Finding(found.kind, found.record, found.loc, "warning", "skipped-dependency", "",
                   {"code": found.code, "skipped": ", ".join(skipped)}, found.key, tuple(skipped))


def _check_refunds(ds: Dataset, events: dict[str, list[Any]]) -> Iterator[Finding]:
    """A refund settles what a partner owed back (a negative balance): more would turn into fees HaRu
    owes, with tax on them."""
    refunded: dict[str, list[Payout]] = defaultdict(list)
    for payout in ds.payouts.values():
        if payout.kind == "refund" and payout.partner in ds.partners:
            refunded[payout.partner].append(payout)
    for partner_id, refunds in refunded.items():
        until = max(p.month.first for p in refunds)
        months = {month: (lines, t) for month, lines, t in monthly_totals(ds.settings, ds.partners[partner_id],
                                                                           events.get(partner_id, []), until)}
        for month in sorted({p.month.first for p in refunds}):
            lines, t = months[month]  # a refund is a line of its month: that month has a statement
            owed = max(0, -(t.carried_in + sum(e.amount for e in lines if e.event != "refund")))
            mine = sorted((p for p in refunds if p.month.first == month), key=lambda p: (p.date, p.id))
            if sum(p.amount for p in mine) > owed:
                yield _resting(ds, partner_id, finding(PAYOUT, mine[-1].id, ("amount",), "payout-refund",
                                                       amount=sum(p.amount for p in mine), owed=owed,
                                                       partner=partner_id, month=f"{month:%Y-%m}"))


def check_payout_deadline(ds: Dataset, today: date, days: BusinessDays) -> Iterator[Finding]:
    """フリーランス法 4条 (SPEC §4.7): fees owed to an individual are paid within 60 days, with 月末締め by the end
    of the month after they arose. The first month of the last and next twelve that the `payout` schedule
    would pay later is said of each individual partner, naming haru.yaml."""
    individuals = sorted(p.id for p in ds.partners.values() if p.entity == "individual")
    if not individuals:
        return
    first = add_months(today.replace(day=1), -12)
    for month in (add_months(first, k) for k in range(25)):
        if not days.knows(month.year) or not days.knows(add_months(month, ds.settings.payout.month_offset).year):
            continue
        after = add_months(month, 1)
        deadline = month_end(after.year, after.month)
        pay_on = pay_date(month, ds.settings, days)
        if pay_on > deadline:
            for partner_id in individuals:
                yield finding(PARTNER, partner_id, ("entity",), "payout-deadline", severity="warning", key=True,
                              related=(SETTINGS_FILE,), month=f"{month:%Y-%m}", pay_on=pay_on.isoformat(),
                              deadline=deadline.isoformat(), settings=SETTINGS_FILE)
            return


CHECKS = [check_fee_rules, check_referrals, check_payouts]
CALENDAR_CHECKS = [check_payout_deadline]  # checks of what the calendar around today makes of the records
