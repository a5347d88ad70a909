"""haru referral lost: a lead lost, its status line and the day it was lost (`lost:`), nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import LEAD, TODAY, Haru, WorkspaceFactory

LEAD_FILE = "referrals/2026-ueda-002.yaml"
COMMENTED = "# 例示\n" + LEAD + "notes: |\n  先方の事情で見送り。\n"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({LEAD_FILE: COMMENTED})


def test_a_lead_is_lost_on_a_day_and_nothing_else_changes(ws: Path, haru: Haru) -> None:
    lost = haru("--data", ws, *TODAY, "referral", "lost", "2026-ueda-002", "--date", "2026-11-20")
    assert lost.exit_code == 0, lost.stderr
    assert (ws / LEAD_FILE).read_text(encoding="utf-8") == COMMENTED.replace("status: lead\n", "status: lost\n") + (
        "lost: 2026-11-20\n")
    assert "+status: lost\n" in lost.stdout and "+lost: 2026-11-20\n" in lost.stdout
    listed = json.loads(haru("--data", ws, *TODAY, "referral", "list", "--status", "lost", "--format", "json").stdout)
    assert [(r["id"], r["lost"], r["earned"]) for r in listed["referrals"]] == [("2026-ueda-002", "2026-11-20", 0)]
    again = haru("--data", ws, *TODAY, "referral", "lost", "2026-ueda-002", "--date", "2026-11-21")  # the day mended
    assert again.exit_code == 0 and "lost: 2026-11-21\n" in (ws / LEAD_FILE).read_text(encoding="utf-8")
    won = haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-002", "--signed", "2026-11-25")
    assert won.exit_code == 0  # won after all: the day it was lost stays, as history
    assert haru("--data", ws, *TODAY, "validate", "--strict").exit_code == 0


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *TODAY, "referral", "lost", "2026-ueda-002", "--date", "2026-11-20", "--dry-run")
    assert dry.exit_code == 0 and "+lost: 2026-11-20\n" in dry.stdout
    assert (ws / LEAD_FILE).read_text(encoding="utf-8") == COMMENTED


def test_a_day_before_the_referral_is_refused(ws: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ws)  # problem lines name the file as it is reached from here
    early = haru("--data", ws, *TODAY, "referral", "lost", "2026-ueda-002", "--date", "2026-09-30")
    assert (early.exit_code, early.stderr) == (1, f"{LEAD_FILE}:10:7: error[date-order] 失注日 2026-09-30 が紹介日 "
                                                  "2026-10-01 より前です\nharu: 何も書き込んでいません\n")
    assert (ws / LEAD_FILE).read_text(encoding="utf-8") == COMMENTED


def test_a_won_referral_is_not_lost(ws: Path, haru: Haru) -> None:
    won = haru("--data", ws, *TODAY, "referral", "lost", "2026-ueda-001", "--date", "2026-11-20")
    assert (won.exit_code, won.stderr) == (
        1, "haru: 紹介 2026-ueda-001 は成約です（この操作は見込み、失注の紹介にだけできます）\n")
    none = haru("--data", ws, *TODAY, "referral", "lost", "2026-ueda-009", "--date", "2026-11-20")
    assert none.exit_code == 1 and none.stderr.startswith("haru: 「2026-ueda-009」に該当する紹介がありません。候補:")


def test_help_in_both_languages(haru: Haru) -> None:
    assert "見込みの紹介を失注にします" in haru("referral", "lost", "--help").stdout
    assert "Mark a lead lost" in haru("--lang", "en", "referral", "lost", "--help").stdout
