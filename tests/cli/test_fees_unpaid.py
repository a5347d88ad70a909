"""haru fees unpaid: what is owed and not paid, and whether its figures are whole."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import BANKED, TODAY, Haru, WorkspaceFactory, payout

DECEMBER = ("--today", "2026-12-07")


def test_json_says_whether_its_figures_are_whole(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    whole = json.loads(haru("--data", root, *DECEMBER, "fees", "unpaid", "--format", "json").stdout)
    assert whole["complete"] is True and whole["incomplete"] == []
    (root / "contracts/ueda-referral.yaml").write_text("id: ueda-referral\nbogus: 1\n", encoding="utf-8")
    for args in (["fees", "unpaid"], ["fees", "calc", "--month", "2026-07"], ["partner", "show", "ueda"],
                 ["upcoming"], ["referral", "list"], ["fees", "annual", "--year", "2026"]):
        result = haru("--data", root, *DECEMBER, *args, "--format", "json")
        assert result.exit_code == 1, args
        data = json.loads(result.stdout)
        assert data["complete"] is False and "contracts/ueda-referral.yaml" in data["incomplete"], args
    table = haru("--data", root, *DECEMBER, "fees", "unpaid")
    assert table.exit_code == 1 and "不完全" in table.stdout and "contracts/ueda-referral.yaml" in table.stdout


def test_a_payout_file_with_errors_leaves_what_is_paid_unknown(
    workspace: WorkspaceFactory, haru: Haru, tmp_path: Path
) -> None:
    """A payment that cannot be read may have been made: the figures say so, and no transfer file pays it again."""
    root = workspace(BANKED)
    payout(root, "typo", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 49500\nnotes: x\n")
    unpaid = haru("--data", root, *TODAY, "fees", "unpaid")
    assert unpaid.exit_code == 1 and "payouts/2026/typo.yaml" in unpaid.stderr
    shown = haru("--data", root, *TODAY, "partner", "show", "ueda")
    assert shown.exit_code == 1 and "payouts/2026/typo.yaml" in shown.stderr
    out = tmp_path / "transfer.txt"
    refused = haru("--data", root, *TODAY, "fees", "transfer", "--month", "2026-09", "-o", out)
    assert refused.exit_code == 1 and "二重に支払う" in refused.stderr and not out.exists()


def test_unpaid_is_the_same_in_partner_show_and_fees_unpaid(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    payout(root, "part", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 20000\n")  # paid in part
    shown = json.loads(haru("--data", root, *TODAY, "partner", "show", "ueda", "--format", "json").stdout)
    unpaid = json.loads(haru("--data", root, *TODAY, "fees", "unpaid", "--format", "json").stdout)
    assert shown["fees"]["unpaid"] == unpaid["total"] == 0  # the payment stands; validate warns payout-mismatch
    warned = haru("--data", root, "validate").stdout
    assert "warning[payout-mismatch]" in warned
