"""haru new student."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import FEES, SCHOOL, TODAY, Haru, WorkspaceFactory


def test_new_student_names_itself_from_its_reading(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    done = haru("--data", root, *TODAY, "new", "student", "山田 太郎", "--kana", "ヤマダ タロウ", "--course",
                "practice")
    assert done.exit_code == 0, done.output
    assert Path(root / "students/2026-yamada-tarou.yaml").is_file()
