"""haru meeting list | show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import LEAD, ODD_MEETING, TODAY, Haru, WorkspaceFactory

MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING, "referrals/2026-ueda-002.yaml": LEAD})


def test_meeting_list_and_show(ws: Path, haru: Haru) -> None:
    listed = json.loads(haru("--data", ws, "meeting", "list", "--partner", "ウエダ", "--since", "2026-11-01",
                             "--format", "json").stdout)
    assert [m["id"] for m in listed["meetings"]] == ["2026-11-10-ueda-regular"]
    assert json.loads(haru("--data", ws, "meeting", "list", "--kind", "feedback", "--format", "json").stdout) == {
        "meetings": []}
    shown = haru("--data", ws, *TODAY, "meeting", "show", "2026-11-10-ueda-regular")
    assert shown.exit_code == 0 and "提案書を送付" in shown.stdout and "2026-11-20 (超過)" in shown.stdout
