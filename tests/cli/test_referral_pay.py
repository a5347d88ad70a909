"""haru referral pay."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import LEAD, ODD_MEETING, TODAY, Haru, WorkspaceFactory


def test_a_repeated_payment_is_refused_unless_again(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    pay = ("--data", root, *TODAY, "--lang", "en", "referral", "pay", "2026-ueda-001", "--date", "2026-11-30",
           "--amount", "300000")
    assert haru(*pay).exit_code == 0
    before = (root / "referrals/2026-ueda-001.yaml").read_bytes()
    twice = haru(*pay)
    assert twice.exit_code == 1 and "--again" in twice.stderr and "referrals/2026-ueda-001.yaml" in twice.stderr
    assert "payments.2 has the date and amount of payments.1" in twice.stderr
    assert (root / "referrals/2026-ueda-001.yaml").read_bytes() == before  # nothing written
    meant = haru(*pay, "--again")
    assert meant.exit_code == 0 and "duplicate-entry" in meant.stderr  # written, and the warning said
    assert (root / "referrals/2026-ueda-001.yaml").read_text(encoding="utf-8").count("2026-11-30") == 2


MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING, "referrals/2026-ueda-002.yaml": LEAD})


def test_a_change_that_would_be_invalid_writes_nothing(ws: Path, haru: Haru) -> None:
    lead, won = ws / "referrals" / "2026-ueda-002.yaml", ws / "referrals" / "2026-ueda-001.yaml"
    before = {path: path.read_bytes() for path in (lead, won)}
    cancelled = haru("--data", ws, *TODAY, "--lang", "en", "referral", "cancel", "2026-ueda-002",
                     "--date", "2026-11-01")
    assert cancelled.exit_code == 1 and "2026-ueda-002 is Lead" in cancelled.stderr  # a lead never won
    paid = haru("--data", ws, *TODAY, "--lang", "en", "referral", "pay", "2026-ueda-002", "--date", "2026-11-01",
                "--amount", "1")
    assert paid.exit_code == 1 and "that is Won" in paid.stderr  # a lead is not paid
    early = haru("--data", ws, *TODAY, "referral", "pay", "2026-ueda-001", "--date", "2026-06-01", "--amount", "1")
    assert early.exit_code == 1 and "error[date-order]" in early.stderr  # paid before the deal was signed
    dry = haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-002", "--signed", "2026-11-01", "--dry-run")
    assert "-status: lead" in dry.stdout and "+status: won" in dry.stdout and "+  signed: 2026-11-01" in dry.stdout
    assert {path: path.read_bytes() for path in (lead, won)} == before
