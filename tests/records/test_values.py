"""Value types: each accepts the SPEC's form and names what is wrong with anything else."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haru_cli.records.values import (
    BANK_CHARACTERS,
    Duration,
    Invalid,
    Rate,
    add_months,
    bank_kana,
    parse_account_number,
    parse_date,
    parse_invoice_number,
    parse_pay_day,
    parse_slug,
    parse_yen,
)
from tests.helpers import REFERRAL_CONTRACT, TODAY, Haru, WorkspaceFactory, codes, problems


def variant_of(call: object, *args: object) -> str:
    with pytest.raises(Invalid) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.variant


@pytest.mark.parametrize(
    ("text", "percent", "shown"),
    [("15%", "15", "15%"), ("10.21%", "10.21", "10.21%"), ("１５％", "15", "15%"), ("100%", "100", "100%")],
)
def test_rate_accepts_percent_strings(text: str, percent: str, shown: str) -> None:
    rate = Rate.parse(text)
    assert rate.percent == Decimal(percent)
    assert str(rate) == shown


def test_rate_of_an_amount_is_exact() -> None:
    assert Rate.parse("10.21%").of(50000) == Decimal("5105")


@pytest.mark.parametrize(("value", "variant"), [(0.15, "rate.bare-number"), (15, "rate.bare-number"),
                                                ("15", "rate.format"), ("150%", "rate.range"), (True, "rate.format")])
def test_rate_rejects(value: object, variant: str) -> None:
    assert variant_of(Rate.parse, value) == variant


def test_bare_rate_hint_guesses_the_percentage() -> None:
    with pytest.raises(Invalid) as caught:
        Rate.parse(0.15)
    assert caught.value.context["hint"] == "15%"


@pytest.mark.parametrize(
    ("text", "duration"),
    [("30d", Duration(30, "d")), ("2w", Duration(2, "w")), ("3m", Duration(3, "m")), ("1y", Duration(1, "y")),
     ("30日", Duration(30, "d")), ("2週間", Duration(2, "w")), ("3ヶ月", Duration(3, "m")), ("3か月", Duration(3, "m")),
     ("3カ月", Duration(3, "m")), ("1年", Duration(1, "y")), ("３０日", Duration(30, "d")), ("0d", Duration(0, "d"))],
)
def test_duration_forms(text: str, duration: Duration) -> None:
    assert Duration.parse(text) == duration


@pytest.mark.parametrize("value", ["30", "1 month", "-1d", 30, "d"])
def test_duration_rejects(value: object) -> None:
    assert variant_of(Duration.parse, value) == "duration.format"


def test_month_steps_clamp_to_the_month_end() -> None:
    assert Duration(1, "m").after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert Duration(1, "y").after(date(2028, 2, 29)) == date(2029, 2, 28)
    assert Duration(3, "m").before(date(2026, 5, 31)) == date(2026, 2, 28)
    assert Duration(2, "w").after(date(2026, 12, 25)) == date(2027, 1, 8)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), st.integers(-240, 240))
def test_add_months_lands_in_the_right_month(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == min(day.day, calendar.monthrange(moved.year, moved.month)[1])


def test_dates() -> None:
    assert parse_date("2026-11-27") == date(2026, 11, 27)
    assert variant_of(parse_date, "2026-02-30") == "date.no-such-day"
    assert variant_of(parse_date, "2026/11/27") == "date.format"
    assert variant_of(parse_date, 20261127) == "date.format"


def test_yen() -> None:
    assert parse_yen(1000000) == 1000000
    assert variant_of(parse_yen, "1,000,000") == "money.separators"
    assert variant_of(parse_yen, "¥1,000,000") == "money.separators"
    assert variant_of(parse_yen, 1000.5) == "money.float"
    assert variant_of(parse_yen, -1) == "money.negative"
    assert variant_of(parse_yen, True) == "money.type"


def test_slug() -> None:
    assert parse_slug("2026-ueda-001") == "2026-ueda-001"
    for bad in ("Ueda", "-ueda", "ueda_1", "ウエダ", "a" * 65, 12):
        assert variant_of(parse_slug, bad) == "id.slug"


def test_invoice_number_check_digit() -> None:
    assert parse_invoice_number("T7000012050002") == "T7000012050002"
    assert variant_of(parse_invoice_number, "T8000012050002") == "invoice-number.check-digit"
    assert variant_of(parse_invoice_number, "7000012050002") == "invoice-number.format"
    assert variant_of(parse_invoice_number, "T700001205000") == "invoice-number.format"


def test_pay_day() -> None:
    assert parse_pay_day("end") == "end"
    assert parse_pay_day(25) == 25
    assert variant_of(parse_pay_day, 31) == "enum.pay-day"


@pytest.mark.parametrize("number", ["T７００００１２０５０００２", "T٧٠٠٠٠١٢٠٥٠٠٠٢", "T7000012050002\u200b"])
def test_a_registration_number_is_ascii_t_and_13_ascii_digits(number: str) -> None:
    assert variant_of(parse_invoice_number, number) == "invoice-number.format"  # not "wrong check digit"
    assert parse_invoice_number("T7000012050002") == "T7000012050002"


@pytest.mark.parametrize("text", ["٣m", "२d", "2０26-01-01"])
def test_digits_of_other_scripts_are_no_part_of_a_value(text: str) -> None:
    with pytest.raises(Invalid):
        (parse_date if "-" in text else Duration.parse)(text)


def test_a_number_of_thousands_of_digits_in_text_is_named_plainly() -> None:
    assert variant_of(Duration.parse, "9" * 5000 + "d") == "duration.range"
    assert variant_of(parse_yen, "9" * 5000) == "money.type"


@pytest.mark.parametrize(("text", "variant"), [("since: 9999-12-15\n", "date.range"),
                                               ("since: 1066-10-14\n", "date.range")])
def test_dates_beyond_the_business_are_typos(workspace: WorkspaceFactory, text: str, variant: str) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\ncadence: monthly\n" + text})
    assert [c[3] for c in codes(root)] == [variant]


@pytest.mark.parametrize("notice", ["100000y", "99999999999999999999y", "40000d"])
def test_durations_longer_than_a_century(workspace: WorkspaceFactory, notice: str) -> None:
    root = workspace({"contracts/ueda-referral.yaml": REFERRAL_CONTRACT + f"notice: {notice}\n"})
    assert [c[3] for c in codes(root)] == ["duration.range"]


def test_text_is_bounded_so_that_output_cannot_multiply_a_file(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A name is shown in every row of its partner's items: a name of megabytes and a few hundred actions
    would make gigabytes of output, from a workspace of a few megabytes."""
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: " + "長" * 501 + "\nnotes: " + "x" * 20_001 + "\n"})
    assert problems(root) == [("partners/ueda.yaml", 2, "range", "range.too-long"),
                              ("partners/ueda.yaml", 3, "range", "range.too-long")]
    result = haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "json")
    assert result.exit_code == 1 and "長" * 501 not in result.stdout  # left out (and its fees said incomplete)


@pytest.mark.parametrize(("written", "bank"), [
    ("ｶ)ｳｴﾀﾞ", "ｶ)ｳｴﾀﾞ"),  # as the bank holds it already
    ("カ）ウエダ　　ブツリュウ  ", "ｶ)ｳｴﾀﾞ ﾌﾞﾂﾘﾕｳ"),  # full-width spaces too: none at either end, none twice
    ("\u3000 カ）ウエダ \u3000", "ｶ)ｳｴﾀﾞ"),
    ("ヲガワ", "ｵｶﾞﾜ"), ("ｦｶﾞﾜ", "ｵｶﾞﾜ"), ("ヰノウエ", "ｲﾉｳｴ"), ("ヱビス", "ｴﾋﾞｽ"), ("クヮンノン", "ｸﾜﾝﾉﾝ"),
    ("をがわ ゐのうえ ゑびす くゎんのん", "ｵｶﾞﾜ ｲﾉｳｴ ｴﾋﾞｽ ｸﾜﾝﾉﾝ"),  # hiragana as katakana
    ("ハットリ キュウヨ ヴェルデ", "ﾊﾂﾄﾘ ｷﾕｳﾖ ｳﾞｴﾙﾃﾞ"),  # small kana as large ones
    ("ヵ ヶ", "ｶ ｹ"), ("ケーワン", "ｹ-ﾜﾝ"), ("abc shoji", "ABC SHOJI"), ("ａｂｃ．（ｋａ）", "ABC.(KA)"),
    ("ｶ)0123", "ｶ)0123"),
    ("ﾜﾞｲﾝ", "ﾜﾞｲﾝ"), ("ヷ ヸ ヹ ヺ", "ﾜﾞ ｲﾞ ｴﾞ ｵﾞ"), ("ハ゜ン カ゛", "ﾊﾟﾝ ｶﾞ"),  # bank kana stays so; marks apart join
])
def test_a_name_becomes_what_a_bank_holds(written: str, bank: str) -> None:
    assert bank_kana(written) == bank


@pytest.mark.parametrize(("written", "refused"), [
    ("ウエダ「本店」", "｢"), ("ウエダ」", "｣"), ("カ）ウエダ，ホンテン", ","), ("ウエダ/ホンテン", "/"),
    ("ウエダ￥", "¥"),
    ("ウエダ\\", "\\"), ("上田", "上"), ("ABC・DEF", "･"), ("ウエダ\tショウジ", "\t"), ("ßÄ", "ß"),
])
def test_a_name_with_a_character_no_bank_takes_is_refused_naming_it(written: str, refused: str) -> None:
    with pytest.raises(Invalid) as caught:
        bank_kana(written)
    assert caught.value.context == {"value": written, "char": refused}


# What people type for a holder, what banks refuse among it, and anything at all.
NAME_LIKE = ("アイウエオカガキャュョッァヲヰヱヮヴヷーあをゐゑゎっｱｶﾞﾜｲｴｵｯｦｰﾞﾟ゛゜"
             "　 ()（）-－.．,，/「」¥￥・abzＡＺ09０９上")


@given(st.text(alphabet=NAME_LIKE, max_size=40) | st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_a_name_a_bank_takes_holds_only_its_characters_and_converts_once(text: str) -> None:
    try:
        converted = bank_kana(text)
    except Invalid as exc:
        assert exc.context["char"] not in BANK_CHARACTERS
        return
    assert set(converted) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ().-") | {chr(c) for c in range(0xFF71, 0xFFA0)}
    assert converted == converted.strip(" ") and "  " not in converted
    assert bank_kana(converted) == converted  # what a bank holds is already as it holds it


def test_an_account_number_of_fewer_than_7_digits_is_zero_padded_as_banks_pad_it() -> None:
    assert [parse_account_number(n) for n in ("12345", 12345, "0012345", "1234567", 0)] == [
        "0012345", "0012345", "0012345", "1234567", "0000000"]
    for wrong in ("12345678", 10**7, "", "12 45", "１２３４５", True, 12.0, None):
        assert variant_of(parse_account_number, wrong) == "bank.account-number"
