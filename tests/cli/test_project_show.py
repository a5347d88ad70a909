"""haru project show."""

from __future__ import annotations

import json

from tests.helpers import PROJECTS, TODAY, Haru, WorkspaceFactory


def test_a_project_with_its_meetings_and_dates(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(PROJECTS)
    shown = json.loads(haru("--data", root, *TODAY, "project", "show", "tool", "--format", "json").stdout)
    assert (shown["next_meeting"], shown["hours"], shown["meetings"]) == ("2026-11-24", 1.5, ["tool-1"])
    text = haru("--data", root, *TODAY, "project", "show", "tool").stdout
    assert "β版は 12 月に" in text and "社長" in text
    report = haru("--data", root, *TODAY, "report", "project", "tool").stdout
    assert "# 進捗会議: ツール共同開発" in report and "β版は 12 月に" in report
    items = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "14d", "--format", "json").stdout)
    mine = [(i["kind"], i["date"], i["overdue"]) for i in items["items"]
            if i["kind"] in ("project_meeting", "milestone", "opportunity")]
    assert mine == [("opportunity", "2026-11-20", True), ("project_meeting", "2026-11-24", True),
                    ("milestone", "2026-12-05", False)]
    partner = json.loads(haru("--data", root, *TODAY, "partner", "show", "ueda", "--format", "json").stdout)
    assert partner["projects"] == ["tool"] and [o["id"] for o in partner["opportunities"]] == ["case", "seminar"]
