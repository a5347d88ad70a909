"""haru report agenda."""

from __future__ import annotations

from tests.helpers import REPORTS, TODAY, Haru, WorkspaceFactory


def test_wareki_dates(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(REPORTS), *TODAY, "report", "agenda", "spcom", "--wareki")
    assert "令和8年" in result.stdout and "2026年" not in result.stdout
