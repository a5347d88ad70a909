"""haru vendor show | list."""

from __future__ import annotations

import json

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory


def test_the_scorecard_and_standing_of_a_vendor(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(VENDORS)
    data = json.loads(haru("--data", root, *TODAY, "vendor", "list", "--format", "json").stdout)
    studio = next(v for v in data["vendors"] if v["id"] == "studio")
    # ep1 on time, ep2 late, ep3 not delivered and past due (11-25 < 11-27), ep4 not yet due
    assert studio["scorecard"] == {"deliverables": 4, "delivered": 2, "on_time": 1, "on_time_pct": 50.0, "late": 2,
                                   "quality_avg": 3.5, "rework_avg": 1.0, "standing": "poor"}
    shown = haru("--data", root, *TODAY, "vendor", "show", "すたじお")
    assert shown.exit_code == 0 and "不良" in shown.stdout and "ep3" in shown.stdout
    assert haru("--data", root, *TODAY, "vendor", "show", "nobody").exit_code == 1
    upcoming = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "30d", "--format", "json").stdout)
    due = [(i["kind"], i["ref"], i["overdue"], i["vendor"], i["partner"]) for i in upcoming["items"]
           if i["kind"] == "deliverable"]
    assert due == [("deliverable", "studio-video/ep3", True, "studio", None),
                   ("deliverable", "studio-video/ep4", False, "studio", None)]
    renewals = json.loads(haru("--data", root, *TODAY, "renewals", "--due", "1y", "--format", "json").stdout)
    row = next(r for r in renewals["renewals"] if r["contract"] == "studio-video")
    assert (row["partner"], row["vendor"], row["name"]) == (None, "studio", "株式会社スタジオ")
