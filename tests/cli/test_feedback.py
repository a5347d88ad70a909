"""haru feedback: customer-feedback milestones."""

from __future__ import annotations

import json

import pytest

from tests.helpers import SCENARIO, TODAY, Haru, WorkspaceFactory


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(SCENARIO))


def test_feedback_json(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "feedback", "--due", "60d", "--format", "json")
    data = json.loads(result.stdout)
    assert data["milestones"] == [
        {"contract": "old", "partner": "spcom", "vendor": None, "name": "株式会社S.P.COM", "milestone": "2026-10-31",
         "window_start": "2026-09-01", "status": "overdue", "held_on": None},
        {"contract": "half", "partner": "spcom", "vendor": None, "name": "株式会社S.P.COM", "milestone": "2026-12-31",
         "window_start": "2026-11-01", "status": "held", "held_on": "2026-11-20"},
    ]
