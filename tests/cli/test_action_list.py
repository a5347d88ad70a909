"""haru action list: open actions, numbered as `action done` takes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import LEAD, ODD_MEETING, TODAY, Haru, WorkspaceFactory

MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING, "referrals/2026-ueda-002.yaml": LEAD})


def test_action_list_numbers_actions_as_action_done_takes_them(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "action", "list", "--format", "json")
    actions = json.loads(result.stdout)["actions"]
    assert [(a["meeting"], a["n"], a["task"], a["overdue"]) for a in actions] == [
        ("2026-11-10-ueda-regular", 1, "提案書を送付", True), ("2026-11-10-ueda-regular", 2, "見積を作成", False)]
    assert set(actions[0]) == {"meeting", "n", "partners", "date", "task", "owner", "due", "done", "overdue"}
    mine = json.loads(haru("--data", ws, *TODAY, "action", "list", "--owner", "社長", "--format", "json").stdout)
    assert [a["n"] for a in mine["actions"]] == [2]
