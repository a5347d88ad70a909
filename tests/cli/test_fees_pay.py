"""haru fees pay: what is paid, recorded once."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import BANKED, TODAY, Haru, WorkspaceFactory, _at_once


def test_fees_pay_records_the_payable_and_unpaid_drops_it(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    unpaid = json.loads(haru("--data", root, *TODAY, "fees", "unpaid", "--format", "json").stdout)
    assert [(s["partner"], s["month"], s["payable"]) for s in unpaid["statements"]] == [("ueda", "2026-09", 49500)]
    assert set(unpaid) == {"today", "statements", "total", "complete", "incomplete"} and unpaid["total"] == 49500
    assert unpaid["complete"] is True
    paid = haru("--data", root, *TODAY, "fees", "pay", "ueda", "--month", "2026-09", "--date", "2026-10-30")
    assert paid.exit_code == 0, paid.stderr
    written = root / "payouts" / "2026" / "2026-10-30-ueda.yaml"
    assert "amount: 49500" in written.read_text(encoding="utf-8") and "month: 2026-09" in written.read_text("utf-8")
    assert json.loads(haru("--data", root, *TODAY, "fees", "unpaid", "--format", "json").stdout)["statements"] == []
    calc = json.loads(haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-09", "--format", "json").stdout)
    [ueda] = calc["statements"]
    assert (ueda["paid"], ueda["paid_on"], ueda["settled"]) == (49500, "2026-10-30", True)
    again = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-09")
    assert again.exit_code == 1 and "error[duplicate-payout]" in again.stderr


def test_a_refund_cannot_turn_into_fees_owed(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A refund settles a negative balance; more than that would become fees HaRu owes, with tax."""
    root = workspace(BANKED)
    too_much = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-09", "--refund",
                    "--amount", "5000", "--date", "2026-10-01")
    assert too_much.exit_code == 1
    assert "error[payout-refund]" in too_much.stderr and "owed back in 2026-09, 0" in too_much.stderr
    assert not (root / "payouts").exists()
    no_amount = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-09", "--refund")
    assert no_amount.exit_code == 1 and "give the amount refunded" in no_amount.stderr
    no_month = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-05")
    assert no_month.exit_code == 1 and "has no fees for 2026-05" in no_month.stderr


def test_two_payments_of_one_statement_at_once_are_one(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    root = workspace()
    common = ["--data", str(root), *TODAY, "--no-cache", "--lang", "en", "fees", "pay", "ueda", "--month", "2026-07"]
    done = _at_once(tmp_path, [*common, "--date", "2026-08-31"], [*common, "--date", "2026-09-01"])
    assert sorted(code for code, _ in done) == [0, 1], done
    assert len(list((root / "payouts/2026").iterdir())) == 1
    assert any("duplicate-payout" in said for _, said in done)


def test_the_month_defaults_to_last_month_as_in_fees_calc(workspace: WorkspaceFactory, haru: Haru) -> None:
    """Paid at the end of November (月末締め翌月末払い), the statement is October's: what --month says unsaid."""
    root = workspace(BANKED)
    paid = haru("--data", root, *TODAY, "fees", "pay", "ueda", "--dry-run")
    assert paid.exit_code == 0, paid.stderr
    assert "month: 2026-10" in paid.stdout and "amount: 135801" in paid.stdout
    early = haru("--data", root, "--today", "2026-10-15", "fees", "pay", "tanaka", "--dry-run")
    assert early.exit_code == 1 and early.stderr == "haru: 田中一郎 の 2026-09 分の紹介手数料はありません\n"
