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


def test_the_next_review_follows_the_measurement_just_made(workspace: WorkspaceFactory, haru: Haru) -> None:
    """Shown as of last month, an automation still says when to measure next from today's point of view."""
    automation = ("id: drafting\ntitle: 下書き\narea: partners\nsince: 2026-06-01\n"
                  "baseline: {minutes: 60, per_month: 8}\nreview: 3m\nmeasurements:\n"
                  "  - {date: 2026-11-25, minutes: 12, per_month: 8}\n")
    root = workspace({"automations/drafting.yaml": automation})
    shown = haru("--data", root, "--today", "2026-11-25", "automation", "show", "drafting", "--format", "json")
    [found] = json.loads(shown.stdout)["automations"]
    assert found["next_review"] == "2027-02-25"
