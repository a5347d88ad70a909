"""haru referral list."""

from __future__ import annotations

import json

from tests.helpers import BASE, SCENARIO, TODAY, Haru, WorkspaceFactory


def test_a_won_referral_with_its_deal_and_what_it_earned(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**BASE, **SCENARIO})
    found = json.loads(haru("--data", root, *TODAY, "referral", "list", "--status", "won", "--format",
                            "json").stdout)
    won = {r["id"]: r for r in found["referrals"]}
    assert won["2026-ueda-001"]["deal"] == {"signed": "2026-07-01", "amount": 3600000}
    assert won["2026-ueda-001"]["earned"] == 45000 and all(r["status"] == "won" for r in won.values())
    assert "株式会社サンプル物流" in haru("--data", root, *TODAY, "referral", "list").stdout


def test_an_unknown_partner_names_the_partners_there_are(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(BASE), *TODAY, "--lang", "en", "referral", "list", "--partner", "nobody")
    assert result.exit_code == 1 and "nobody" in result.stderr and "(ueda)" in result.stderr


def test_a_status_that_is_not_one_is_a_wrong_option(workspace: WorkspaceFactory, haru: Haru) -> None:
    assert haru("--data", workspace(BASE), "referral", "list", "--status", "maybe").exit_code == 2
