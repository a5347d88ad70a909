"""haru automation show: one automation and its measurements."""

from __future__ import annotations

import json

from tests.helpers import TIME, TODAY, Haru, WorkspaceFactory


def test_automations_as_of_a_month(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    result = haru("--data", root, *TODAY, "automation", "list", "--month", "2026-10", "--format", "json")
    data = json.loads(result.stdout)
    by_id = {a["id"]: a for a in data["automations"]}
    assert by_id["minutes"] == {
        "id": "minutes", "title": "議事録の下書き", "area": "partners", "status": "active", "minutes_before": 60,
        "minutes_now": 20, "per_month": 8, "saved_hours_month": round(320 / 60, 2),
        "saved_hours_fy": round(5 * 320 / 60, 2),  # June (since) to October; the 11-30 measurement is not yet
        "last_measured": "2026-06-30", "next_review": "2026-09-30", "review_overdue": True,  # as of October
    }
    assert by_id["slower"]["saved_hours_month"] == round(-40 / 60, 2)
    assert by_id["slower"]["next_review"] == "2026-11-15" and by_id["slower"]["review_overdue"] is True
    assert data["saved_hours_month"] == round(280 / 60, 2)
    shown = json.loads(haru("--data", root, *TODAY, "automation", "show", "slower", "--format", "json").stdout)
    assert [a["id"] for a in shown["automations"]] == ["slower"] and shown["saved_hours_month"] == -0.67
    assert haru("--data", root, "automation", "show", "nope").exit_code == 1
