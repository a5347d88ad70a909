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


def withholding_of_a_salesperson(amount: int) -> int:
    """外交員報酬 (国税庁 No.2804): 10.21% of what a month's payment exceeds ¥120,000, in whole yen."""
    over = amount - 120_000
    return over * 1021 // 10_000 if over > 0 else 0


def withheld(kind: str, amount: int) -> int:
    by_kind = {"none": 0, "fee": withholding_by_brackets(amount), "salesperson": withholding_of_a_salesperson(amount)}
    return by_kind[kind]


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
    assert withholding_tax(amount, "fee") == withholding_by_brackets(amount)


@settings(max_examples=500)
@given(amounts)
@example(120_000)
@example(120_009)
@example(120_010)
@example(1_500_000)
@example(100_000)
def test_a_salesperson_is_withheld_on_what_exceeds_120000(amount: int) -> None:
    assert withholding_tax(amount, "salesperson") == withholding_of_a_salesperson(amount)
    assert withholding_tax(amount, "none") == 0


def test_the_kinds_at_the_published_amounts() -> None:
    """国税庁 No.2795 / No.2804: ¥50,000 as a 報酬 → 5,105; ¥1,500,000 → 204,200 as a 報酬 and 140,898 as a
    外交員報酬; ¥100,000 to a 外交員 → 0."""
    assert [withholding_tax(50_000, "fee"), withholding_tax(1_500_000, "fee"),
            withholding_tax(1_500_000, "salesperson"), withholding_tax(100_000, "salesperson")] == [
        5_105, 204_200, 140_898, 0]


@settings(max_examples=500)
@given(amounts, amounts)
def test_withholding_never_exceeds_the_amount_and_grows_by_at_most_a_yen_a_yen(a: int, b: int) -> None:
    low, high = sorted((a, b))
    for kind in ("fee", "salesperson"):
        found = withholding_tax(low, kind)
        assert 0 <= found <= low
        assert found <= low * 2042 // 10_000  # at most the higher rate
        assert found <= withholding_tax(high, kind)  # monotone
        assert withholding_tax(low + 1, kind) - found in (0, 1)  # rates under 100%: no jump at a threshold
    assert low * 1021 // 10_000 <= withholding_tax(low, "fee")  # a 報酬 at least the lower rate


def test_withholding_at_the_threshold() -> None:
    assert [withholding_tax(a, "fee") for a in (999_999, 1_000_000, 1_000_001, 1_000_004, 1_000_005)] == [
        102_099, 102_100, 102_100, 102_100, 102_101]


# --- a statement: インボイス, the tax is rounded once per statement ---------------------------------------


def line(amount: int) -> FeeEvent:
    return FeeEvent(None, date(2026, 10, 1), "fixed", None, None, amount)


@settings(max_examples=300)
@given(lines=st.lists(st.integers(-2_000_000, 2_000_000), max_size=12), carried=st.integers(-3_000_000, 0),
       rate_text=rate_texts(), rounding=st.sampled_from(ROUNDINGS),
       kind=st.sampled_from(["none", "fee", "salesperson", True, False]))
def test_a_statement_taxes_its_subtotal_once_and_withholds_on_it(
        lines: list[int], carried: int, rate_text: str, rounding: str, kind: str | bool) -> None:
    partner = Partner(id="p", name="x", entity="corporation" if kind in ("none", False) else "individual",
                      withholding=kind)  # type: ignore[arg-type]
    found = totals(tax_settings(rate_text, rounding), partner, [line(a) for a in lines], carried)
    net = carried + sum(lines)
    assert (found.subtotal, found.carry_forward) == (max(net, 0), min(net, 0))
    assert found.consumption_tax == tax_once(found.subtotal, rate_text, rounding)
    as_kind = {True: "fee", False: "none"}.get(kind, kind) if isinstance(kind, bool) else kind
    assert found.withholding == withheld(str(as_kind), found.subtotal)
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


# --- インボイス: the share of tax HaRu may deduct on an unregistered partner's fees (SPEC §4.6) ---------------

# The law as amended by 令和8年度税制改正, written as "up to the end of September of year Y, s%".
UP_TO_SEPTEMBER = ((2026, 80), (2028, 70), (2030, 50), (2031, 30))


def share_by_the_law(day: date, registered: bool) -> int:
    if registered or (day.year, day.month) < (2023, 10):
        return 100  # a registered partner; or before the invoice system, when all was deductible
    for year, share in UP_TO_SEPTEMBER:
        if (day.year, day.month) <= (year, 9):
            return share
    return 0


@settings(max_examples=400)
@given(day=st.dates(date(2020, 1, 1), date(2035, 12, 31)), registered=st.booleans(),
       tax=st.integers(0, 10**12))
@example(day=date(2026, 9, 30), registered=False, tax=5_000)
@example(day=date(2026, 10, 1), registered=False, tax=5_000)
@example(day=date(2031, 10, 1), registered=False, tax=5_000)
@example(day=date(2023, 9, 30), registered=False, tax=5_000)
def test_the_credit_share_is_the_law_s_table(day: date, registered: bool, tax: int) -> None:
    from haru_cli.rules.fees import credit_share

    partner = Partner(id="p", name="x", invoice_number="T7000012050002" if registered else None)
    share = credit_share(partner, day, Settings())
    assert share == Rate.parse(f"{share_by_the_law(day, registered)}%")
    assert int(share.of(tax)) == tax * share_by_the_law(day, registered) // 100  # deductible_tax, rounded down


@settings(max_examples=300)
@given(day=st.dates(date(2020, 1, 1), date(2035, 12, 31)),
       starts=st.lists(st.dates(date(2022, 1, 1), date(2034, 12, 31)), min_size=1, max_size=4, unique=True),
       shares=st.lists(st.integers(0, 100), min_size=4, max_size=4))
def test_a_table_of_haru_yaml_holds_from_its_first_day_and_the_law_before(day: date, starts: list[date],
                                                                         shares: list[int]) -> None:
    from haru_cli.records.models import Tax
    from haru_cli.records.values import parse_credit_steps
    from haru_cli.rules.fees import credit_share

    steps = zip(sorted(starts), shares, strict=False)
    table = [{"from": start.isoformat(), "percent": f"{share}%"} for start, share in steps]
    own = Settings(tax=Tax(unregistered_credit=parse_credit_steps(table)))
    in_force = [row for row in table if date.fromisoformat(row["from"]) <= day]
    expected = in_force[-1]["percent"] if in_force else f"{share_by_the_law(day, registered=False)}%"
    assert credit_share(Partner(id="p", name="x"), day, own) == Rate.parse(expected)
