"""SPEC §4.4: fee events, statements, tax, withholding and pay dates — known vectors and properties."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.load.validation import validated
from haru_cli.records.models import FeeRule, Partner, Payout, Referral, Settings
from haru_cli.records.values import Month, add_months
from haru_cli.rules.fees import (
    FeeEvent,
    consumption_tax,
    fee_events,
    pay_date,
    statements,
    withholding_tax,
)
from tests.helpers import BANKED, DAYS, FEES, Haru, WorkspaceFactory, load_workspace, payout


def referral(**fields: object) -> Referral:
    base: dict[str, object] = {"id": "r", "partner": "p", "contract": "c", "client": "x",
                               "referred": date(2026, 1, 1), "status": "won",
                               "deal": {"signed": date(2026, 1, 10), "amount": 1_000_000}}
    return validated(Referral, {**base, **fields})


def rule(**fields: object) -> FeeRule:
    return validated(FeeRule, fields)


def pay(*pairs: tuple[str, int]) -> list[dict[str, object]]:
    return [{"date": date.fromisoformat(d), "amount": a} for d, a in pairs]


amounts = st.integers(min_value=0, max_value=5_000_000)


payment_lists = st.lists(st.tuples(st.dates(date(2026, 1, 10), date(2027, 12, 31)), amounts), max_size=12)


def _ledger(months: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """An independent account of a partner's months, each (fees earned, refunds paid back): what the
    partner owes HaRu is carried as a debt; a month pays what is left once the debt is met, refunds first
    reducing the debt. Returns each month's (subtotal, debt carried out, debt carried in)."""
    debt, out = 0, []
    for fees, refunds in months:
        owed_before = debt
        available = fees + refunds - debt
        if available >= 0:
            subtotal, debt = available, 0
        else:
            subtotal, debt = 0, -available
        out.append((subtotal, debt, owed_before))
    return out


@pytest.mark.parametrize(("base", "tax"), [(50_000, 5_105), (1_000_000, 102_100), (1_500_000, 204_200), (0, 0),
                                           (99, 10)])
def test_withholding_vectors(base: int, tax: int) -> None:
    assert withholding_tax(base, "fee") == tax


@pytest.mark.parametrize(("rounding", "tax"), [("floor", 12_345), ("half_up", 12_346), ("ceil", 12_346)])
def test_consumption_tax_rounding(rounding: str, tax: int) -> None:
    assert consumption_tax(123_456, validated(Settings, {"tax": {"rounding": rounding}})) == tax


def test_pay_dates() -> None:
    settings = Settings()
    assert pay_date(date(2026, 1, 1), settings, DAYS) == date(2026, 2, 27)  # 2/28 is a Saturday
    assert pay_date(date(2026, 11, 1), settings, DAYS) == date(2026, 12, 30)  # 12/31 is closed
    later = validated(Settings, {"payout": {"month_offset": 2, "day": 10, "shift": "next"}})
    assert pay_date(date(2026, 11, 1), later, DAYS) == date(2027, 1, 12)  # 1/10 Sun, 1/11 成人の日


def test_fixed_and_deal_events() -> None:
    assert [(e.date, e.event, e.amount, e.basis, e.rate) for e in fee_events(referral(), rule(fixed=30000))] == [
        (date(2026, 1, 10), "fixed", 30000, None, None)]
    [deal] = fee_events(referral(deal={"signed": date(2026, 1, 10), "amount": 123_457}),
                        rule(rate="10%", basis="deal"))
    assert (deal.event, deal.amount, deal.basis, str(deal.rate)) == ("deal", 12_345, "deal", "10%")  # rounded down


def test_paid_events_respect_months_and_cancellation() -> None:
    r = referral(status="cancelled", cancelled=date(2026, 6, 15),
                 payments=pay(("2026-04-10", 100_000), ("2026-01-31", 100_001), ("2026-05-10", 100_000),
                              ("2026-06-20", 100_000)))
    events = fee_events(r, rule(rate="15%", months=3))
    # Sorted by date; 2026-04-10 is the last day of deal.signed + 3m (it counts), 2026-05-10 is after it,
    # and 2026-06-20 is after the cancellation.
    assert [(e.date, e.amount) for e in events] == [(date(2026, 1, 31), 15_000), (date(2026, 4, 10), 15_000)]


def test_cap_is_met_exactly_and_later_events_earn_nothing() -> None:
    r = referral(payments=pay(("2026-01-31", 400_000), ("2026-02-28", 400_000), ("2026-03-31", 400_000)))
    events = fee_events(r, rule(rate="50%", cap=500_000))
    assert [e.amount for e in events] == [200_000, 200_000, 100_000]
    small = fee_events(referral(payments=pay(("2026-01-31", 10), ("2026-02-28", 10))), rule(rate="50%", cap=5))
    assert [e.amount for e in small] == [5]


def test_clawback_nets_the_referral_to_zero_and_the_balance_is_carried() -> None:
    r = referral(status="cancelled", cancelled=date(2026, 3, 15),
                 payments=pay(("2026-01-31", 100_000), ("2026-02-28", 100_000)))
    events = fee_events(r, rule(rate="10%", clawback="3m"))
    assert [(e.event, e.amount) for e in events] == [("payment", 10_000), ("payment", 10_000), ("clawback", -20_000)]
    assert sum(e.amount for e in events) == 0
    partner = Partner(id="p", name="x")
    found = statements(Settings(), partner, events, date(2026, 5, 1), DAYS)
    assert [(f"{s.month:%m}", s.carried_in, s.subtotal, s.payable, s.carry_forward) for s in found] == [
        ("01", 0, 10_000, 11_000, 0), ("02", 0, 10_000, 11_000, 0), ("03", 0, 0, 0, -20_000),
        ("04", -20_000, 0, 0, -20_000), ("05", -20_000, 0, 0, -20_000)]
    late = fee_events(referral(status="cancelled", cancelled=date(2026, 5, 1), payments=pay(("2026-01-31", 1000))),
                      rule(rate="10%", clawback="3m"))
    assert [e.event for e in late] == ["payment"]  # cancelled after the clawback window: no reversal


def test_withholding_applies_to_partners_that_have_it() -> None:
    events = fee_events(referral(), rule(fixed=150_000))
    found = {}
    for kind in ("none", "fee", "salesperson", True, False):
        individual = Partner(id="p", name="上田太郎", entity="individual", withholding=kind)  # type: ignore[arg-type]
        [s] = statements(Settings(), individual, events, date(2026, 1, 1), DAYS)
        found[kind] = (s.subtotal, s.consumption_tax, s.withholding, s.payable)
    assert found == {"none": (150_000, 15_000, 0, 165_000), False: (150_000, 15_000, 0, 165_000),
                     "fee": (150_000, 15_000, 15_315, 149_685), True: (150_000, 15_000, 15_315, 149_685),
                     "salesperson": (150_000, 15_000, 3_063, 161_937)}


@settings(max_examples=150)
@given(payments=payment_lists, cap=st.integers(1, 3_000_000), percent=st.integers(1, 100),
       cancel=st.one_of(st.none(), st.dates(date(2026, 1, 10), date(2027, 12, 31))))
def test_properties_of_events_and_statements(payments: list[tuple[date, int]], cap: int, percent: int,
                                             cancel: date | None) -> None:
    r = referral(status="cancelled" if cancel else "won", cancelled=cancel,
                 payments=[{"date": d, "amount": a} for d, a in payments])
    events = fee_events(r, rule(rate=f"{percent}%", cap=cap, clawback="3m"))
    positive = sum(e.amount for e in events if e.amount > 0)
    assert positive <= cap  # the cap is never exceeded
    assert sum(e.amount for e in events) >= 0  # a clawback never takes back more than was earned
    found = statements(Settings(), Partner(id="p", name="x"), events, date(2028, 1, 1), DAYS)
    for s in found:
        assert s.payable >= 0
        assert DAYS.is_business_day(s.pay_on)
    # Carried balances add up: what was paid out as subtotals plus what is still owed back is everything earned.
    if found:
        assert sum(s.subtotal for s in found) + found[-1].carry_forward == sum(e.amount for e in events)


@given(st.dates(date(2020, 1, 1), date(2035, 12, 1)), st.integers(0, 3), st.sampled_from(["end", 1, 15, 28]),
       st.sampled_from(["previous", "next"]))
def test_every_pay_date_is_a_business_day(month: date, offset: int, day: object, shift: str) -> None:
    settings_ = validated(Settings, {"payout": {"month_offset": offset, "day": day, "shift": shift}})
    assert DAYS.is_business_day(pay_date(month.replace(day=1), settings_, DAYS))


def monthly_events(months: list[tuple[int, int]]) -> list[FeeEvent]:
    """A partner's fee events, month by month from January 2026: each month's fees (a fixed fee on the 5th)
    and refunds (paid back on the 20th), in date order."""
    events: list[FeeEvent] = []
    for n, (fees, refunds) in enumerate(months):
        month = add_months(date(2026, 1, 1), n)
        if fees:
            events.append(FeeEvent(referral(id=f"r{n}"), month.replace(day=5), "fixed", None, None, fees))
        if refunds:
            back = Payout(id=f"b{n}", partner="p", month=Month.of(month), date=month.replace(day=20), amount=refunds,
                          kind="refund")
            events.append(FeeEvent(None, back.date, "refund", None, None, refunds, back))
    return sorted(events, key=lambda e: (e.date, e.source))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(-300_000, 300_000), st.integers(0, 200_000)), min_size=1, max_size=8))
def test_statements_with_refunds_agree_with_a_ledger(months: list[tuple[int, int]]) -> None:
    partner = validated(Partner, {"id": "p", "name": "P"})
    found = {s.month: s for s in statements(Settings(), partner, monthly_events(months), date(2026, 12, 31), DAYS)}
    for n, (subtotal, debt_out, debt_in) in enumerate(_ledger(months)):
        month = date(2026, 1 + n, 1)
        s = found.get(month)
        if s is None:  # nothing happened and nothing was owed: no statement
            assert (subtotal, debt_out, debt_in) == (0, 0, 0) and months[n] == (0, 0)
            continue
        assert (s.subtotal, -s.carry_forward, -s.carried_in) == (subtotal, debt_out, debt_in)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(-300_000, 300_000), st.integers(0, 200_000)), min_size=1, max_size=14),
       st.integers(0, 15), st.integers(0, 15))
def test_a_month_s_statements_are_the_first_of_a_later_month_s(months: list[tuple[int, int]], a: int,
                                                              b: int) -> None:
    """What partner_statements rests on when it slices a later month's statements for an earlier month: no
    statement depends on the months after it."""
    partner = validated(Partner, {"id": "p", "name": "P"})
    events = monthly_events(months)
    earlier, later = sorted((add_months(date(2026, 1, 15), a), add_months(date(2026, 1, 15), b)))
    first = statements(Settings(), partner, events, earlier, DAYS)
    assert first == [s for s in statements(Settings(), partner, events, later, DAYS) if s.month <= earlier]


def test_a_partner_s_statements_of_any_month_whatever_was_asked_before(workspace: WorkspaceFactory) -> None:
    from haru_cli.rules.fees import partner_statements

    root = workspace(FEES)
    months = [date(2026, m, 28) for m in (12, 7, 10, 8, 11, 9)] + [date(2027, 3, 1), date(2026, 1, 1)]
    asked = load_workspace(root)
    for until in months:  # one dataset, asked in this order: later months' statements sliced for earlier ones
        partner = asked.partners["ueda"]
        fresh = load_workspace(root)
        assert partner_statements(asked, partner, until, DAYS) == partner_statements(fresh, fresh.partners["ueda"],
                                                                                      until, DAYS), until
    assert len(partner_statements(asked, asked.partners["ueda"], date(2026, 12, 1), DAYS)) > 1  # (some to slice)


def test_a_payment_checks_against_its_statement(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    payout(root, "p1", "partner: ueda\nmonth: 2026-08\ndate: 2026-09-30\namount: 1000\n")  # no fees in August
    payout(root, "p2", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 49500\n")
    result = haru("--data", root, "--lang", "en", "validate")
    assert "payouts/2026/p1.yaml:3:8: error[payout-statement] ueda has no statement for 2026-08" in result.stdout
    # The referral edited after it was paid: nothing is recomputed silently, it is said.
    referral = root / "referrals" / "2026-ueda-001.yaml"
    referral.write_text(referral.read_text("utf-8").replace("2026-09-30, amount: 300000", "2026-09-30, amount: 400000"),
                        "utf-8")
    (root / "payouts" / "2026" / "p1.yaml").unlink()
    warned = haru("--data", root, "--lang", "en", "validate", "--format", "json")
    [problem] = json.loads(warned.stdout)["problems"]
    assert (problem["code"], problem["severity"]) == ("payout-mismatch", "warning")
    assert problem["message"] == ("amount: 49500 differs from 2026-09's payable, 66000 "
                                  "(paid in part, or the statement changed after)")
