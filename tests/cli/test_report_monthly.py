"""haru report monthly."""

from __future__ import annotations

from tests.helpers import TIME, Haru, WorkspaceFactory

DECEMBER = ("--today", "2026-12-01")  # November is over: its last measurement (11-30) has been taken


def test_the_monthly_report_has_the_time_and_the_savings(workspace: WorkspaceFactory, haru: Haru) -> None:
    text = haru("--data", workspace(TIME), *DECEMBER, "report", "monthly", "--month", "2026-11").stdout
    assert "| コンサルティング | 2.5 | 62.5% | 50.0% | +12.5 |" in text
    assert "| 研修資料 | AIスクール | 180 | 200 | 2 | -0.67 |" in text
