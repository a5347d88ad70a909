"""haru project list."""

from __future__ import annotations

import json

from tests.helpers import BASE, PROJECTS, TODAY, Haru, WorkspaceFactory


def test_projects_with_their_next_meeting_and_hours(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**BASE, **PROJECTS})
    found = json.loads(haru("--data", root, *TODAY, "project", "list", "--format", "json").stdout)
    tool = next(p for p in found["projects"] if p["id"] == "tool")
    assert (tool["next_meeting"], tool["next_meeting_overdue"], tool["hours"]) == ("2026-11-24", True, 1.5)
    table = haru("--data", root, *TODAY, "project", "list", "--format", "csv").stdout
    assert "ツール共同開発" in table and "1/2" in table  # one of its two milestones done


def test_no_projects_says_so(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(BASE), *TODAY, "--lang", "en", "project", "list")
    assert result.exit_code == 0 and result.stdout == "No projects recorded.\n"
