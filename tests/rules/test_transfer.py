"""The month's 総合振込 as a rule: whom it pays, whom it leaves out, and HaRu's own side of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from haru_cli.rules.transfer import Sender, month_transfer, sender
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
