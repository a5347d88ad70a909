"""The month's 総合振込 as a rule: whom it pays, whom it leaves out, HaRu's own side of it, and the days a file
made today may be transferred on."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haru_cli.rules.transfer import Sender, earliest_transfer_day, month_transfer, sender, transfer_day_refused
from tests.helpers import BANKED, DAYS, load_workspace, write_workspace

OCTOBER = date(2026, 10, 1)


def test_partners_with_a_bank_account_are_paid_and_the_others_left_out(tmp_path: Path) -> None:
    found = month_transfer(load_workspace(write_workspace(tmp_path, BANKED)), OCTOBER, DAYS)
    assert [s.partner.id for s in found.payees] == ["ueda"]
    assert [s.partner.id for s in found.left_out] == ["tanaka"]  # 田中一郎 has no bank account
    assert found.pay_on == date(2026, 11, 30)


def test_a_statement_paid_already_is_not_paid_again(tmp_path: Path) -> None:
    paid = {"payouts/2026/p.yaml": "id: p\npartner: ueda\nmonth: 2026-10\ndate: 2026-11-30\namount: 135801\n"}
    found = month_transfer(load_workspace(write_workspace(tmp_path, {**BANKED, **paid})), OCTOBER, DAYS)
    assert [s.partner.id for s in found.due] == ["tanaka"] and found.payees == []


def test_a_month_with_nothing_due_is_paid_on_no_day_of_its_own(tmp_path: Path) -> None:
    found = month_transfer(load_workspace(write_workspace(tmp_path, BANKED)), date(2026, 3, 1), DAYS)
    assert found.due == [] and found.pay_on == date(2026, 3, 1)


def test_haru_s_side_needs_its_bank_and_requester_from_a_sound_haru_yaml(tmp_path: Path) -> None:
    ours = sender(load_workspace(write_workspace(tmp_path / "banked", BANKED)))
    assert isinstance(ours, Sender) and ours.account.bank == "0001"
    assert ours.requester.requester_code == "0000000001"
    no_bank = {**BANKED, "haru.yaml": "company: テスト株式会社\n"}
    assert sender(load_workspace(write_workspace(tmp_path / "no-bank", no_bank))) == "no_bank_settings"
    broken = {**BANKED, "haru.yaml": str(BANKED["haru.yaml"]) + "locale: klingon\n"}
    assert sender(load_workspace(write_workspace(tmp_path / "broken", broken))) == "settings_broken"


@pytest.mark.parametrize(("today", "earliest"), [
    (date(2026, 11, 27), date(2026, 11, 30)),  # a Friday: the file goes to the bank today for Monday
    (date(2026, 11, 28), date(2026, 12, 1)),  # a Saturday: Friday, the business day before Monday, is gone
    (date(2026, 11, 29), date(2026, 12, 1)),
    (date(2026, 11, 20), date(2026, 11, 24)),  # Monday 11-23 is 勤労感謝の日
    (date(2026, 12, 29), date(2026, 12, 30)),
    (date(2026, 12, 30), date(2027, 1, 4)),  # banks close 12/31 to 1/3
])
def test_the_earliest_transfer_day_leaves_the_bank_a_business_day_before_it(today: date, earliest: date) -> None:
    assert earliest_transfer_day(today, DAYS) == earliest


@pytest.mark.parametrize(("day", "refused"), [
    (date(2026, 11, 30), None), (date(2026, 12, 1), None),
    (date(2026, 11, 27), "too_soon"),  # today
    (date(2026, 11, 20), "too_soon"),  # past: its MMDD would read as next year's
    (date(2026, 11, 28), "closed"), (date(2026, 12, 31), "closed"), (date(2027, 1, 1), "closed"),
    (date(2027, 1, 11), "closed"),  # 成人の日
    (date(2026, 11, 23), "closed"),  # a holiday past is closed first of all
    (date(2027, 11, 26), None),  # the last business day before a year from today
    (date(2027, 11, 29), "too_far"), (date(2027, 12, 1), "too_far"),  # MMDD would be read as this year's
    (date(2030, 1, 7), "too_far"),
])
def test_a_transfer_day_is_a_business_day_the_bank_can_still_make(day: date, refused: str | None) -> None:
    assert transfer_day_refused(day, date(2026, 11, 27), DAYS) == refused


@given(st.dates(date(2025, 1, 1), date(2028, 12, 31)), st.integers(-10, 400))
def test_a_transfer_day_is_refused_exactly_when_no_business_day_from_today_comes_before_it(today: date,
                                                                                           ahead: int) -> None:
    """Against a second formulation: a day the bank makes is a business day with a business day in
    [today, day) — the day on which the bank still takes the file."""
    day = today + timedelta(days=ahead)
    handed_in = any(DAYS.is_business_day(today + timedelta(days=n)) for n in range(max(ahead, 0)))
    expected = None if DAYS.is_business_day(day) and handed_in else ("too_soon" if DAYS.is_business_day(day)
                                                                        else "closed")
    if (day.year, day.month, day.day) >= (today.year + 1, today.month, today.day):  # MMDD cannot say which year
        expected = "too_far"
    assert transfer_day_refused(day, today, DAYS) == expected
