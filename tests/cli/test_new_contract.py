"""haru new contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace()
    (root / "schemas").mkdir()
    return root


def test_new_contract_and_referral(ws: Path, haru: Haru) -> None:
    contract = haru("--data", ws, "new", "contract", "ueda", "--type", "consulting", "--start", "2026-04-01",
                    "--end", "2027-03-31", "--auto-renew", "--term", "1y", "--notice", "1m", "--amount", "300000",
                    "--per", "month", "--title", "生成AI社内導入支援")
    assert contract.exit_code == 0, contract.stderr
    assert (ws / "contracts" / "ueda-consulting-2026.yaml").exists()
    for expected in ("2026-ueda-002", "2026-ueda-003"):  # the base workspace holds 2026-ueda-001
        referral = haru("--data", ws, *TODAY, "new", "referral", "ウエダ", "--client", "株式会社サンプル")
        assert referral.exit_code == 0, referral.stderr
        assert (ws / "referrals" / f"{expected}.yaml").exists()
    assert load_workspace(ws).referrals["2026-ueda-003"].contract == "ueda-referral"  # the only fee contract
