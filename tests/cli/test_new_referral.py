"""haru new referral."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.helpers import TODAY, Haru, WorkspaceFactory


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace()
    (root / "schemas").mkdir()
    return root


def test_a_new_id_never_takes_that_of_a_broken_file(ws: Path, haru: Haru) -> None:
    (ws / "referrals" / "2026-ueda-002.yaml").write_text("id: 2026-ueda-002\nclient: [\n", encoding="utf-8")
    result = haru("--data", ws, *TODAY, "new", "referral", "ueda", "--client", "x")
    assert result.exit_code == 0, result.stderr
    assert (ws / "referrals" / "2026-ueda-003.yaml").exists()


def test_a_won_referral_is_written_with_its_deal(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "referral", "ueda", "--client", "株式会社テスト物流", "--status", "won",
                  "--signed", "2026-11-20", "--amount", "3600000")
    assert result.exit_code == 0, result.stderr
    written = yaml.safe_load(Path(result.stdout.strip()).read_text(encoding="utf-8"))
    assert written["deal"] == {"signed": date(2026, 11, 20), "amount": 3600000}
    without = haru("--data", ws, *TODAY, "new", "referral", "ueda", "--client", "x", "--status", "won")
    assert without.exit_code == 1 and "error[deal-missing]" in without.stderr
