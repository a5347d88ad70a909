"""haru fees annual: the year's figures per partner."""

from __future__ import annotations

import json

from tests.helpers import BANKED, TODAY, Haru, WorkspaceFactory, payout


def test_the_year_per_partner(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    payout(root, "t", "partner: tanaka\nmonth: 2026-10\ndate: 2026-11-30\namount: 49895\n")
    data = json.loads(haru("--data", root, *TODAY, "fees", "annual", "--year", "2026", "--format", "json").stdout)
    by_partner = {p["partner"]: p for p in data["partners"]}
    assert by_partner["tanaka"] == {"partner": "tanaka", "name": "田中一郎", "entity": "individual",
                                    "withholding_applies": True, "subtotal": 50000, "consumption_tax": 5000,
                                    "withholding": 5105, "payable": 49895, "paid": 49895, "months": ["2026-10"]}
    assert by_partner["ueda"]["months"] == ["2026-09", "2026-10"]  # October's is paid on 2026-11-30, in 2026
    summary = haru("--data", root, *TODAY, "fees", "annual", "--year", "2026", "--format", "md")
    assert "田中一郎" in summary.stdout and "ウエダ" not in summary.stdout  # the 支払調書 is of withholding
    assert "¥5,105" in summary.stdout
