"""haru automation list: each automation's saving as of a month."""

from __future__ import annotations

import json

from tests.helpers import TIME, TODAY, Haru, WorkspaceFactory, report

DECEMBER = ("--today", "2026-12-01")  # November is over: its last measurement (11-30) has been taken


def test_an_automation_before_its_first_measurement_saves_an_unknown_amount(
    workspace: WorkspaceFactory, haru: Haru
) -> None:
    fresh = "id: fresh\ntitle: 新しい業務\narea: admin\nsince: 2026-11-01\nbaseline: {minutes: 30, per_month: 4}\n"
    root = workspace({**TIME, "automations/minutes.yaml": None, "automations/slower.yaml": None,
                      "automations/fresh.yaml": fresh})
    data = json.loads(haru("--data", root, *TODAY, "automation", "list", "--month", "2026-11", "--format",
                           "json").stdout)
    assert data["automations"][0]["saved_hours_month"] is None and data["saved_hours_month"] is None
    assert report(haru, root, "--month", "2026-11")["ai_saved_hours"] is None
    assert "未測定" in haru("--data", root, *TODAY, "automation", "list", "--month", "2026-11").stdout
