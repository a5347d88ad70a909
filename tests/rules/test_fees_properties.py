"""Consumption tax and 源泉徴収 (haru_cli/rules/fees.py) against a second formulation written another way:
integer arithmetic on the rate as written (`12.5%` → 125/1000), withholding summed over its two brackets,
where the code multiplies Decimals and adds 102,100 above the threshold. docs/rules.md, Referral fees."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from haru_cli.records.models import Partner, Settings, Tax
from haru_cli.records.values import Rate
from haru_cli.rules.fees import FeeEvent, consumption_tax, totals, withholding_tax

ROUNDINGS = ("floor", "half_up", "ceil")
MAX_YEN = 10**20 - 1  # the largest amount a record may hold (values.Yen)


# --- the second formulation --------------------------------------------------------------------------


def tax_once(subtotal: int, rate_text: str, rounding: str) -> int:
    """subtotal × rate as an exact quotient of integers, rounded once as `tax.rounding` says."""
    whole, _, decimals = rate_text.removesuffix("%").partition(".")
    numerator, denominator = int(whole + decimals), 100 * 10 ** len(decimals)
    quotient, remainder = divmod(subtotal * numerator, denominator)
    if rounding == "floor":
        return quotient
    if rounding == "ceil":
        return quotient + (remainder > 0)
    return quotient + (2 * remainder >= denominator)  # half up: a half yen or more is a yen


# 源泉徴収 on 報酬: each bracket's part of the amount at its rate (in hundredths of a percent); the sum is
# rounded down to the yen once.
BRACKETS = ((0, 1_000_000, 1021), (1_000_000, None, 2042))


def withholding_by_brackets(amount: int) -> int:
    hundredths = 0
    for low, high, rate in BRACKETS:
        part = max(0, (amount if high is None else min(amount, high)) - low)
        hundredths += part * rate
    return hundredths // 10_000


# --- what is drawn -----------------------------------------------------------------------------------

# Amounts: everywhere up to what a statement of many lines may sum to, closely around the threshold, and
# those whose tax at 10% is an exact half yen (where half up and half to even part).
amounts = st.one_of(
    st.integers(0, 10_000),
    st.integers(0, 10**15).map(lambda k: 10 * k + 5),
    st.integers(900_000, 1_100_000),
    st.integers(999_000, 1_001_000),
    st.integers(0, MAX_YEN),
    st.integers(0, 10**22),
)


@st.composite
def rate_texts(draw: st.DrawFn) -> str:
    """A rate as haru.yaml may write it: `10%`, `8.5%`, `0.0001%` … up to `100%` (values.Rate)."""
    common = draw(st.sampled_from([None, "10%", "8%", "8.5%", "0%", "100%"]))
    if common is not None:
        return common
    whole = draw(st.integers(0, 100))
    decimals = "" if whole == 100 else draw(st.text("0123456789", max_size=12))
    return f"{whole}.{decimals}%" if decimals else f"{whole}%"


def tax_settings(rate_text: str, rounding: str) -> Settings:
    return Settings(tax=Tax(rate=Rate.parse(rate_text), rounding=rounding))  # type: ignore[arg-type]


# --- consumption tax ---------------------------------------------------------------------------------


@settings(max_examples=500)
@given(amounts, rate_texts(), st.sampled_from(ROUNDINGS))
@example(123_456, "10%", "floor")  # tests/test_fees.py's example
@example(15, "10%", "half_up")  # a half yen rounds up
@example(25, "10%", "half_up")  # from an even yen too
@example(5, "8%", "half_up")  # 0.4 yen rounds down
def test_consumption_tax_is_the_subtotal_times_the_rate_rounded_once_as_set(
        subtotal: int, rate_text: str, rounding: str) -> None:
    assert consumption_tax(subtotal, tax_settings(rate_text, rounding)) == tax_once(subtotal, rate_text, rounding)


@settings(max_examples=300)
@given(amounts, amounts, rate_texts())
def test_consumption_tax_rounds_in_order_and_grows_with_the_subtotal(a: int, b: int, rate_text: str) -> None:
    low, high = sorted((a, b))
    floor, half_up, ceil = (consumption_tax(low, tax_settings(rate_text, r)) for r in ROUNDINGS)
    assert 0 <= floor <= half_up <= ceil <= floor + 1
    assert ceil <= low  # a rate is at most 100%
    for rounding in ROUNDINGS:
        assert consumption_tax(low, tax_settings(rate_text, rounding)) <= consumption_tax(
            high, tax_settings(rate_text, rounding))


def test_consumption_tax_is_exact_at_the_largest_amounts_and_the_finest_rates() -> None:
    subtotal, rate_text = 10_000_000_000_000_000_003, "33.333333333%"  # the exact tax is …299.99999999999…
    assert consumption_tax(subtotal, tax_settings(rate_text, "floor")) == tax_once(subtotal, rate_text, "floor")


# --- 源泉徴収 -----------------------------------------------------------------------------------------


@settings(max_examples=1000)
@given(amounts)
@example(50_000)  # docs/rules.md: ¥50,000 → 5,105
@example(990_000)
@example(999_990)
@example(999_999)
@example(1_000_000)
@example(1_000_001)
@example(1_000_005)
@example(MAX_YEN)
def test_withholding_is_each_bracket_at_its_rate_rounded_down_once(amount: int) -> None:
    assert withholding_tax(amount) == withholding_by_brackets(amount)


@settings(max_examples=500)
@given(amounts, amounts)
def test_withholding_never_exceeds_the_amount_and_grows_by_at_most_a_yen_a_yen(a: int, b: int) -> None:
    low, high = sorted((a, b))
    withheld = withholding_tax(low)
    assert 0 <= withheld <= low
    assert low * 1021 // 10_000 <= withheld <= low * 2042 // 10_000  # between the two rates
    assert withheld <= withholding_tax(high)  # monotone
    assert withholding_tax(low + 1) - withheld in (0, 1)  # both rates are under 100%: no jump, at the threshold too


def test_withholding_at_the_threshold() -> None:
    assert [withholding_tax(a) for a in (999_999, 1_000_000, 1_000_001, 1_000_004, 1_000_005)] == [
        102_099, 102_100, 102_100, 102_100, 102_101]


# --- a statement: インボイス, the tax is rounded once per statement ---------------------------------------


def line(amount: int) -> FeeEvent:
    return FeeEvent(None, date(2026, 10, 1), "fixed", None, None, amount)


@settings(max_examples=300)
@given(lines=st.lists(st.integers(-2_000_000, 2_000_000), max_size=12), carried=st.integers(-3_000_000, 0),
       rate_text=rate_texts(), rounding=st.sampled_from(ROUNDINGS), withholds=st.booleans())
def test_a_statement_taxes_its_subtotal_once_and_withholds_on_it(
        lines: list[int], carried: int, rate_text: str, rounding: str, withholds: bool) -> None:
    partner = Partner(id="p", name="x", entity="individual" if withholds else "corporation", withholding=withholds)
    found = totals(tax_settings(rate_text, rounding), partner, [line(a) for a in lines], carried)
    net = carried + sum(lines)
    assert (found.subtotal, found.carry_forward) == (max(net, 0), min(net, 0))
    assert found.consumption_tax == tax_once(found.subtotal, rate_text, rounding)
    assert found.withholding == (withholding_by_brackets(found.subtotal) if withholds else 0)
    assert found.payable == found.subtotal + found.consumption_tax - found.withholding >= 0


@settings(max_examples=300)
@given(st.lists(st.integers(0, 2_000_000), min_size=1, max_size=12), rate_texts())
def test_rounding_once_differs_from_rounding_each_line_by_less_than_a_yen_a_line(
        lines: list[int], rate_text: str) -> None:
    once = totals(tax_settings(rate_text, "floor"), Partner(id="p", name="x"), [line(a) for a in lines], 0)
    each = sum(tax_once(a, rate_text, "floor") for a in lines)
    assert each <= once.consumption_tax < each + len(lines)


def test_three_lines_of_15_yen_are_taxed_4_yen_not_3() -> None:
    statement = totals(tax_settings("10%", "floor"), Partner(id="p", name="x"), [line(15)] * 3, 0)
    assert (statement.subtotal, statement.consumption_tax) == (45, 4)  # 4.5 rounded down once; 1.5 → 1 thrice is 3
