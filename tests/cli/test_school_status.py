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
    root = workspace({**BASE, **SCHOOL, "courses/other.yaml": "id: other\ntitle: 入門コース\nstart: 2026-10-01\n"})
    found = json.loads(haru("--data", root, *TODAY, "school", "status", "--course", "other", "--format",
                            "json").stdout)
    assert found["students"] == []


def test_the_course_is_named_by_its_title_too(workspace: WorkspaceFactory, haru: Haru) -> None:
    """SPEC §16: `--course 実践` names the course 実践コース; one that is not there is said, not an empty list."""
    root = workspace({**BASE, **SCHOOL, "courses/other.yaml": "id: other\ntitle: 入門コース\nstart: 2026-10-01\n"})
    found = json.loads(haru("--data", root, *TODAY, "school", "status", "--course", "実践", "--format", "json").stdout)
    assert {s["course"] for s in found["students"]} == {"practice"}
    wrong = haru("--data", root, *TODAY, "school", "status", "--course", "応用コース")
    assert wrong.exit_code == 1
    assert wrong.stderr.splitlines()[-1] == ("haru: 「応用コース」に該当するコースがありません。"
                                             "候補: 実践コース (practice), 入門コース (other)")
