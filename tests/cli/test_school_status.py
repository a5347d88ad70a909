"""haru school status."""

from __future__ import annotations

import json

from tests.helpers import BASE, SCHOOL, TODAY, Haru, WorkspaceFactory


def test_each_student_with_what_they_passed(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**BASE, **SCHOOL})
    found = json.loads(haru("--data", root, *TODAY, "school", "status", "--format", "json").stdout)
    ito = next(s for s in found["students"] if s["student"] == "2026-ito")
    assert (ito["course"], ito["passed"], ito["assignments"], ito["eligible"]) == ("practice", 0, 2, False)
    assert "伊藤 一郎" in haru("--data", root, *TODAY, "school", "status").stdout


def test_a_course_with_no_students_says_so(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**BASE, **SCHOOL})
    found = json.loads(haru("--data", root, *TODAY, "school", "status", "--course", "other", "--format",
                            "json").stdout)
    assert found["students"] == []
