"""haru referral won | cancel: a referral through its life."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import LEAD, ODD_MEETING, TODAY, Haru, WorkspaceFactory

MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING, "referrals/2026-ueda-002.yaml": LEAD})


def test_a_lead_won_and_paid_earns_its_fee(ws: Path, haru: Haru) -> None:
    won = haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-002", "--signed", "2026-10-15",
               "--amount", "1000000")
    assert won.exit_code == 0, won.stderr
    paid = haru("--data", ws, *TODAY, "referral", "pay", "2026-ueda-002", "--date", "2026-10-31", "--amount", "200000")
    assert paid.exit_code == 0, paid.stderr
    text = (ws / "referrals" / "2026-ueda-002.yaml").read_text(encoding="utf-8")
    assert text.startswith(LEAD.replace("status: lead", "status: won"))  # the rest added below, as it was
    calc = json.loads(haru("--data", ws, *TODAY, "fees", "calc", "--month", "2026-10", "--format", "json").stdout)
    [ueda] = calc["statements"]
    assert [(line["referral"], line["amount"]) for line in ueda["lines"]] == [("2026-ueda-002", 30000)]  # 15%
    pipeline = json.loads(haru("--data", ws, *TODAY, "referral", "list", "--format", "json").stdout)
    assert {r["id"]: r["earned"] for r in pipeline["referrals"]} == {"2026-ueda-001": 45000, "2026-ueda-002": 30000}


def test_line_ends_and_a_bom_are_kept(workspace: WorkspaceFactory, haru: Haru) -> None:
    crlf = ("\ufeff" + LEAD.replace("\n", "\r\n")).encode("utf-8")
    ws = workspace({"referrals/2026-ueda-002.yaml": crlf})
    assert haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-002", "--signed", "2026-11-01").exit_code == 0
    written = (ws / "referrals" / "2026-ueda-002.yaml").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfid: 2026-ueda-002\r\n") and b"\n" not in written.replace(b"\r\n", b"")
    assert b"status: won\r\n" in written and written.endswith(b"deal:\r\n  signed: 2026-11-01\r\n")


def test_moving_a_referral_on_follows_its_life(ws: Path, haru: Haru) -> None:
    won = haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-001", "--signed", "2026-07-01")
    assert won.exit_code == 0  # already won: its deal is set again (here, as it was)
    cancel = haru("--data", ws, *TODAY, "referral", "cancel", "2026-ueda-001", "--date", "2026-11-01")
    assert cancel.exit_code == 0
    again = haru("--data", ws, *TODAY, "--lang", "en", "referral", "won", "2026-ueda-001", "--signed", "2026-07-01")
    assert again.exit_code == 1 and "is Cancelled" in again.stderr  # a cancellation is not undone by won
    paid = haru("--data", ws, *TODAY, "--lang", "en", "referral", "pay", "2026-ueda-001", "--date", "2026-11-20",
                "--amount", "5")
    assert paid.exit_code == 1 and "is Cancelled" in paid.stderr
