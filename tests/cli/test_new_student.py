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


def test_the_course_and_referral_are_found_by_what_a_person_types(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    done = haru("--data", root, *TODAY, "new", "student", "受講生A", "--kana", "ジュコウセイエー", "--course",
                "実践コース", "--referral", "受講生A")
    assert done.exit_code == 0, done.stderr
    written = (root / "students/2026-jukouseie.yaml").read_text("utf-8")
    assert "course: practice\n" in written and "referral: 2026-tanaka-001\n" in written
    unknown = haru("--data", root, *TODAY, "new", "student", "x", "--id", "x", "--course", "存在しないコース")
    assert unknown.exit_code == 1 and "「存在しないコース」に該当するコースがありません" in unknown.stderr
